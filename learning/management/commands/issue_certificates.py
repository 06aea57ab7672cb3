"""Issue the certificates that completed courses are owed, and optionally render them to a folder.

A completion normally gets its certificate in the request that passes the
quiz. This catches up on any that did not (an import of completions from
another system, a request that died half-way), and ``--render DIR`` also writes
each certificate's PDF (kept in the media storage as well) for an archive or a
mailing. Course administrators start the same work from the admin as a background job.
"""

from pathlib import Path

from django.core.management.base import BaseCommand

from cms.progress import progress_bar
from learning.certificates import filename, issue_owed, owed


class Command(BaseCommand):
    help = "Issue the certificates completed courses are owed; --render DIR also writes their PDFs."

    def add_arguments(self, parser):
        parser.add_argument("--render", metavar="DIR", help="Write each issued certificate's PDF to DIR.")
        parser.add_argument("--dry-run", action="store_true", help="Count what is owed, issue nothing.")

    def handle(self, *args, render=None, dry_run=False, **options):
        if dry_run:
            self.stdout.write(f"{owed().count()} certificates owed.")
            return
        issued, total = issue_owed(render=bool(render), report=self.show_progress)
        if render:
            folder = Path(render)
            folder.mkdir(parents=True, exist_ok=True)
            for certificate in issued:
                with certificate.pdf.open("rb") as pdf:
                    name = f"{certificate.verification_code}-{filename(certificate)}"
                    (folder / name).write_bytes(pdf.read())
        self.stdout.write(
            f"{len(issued)} certificates issued ({total - len(issued)} still have lessons to finish)."
        )

    def show_progress(self, done, total):
        if done == total or done % max(total // 30, 1) == 0:
            self.stdout.write(progress_bar(done, total), ending="\r" if done < total else "\n")
