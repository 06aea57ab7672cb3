"""Accounts and groups in Django's admin (/django-admin/), with Wagtail's log context.

Wagtail's admin views run in a log context that names the signed-in user; Django's do not, and
without it the audit trail (cms.audit) would record a rights change made here as the system's.
"""

from django.contrib import admin
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group, User
from wagtail.log_actions import LogContext


class InLogContext:
    def changeform_view(self, request, *args, **kwargs):
        with LogContext(user=request.user):
            return super().changeform_view(request, *args, **kwargs)


class AuditedUserAdmin(InLogContext, UserAdmin):
    pass


class AuditedGroupAdmin(InLogContext, GroupAdmin):
    pass


# django.contrib.auth.admin registered its own classes when imported above.
admin.site.unregister(User)
admin.site.unregister(Group)
admin.site.register(User, AuditedUserAdmin)
admin.site.register(Group, AuditedGroupAdmin)
