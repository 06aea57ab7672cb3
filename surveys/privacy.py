"""What the questionnaires keep about a person (see cms.privacy).

Submitted answers stay in the statistics without any link to the person (respondent and wave key
cleared); drafts, which count for nothing yet, are deleted; an invitation forgets its address.
"""

from django.utils.translation import gettext_lazy as _

from cms.privacy import personal_data, records

from .models import Invitation, Response


@personal_data(Response)
class Responses:
    section = _("Questionnaire responses")

    def rows(self, subject):
        if subject.user is None:
            return Response.objects.none()
        return Response.objects.filter(respondent=subject.user).select_related("survey")

    def export(self, subject):
        fields = ["status", "language", "stakeholder_group", "profession", "organisation_type"]
        fields += ["experience", "region", "consented_at", "created_at", "submitted_at"]
        return records(
            self.rows(subject),
            fields,
            questionnaire=lambda response: response.survey.title,
            answers=lambda response: list(response.answers.values("question", "number", "text")),
            ratings=lambda response: records(
                response.ratings.select_related("competency"),
                ["current", "required_now", "required_future"],
                competency=lambda rating: rating.competency.name,
            ),
        )

    def expired(self, now):
        yield "questionnaire drafts past SURVEY_DRAFT_DAYS", Response.objects.expired_drafts(now)

    def erase(self, subject, dry_run=False):
        rows = list(self.rows(subject))
        drafts = [row for row in rows if row.status == Response.Status.DRAFT]
        submitted = [row for row in rows if row.status != Response.Status.DRAFT]
        if not dry_run:
            Response.objects.filter(pk__in=[row.pk for row in drafts]).delete()
            Response.objects.filter(pk__in=[row.pk for row in submitted]).update(respondent=None, wave_key="")
        return [f"draft of {row.survey.title} deleted" for row in drafts] + [
            f"response to {row.survey.title} kept in the statistics, unlinked from the person"
            for row in submitted
        ]


@personal_data(Invitation)
class Invitations:
    section = _("Questionnaire invitations")

    def rows(self, subject):
        return Invitation.objects.filter(subject.email_filter()).select_related("survey")

    def export(self, subject):
        fields = ["email", "created_at", "sent_at", "reminded_at", "used"]
        return records(self.rows(subject), fields, questionnaire=lambda row: row.survey.title)

    def erase(self, subject, dry_run=False):
        rows = list(self.rows(subject))
        if not dry_run:
            Invitation.objects.filter(pk__in=[row.pk for row in rows]).update(email="")
        return [f"invitation to {row.survey.title} no longer holds the address" for row in rows]
