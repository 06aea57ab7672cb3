"""Moderators and survey analysts may invite respondents."""

from django.contrib.auth.management import create_permissions
from django.db import migrations


def grant(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    permission = Permission.objects.get(content_type__app_label="surveys", codename="manage_invitations")
    for name in ("Moderators", "Survey analysts"):
        Group.objects.get_or_create(name=name)[0].permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [("surveys", "0004_invitation_permission")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
