"""The audit trail: who exported survey responses, revoked a certificate or changed someone's rights.

Entries are Wagtail log entries kept in their own table (``cms.AuditLogEntry``), so that the site
history report shows them to superusers only. Their data holds counts, codes and names of groups
and permissions, never a respondent's or learner's details; an account is named by its number.

- ``record(instance, action, data)`` writes an entry, by the user of the current admin request;
- rights changes come from signals (``connect()``, from ``cms.apps``): group memberships, user and
  group permissions, the superuser and staff flags, whichever view or command made them; the
  group editor's page and collection permissions from ``GroupPermissionsAudit``.
"""

from dataclasses import dataclass

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db.models.signals import m2m_changed, post_save, pre_save
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import LogFormatter, get_active_log_context

from .models import AuditLogEntry

USER_RIGHTS = "nmep.user_rights_change"
GROUP_PERMISSIONS = "nmep.group_permissions_change"
FLAGS = ("is_superuser", "is_staff")


def record(instance, action, data=None, title=None, user=None):
    """One entry about ``instance``, by ``user`` or else whoever the current admin request is for."""
    context = get_active_log_context()
    return AuditLogEntry.objects.log_action(
        instance,
        action,
        user=user or context.user,
        uuid=context.uuid,
        data=data or {},
        title=title or title_for(instance),
    )


def record_revocation(certificate):
    """A revoked certificate, named by its verification code rather than its holder, and the reason."""
    data = {"reason": certificate.revoked_reason}
    record(certificate, "nmep.certificate_revoke", data, title=certificate.verification_code)


def title_for(instance):
    # An account is named by its number: the trail must not keep a name or address that erasure removes.
    return f"#{instance.pk}" if isinstance(instance, get_user_model()) else None


def record_change(instance, action, changes):
    """Add ``changes`` to this request's entry for ``instance``: one entry per object and request,
    with the net change (a form that removes a permission and adds it back changed nothing)."""
    uuid = get_active_log_context().uuid
    entries = AuditLogEntry.objects.for_instance(instance).filter(action=action)
    entry = entries.filter(uuid=uuid).first() if uuid else None
    data = merged(entry.data if entry else {}, changes)
    if entry is None and data:
        record(instance, action, data)
    elif entry is not None and data:
        entry.data = data
        entry.save(update_fields=["data"])
    elif entry is not None:
        entry.delete()


def merged(data, changes):
    """``data`` with ``changes`` added: ``{key: {"added": [...], "removed": [...]}}`` for groups and
    permissions, ``{flag: [before, after]}`` for a flag."""
    data = dict(data)
    for key, change in changes.items():
        if isinstance(change, dict):
            before = data.pop(key, {})
            was_added, was_removed = set(before.get("added", ())), set(before.get("removed", ()))
            now_added, now_removed = set(change.get("added", ())), set(change.get("removed", ()))
            added = (was_added - now_removed) | (now_added - was_removed)
            removed = (was_removed - now_added) | (now_removed - was_added)
            if added or removed:
                data[key] = {"added": sorted(added), "removed": sorted(removed)}
        else:
            first = data.pop(key, change)[0]
            if first != change[1]:
                data[key] = [first, change[1]]
    return data


@dataclass
class Relation:
    """A many-to-many relation that gives rights: an account's groups and permissions, a group's
    permissions."""

    through: type
    owner: str  # the field naming the account or group whose rights change
    target: str  # the field naming the group or permission
    key: str  # under which the entry's data lists the change

    def changed(self, instance, action, reverse, pk_set, **kwargs):
        """The m2m_changed receiver, for changes from either side (``user.groups``, ``group.user_set``)."""
        if action not in ("post_add", "pre_remove", "pre_clear") or getattr(instance, "_audit_loaded", False):
            return
        if action != "post_add":  # before the rows go: read which of them really go
            pk_set = self.linked(instance, reverse, None if action == "pre_clear" else pk_set)
        pairs = [(pk, instance.pk) if reverse else (instance.pk, pk) for pk in pk_set]
        direction = "added" if action == "post_add" else "removed"
        for owner, names in self.names_by_owner(pairs).items():
            record_change(owner, action_for(owner), {self.key: {direction: names}})

    def linked(self, instance, reverse, among=None):
        mine, theirs = (self.target, self.owner) if reverse else (self.owner, self.target)
        rows = self.through.objects.filter(**{mine: instance})
        if among is not None:
            rows = rows.filter(**{f"{theirs}__in": among})
        return set(rows.values_list(f"{theirs}_id", flat=True))

    def names_by_owner(self, pairs):
        owners = self.through._meta.get_field(self.owner).related_model.objects.in_bulk(
            {o for o, _t in pairs}
        )
        names = names_of(self.through._meta.get_field(self.target).related_model, {t for _o, t in pairs})
        # A row loaded before what it names (a restore, a fixture) is named by its number.
        return {
            owner: sorted(names.get(t, f"#{t}") for o, t in pairs if o == pk) for pk, owner in owners.items()
        }


def relations():
    User = get_user_model()
    return [
        Relation(User.groups.through, "user", "group", "groups"),
        Relation(User.user_permissions.through, "user", "permission", "permissions"),
        Relation(Group.permissions.through, "group", "permission", "permissions"),
    ]


def action_for(owner):
    return GROUP_PERMISSIONS if isinstance(owner, Group) else USER_RIGHTS


