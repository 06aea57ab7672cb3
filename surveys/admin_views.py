"""The gap report and the exports, in the Wagtail admin, for users who may view survey results."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from cms import audit, jobs
from cms.exports import spreadsheet_response
from home.models import Profession, StakeholderGroup

from . import invitations as invitations_module
from . import report, tasks
from .exports import answer_text, answers_by_response, export_gaps, export_responses, questions
from .models import GapSurveyPage, Invitation

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
    selection = report.submitted(survey, group, profession)
    respondents = selection.count()
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
        cells = report.wave_cells(selection)
        gaps = report.competency_gaps(selection, cells)
        context.update(
            gaps=gaps,
            heatmap=report.heatmap(selection, cells),
            questions=question_results(survey, selection),
        )
        previous = report.previous_wave(survey)
        if previous is not None:
            context.update(
                previous=previous,
                waves=report.wave_comparison(survey, previous, group, profession, gaps),
                returning=report.returning_respondents(survey, previous),
            )
    return TemplateResponse(request, "surveys/admin/report.html", context)


def question_results(survey, selection):
    counts = report.answer_counts(selection)
    results = []
    for question_id, kind, value in questions(survey):
        if kind in ("single_choice", "multiple_choice", "likert"):
            choices = likert_choices(value) if kind == "likert" else list(enumerate(value["choices"]))
            choices = [(str(key), label) for key, label in choices]
            results.append(
                {
                    "label": value["label"],
                    "kind": kind,
                    "distribution": report.distribution(selection, question_id, choices, counts),
                }
            )
        elif kind in ("short_text", "long_text"):
            results.append(
                {
                    "label": value["label"],
                    "kind": kind,
                    "texts": report.free_texts(selection, question_id, counts),
                }
            )
    return results


def likert_choices(value):
    labels = {1: f"1 – {value['low_label']}", 5: f"5 – {value['high_label']}"}
    return [(n, labels.get(n, str(n))) for n in range(1, 6)]


def export(request, page_id, what):
    require_results_permission(request)
    survey = get_object_or_404(GapSurveyPage, pk=page_id)
    file_format = "csv" if request.GET.get("format") == "csv" else "xlsx"
    selection = report.submitted(survey)
    if what != "responses":
        # Means per competency, withheld below the minimum cell size: nobody's answers, no audit entry.
        return export_gaps(survey, selection, file_format)
    rows = selection.responses().count()
    if rows > settings.SURVEY_EXPORT_INLINE_LIMIT:
        job = jobs.launch(tasks.export_responses, request.user, survey_id=survey.pk, file_format=file_format)
        return redirect(jobs.job_url(job))  # the job records the export when it has made the file
    response = export_responses(survey, selection, file_format)
    audit.record(survey, "nmep.responses_export", {"format": file_format, "rows": rows})
    return response


def answers_of(response):
    """(question, answer) for every question of the questionnaire that this response answered."""
    given = answers_by_response(response.answers.all())[response.pk]
    return [
        (value["label"], answer_text(kind, value, given[question_id]))
        for question_id, kind, value in questions(response.survey.specific)
        if kind != "competency_matrix" and given[question_id]
    ]


INVITATIONS_PERMISSION = "surveys.manage_invitations"


def survey_invitations(request, page_id):
    """Upload addresses, make anonymous tokens, send invitations and the one reminder."""
    if not request.user.has_perm(INVITATIONS_PERMISSION):
        raise PermissionDenied
    survey = get_object_or_404(GapSurveyPage, pk=page_id)
    if request.method == "POST":
        invitation_action(request, survey, request.POST.get("action"))
        return redirect("survey_invitations", page_id=survey.pk)
    if request.GET.get("format") == "csv":
        return invitation_links(request, survey)
    invitations = Invitation.objects.filter(survey=survey)
    context = {
        "survey": survey,
        "invitations": invitations[:500],
        "total": invitations.count(),
        "unsent": invitations_module.unsent(survey).count(),
        "due": invitations_module.due_for_reminder(survey).count(),
        "max_tokens": invitations_module.MAX_TOKENS,
    }
    return TemplateResponse(request, "surveys/admin/invitations.html", context)


def invitation_action(request, survey, action):
    if action == "upload" and request.FILES.get("addresses"):
        addresses, problems = invitations_module.addresses_from_csv(request.FILES["addresses"])
        for problem in problems[:10]:
            messages.warning(request, problem)
        created = invitations_module.invite_addresses(survey, addresses)
        messages.success(request, _("%(count)d new invitations.") % {"count": created})
    elif action == "tokens":
        count = bounded_int(request.POST.get("count"), 1, invitations_module.MAX_TOKENS)
        if count is None:
            messages.error(
                request, _("Give a number from 1 to %(max)d.") % {"max": invitations_module.MAX_TOKENS}
            )
        else:
            invitations_module.create_tokens(survey, count)
            messages.success(request, _("%(count)d anonymous links made.") % {"count": count})
    elif action == "send":
        sent = invitations_module.send(request, invitations_module.unsent(survey))
        messages.success(request, _("%(count)d invitations sent.") % {"count": sent})
    elif action == "remind":
        sent = invitations_module.send(request, invitations_module.due_for_reminder(survey), reminder=True)
        messages.success(request, _("%(count)d reminders sent.") % {"count": sent})


def bounded_int(text, low, high):
    try:
        value = int(text)
    except (TypeError, ValueError):
        return None
    return value if low <= value <= high else None


def invitation_links(request, survey):
    """Every invitation's personal link, to hand out by other means (bare tokens)."""
    rows = [
        [invitation.email, invitation.link(request)]
        for invitation in Invitation.objects.filter(survey=survey)
    ]
    return spreadsheet_response(f"invitations-{survey.slug}", [_("E-mail"), _("Link")], rows, "csv")
