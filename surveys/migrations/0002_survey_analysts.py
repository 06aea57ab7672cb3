"""A "Survey analysts" group that reads reports, exports and responses; nobody else does
unless given the permission. Moderators may build questionnaires (editors too, for approval)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations


def grant(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    analysts, _ = Group.objects.get_or_create(name="Survey analysts")
    analysts.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="surveys",
            codename__in=["view_survey_results", "view_response"],
        ),
        *Permission.objects.filter(content_type__app_label="wagtailadmin", codename="access_admin"),
    )


class Migration(migrations.Migration):
    dependencies = [
        ("surveys", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
