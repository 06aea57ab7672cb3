"""The gap report's arithmetic, done by the database.

A *gap* is a required level minus the current level, on the proficiency scale
(0 none … 4 expert): ``gap_now`` for the level required today, ``gap_future``
for the level expected in five years. Means are over the ratings of a
competency; a respondent rates a competency at most once. Any figure that rests
on fewer respondents than SURVEY_MIN_CELL_SIZE is withheld (``None``), so that
nobody can be recognised in a small group.

All competency figures come from one grouped query over the ratings (by
competency and stakeholder group, with sums and counts): the ranking, the
heatmap and the comparison with the previous wave are all derived from it.
Once a questionnaire has closed its figures no longer change, so ``wave_cells``
keeps them in the cache, under a version of the wave's submitted responses
(how many, the last one stored, the last submission): a response added or
deleted later makes a new version. The coverage matrix (through ``surveys.gaps``)
has an open wave's figures kept the same way, until the next submission. Erasing a person (cms.privacy) only
unlinks their responses, which changes no figure.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count, Max, Q, Sum

from home.models import Competency, StakeholderGroup

from .models import Answer, CompetencyRating, Response


def min_cell_size():
    return settings.SURVEY_MIN_CELL_SIZE


@dataclass
class Selection:
    """The submitted responses of a questionnaire (all its translations), optionally one segment."""

    survey: object
    stakeholder_group: str = ""
    profession: str = ""

    @cached_property
    def translations(self):
        """The page ids of the questionnaire in every language (looked up once per selection)."""
        return list(self.survey.get_translations(inclusive=True).values_list("pk", flat=True))

    def lookups(self, via=""):
        found = {f"{via}survey_id__in": self.translations, f"{via}status": Response.Status.SUBMITTED}
        if self.stakeholder_group:
            found[f"{via}stakeholder_group"] = self.stakeholder_group
        if self.profession:
            found[f"{via}profession"] = self.profession
        return found

    def responses(self):
        return Response.objects.filter(**self.lookups())

    def ratings(self):
        return CompetencyRating.objects.filter(**self.lookups("response__"))

    def answers(self):
        return Answer.objects.filter(**self.lookups("response__"))

    def count(self):
        return self.responses().count()


def submitted(survey, stakeholder_group="", profession=""):
    return Selection(survey, stakeholder_group, profession)


@dataclass
class Cell:
    """Sums over the ratings of one competency (by one stakeholder group, or all)."""

    respondents: int = 0
    current: int = 0
    required_now: int = 0
    required_future: int = 0

    def add(self, other):
        for name in ("respondents", "current", "required_now", "required_future"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def mean(self, name):
        return getattr(self, name) / self.respondents if self.respondents else None


def rating_cells(selection):
    """{(competency id, stakeholder group): Cell}, from one grouped query."""
    rows = (
        selection.ratings()
        .values("competency", "response__stakeholder_group")
        .annotate(
            respondents=Count("pk"),  # one rating per response and competency (a constraint)
            current=Sum("current"),
            required_now=Sum("required_now"),
            required_future=Sum("required_future"),
        )
        .order_by()
    )
    return {(row.pop("competency"), row.pop("response__stakeholder_group")): Cell(**row) for row in rows}


# A closed wave's figures never change; a day bounds what an unused version keeps in the cache.
CLOSED_WAVE_SECONDS = 24 * 60 * 60
# An open wave's version changes with every submission; ten minutes bound what an old one keeps.
OPEN_WAVE_SECONDS = 10 * 60


def wave_version(selection):
    """What changes when a submitted response of the selection's questionnaire (any segment, any
    translation) is added or deleted: how many there are, the last stored, the last submitted."""
    responses = Response.objects.filter(
        survey_id__in=selection.translations, status=Response.Status.SUBMITTED
    )
    found = responses.aggregate(count=Count("pk"), last=Max("pk"), submitted=Max("submitted_at"))
    submitted_at = found["submitted"].timestamp() if found["submitted"] else None
    return f"{found['count']}-{found['last']}-{submitted_at}"


def wave_cells(selection, open_too=False):
    """``rating_cells(selection)``: for a closed questionnaire (or, with ``open_too``, an open one too),
    kept in the cache until its responses change. The version is read before the figures, so figures
    kept under a version never miss a response of it."""
    survey = selection.survey
    closed = survey.state() == "closed"
    if not (closed or open_too):
        return rating_cells(selection)
    key = cells_key(selection)
    cells = cache.get(key)
    if cells is None:
        cells = rating_cells(selection)
        cache.set(key, cells, CLOSED_WAVE_SECONDS if closed else OPEN_WAVE_SECONDS)
    return cells


def cells_key(selection):
    segment = f"{selection.stakeholder_group}:{selection.profession}"
    return f"surveys:cells:{selection.survey.translation_key}:{segment}:{wave_version(selection)}"


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


def competency_gaps(selection, cells=None):
    """Every rated competency with its mean levels and gaps, largest gap in five years first."""
    cells = wave_cells(selection) if cells is None else cells
    totals = defaultdict(Cell)
    for (competency_id, _group), cell in cells.items():
        totals[competency_id].add(cell)  # a response has one group: respondents add up
    competencies = {c.pk: c for c in Competency.framework()}
    gaps = [gap_row(competencies[pk], total) for pk, total in totals.items()]
    return sorted(gaps, key=lambda g: (g.gap_future is None, -(g.gap_future or 0), -(g.gap_now or 0)))


def gap_row(competency, cell):
    if cell.respondents < min_cell_size():
        return CompetencyGap(competency, cell.respondents)
    means = [cell.mean(name) for name in ("current", "required_now", "required_future")]
    return CompetencyGap(competency, cell.respondents, *means)


@dataclass
class Heatmap:
    """Mean gap (required now minus current) per competency and stakeholder group."""

    groups: list
    rows: list = field(default_factory=list)  # (competency, [cell per group])


def heatmap(selection, cells=None):
    cells = wave_cells(selection) if cells is None else cells
    groups = list(StakeholderGroup.choices)
    result = Heatmap(groups=groups)
    rated = {competency_id for competency_id, _group in cells}
    for competency in Competency.framework():
        if competency.pk in rated:
            row = [heat_cell(cells.get((competency.pk, value))) for value, _label in groups]
            result.rows.append((competency, row))
    return result


def heat_cell(cell):
    if cell is None:
        return {"respondents": 0, "gap": None}
    if cell.respondents < min_cell_size():
        return {"respondents": cell.respondents, "gap": None}
    return {"respondents": cell.respondents, "gap": cell.mean("required_now") - cell.mean("current")}


def completion(survey):
    """Started, submitted, and the share of started responses that were submitted."""
    counts = survey.responses().aggregate(
        started=Count("pk"), submitted=Count("pk", filter=Q(status=Response.Status.SUBMITTED))
    )
    counts["rate"] = counts["submitted"] / counts["started"] if counts["started"] else None
    return counts


def answer_counts(selection):
    """What the answers to every non-matrix question add up to, in three grouped queries:
    {"respondents": {question: n}, "choices": {(question, number): n}, "texts": {question: [text]}}."""
    answers = selection.answers()
    respondents = dict(
        answers.values_list("question").annotate(n=Count("response", distinct=True)).order_by()
    )
    choices = {
        (question, number): n
        for question, number, n in answers.filter(number__isnull=False)
        .values_list("question", "number")
        .annotate(n=Count("pk"))
        .order_by()
    }
    texts = defaultdict(list)
    for question, text in answers.exclude(text="").values_list("question", "text"):
        texts[question].append(text)
    return {"respondents": respondents, "choices": choices, "texts": texts}


def distribution(selection, question_id, choices, counts=None):
    """(label, count) for every choice of a choice or Likert question; None when too few answered."""
    counts = answer_counts(selection) if counts is None else counts
    if counts["respondents"].get(question_id, 0) < min_cell_size():
        return None
    return [(label, counts["choices"].get((question_id, float(key)), 0)) for key, label in choices]


def free_texts(selection, question_id, counts=None):
    """The answers to a text question, without anything that says who wrote them."""
    counts = answer_counts(selection) if counts is None else counts
    if counts["respondents"].get(question_id, 0) < min_cell_size():
        return None
    return sorted(counts["texts"][question_id])


def previous_wave(survey):
    """The questionnaire of the same series that opened last before this one (None: a first wave)."""
    if not survey.series:
        return None
    return (
        type(survey)
        .objects.filter(series=survey.series, locale=survey.locale, opens_at__lt=survey.opens_at)
        .order_by("-opens_at")
        .first()
    )


@dataclass
class WaveChange:
    """One competency's gap in five years (``then``, ``now``) and gap now (required now minus current:
    ``gap_now_then``, ``gap_now_now``) in the previous wave and this one; None where a wave had too few
    respondents."""

    competency: Competency
    then: float | None
    now: float | None
    respondents_then: int
    respondents_now: int
    gap_now_then: float | None = None
    gap_now_now: float | None = None

    @property
    def change(self):
        return difference(self.then, self.now)

    @property
    def gap_now_change(self):
        return difference(self.gap_now_then, self.gap_now_now)

    @staticmethod
    def position(gap, width=150):
        """Where a gap sits on a 0-4 level scale drawn ``width`` wide (5 px margin)."""
        return round(5 + width * min(max(gap, 0), 4) / 4, 1)

    def then_x(self):
        return self.position(self.then)

    def now_x(self):
        return self.position(self.now)

    def gap_now_then_x(self):
        return self.position(self.gap_now_then)

    def gap_now_now_x(self):
        return self.position(self.gap_now_now)


def difference(then, now):
    return None if then is None or now is None else now - then


def wave_comparison(survey, previous, stakeholder_group="", profession="", gaps=None):
    """Per competency rated in both waves: the gaps then and now, largest shrink (in five years) first.

    ``gaps`` are this wave's ``competency_gaps`` when the caller has them already (the report does).
    """
    gaps = competency_gaps(submitted(survey, stakeholder_group, profession)) if gaps is None else gaps
    before = {g.competency.pk: g for g in competency_gaps(submitted(previous, stakeholder_group, profession))}
    rows = [
        WaveChange(
            gap.competency,
            before[gap.competency.pk].gap_future,
            gap.gap_future,
            before[gap.competency.pk].respondents,
            gap.respondents,
            before[gap.competency.pk].gap_now,
            gap.gap_now,
        )
        for gap in gaps
        if gap.competency.pk in before
    ]
    return sorted(rows, key=lambda r: (r.change is None, r.change if r.change is not None else 0))


def returning_respondents(survey, previous):
    """How many respondents of this wave answered the previous one too (linked by their invitation)."""
    earlier = (
        Response.objects.filter(
            survey__translation_key=previous.translation_key, status=Response.Status.SUBMITTED
        )
        .exclude(wave_key="")
        .values("wave_key")
    )
    return Response.objects.filter(
        survey__translation_key=survey.translation_key, status=Response.Status.SUBMITTED, wave_key__in=earlier
    ).count()
