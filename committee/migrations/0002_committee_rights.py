"""Moderators keep the committees' people, seats, meetings, KPIs and applications, and may open every members' area;
editors keep meetings (with minutes) and KPI measurements."""

from django.db import migrations

from cms.groups import grant as grant_rights

RECORDS = ["person", "membership", "meeting", "kpi", "vacancyapplication"]


def grant(apps, schema_editor):
    grant_rights(
        apps,
        {
            "Moderators": [
                ("committee", f"{action}_{model}") for model in RECORDS for action in ("add", "change", "delete")
            ]
            + [("committee", "view_members_area")],
            "Editors": [("committee", f"{action}_{model}") for model in ("meeting", "kpi") for action in ("add", "change")],
        },
    )


class Migration(migrations.Migration):
    dependencies = [("committee", "0001_initial"), ("home", "0003_editor_groups")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
