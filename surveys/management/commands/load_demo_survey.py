"""The demo questionnaire: the Nuclear Medicine Competency Gap Analysis, in Dutch and English,
with synthetic responses so that the gap report shows something on first run."""

import datetime
import uuid

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale, Site

from home.models import CompetencyDomain
from surveys.models import GapSurveyPage

SLUG = {"nl": "gap-analyse-2026", "en": "gap-analysis-2026"}

TEXT = {
    "nl": {
        "title": "Gap-analyse 2026",
        "introduction": (
            "<p>De nucleaire geneeskunde groeit snel, en het veld heeft te weinig gekwalificeerde mensen. "
            "Met deze vragenlijst brengen we de huidige en de verwachte tekorten in kennis en vaardigheden "
            "in kaart. De uitkomsten bepalen wat het Nuclear Medicine Education Program gaat aanbieden.</p>"
            "<p>Invullen kost ongeveer vijftien minuten. U kunt tussendoor stoppen en later verdergaan.</p>"
        ),
        "privacy": (
            "<p>We bewaren uw antwoorden om de tekorten in het veld te analyseren. We vragen niet naar uw "
            "naam, maar bent u ingelogd, dan bewaren we uw antwoorden bij uw account, zodat uw leeromgeving "
            "cursussen voor uw eigen tekorten kan aanbevelen. Resultaten tonen we alleen voor groepen van "
            "minstens vijf mensen. Een onafgemaakte vragenlijst wordt na 30 dagen verwijderd.</p>"
        ),
        "thank_you": "<p>De resultaten verschijnen op deze website en in de nieuwsbrief.</p>",
        "steps": [
            (
                "Uw werk en scholing",
                "",
                [],
                [
                    (
                        "single_choice",
                        "Waar werkt u voornamelijk?",
                        {
                            "choices": [
                                "Universitair medisch centrum",
                                "Algemeen of topklinisch ziekenhuis",
                                "Bedrijf",
                                "Onderzoeksinstituut",
                                "Overheid",
                                "Anders",
                            ]
                        },
                    ),
                    (
                        "multiple_choice",
                        "Met welke technieken werkt u?",
                        {
                            "choices": [
                                "PET/CT",
                                "SPECT/CT",
                                "Radionuclidetherapie",
                                "Radiofarmaceutische bereiding",
                                "Dosimetrie",
                                "Geen van deze",
                            ]
                        },
                    ),
                    (
                        "likert",
                        "Geschikte bijscholing is voor mij goed te vinden.",
                        {"low_label": "Helemaal mee oneens", "high_label": "Helemaal mee eens"},
                    ),
                    (
                        "number",
                        "Hoeveel uur bijscholing volgde u het afgelopen jaar?",
                        {"min_value": 0, "max_value": 400},
                    ),
                    ("short_text", "Wat is uw functie?", {"required": False}),
                ],
            ),
            (
                "Van isotoop tot radiofarmacon",
                "Beoordeel per competentie uw huidige niveau, wat nu nodig is "
                "en wat over vijf jaar nodig is.",
                [],
                [
                    ("competency_matrix", "Radiochemie en radiofarmacie", {"domain": "radiochemistry"}),
                    (
                        "competency_matrix",
                        "Fysica, instrumentatie en beeldvorming",
                        {"domain": "physics-imaging"},
                    ),
                ],
            ),
            (
                "Veiligheid en kliniek",
                "",
                [],
                [
                    (
                        "competency_matrix",
                        "Dosimetrie en stralingsbescherming",
                        {"domain": "dosimetry-protection"},
                    ),
                    ("competency_matrix", "Diagnostische nucleaire geneeskunde", {"domain": "diagnostics"}),
                    ("competency_matrix", "Radionuclidetherapie", {"domain": "therapy"}),
                ],
            ),
            (
                "Regels, data en samenwerking",
                "",
                [],
                [
                    ("competency_matrix", "Regelgeving, kwaliteit en GMP", {"domain": "regulation-quality"}),
                    ("competency_matrix", "Data, AI en kwantificering", {"domain": "data-ai"}),
                    ("competency_matrix", "Samenwerking en communicatie", {"domain": "collaboration"}),
                ],
            ),
            (
                "Voor bedrijven",
                "",
                ["company", "isotope_production"],
                [
                    ("long_text", "Welke kennis of vaardigheden missen nieuwe medewerkers het vaakst?", {}),
                ],
            ),
            (
                "Tot slot",
                "",
                [],
                [
                    ("long_text", "Welke scholing zou u het meest helpen?", {"required": False}),
                ],
            ),
        ],
    },
    "en": {
        "title": "Gap analysis 2026",
        "introduction": (
            "<p>Nuclear medicine is growing fast, and the field lacks qualified people. This questionnaire "
            "maps the current and the anticipated gaps in knowledge and skills. The results decide what the "
            "Nuclear Medicine Education Program will offer.</p>"
            "<p>It takes about fifteen minutes. You can stop at any point and continue later.</p>"
        ),
        "privacy": (
            "<p>We keep your answers to analyse the gaps in the field. We do not ask your name, but if you "
            "are logged in we keep your answers with your account, so that your learning environment can "
            "recommend courses for your own gaps. Results are only shown for groups of at least five people. "
            "An unfinished questionnaire is deleted after 30 days.</p>"
        ),
        "thank_you": "<p>The results will appear on this website and in the newsletter.</p>",
        "steps": [
            (
                "Your work and training",
                "",
                [],
                [
                    (
                        "single_choice",
                        "Where do you mainly work?",
                        {
                            "choices": [
                                "University medical centre",
                                "General or teaching hospital",
                                "Company",
                                "Research institute",
                                "Government",
                                "Other",
                            ]
                        },
                    ),
                    (
                        "multiple_choice",
                        "Which techniques do you work with?",
                        {
                            "choices": [
                                "PET/CT",
                                "SPECT/CT",
                                "Radionuclide therapy",
                                "Radiopharmaceutical preparation",
                                "Dosimetry",
                                "None of these",
                            ]
                        },
                    ),
                    (
                        "likert",
                        "Suitable training is easy for me to find.",
                        {"low_label": "Strongly disagree", "high_label": "Strongly agree"},
                    ),
                    (
                        "number",
                        "How many hours of training did you follow last year?",
                        {"min_value": 0, "max_value": 400},
                    ),
                    ("short_text", "What is your job title?", {"required": False}),
                ],
            ),
            (
                "From isotope to radiopharmaceutical",
                "For each competency, rate your current level, what is "
                "needed now and what will be needed in five years.",
                [],
                [
                    ("competency_matrix", "Radiochemistry and radiopharmacy", {"domain": "radiochemistry"}),
                    (
                        "competency_matrix",
                        "Physics, instrumentation and imaging",
                        {"domain": "physics-imaging"},
                    ),
                ],
            ),
            (
                "Safety and the clinic",
                "",
                [],
                [
                    (
                        "competency_matrix",
                        "Dosimetry and radiation protection",
                        {"domain": "dosimetry-protection"},
                    ),
                    ("competency_matrix", "Diagnostic nuclear medicine", {"domain": "diagnostics"}),
                    ("competency_matrix", "Radionuclide therapy", {"domain": "therapy"}),
                ],
            ),
            (
                "Rules, data and collaboration",
                "",
                [],
                [
                    ("competency_matrix", "Regulation, quality and GMP", {"domain": "regulation-quality"}),
                    ("competency_matrix", "Data, AI and quantification", {"domain": "data-ai"}),
                    ("competency_matrix", "Collaboration and communication", {"domain": "collaboration"}),
                ],
            ),
            (
                "For companies",
                "",
                ["company", "isotope_production"],
                [
                    ("long_text", "Which knowledge or skills do new staff lack most often?", {}),
                ],
            ),
            (
                "Finally",
                "",
                [],
                [
                    ("long_text", "Which training would help you most?", {"required": False}),
                ],
            ),
        ],
    },
}


