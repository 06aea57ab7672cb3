"""Moderators and survey analysts may invite respondents."""

from django.db import migrations

from cms.groups import grant as grant_rights


def grant(apps, schema_editor):
    right = [("surveys", "manage_invitations")]
    grant_rights(apps, {"Moderators": right, "Survey analysts": right})


class Migration(migrations.Migration):
    dependencies = [("surveys", "0004_invitation_permission")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
