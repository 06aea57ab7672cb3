"""A "Survey analysts" group that reads reports, exports and responses; nobody else does
unless given the permission. Moderators may build questionnaires (editors too, for approval)."""

from django.db import migrations

from cms.groups import grant as grant_rights


def grant(apps, schema_editor):
    grant_rights(
        apps,
        {
            "Survey analysts": [
                ("surveys", "view_survey_results"),
                ("surveys", "view_response"),
                ("wagtailadmin", "access_admin"),
            ]
        },
    )


class Migration(migrations.Migration):
    dependencies = [
        ("surveys", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
