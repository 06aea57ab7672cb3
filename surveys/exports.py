"""Questionnaire exports: the raw responses and the gap summary, as XLSX or CSV."""

from collections import defaultdict

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cms.exports import spreadsheet_bytes, spreadsheet_response

from .forms import ASPECTS
from .report import competency_gaps

PROFILE = [
    ("stakeholder_group", gettext_lazy("Stakeholder group")),
    ("profession", gettext_lazy("Profession")),
    ("organisation_type", gettext_lazy("Type of organisation")),
    ("experience", gettext_lazy("Years of experience in the field")),
    ("region", gettext_lazy("Region")),
]


def questions(survey):
    """(question id, kind, question block value) of every question, in the questionnaire's order."""
    found = []
    for _name, step in survey.step_blocks():
        for block in step.value["questions"]:
            found.append((block.id.replace("-", ""), block.block_type, block.value))
    return found


def answer_text(kind, value, answers):
    if kind in ("short_text", "long_text"):
        return " ".join(a["text"] for a in answers)
    if kind in ("single_choice", "multiple_choice"):
        return "; ".join(
            str(value["choices"][int(a["number"])])
            for a in answers
            if a["number"] is not None and int(a["number"]) < len(value["choices"])
        )
    numbers = [a["number"] for a in answers if a["number"] is not None]
    return int(numbers[0]) if numbers else ""


def matrix_columns(survey):
    """(competency, aspect) for every matrix cell, in the questionnaire's order."""
    columns = []
    for _id, kind, value in questions(survey):
        if kind == "competency_matrix" and value["domain"]:
            for competency in value["domain"].competencies.all():
                columns += [(competency, aspect, label) for aspect, label in ASPECTS]
    return columns


def response_rows(survey, selection):
    plain = [(qid, kind, value) for qid, kind, value in questions(survey) if kind != "competency_matrix"]
    cells = matrix_columns(survey)
    answers = answers_by_response(selection.answers())
    ratings = ratings_by_response(selection.ratings())
    for response in selection.responses().order_by("submitted_at", "pk"):
        profile = [response_label(response, field) for field, _label in PROFILE]
        given = answers[response.pk]
        row = [response.pk, response.language, response.submitted_at.replace(tzinfo=None), *profile]
        row += [answer_text(kind, value, given[qid]) for qid, kind, value in plain]
        rated = ratings[response.pk]
        row += [rated.get((competency.pk, aspect), "") for competency, aspect, _label in cells]
        yield row


def response_label(response, field):
    return getattr(response, f"get_{field}_display")() if getattr(response, field) else ""


def answers_by_response(answers):
    grouped = defaultdict(lambda: defaultdict(list))
    for row in answers.values("response", "question", "number", "text"):
        grouped[row["response"]][row["question"]].append(row)
    return grouped


def ratings_by_response(ratings):
    grouped = defaultdict(dict)
    fields = ("response", "competency", "current", "required_now", "required_future")
    for row in ratings.values(*fields):
        for aspect, _label in ASPECTS:
            grouped[row["response"]][(row["competency"], aspect)] = row[aspect]
    return grouped


def export_responses(survey, selection, file_format):
    return spreadsheet_response(
        f"responses-{survey.slug}", responses_header(survey), response_rows(survey, selection), file_format
    )


def responses_file(survey, selection, file_format, report=None):
    """(file name, bytes) of the responses export, for a background job; ``report(done, total)``."""
    rows = response_rows(survey, selection)
    if report:
        rows = counted(rows, selection.responses().count(), report)
    content = spreadsheet_bytes(responses_header(survey), rows, file_format)
    return f"responses-{survey.slug}.{'csv' if file_format == 'csv' else 'xlsx'}", content


def counted(rows, total, report):
    for done, row in enumerate(rows, 1):
        report(done, total)
        yield row


def responses_header(survey):
    header = [_("Response"), _("Language"), _("Submitted at"), *[str(label) for _f, label in PROFILE]]
    header += [value["label"] for _id, kind, value in questions(survey) if kind != "competency_matrix"]
    header += [f"{competency.name}: {label}" for competency, _aspect, label in matrix_columns(survey)]
    return header


def export_gaps(survey, selection, file_format):
    header = [
        _("Domain"),
        _("Competency"),
        _("Respondents"),
        _("Current level"),
        _("Required now"),
        _("Required in five years"),
        _("Gap now"),
        _("Gap in five years"),
    ]
    rows = [
        [gap.competency.domain.name, gap.competency.name, gap.respondents, *rounded(gap)]
        for gap in competency_gaps(selection)
    ]
    return spreadsheet_response(f"gaps-{survey.slug}", header, rows, file_format)


def rounded(gap):
    values = [gap.current, gap.required_now, gap.required_future, gap.gap_now, gap.gap_future]
    return ["" if value is None else round(value, 2) for value in values]
