"""Builders for gap-analysis questionnaires in tests."""

import datetime
import io
import itertools
import uuid

from django.core.management import call_command
from django.utils import timezone

from home.models import CompetencyDomain
from surveys.models import GapSurveyPage

from .factories import dutch_home, publish

counter = itertools.count(1)


def load_framework():
    if not CompetencyDomain.objects.exists():
        call_command("load_competency_framework", stdout=io.StringIO())
    return CompetencyDomain.objects.get(code="dosimetry-protection")


def question(kind, label, **value):
    base = {"label": label, "help_text": value.pop("help_text", ""), "required": value.pop("required", True)}
    # Questions made in the admin always have an id; raw data must bring its own.
    return {"type": kind, "value": {**base, **value}, "id": str(uuid.uuid4())}


def standard_steps(domain):
    return [
        {
            "type": "step",
            "value": {
                "title": "Your work",
                "introduction": "",
                "show_to": [],
                "questions": [
                    question(
                        "single_choice", "Where do you work?", choices=["Hospital", "Industry", "University"]
                    ),
                    question("multiple_choice", "Which isotopes?", choices=["Tc-99m", "F-18", "Lu-177"]),
                    question("likert", "Training is easy to find", low_label="Disagree", high_label="Agree"),
                    question("number", "Hours of training per year", min_value=0, max_value=60),
                    question("short_text", "Your job title"),
                    question("long_text", "Anything else?", required=False),
                ],
            },
        },
        {
            "type": "step",
            "value": {
                "title": "Industry",
                "introduction": "",
                "show_to": ["company"],
                "questions": [question("short_text", "What does industry need?")],
            },
        },
        {
            "type": "step",
            "value": {
                "title": "Competencies",
                "introduction": "",
                "show_to": [],
                "questions": [question("competency_matrix", "Rate the competencies", domain=domain.pk)],
            },
        },
    ]


def make_survey(parent=None, **fields):
    domain = load_framework()
    n = next(counter)
    now = timezone.now()
    fields = {
        "title": f"Gap analysis {n}",
        "slug": f"gap-analysis-{n}",
        "introduction": "<p>Help us map the gaps.</p>",
        "privacy_statement": "<p>We store your answers without your name.</p>",
        "opens_at": now - datetime.timedelta(days=1),
        "closes_at": now + datetime.timedelta(days=30),
        "steps": standard_steps(domain),
        **fields,
    }
    return publish(parent or dutch_home(), GapSurveyPage(**fields))
