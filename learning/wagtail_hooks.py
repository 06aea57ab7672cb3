"""Learning results in the Wagtail admin, for staff who may view them."""

from django.contrib.admin import SimpleListFilter
from django.db.models import Exists, OuterRef
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail_modeladmin.helpers import ButtonHelper, PermissionHelper
from wagtail_modeladmin.options import ModelAdmin, ModelAdminGroup, modeladmin_register
from wagtail_modeladmin.views import IndexView

from cms.admin_access import InspectorsOnlyHistoryView
from cms.exports import FormulaSafeExportMixin

from . import admin_views
from .models import Certificate, Enrolment


@hooks.register("register_admin_urls")
def learning_urls():
    return [
        path("course-statistics/", admin_views.course_statistics, name="learning_statistics"),
        path("certificates/<int:pk>/revoke/", admin_views.revoke_certificate, name="learning_revoke"),
        path("certificates/issue-owed/", admin_views.issue_owed_certificates, name="learning_issue_owed"),
    ]


class ResultsMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.may_view_results(request.user)


class ResultsPermissionHelper(PermissionHelper):
    """Results are read, never made or edited by hand: one permission opens them."""

    def user_can_list(self, user):
        return admin_views.may_view_results(user)

    def user_can_inspect_obj(self, user, obj):
        return admin_views.may_view_results(user)

    def user_can_create(self, user):
        return False

    def user_can_edit_obj(self, user, obj):
        return False

    def user_can_delete_obj(self, user, obj):
        return False


class FormulaSafeIndexView(FormulaSafeExportMixin, IndexView):
    pass


class EnrolmentStatus(SimpleListFilter):
    title = _("status")
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return [("completed", _("Completed")), ("in_progress", _("In progress"))]

    def queryset(self, request, queryset):
        """Completed means the current round: a learner retaking an expired course is in progress."""
        this_round = Certificate.objects.filter(enrolment=OuterRef("pk"), round=OuterRef("round"))
        if self.value() == "completed":
            return queryset.filter(Exists(this_round))
        if self.value() == "in_progress":
            return queryset.exclude(Exists(this_round))
        return queryset


class CertificateStatus(SimpleListFilter):
    title = _("status")
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return [("valid", _("valid")), ("expired", _("expired")), ("revoked", _("revoked"))]

    def queryset(self, request, queryset):
        from django.utils import timezone

        today = timezone.localdate()
        if self.value() == "revoked":
            return queryset.filter(revoked_at__isnull=False)
        if self.value() == "expired":
            return queryset.filter(revoked_at__isnull=True, expires_on__lte=today)
        if self.value() == "valid":
            return queryset.filter(revoked_at__isnull=True, expires_on__gt=today)
        return queryset


class EnrolmentAdmin(ModelAdmin):
    model = Enrolment
    menu_label = _("Enrolments")
    menu_icon = "user"
    permission_helper_class = ResultsPermissionHelper
    index_view_class = FormulaSafeIndexView
    list_display = ("learner_name", "course", "enrolled_at", "round", "completed_on")
    list_filter = ("course", EnrolmentStatus, "enrolled_at")
    search_fields = ("user__email", "user__learner__certificate_name")
    list_export = ("learner_name", "user__email", "course", "enrolled_at", "round", "completed_on")
    export_filename = "enrolments"
    inspect_view_enabled = True
    history_view_class = InspectorsOnlyHistoryView  # names the learner: not for every admin user

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("user__learner", "course")
            .prefetch_related("certificates")
        )


class CertificateButtonHelper(ButtonHelper):
    def get_buttons_for_obj(self, obj, exclude=None, classnames_add=None, classnames_exclude=None):
        buttons = super().get_buttons_for_obj(obj, exclude, classnames_add, classnames_exclude)
        if not obj.revoked_at and self.request.user.has_perm(admin_views.REVOKE_PERMISSION):
            buttons.append(
                {
                    "url": reverse("learning_revoke", args=[obj.pk]),
                    "label": _("Revoke"),
                    "classname": "button button-small button-secondary no",
                    "title": _("Revoke this certificate"),
                }
            )
        return buttons


class CertificateAdmin(ModelAdmin):
    model = Certificate
    menu_label = _("Certificates")
    menu_icon = "doc-full"
    permission_helper_class = ResultsPermissionHelper
    button_helper_class = CertificateButtonHelper
    index_view_class = FormulaSafeIndexView
    list_display = (
        "learner_name",
        "course_title",
        "completed_on",
        "points",
        "status_label",
        "verification_code",
    )
    list_filter = ("course", CertificateStatus, "completed_on")
    search_fields = ("learner_name", "course_title", "verification_code", "register_number")
    list_export = (
        "learner_name",
        "register_number",
        "course_title",
        "activity_id",
        "accrediting_body",
        "points",
        "completed_on",
        "expires_on",
        "status_label",
        "revoked_reason",
        "verification_code",
    )
    export_filename = "certificates"
    inspect_view_enabled = True
    history_view_class = InspectorsOnlyHistoryView
    inspect_view_fields = (
        "learner_name",
        "register_number",
        "course_title",
        "points",
        "accrediting_body",
        "activity_id",
        "completed_on",
        "expires_on",
        "verification_code",
        "revoked_at",
        "revoked_reason",
    )


class LearningGroup(ModelAdminGroup):
    menu_label = _("Learning")
    menu_icon = "pick"
    menu_order = 290
    items = (EnrolmentAdmin, CertificateAdmin)


modeladmin_register(LearningGroup)


@hooks.register("register_admin_menu_item")
def statistics_menu_item():
    return ResultsMenuItem(
        _("Course statistics"), reverse("learning_statistics"), icon_name="table", order=291
    )
