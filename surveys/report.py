"""The gap report's arithmetic, done by the database.

A *gap* is a required level minus the current level, on the proficiency scale
(0 none … 4 expert): ``gap_now`` for the level required today, ``gap_future``
for the level expected in five years. Means are over the respondents who rated
a competency. Any figure that rests on fewer respondents than
SURVEY_MIN_CELL_SIZE is withheld (``None``), so that nobody can be recognised
in a small group.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Avg, Count, F, FloatField, Q
from django.db.models.functions import Cast

from home.models import Competency, StakeholderGroup

from .models import Answer, CompetencyRating, Response


def min_cell_size():
    return settings.SURVEY_MIN_CELL_SIZE


def submitted(survey, stakeholder_group="", profession=""):
    """The submitted responses of a questionnaire (all its translations), optionally one segment."""
    responses = survey.responses().filter(status=Response.Status.SUBMITTED)
    if stakeholder_group:
        responses = responses.filter(stakeholder_group=stakeholder_group)
    if profession:
        responses = responses.filter(profession=profession)
    return responses


def level(name):
    return Cast(F(name), FloatField())


@dataclass
class CompetencyGap:
    competency: Competency
    respondents: int
    current: float | None = None
    required_now: float | None = None
    required_future: float | None = None

    @property
    def gap_now(self):
        return None if self.current is None else self.required_now - self.current

    @property
    def gap_future(self):
        return None if self.current is None else self.required_future - self.current


def competency_gaps(responses):
    """Every rated competency with its mean levels and gaps, largest gap in five years first."""
    rows = (
        CompetencyRating.objects.filter(response__in=responses)
        .values("competency")
        .annotate(
            respondents=Count("response", distinct=True),
            current=Avg(level("current")),
            required_now=Avg(level("required_now")),
            required_future=Avg(level("required_future")),
        )
    )
    competencies = {c.pk: c for c in Competency.framework()}
    gaps = [gap_row(competencies[row["competency"]], row) for row in rows]
    return sorted(gaps, key=lambda g: (g.gap_future is None, -(g.gap_future or 0), -(g.gap_now or 0)))


def gap_row(competency, row):
    if row["respondents"] < min_cell_size():
        return CompetencyGap(competency, row["respondents"])
    return CompetencyGap(
        competency, row["respondents"], row["current"], row["required_now"], row["required_future"]
    )


@dataclass
class Heatmap:
    """Mean gap (required now minus current) per competency and stakeholder group."""

    groups: list
    rows: list = field(default_factory=list)  # (competency, [cell per group])


def heatmap(responses):
    cells = (
        CompetencyRating.objects.filter(response__in=responses)
        .values("competency", "response__stakeholder_group")
        .annotate(
            respondents=Count("response", distinct=True),
            gap=Avg(level("required_now") - level("current")),
        )
    )
    found = {(c["competency"], c["response__stakeholder_group"]): c for c in cells}
    groups = [(value, label) for value, label in StakeholderGroup.choices]
    result = Heatmap(groups=groups)
    rated = {competency for competency, _group in found}
    for competency in Competency.framework():
        if competency.pk in rated:
            row = [heat_cell(found.get((competency.pk, value))) for value, _label in groups]
            result.rows.append((competency, row))
    return result


def heat_cell(cell):
    if cell is None:
        return {"respondents": 0, "gap": None}
    hidden = cell["respondents"] < min_cell_size()
    return {"respondents": cell["respondents"], "gap": None if hidden else cell["gap"]}


def completion(survey):
    """Started, submitted, and the share of started responses that were submitted."""
    counts = survey.responses().aggregate(
        started=Count("pk"), submitted=Count("pk", filter=Q(status=Response.Status.SUBMITTED))
    )
    counts["rate"] = counts["submitted"] / counts["started"] if counts["started"] else None
    return counts


def distribution(responses, question_id, choices):
    """(label, count) for every choice of a choice or Likert question; None when too few answered."""
    counts = dict(
        Answer.objects.filter(response__in=responses, question=question_id)
        .values_list("number")
        .annotate(count=Count("pk"))
    )
    answered = (
        Answer.objects.filter(response__in=responses, question=question_id).values("response").distinct()
    )
    if answered.count() < min_cell_size():
        return None
    return [(label, counts.get(float(key), 0)) for key, label in choices]


def free_texts(responses, question_id):
    """The answers to a text question, without anything that says who wrote them."""
    texts = Answer.objects.filter(response__in=responses, question=question_id).exclude(text="")
    if texts.values("response").distinct().count() < min_cell_size():
        return None
    return sorted(texts.values_list("text", flat=True))
