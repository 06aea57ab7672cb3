"""Issue the certificates that completed courses are owed, and optionally render them to a folder.

A completion normally gets its certificate in the request that passes the
quiz. This catches up on any that did not (an import of completions from
another system, a request that died half-way), and ``--render DIR`` writes each
certificate's PDF for an archive or a mailing.
"""

from pathlib import Path

from django.core.management.base import BaseCommand
from django.db.models import Exists, OuterRef

from cms.progress import progress_bar
from learning.certificates import certificate_html, filename, render_pdf
from learning.models import Certificate, Enrolment, QuizAttempt


def owed():
    """Enrolments whose current round has a passed quiz and no certificate yet."""
    passed = QuizAttempt.objects.filter(enrolment=OuterRef("pk"), round=OuterRef("round"), passed=True)
    issued = Certificate.objects.filter(enrolment=OuterRef("pk"), round=OuterRef("round"))
    return (
        Enrolment.objects.filter(Exists(passed), ~Exists(issued))
        .select_related("user__learner", "course")
        .order_by("pk")
    )


class Command(BaseCommand):
    help = "Issue the certificates completed courses are owed; --render DIR also writes their PDFs."

    def add_arguments(self, parser):
        parser.add_argument("--render", metavar="DIR", help="Write each issued certificate's PDF to DIR.")
        parser.add_argument("--dry-run", action="store_true", help="Count what is owed, issue nothing.")

    def handle(self, *args, render=None, dry_run=False, **options):
        enrolments = list(owed())
        total = len(enrolments)
        if dry_run:
            self.stdout.write(f"{total} certificates owed.")
            return
        folder = Path(render) if render else None
        if folder:
            folder.mkdir(parents=True, exist_ok=True)
        issued = 0
        for done, enrolment in enumerate(enrolments, 1):
            certificate = enrolment.complete()  # None when a lesson is still open
            if certificate is not None:
                issued += 1
                if folder:
                    name = f"{certificate.verification_code}-{filename(certificate)}"
                    (folder / name).write_bytes(render_pdf(certificate_html(None, certificate)))
            if done == total or done % max(total // 30, 1) == 0:
                self.stdout.write(progress_bar(done, total), ending="\r" if done < total else "\n")
        self.stdout.write(f"{issued} certificates issued ({total - issued} still have lessons to finish).")
