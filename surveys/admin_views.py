"""The gap report and the exports, in the Wagtail admin, for users who may view survey results."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse

from home.models import Profession, StakeholderGroup

from . import report
from .exports import answer_text, answers_by_response, export_gaps, export_responses, questions
from .models import GapSurveyPage

RESULTS_PERMISSION = "surveys.view_survey_results"


def may_view_results(user):
    return user.has_perm(RESULTS_PERMISSION)


def require_results_permission(request):
    if not may_view_results(request.user):
        raise PermissionDenied


def reports_index(request):
    require_results_permission(request)
    surveys = GapSurveyPage.objects.filter(locale__language_code="nl").order_by("-opens_at")
    rows = [(survey, report.completion(survey)) for survey in surveys]
    return TemplateResponse(request, "surveys/admin/reports_index.html", {"rows": rows})


def chosen(request, name, choices):
    value = request.GET.get(name, "")
    return value if value in dict(choices) else ""


def survey_report(request, page_id):
    require_results_permission(request)
    survey = get_object_or_404(GapSurveyPage, pk=page_id)
    group = chosen(request, "stakeholder_group", StakeholderGroup.choices)
    profession = chosen(request, "profession", Profession.choices)
    responses = report.submitted(survey, group, profession)
    respondents = responses.count()
    context = {
        "survey": survey,
        "completion": report.completion(survey),
        "respondents": respondents,
        "too_few": respondents < report.min_cell_size(),
        "min_cell_size": report.min_cell_size(),
        "group": group,
        "profession": profession,
        "groups": StakeholderGroup.choices,
        "professions": Profession.choices,
        "query": request.GET.urlencode(),
    }
    if not context["too_few"]:
        context.update(
            gaps=report.competency_gaps(responses),
            heatmap=report.heatmap(responses),
            questions=question_results(survey, responses),
        )
    return TemplateResponse(request, "surveys/admin/report.html", context)


def question_results(survey, responses):
    results = []
    for question_id, kind, value in questions(survey):
        if kind in ("single_choice", "multiple_choice", "likert"):
            choices = likert_choices(value) if kind == "likert" else list(enumerate(value["choices"]))
            choices = [(str(key), label) for key, label in choices]
            results.append(
                {
                    "label": value["label"],
                    "kind": kind,
                    "distribution": report.distribution(responses, question_id, choices),
                }
            )
        elif kind in ("short_text", "long_text"):
            results.append(
                {"label": value["label"], "kind": kind, "texts": report.free_texts(responses, question_id)}
            )
    return results


def likert_choices(value):
    labels = {1: f"1 – {value['low_label']}", 5: f"5 – {value['high_label']}"}
    return [(n, labels.get(n, str(n))) for n in range(1, 6)]


def export(request, page_id, what):
    require_results_permission(request)
    survey = get_object_or_404(GapSurveyPage, pk=page_id)
    file_format = "csv" if request.GET.get("format") == "csv" else "xlsx"
    responses = report.submitted(survey)
    if what == "responses":
        return export_responses(survey, responses, file_format)
    if responses.count() < report.min_cell_size():
        responses = responses.none()
    return export_gaps(survey, responses, file_format)


def answers_of(response):
    """(question, answer) for every question of the questionnaire that this response answered."""
    given = answers_by_response(type(response).objects.filter(pk=response.pk))[response.pk]
    return [
        (value["label"], answer_text(kind, value, given[question_id]))
        for question_id, kind, value in questions(response.survey.specific)
        if kind != "competency_matrix" and given[question_id]
    ]
