"""Giving groups their permissions from data migrations.

Permissions are normally created after all migrations have run, so a data
migration that hands them out creates them first.
"""

from django.contrib.auth.management import create_permissions


def grant(apps, rights):
    """``rights``: {group name: [(app label, codename), ...]}; groups are made when missing."""
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    for name, wanted in rights.items():
        group, _ = Group.objects.get_or_create(name=name)
        for app_label, codename in wanted:
            group.permissions.add(
                *Permission.objects.filter(content_type__app_label=app_label, codename=codename)
            )


def revoke(apps, rights):
    """``rights``: {group name: [(app label, codename), ...]}; what a group does not hold stays so."""
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    for name, unwanted in rights.items():
        for group in Group.objects.filter(name=name):
            for app_label, codename in unwanted:
                group.permissions.remove(
                    *Permission.objects.filter(content_type__app_label=app_label, codename=codename)
                )
