"""Committees in the Wagtail admin: people, seats, meetings and KPIs; warnings on the dashboard;
minutes served to the committee's members only."""

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView as SnippetIndexView
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from cms.admin_access import ListersOnlyChooserViewSet
from cms.exports import FormulaSafeExportMixin

from .models import (
    KPI,
    CommitteePage,
    CurriculumAction,
    Meeting,
    Membership,
    Person,
    VacancyApplication,
    VacancyPage,
    members_only_committees,
)


class PersonViewSet(SnippetViewSet):
    model = Person
    icon = "user"
    menu_label = _("People")
    list_display = ["name", "title", "organisation"]
    search_fields = ["name", "title"]


class MembershipViewSet(SnippetViewSet):
    model = Membership
    icon = "group"
    menu_label = _("Memberships")
    list_display = [
        "person",
        "committee",
        "role",
        "seat_category",
        "stakeholder_group",
        "term_start",
        "term_end",
    ]
    list_filter = ["committee", "role", "seat_category", "stakeholder_group"]


class MeetingViewSet(SnippetViewSet):
    model = Meeting
    icon = "date"
    menu_label = _("Meetings")
    list_display = ["committee", "kind", "starts_at", "location"]
    list_filter = ["committee", "kind"]


class KPIViewSet(SnippetViewSet):
    model = KPI
    icon = "pick"
    menu_label = _("KPIs")
    list_display = ["name", "committee", "unit", "baseline", "target", "target_date"]
    list_filter = ["committee"]


class FormulaSafeIndexView(FormulaSafeExportMixin, SnippetIndexView):
    pass


class ApplicationViewSet(SnippetViewSet):
    """Applications for open seats, for the committees' secretaries (moderators): read and export."""

    model = VacancyApplication
    chooser_viewset_class = ListersOnlyChooserViewSet  # personal records: not for every admin user
    icon = "mail"
    menu_label = _("Applications")
    index_view_class = FormulaSafeIndexView
    list_display = ["name", "email", "organisation", "vacancy", "created_at"]
    list_filter = ["vacancy"]
    list_export = ["vacancy.title", "name", "email", "organisation", "motivation", "created_at"]
    export_filename = "vacancy-applications"
    search_fields = ["name", "email", "organisation"]


class CurriculumActionViewSet(SnippetViewSet):
    model = CurriculumAction
    chooser_viewset_class = ListersOnlyChooserViewSet  # the committees' internal work
    icon = "tasks"
    menu_label = _("Curriculum actions")
    list_display = ["description", "competency", "committee", "owner", "due_date", "status"]
    list_filter = ["committee", "status"]


class CommitteeGroup(SnippetViewSetGroup):
    items = (
        PersonViewSet,
        MembershipViewSet,
        MeetingViewSet,
        KPIViewSet,
        CurriculumActionViewSet,
        ApplicationViewSet,
    )
    menu_icon = "group"
    menu_label = _("Committees")
    menu_order = 295


register_snippet(CommitteeGroup)


class CommitteeWarningsPanel(Component):
    """Unrepresented seat categories and terms ending within three months, for those who edit committees."""

    template_name = "committee/admin/warnings_panel.html"
    order = 120

    def __init__(self, warnings):
        self.warnings = warnings

    def get_context_data(self, parent_context):
        return {"warnings": self.warnings}


@hooks.register("construct_homepage_panels")
def committee_warnings(request, panels):
    if not request.user.has_perm("committee.change_membership"):
        return
    committees = CommitteePage.objects.filter(locale__language_code="nl").order_by("title")
    warnings = [warning for committee in committees for warning in committee.warnings()]
    if warnings:
        panels.append(CommitteeWarningsPanel(warnings))


@hooks.register("before_serve_document")
def minutes_for_members_only(document, request):
    """Minutes and meeting papers open for the members of the meeting's committee (and staff with the
    permission) only, also by the document's direct URL, and also once they are detached."""
    committees = members_only_committees(document)
    if not committees:
        return None
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    pages = CommitteePage.objects.filter(translation_key__in=committees)  # in any language
    if any(committee.has_member(request.user) for committee in pages):
        return None
    if request.user.has_perm("committee.view_members_area"):
        return None  # also the documents of a committee whose page was deleted
    raise PermissionDenied


@hooks.register("exclude_from_site_search")
def closed_vacancies():
    """A closed vacancy leaves the site search as it leaves the listings (its address still answers)."""
    return VacancyPage.closed().values_list("pk", flat=True)
