"""Give Wagtail's Editors and Moderators groups what the programme's editors need.

Wagtail's own migrations create both groups with page, image and document
rights; here they get the site's records too. Editors keep the organisations
directory and draft mailings; moderators also publish, send mailings, manage
subscribers and registrations, and change the site settings.
"""

from django.db import migrations

from cms.groups import grant as grant_rights

EDITORS = [
    ("home", "organisation", ["add", "change", "delete", "view"]),
    ("home", "eventregistration", ["view"]),
    ("home", "newslettersubscriber", ["view"]),
    ("home", "newslettermailing", ["add", "change", "view"]),
    ("simple_translation", "simpletranslation", ["submit_translation"]),
]
MODERATORS = EDITORS + [
    ("home", "eventregistration", ["change", "delete"]),
    ("home", "newslettersubscriber", ["change", "delete"]),
    ("home", "newslettermailing", ["delete", "send"]),
    ("home", "sitesettings", ["change", "view"]),
    ("wagtailredirects", "redirect", ["add", "change", "delete", "view"]),
]


def codename(action, model):
    return action if "_" in action else f"{action}_{model}"


def grant(apps, schema_editor):
    rights = {
        name: [(app_label, codename(action, model)) for app_label, model, actions in rules for action in actions]
        for name, rules in (("Editors", EDITORS), ("Moderators", MODERATORS))
    }
    grant_rights(apps, rights)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0002_create_homepage"),
        ("wagtailcore", "0001_initial"),
        ("simple_translation", "0001_initial"),
        ("wagtailredirects", "0001_initial"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
