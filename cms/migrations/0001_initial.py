"""The audit trail's table moves from home to cms with its rows: first the model's state only, on the
table home made (home's 0010 drops it from home's state); 0002 renames the table."""

import django.core.serializers.json
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("home", "0009_home_featured_page"),
        ("wagtailcore", "0098_apitoken"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="AuditLogEntry",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("label", models.TextField()),
                        ("action", models.CharField(blank=True, db_index=True, max_length=255)),
                        (
                            "data",
                            models.JSONField(
                                blank=True, default=dict, encoder=django.core.serializers.json.DjangoJSONEncoder
                            ),
                        ),
                        ("timestamp", models.DateTimeField(db_index=True, verbose_name="timestamp (UTC)")),
                        (
                            "uuid",
                            models.UUIDField(
                                blank=True,
                                editable=False,
                                help_text="Log entries that happened as part of the same user action are assigned the same UUID",
                                null=True,
                            ),
                        ),
                        ("content_changed", models.BooleanField(db_index=True, default=False)),
                        ("deleted", models.BooleanField(default=False)),
                        ("object_id", models.CharField(db_index=True, max_length=255)),
                        (
                            "content_type",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to="contenttypes.contenttype",
                                verbose_name="content type",
                            ),
                        ),
                        (
                            "revision",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to="wagtailcore.revision",
                            ),
                        ),
                        (
                            "user",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "audit log entry",
                        "verbose_name_plural": "audit log entries",
                        "ordering": ["-timestamp", "-id"],
                        "abstract": False,
                        "db_table": "home_auditlogentry",
                        "indexes": [
                            models.Index(fields=["uuid", "action", "-timestamp"], name="home_auditl_uuid_5f95fd_idx")
                        ],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