def steps_value(language, ids):
    """The StreamField data of the steps; ``ids`` keeps block ids equal across the languages."""
    steps = []
    for s, (title, intro, show_to, questions) in enumerate(TEXT[language]["steps"]):
        blocks = [
            question_value(kind, label, options, ids[(s, q)])
            for q, (kind, label, options) in enumerate(questions)
        ]
        value = {"title": title, "introduction": intro, "show_to": show_to, "questions": blocks}
        steps.append({"type": "step", "value": value, "id": ids[("step", s)]})
    return steps


def question_value(kind, label, options, block_id):
    options = dict(options)
    value = {"label": label, "help_text": "", "required": options.pop("required", True)}
    if "domain" in options:
        options["domain"] = CompetencyDomain.objects.get(code=options["domain"]).pk
    return {"type": kind, "value": {**value, **options}, "id": block_id}


def block_ids():
    ids = {}
    for s, (_title, _intro, _show, questions) in enumerate(TEXT["nl"]["steps"]):
        ids[("step", s)] = str(uuid.uuid4())
        for q in range(len(questions)):
            ids[(s, q)] = str(uuid.uuid4())
    return ids


SERIES = "gap-analysis"
# The first wave, a year earlier: the same questions, closed since.
EARLIER = {
    "nl": {"title": "Gap-analyse 2025", "slug": "gap-analyse-2025"},
    "en": {"title": "Gap analysis 2025", "slug": "gap-analysis-2025"},
}
# What the demo courses teach: a year ago the field stood a level lower there.
TAUGHT_SINCE = (
    "pet-ct-physics,patient-dosimetry,patient-selection,quantification,radiation-protection,lu-psma-therapy,"
    "radiation-legislation,waste-management,hotlab-practice,instrument-qa,occupational-monitoring"
)


