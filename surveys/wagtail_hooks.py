"""The questionnaires' results in the Wagtail admin: gap reports, exports and the responses."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail_modeladmin.options import ModelAdmin, modeladmin_register
from wagtail_modeladmin.views import InspectView

from cms.admin_access import InspectorsOnlyHistoryView

from . import admin_views
from .models import Response


@hooks.register("register_admin_urls")
def report_urls():
    return [
        path("gap-reports/", admin_views.reports_index, name="survey_reports"),
        path("gap-reports/<int:page_id>/", admin_views.survey_report, name="survey_report"),
        path(
            "gap-reports/<int:page_id>/invitations/",
            admin_views.survey_invitations,
            name="survey_invitations",
        ),
        path(
            "gap-reports/<int:page_id>/export/<str:what>/",
            admin_views.export,
            name="survey_export",
        ),
    ]


class ResultsMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.may_view_results(request.user)


@hooks.register("register_admin_menu_item")
def reports_menu_item():
    return ResultsMenuItem(_("Gap reports"), reverse("survey_reports"), icon_name="table", order=280)


class ResponseInspectView(InspectView):
    """One response with its answers, labelled by the questions they answer."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["answers"] = admin_views.answers_of(self.instance)
        context["ratings"] = self.instance.ratings.select_related("competency").order_by(
            "competency__sort_order"
        )
        return context


class ResponseAdmin(ModelAdmin):
    """Responses to the questionnaires, for survey analysts (never drafts' contents)."""

    model = Response
    menu_label = _("Survey responses")
    menu_icon = "form"
    menu_order = 285
    add_to_settings_menu = False
    list_display = ("pk", "survey", "status", "stakeholder_group", "profession", "submitted_at")
    list_filter = ("survey", "status", "stakeholder_group", "profession")
    search_fields = ("survey__title",)
    inspect_view_enabled = True
    inspect_view_fields = (
        "survey",
        "status",
        "language",
        "stakeholder_group",
        "profession",
        "organisation_type",
        "experience",
        "region",
        "submitted_at",
    )
    inspect_template_name = "surveys/admin/response_inspect.html"
    inspect_view_class = ResponseInspectView
    history_view_class = InspectorsOnlyHistoryView  # for analysts, like the response itself

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("survey")


modeladmin_register(ResponseAdmin)
