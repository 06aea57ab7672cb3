"""Give Wagtail's Editors and Moderators groups what the programme's editors need.

Wagtail's own migrations create both groups with page, image and document
rights; here they get the site's records too. Editors keep the organisations
directory and draft mailings; moderators also publish, send mailings, manage
subscribers and registrations, and change the site settings.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

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
    # Permissions are normally created after all migrations; make sure they exist now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    for name, rules in (("Editors", EDITORS), ("Moderators", MODERATORS)):
        group, _ = Group.objects.get_or_create(name=name)
        for app_label, model, actions in rules:
            codenames = [codename(action, model) for action in actions]
            group.permissions.add(
                *Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)
            )


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0002_create_homepage"),
        ("wagtailcore", "0001_initial"),
        ("simple_translation", "0001_initial"),
        ("wagtailredirects", "0001_initial"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
