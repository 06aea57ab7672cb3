"""Delete questionnaire drafts nobody has touched for SURVEY_DRAFT_DAYS."""

from django.core.management.base import BaseCommand

from surveys.models import Response


class Command(BaseCommand):
    """Purges expired drafts; submitted responses are never touched."""

    help = "Delete questionnaire drafts whose expiry date has passed (see SURVEY_DRAFT_DAYS)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Only say how many drafts would be deleted."
        )

    def handle(self, *args, dry_run=False, **options):
        expired = Response.objects.expired_drafts()
        count = expired.count()
        if dry_run:
            self.stdout.write(f"{count} expired drafts would be deleted (dry run).")
            return
        expired.delete()
        self.stdout.write(self.style.SUCCESS(f"{count} expired drafts deleted."))
