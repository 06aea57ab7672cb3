"""The infrastructure in Wagtail's admin: background jobs, two-factor sign-in, personal-data requests and
the audit trail's actions, and what the editor's forms add to Wagtail's."""

from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import audit, jobs, two_factor
from .admin_views import personal_data


@hooks.register("register_admin_urls")
def two_factor_urls():
    return [path("two-factor/", two_factor.two_factor, name="two_factor")]


@hooks.register("register_admin_urls")
def personal_data_urls():
    return [path("personal-data/", personal_data, name="personal_data")]


@hooks.register("register_settings_menu_item")
def personal_data_menu_item():
    return SuperuserMenuItem(_("Personal data"), reverse("personal_data"), icon_name="user", order=910)


@hooks.register("register_log_actions")
def privacy_log_actions(actions):
    actions.register_action(
        "nmep.personal_data_export", _("Export personal data"), _("Exported personal data")
    )
    actions.register_action("nmep.personal_data_erase", _("Erase personal data"), _("Erased personal data"))


@hooks.register("register_log_actions")
def audit_log_actions(actions):
    audit.register_actions(actions)


@hooks.register("register_group_permission_panel", order=1000)  # last: after the panels that save
def group_permissions_audit_panel():
    return audit.GroupPermissionsAudit


@hooks.register("register_admin_urls")
def job_urls():
    return [
        path("jobs/", jobs.job_list, name="job_list"),
        path("jobs/<uuid:job_id>/", jobs.job_status, name="job_status"),
        path("jobs/<uuid:job_id>/file/", jobs.job_file, name="job_file"),
    ]


class SuperuserMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_superuser


@hooks.register("register_settings_menu_item")
def job_menu_item():
    return SuperuserMenuItem(_("Background jobs"), reverse("job_list"), icon_name="cogs", order=900)


@hooks.register("insert_editor_js")
def editor_forms_js():
    return format_html('<script src="{}"></script>', static("js/editor-forms.js"))


@hooks.register("insert_global_admin_css")  # Wagtail 8 has no hook for the edit forms' styles alone
def editor_forms_css():
    return format_html('<link rel="stylesheet" href="{}">', static("css/editor-forms.css"))
