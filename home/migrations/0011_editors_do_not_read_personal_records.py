"""Editors no longer read event registrations or newsletter subscribers: names and e-mail addresses
are for moderators, as the README's table of roles says (tests/test_roles.py holds the two together).
Editors still draft mailings; moderators send them to the subscribers."""

from django.db import migrations

from cms.groups import grant, revoke

PERSONAL_RECORDS = {"Editors": [("home", "view_eventregistration"), ("home", "view_newslettersubscriber")]}


def take_away(apps, schema_editor):
    revoke(apps, PERSONAL_RECORDS)


def give_back(apps, schema_editor):
    grant(apps, PERSONAL_RECORDS)


class Migration(migrations.Migration):
    dependencies = [("home", "0010_audit_log_entry_moves_to_cms")]

    operations = [migrations.RunPython(take_away, give_back)]
