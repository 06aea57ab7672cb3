"""Moderators keep the competency framework; editors may look at it."""

from django.contrib.auth.management import create_permissions
from django.db import migrations


def grant(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    rights = {
        "Editors": ["view_competencydomain"],
        "Moderators": [
            "add_competencydomain",
            "change_competencydomain",
            "delete_competencydomain",
            "view_competencydomain",
        ],
    }
    for name, codenames in rights.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="home", codename__in=codenames)
        )


class Migration(migrations.Migration):
    dependencies = [("home", "0006_competency_framework")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
