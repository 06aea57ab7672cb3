"""Wagtail's own migration names the moderation workflow and its task after the group, in English
("Moderators approval"), and the Dutch admin offered editors "Stuur door naar Moderators approval".
Both take the Dutch group name: "Stuur door naar Moderatoren". A name someone chose is kept."""

from django.db import migrations

WAGTAIL_NAME = "Moderators approval"
DUTCH_NAME = "Moderatoren"


def rename(apps, old, new):
    for model in ("Workflow", "Task"):
        apps.get_model("wagtailcore", model).objects.filter(name=old).update(name=new)


def to_dutch(apps, schema_editor):
    rename(apps, WAGTAIL_NAME, DUTCH_NAME)


def to_wagtails(apps, schema_editor):
    rename(apps, DUTCH_NAME, WAGTAIL_NAME)


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0002_audit_log_entry_table"),
        ("wagtailcore", "0048_add_default_workflows"),
    ]

    operations = [migrations.RunPython(to_dutch, to_wagtails)]
