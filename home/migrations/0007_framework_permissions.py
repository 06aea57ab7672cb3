"""Moderators keep the competency framework; editors may look at it."""

from django.db import migrations

from cms.groups import grant as grant_rights


def grant(apps, schema_editor):
    grant_rights(
        apps,
        {
            "Editors": [("home", "view_competencydomain")],
            "Moderators": [
                ("home", f"{action}_competencydomain") for action in ("add", "change", "delete", "view")
            ],
        },
    )


class Migration(migrations.Migration):
    dependencies = [("home", "0006_competency_framework")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
