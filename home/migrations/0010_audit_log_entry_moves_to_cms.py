"""The audit trail's model now belongs to cms (cms 0001 took over its table and rows)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0009_home_featured_page"),
        ("cms", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="AuditLogEntry")],
            database_operations=[],
        ),
    ]
