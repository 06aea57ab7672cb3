"""Synthetic responses with plausible, varied gaps, so that a report has something to show."""

import random

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from cms.progress import progress_bar
from surveys.models import Answer, CompetencyRating, Experience, GapSurveyPage, Region, Response

BATCH = 500
GROUPS = [  # (stakeholder group, weight, professions, organisation types)
    (
        "care_provider",
        35,
        [
            "nuclear_medicine_physician",
            "nuclear_radiologist",
            "clinical_physicist",
            "hospital_pharmacist",
            "technologist",
            "resident",
        ],
        ["university_hospital", "teaching_hospital", "general_hospital"],
    ),
    (
        "research",
        18,
        ["researcher", "radiochemist", "clinical_physicist"],
        ["university", "university_hospital"],
    ),
    ("company", 15, ["industry_professional", "radiochemist"], ["company"]),
    ("isotope_production", 8, ["radiochemist", "industry_professional"], ["company"]),
    ("education", 10, ["researcher", "clinical_physicist", "other"], ["university"]),
    ("government", 7, ["other"], ["government"]),
    ("patient_organisation", 7, ["other"], ["patient_organisation"]),
]
# Where each profession is at home: its current level is higher in these domains.
HOME_DOMAINS = {
    "nuclear_medicine_physician": {"diagnostics", "therapy", "collaboration"},
    "nuclear_radiologist": {"diagnostics", "physics-imaging"},
    "clinical_physicist": {"physics-imaging", "dosimetry-protection", "data-ai"},
    "hospital_pharmacist": {"radiochemistry", "regulation-quality"},
    "technologist": {"diagnostics", "physics-imaging", "dosimetry-protection"},
    "resident": {"diagnostics"},
    "researcher": {"data-ai", "radiochemistry"},
    "radiochemist": {"radiochemistry", "regulation-quality"},
    "industry_professional": {"regulation-quality", "radiochemistry"},
    "other": {"collaboration"},
}
# Where the field is moving fastest: the required levels outrun the current ones.
GROWING = {
    "theranostics",
    "lu-psma-therapy",
    "ai-imaging",
    "patient-dosimetry",
    "quantification",
    "radiopharmaceutical-development",
    "real-world-data",
    "gmp",
    "prrt",
}
JOB_TITLES = [
    "Klinisch fysicus",
    "Nuclear medicine physician",
    "Radiochemist",
    "MNW",
    "QA officer",
    "Ziekenhuisapotheker",
    "PhD candidate",
    "Policy advisor",
]
WISHES = [
    "Hands-on training in dosimetry for therapy",
    "Meer over GMP in de ziekenhuisapotheek",
    "A course on AI tools for PET quantification",
    "Praktijkscholing theranostiek",
    "Communication with patients about radiation",
]


def questions_of(survey):
    """(id, kind, value, competencies of a matrix) of every question, read once."""
    for _name, step in survey.step_blocks():
        for block in step.value["questions"]:
            domain = block.value.get("domain") if block.block_type == "competency_matrix" else None
            competencies = list(domain.competencies.select_related("domain")) if domain else []
            yield block.id.replace("-", ""), block.block_type, block.value, competencies


def synthetic_profile(rng):
    group, _weight, professions, organisations = rng.choices(GROUPS, weights=[g[1] for g in GROUPS])[0]
    return {
        "stakeholder_group": group,
        "profession": rng.choice(professions),
        "organisation_type": rng.choice(organisations),
        "experience": rng.choice(Experience.values),
        "region": rng.choices(Region.values, weights=[2, 3, 5, 3, 1])[0],
    }


def levels(rng, profession, competency, behind=frozenset()):
    at_home = competency.domain.code in HOME_DOMAINS[profession]
    current = min(4, max(0, round(rng.gauss(2.6 if at_home else 1.0, 0.8))))
    if competency.code in behind:
        current = max(0, current - 1)  # an earlier wave: the field knew less of it then
    growing = competency.code in GROWING
    needed_now = min(4, max(current, round(current + rng.gauss(1.3 if growing else 0.4, 0.6))))
    needed_later = min(4, max(needed_now, round(needed_now + rng.gauss(1.0 if growing else 0.2, 0.5))))
    return {"current": current, "required_now": needed_now, "required_future": needed_later}


