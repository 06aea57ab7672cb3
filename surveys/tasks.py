"""Background jobs of the questionnaires (see cms.jobs for how they report and keep files)."""

from celery import shared_task
from django.contrib.auth import get_user_model

from cms import audit
from cms.jobs import keep_file, report

from . import report as survey_report
from .exports import responses_file
from .models import GapSurveyPage


@shared_task(bind=True)
def export_responses(self, survey_id, file_format="xlsx", started_by=None):
    """Every submitted response of a large questionnaire as a spreadsheet, kept for its requester."""
    survey = GapSurveyPage.objects.get(pk=survey_id)
    selection = survey_report.submitted(survey)
    name, content = responses_file(
        survey, selection, file_format, report=lambda done, total: report(self, done, total)
    )
    kept = keep_file(self, name, content)
    requester = get_user_model().objects.filter(pk=started_by).first()
    data = {"format": file_format, "rows": selection.count(), "job": self.request.id}
    audit.record(survey, "nmep.responses_export", data, user=requester)
    return kept
