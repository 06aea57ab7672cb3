"""Migrations that move data keep it: the audit trail moved from home to cms with its rows."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

# serialized_rollback: the flush after this test leaves the database as the next such test expects it.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

# cms unapplied, and with it home's 0010 that depends on it: home as it was before the move.
BEFORE_THE_MOVE = [("cms", None)]
HOME_BEFORE = ("home", "0009_home_featured_page")


def migrate(targets, state_at):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return MigrationExecutor(connection).loader.project_state(state_at).apps


def latest():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


def test_the_audit_trail_keeps_its_rows_content_type_and_permissions_when_it_moves_to_cms():
    old = migrate(BEFORE_THE_MOVE, [HOME_BEFORE])
    OldEntry = old.get_model("home", "AuditLogEntry")
    ContentType, Permission = (
        old.get_model("contenttypes", "ContentType"),
        old.get_model("auth", "Permission"),
    )
    entry_type, _ = ContentType.objects.get_or_create(app_label="home", model="auditlogentry")
    permission, _ = Permission.objects.get_or_create(
        content_type=entry_type, codename="view_auditlogentry", defaults={"name": "Can view audit log entry"}
    )
    OldEntry.objects.create(
        content_type=entry_type,
        object_id="7",
        action="nmep.certificate_revoke",
        label="ABCD-EFGH",
        timestamp=timezone.now(),
        data={"reason": "issued in error"},
    )

    new = migrate(latest(), latest())
    Entry = new.get_model("cms", "AuditLogEntry")
    [moved] = Entry.objects.all()
    assert (moved.object_id, moved.action, moved.data) == (
        "7",
        "nmep.certificate_revoke",
        {"reason": "issued in error"},
    )
    ContentType = new.get_model("contenttypes", "ContentType")
    assert ContentType.objects.get(app_label="cms", model="auditlogentry").pk == entry_type.pk
    assert not ContentType.objects.filter(app_label="home", model="auditlogentry").exists()
    assert new.get_model("auth", "Permission").objects.get(pk=permission.pk).content_type_id == entry_type.pk
