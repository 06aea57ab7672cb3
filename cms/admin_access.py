"""Admin views that Wagtail opens to every admin user, closed here to those who may see the model.

Wagtail's snippet chooser lists (and its "chosen" view describes) every instance of a model to anyone
with admin access, whatever their permissions on it; wagtail-modeladmin's history view shows an
instance's name the same way. For personal records (registrations, subscribers, applications) and
results (enrolments, certificates) that would show names and addresses to survey analysts, course
administrators and staff who may not list them. tests/test_permission_matrix.py keeps them closed.
"""

from django.core.exceptions import PermissionDenied
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.views.chooser import (
    ChooseResultsView,
    ChooseView,
    SnippetChooserViewSet,
    SnippetChosenMultipleView,
    SnippetChosenView,
)
from wagtail_modeladmin.views import HistoryView

LISTING_PERMISSIONS = {"add", "change", "delete", "view"}


class ListersOnly:
    """A chooser view for those who may list the model in its own listing (any of its permissions)."""

    def dispatch(self, request, *args, **kwargs):
        policy = ModelPermissionPolicy(self.model_class)
        if not policy.user_has_any_permission(request.user, LISTING_PERMISSIONS):
            raise PermissionDenied  # Wagtail answers with a message on the dashboard
        return super().dispatch(request, *args, **kwargs)


class ListersOnlyChooseView(ListersOnly, ChooseView):
    pass


class ListersOnlyChooseResultsView(ListersOnly, ChooseResultsView):
    pass


class ListersOnlyChosenView(ListersOnly, SnippetChosenView):
    pass


class ListersOnlyChosenMultipleView(ListersOnly, SnippetChosenMultipleView):
    pass


class ListersOnlyChooserViewSet(SnippetChooserViewSet):
    """The chooser of a snippet whose instances are personal records: ``chooser_viewset_class``."""

    choose_view_class = ListersOnlyChooseView
    choose_results_view_class = ListersOnlyChooseResultsView
    chosen_view_class = ListersOnlyChosenView
    chosen_multiple_view_class = ListersOnlyChosenMultipleView


class InspectorsOnlyHistoryView(HistoryView):
    """An instance's history for those who may inspect it: ``history_view_class`` of a ModelAdmin."""

    def check_action_permitted(self, user):
        return self.permission_helper.user_can_inspect_obj(user, self.instance)
