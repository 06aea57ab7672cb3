"""Apply the retention periods (settings.RETENTION_DAYS, SURVEY_DRAFT_DAYS) now; celery beat runs the same.

manage.py purge_expired_records --dry-run   # what would go
manage.py purge_expired_records
"""

from django.core.management.base import BaseCommand

from cms.privacy import purge_expired


class Command(BaseCommand):
    help = "Delete personal records whose retention period is over (--dry-run: only count them)."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Count what would be deleted.")

    def handle(self, *args, dry_run=False, **options):
        for what, count in purge_expired(dry_run=dry_run).items():
            self.stdout.write(f"{count:6d}  {what}")
        self.stdout.write("(dry run: nothing was deleted)" if dry_run else "Done.")