def answers_for(rng, questions, profile, behind=frozenset()):
    answers, ratings = [], []
    for question_id, kind, value, competencies in questions:
        if kind == "competency_matrix":
            for competency in competencies:
                ratings.append(
                    {
                        "competency": competency,
                        "question": question_id,
                        **levels(rng, profile["profession"], competency, behind),
                    }
                )
        elif kind == "single_choice":
            answers.append({"question": question_id, "number": rng.randrange(len(value["choices"]))})
        elif kind == "multiple_choice":
            picked = rng.sample(range(len(value["choices"])), rng.randint(1, 3))
            answers += [{"question": question_id, "number": n} for n in sorted(picked)]
        elif kind == "likert":
            answers.append(
                {"question": question_id, "number": rng.choices([1, 2, 3, 4, 5], [2, 4, 4, 3, 1])[0]}
            )
        elif kind == "number":
            answers.append(
                {"question": question_id, "number": min(value["max_value"], int(rng.expovariate(1 / 24)))}
            )
        elif rng.random() < 0.4:
            pool = JOB_TITLES if kind == "short_text" else WISHES
            answers.append({"question": question_id, "text": rng.choice(pool)})
    return answers, ratings


class Command(BaseCommand):
    """Tops up a questionnaire's synthetic responses; each one is stored as a real submission is."""

    help = "Generate synthetic submitted responses for a gap-analysis questionnaire."

    def add_arguments(self, parser):
        parser.add_argument(
            "--responses", type=int, default=200, help="Responses it should have (default 200)."
        )
        parser.add_argument("--survey", type=int, help="Page id of the questionnaire (default: the newest).")
        parser.add_argument("--seed", type=int, default=2026, help="Random seed, for repeatable data.")
        parser.add_argument(
            "--behind", default="", help="Competency codes, comma-separated, rated one level lower today."
        )

    def handle(self, *args, responses=200, survey=None, seed=2026, behind="", **options):
        self.behind = frozenset(code.strip() for code in behind.split(",") if code.strip())
        page = self.find_survey(survey)
        existing = page.responses().submitted().count()
        missing = max(responses - existing, 0)
        rng = random.Random(seed + existing)
        questions = list(questions_of(page))
        for done in range(0, missing, BATCH):
            self.store_batch(rng, page, questions, min(BATCH, missing - done))
            self.stdout.write(progress_bar(done + min(BATCH, missing - done), missing))
        self.stdout.write(
            self.style.SUCCESS(f"Synthetic responses: {missing} added, {existing} already there.")
        )

    def find_survey(self, pk):
        surveys = GapSurveyPage.objects.all()
        page = surveys.filter(pk=pk).first() if pk else surveys.order_by("-opens_at").first()
        if page is None:
            raise CommandError("No questionnaire found; create one or load the demo first.")
        return page

    @transaction.atomic
    def store_batch(self, rng, page, questions, count):
        now = timezone.now()
        profiles = [synthetic_profile(rng) for _ in range(count)]
        stored = Response.objects.bulk_create(
            Response(
                survey=page,
                status=Response.Status.SUBMITTED,
                resume_key=None,
                language="nl",
                consented_at=now,
                submitted_at=now,
                **profile,
            )
            for profile in profiles
        )
        answers, ratings = [], []
        for response, profile in zip(stored, profiles, strict=True):
            given, rated = answers_for(rng, questions, profile, self.behind)
            answers += [Answer(response=response, **a) for a in given]
            ratings += [CompetencyRating(response=response, **r) for r in rated]
        Answer.objects.bulk_create(answers, batch_size=2000)
        CompetencyRating.objects.bulk_create(ratings, batch_size=2000)