def earlier_fields(language, ids):
    now = timezone.now()
    return {
        **page_fields(language, ids),
        **EARLIER[language],
        "opens_at": now - datetime.timedelta(days=400),
        "closes_at": now - datetime.timedelta(days=340),
        "show_in_menus": False,
    }


def page_fields(language, ids):
    text = TEXT[language]
    now = timezone.now()
    return {
        "series": SERIES,
        "title": text["title"],
        "slug": SLUG[language],
        "introduction": text["introduction"],
        "privacy_statement": text["privacy"],
        "thank_you": text["thank_you"],
        "opens_at": now - datetime.timedelta(days=14),
        "closes_at": now + datetime.timedelta(days=120),
        "steps": steps_value(language, ids),
        "show_in_menus": True,
    }


def create_survey(home, fields=page_fields):
    ids = block_ids()
    dutch = GapSurveyPage(**fields("nl", ids))
    home.add_child(instance=dutch)
    dutch.save_revision().publish()
    english_home = home.get_translation_or_none(Locale.objects.get(language_code="en"))
    if english_home is not None:
        english = dutch.copy_for_translation(Locale.objects.get(language_code="en"))
        for name, value in fields("en", ids).items():
            setattr(english, name, value)
        english.save_revision().publish()
    return dutch


class Command(BaseCommand):
    """Creates the demo questionnaire once, then tops its synthetic responses up to --responses."""

    help = "Load the demo gap-analysis questionnaire (Dutch and English) and synthetic responses."

    def add_arguments(self, parser):
        parser.add_argument(
            "--responses", type=int, default=200, help="Synthetic responses it should have (default 200)."
        )

    def handle(self, *args, responses=200, **options):
        call_command("load_competency_framework", stdout=self.stdout)
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            raise CommandError("There is no default site; run the migrations first.")
        with transaction.atomic():
            survey = GapSurveyPage.objects.filter(slug=SLUG["nl"]).first()
            if survey is None:
                survey = create_survey(site.root_page)
                self.stdout.write(f"Questionnaire: created {survey.url}")
            else:
                self.stdout.write("Questionnaire: already there")
            earlier = GapSurveyPage.objects.filter(slug=EARLIER["nl"]["slug"]).first()
            if earlier is None:
                earlier = create_survey(site.root_page, earlier_fields)
                self.stdout.write(f"Earlier wave: created {earlier.url}")
            GapSurveyPage.objects.filter(series="", slug__in=[*SLUG.values()]).update(series=SERIES)
        call_command(
            "generate_survey_responses",
            survey=earlier.pk,
            responses=min(responses, 150),
            seed=2025,
            behind=TAUGHT_SINCE,
            stdout=self.stdout,
        )
        call_command("generate_survey_responses", survey=survey.pk, responses=responses, stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo questionnaire loaded."))
