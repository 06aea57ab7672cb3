"""Export or erase everything the platform holds about one person (GDPR; see cms.privacy).

manage.py personal_data export someone@example.org [--format html] [--output FILE]
manage.py personal_data erase someone@example.org --dry-run
manage.py personal_data erase someone@example.org
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from cms import privacy


class Command(BaseCommand):
    help = "Export (JSON or HTML) or erase everything the platform holds about the person with an address."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["export", "erase"])
        parser.add_argument("email")
        parser.add_argument("--format", choices=["json", "html"], default="json")
        parser.add_argument("--output", help="Write the export to this file instead of the terminal.")
        parser.add_argument("--dry-run", action="store_true", help="List what erasure would remove.")

    def handle(self, action, email, format="json", output=None, dry_run=False, **options):
        if "@" not in email:
            raise CommandError("Give the person's e-mail address.")
        subject = privacy.Subject.for_email(email)
        if action == "export":
            content = privacy.export_response(subject, format).content
            if output:
                Path(output).write_bytes(content)
                self.stdout.write(f"Written to {output}.")
            else:
                self.stdout.write(content.decode())
            return
        report = privacy.erase(subject, dry_run=dry_run)
        if not report:
            self.stdout.write("The platform holds nothing about this address.")
        for section, lines in report.items():
            self.stdout.write(f"{section}:")
            for line in lines:
                self.stdout.write(f"  - {line}")
        self.stdout.write("(dry run: nothing was changed)" if dry_run else "Erased.")