def connect():
    User = get_user_model()
    for relation in relations():
        uid = f"audit-{relation.owner}-{relation.key}"
        m2m_changed.connect(relation.changed, sender=relation.through, weak=False, dispatch_uid=uid)
    pre_save.connect(remember_flags, sender=User, dispatch_uid="audit-flags-before")
    for model in (User, Group):
        pre_save.connect(mark_loaded, sender=model, dispatch_uid=f"audit-loaded-{model.__name__}")
    post_save.connect(record_flags, sender=User, dispatch_uid="audit-flags-after")


def mark_loaded(sender, instance, raw=False, **kwargs):
    # A fixture or a restore saves raw and then sets the object's links: loading what was there
    # before changes nobody's rights (and what the entry would point at may not be loaded yet).
    instance._audit_loaded = raw


def names_of(model, pks):
    if model is Permission:
        found = Permission.objects.filter(pk__in=pks).select_related("content_type")
        return {p.pk: f"{p.content_type.app_label}.{p.codename}" for p in found}
    return {group.pk: group.name for group in model.objects.filter(pk__in=pks)}


def remember_flags(sender, instance, raw=False, update_fields=None, **kwargs):
    instance._audit_flags = None
    if raw or (update_fields is not None and not set(FLAGS) & set(update_fields)):
        return  # a login stamps last_login only: no query for that
    stored = sender.objects.filter(pk=instance.pk).values(*FLAGS).first() if instance.pk else None
    instance._audit_flags = stored or dict.fromkeys(FLAGS, False)


def record_flags(sender, instance, **kwargs):
    before = getattr(instance, "_audit_flags", None)
    if before is None:
        return
    changes = {flag: [before[flag], getattr(instance, flag)] for flag in FLAGS}
    changes = {flag: change for flag, change in changes.items() if change[0] != change[1]}
    if changes:
        record_change(instance, USER_RIGHTS, changes)


class GroupPermissionsAudit:
    """The group editor's last permission panel, showing nothing: it records what the panels before
    it changed in the group's page and collection permissions (written in bulk, so without signals)."""

    media = forms.Media()

    def __init__(self, data=None, files=None, instance=None, prefix=None):
        self.instance = instance
        self.before = self.permissions() if data is not None else None

    def permissions(self):
        group = self.instance
        if group is None or group.pk is None:
            return {"page_permissions": set(), "collection_permissions": set()}
        pages = group.page_permissions.select_related("page", "permission")
        collections = group.collection_permissions.select_related("collection", "permission")
        return {
            "page_permissions": {f"{p.permission.codename} – {p.page.title} #{p.page_id}" for p in pages},
            "collection_permissions": {f"{c.permission.codename} – {c.collection.name}" for c in collections},
        }

    def is_valid(self):
        return True

    def save(self):
        if self.before is None:
            return
        after = self.permissions()
        changes = {
            key: {
                "added": sorted(after[key] - self.before[key]),
                "removed": sorted(self.before[key] - after[key]),
            }
            for key in after
        }
        record_change(self.instance, GROUP_PERMISSIONS, changes)

    def as_admin_panel(self):
        return ""


class ResponsesExport(LogFormatter):
    label = _("Export survey responses")

    def format_message(self, log_entry):
        data = log_entry.data
        return _("Exported %(rows)s survey responses (%(format)s)") % {
            "rows": data.get("rows", "?"),
            "format": str(data.get("format", "")).upper(),
        }


class CertificateRevoke(LogFormatter):
    label = _("Revoke certificate")

    def format_message(self, log_entry):
        reason = log_entry.data.get("reason")
        if reason:
            return _("Revoked the certificate: %(reason)s") % {"reason": reason}
        return _("Revoked the certificate")


CHANGE_LABELS = {
    "groups": _("groups"),
    "permissions": _("permissions"),
    "page_permissions": _("page permissions"),
    "collection_permissions": _("collection permissions"),
    "is_superuser": _("superuser status"),
    "is_staff": _("staff status"),
}


def changes_text(data):
    """``groups: +Editors, −Moderators; superuser status: no → yes``, in a fixed order (PostgreSQL
    keeps JSON keys in an order of its own)."""
    parts = []
    for key, change in sorted(data.items(), key=lambda item: list(CHANGE_LABELS).index(item[0])):
        if isinstance(change, dict):
            values = [f"+{name}" for name in change["added"]] + [f"−{name}" for name in change["removed"]]
        else:
            values = [f"{yes_no(change[0])} → {yes_no(change[1])}"]
        parts.append(f"{CHANGE_LABELS[key]}: {', '.join(values)}")
    return "; ".join(parts)


def yes_no(value):
    return _("yes") if value else _("no")


class UserRightsChange(LogFormatter):
    label = _("Change an account's rights")

    def format_message(self, log_entry):
        return _("Changed the account's rights: %(changes)s") % {"changes": changes_text(log_entry.data)}


class GroupPermissionsChange(LogFormatter):
    label = _("Change a group's permissions")

    def format_message(self, log_entry):
        return _("Changed the group's permissions: %(changes)s") % {"changes": changes_text(log_entry.data)}


def register_actions(actions):
    """For Wagtail's ``register_log_actions`` hook: the trail's actions and its log model."""
    actions.register_action("nmep.responses_export")(ResponsesExport)
    actions.register_action("nmep.certificate_revoke")(CertificateRevoke)
    actions.register_action(USER_RIGHTS)(UserRightsChange)
    actions.register_action(GROUP_PERMISSIONS)(GroupPermissionsChange)
    # Registering the model is what puts its entries in the site history report; nothing else is
    # logged to it by type (record() writes to it directly).
    actions.register_model(AuditLogEntry, AuditLogEntry)
