"""Load the whole demo, as ``make run`` serves it: the site's content, the questionnaires, the
courses and the committees, each by its own command, in the order they build on each other, in
one process. Like each of them, running it again adds only what is missing."""

from django.core.management import call_command
from django.core.management.base import BaseCommand

DEMO_COMMANDS = ("load_demo_content", "load_demo_survey", "load_demo_courses", "load_demo_committees")


class Command(BaseCommand):
    help = "Load the demo content, questionnaires, courses and committees, as make run does."

    def handle(self, *args, **options):
        for command in DEMO_COMMANDS:
            call_command(command, stdout=self.stdout, stderr=self.stderr)
