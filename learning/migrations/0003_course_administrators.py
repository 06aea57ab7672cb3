"""A "Course administrators" group: course statistics, enrolments, certificates, exports and revocation."""

from django.db import migrations

from cms.groups import grant as grant_rights


def grant(apps, schema_editor):
    grant_rights(
        apps,
        {
            "Course administrators": [
                ("learning", "view_learning_results"),
                ("learning", "revoke_certificate"),
                ("wagtailadmin", "access_admin"),
            ]
        },
    )


class Migration(migrations.Migration):
    dependencies = [
        ("learning", "0002_courses_lessons_quiz_certificates"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
