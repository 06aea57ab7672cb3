"""The audit trail's table and content type take cms's name; its rows and permissions stay."""

from django.db import migrations


def rename_content_type(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    old = ContentType.objects.filter(app_label="home", model="auditlogentry")
    if not ContentType.objects.filter(app_label="cms", model="auditlogentry").exists():
        old.update(app_label="cms")


def restore_content_type(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="cms", model="auditlogentry").update(app_label="home")


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0001_initial"),
        ("home", "0010_audit_log_entry_moves_to_cms"),
    ]

    operations = [
        migrations.AlterModelTable(name="auditlogentry", table=None),
        migrations.RenameIndex(
            model_name="auditlogentry", new_name="cms_auditlo_uuid_86ed78_idx", old_name="home_auditl_uuid_5f95fd_idx"
        ),
        migrations.RunPython(rename_content_type, restore_content_type),
    ]
