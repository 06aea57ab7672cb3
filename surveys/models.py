"""Gap-analysis questionnaires: the page editors build, and the responses stakeholders give."""

import hashlib
import hmac
import secrets
from collections import defaultdict
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.db import models, transaction
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import path, re_path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.pagecache import cached_fragment, seconds_until
from cms.widgets import SuggestingSlugInput
from home.blocks import RICH_TEXT_FEATURES
from home.models import (
    CacheableRoutablePageMixin,
    Competency,
    Profession,
    Record,
    SitePage,
    StakeholderGroup,
)

from .blocks import StepsBlock


class OrganisationType(models.TextChoices):
    UNIVERSITY_HOSPITAL = "university_hospital", _("University medical centre")
    TEACHING_HOSPITAL = "teaching_hospital", _("Top clinical or teaching hospital")
    GENERAL_HOSPITAL = "general_hospital", _("General hospital")
    UNIVERSITY = "university", _("University or research institute")
    COMPANY = "company", _("Company")
    GOVERNMENT = "government", _("Government or regulator")
    PATIENT_ORGANISATION = "patient_organisation", _("Patient organisation")
    OTHER = "other", _("Other")


class Experience(models.TextChoices):
    UNDER_2 = "0-2", _("Less than 2 years")
    FROM_2 = "2-5", _("2 to 5 years")
    FROM_5 = "5-10", _("5 to 10 years")
    FROM_10 = "10-20", _("10 to 20 years")
    OVER_20 = "20+", _("More than 20 years")


class Region(models.TextChoices):
    NORTH = "north", _("North Netherlands (Groningen, Friesland, Drenthe)")
    EAST = "east", _("East Netherlands (Overijssel, Gelderland, Flevoland)")
    WEST = "west", _("West Netherlands (Noord-Holland, Zuid-Holland, Utrecht)")
    SOUTH = "south", _("South Netherlands (Zeeland, Noord-Brabant, Limburg)")
    ABROAD = "abroad", _("Outside the Netherlands")


def series_in_use():
    """The series questionnaires belong to, for an editor to choose from."""
    series = GapSurveyPage.objects.exclude(series="").values_list("series", flat=True)
    return series.order_by("series").distinct()


class GapSurveyPage(CacheableRoutablePageMixin, SitePage):
    """A questionnaire of the gap analysis: steps of questions, answered through a wizard."""

    class Access(models.TextChoices):
        OPEN = "open", _("Open to everyone")
        INVITATION = "invitation", _("Invitation only")

    introduction = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES)
    privacy_statement = RichTextField(
        _("privacy statement"),
        features=RICH_TEXT_FEATURES,
        help_text=_("Shown with the consent question, before any answer is stored."),
    )
    opens_at = models.DateTimeField(_("opens"))
    closes_at = models.DateTimeField(_("closes"))
    access = models.CharField(_("access"), max_length=16, choices=Access.choices, default=Access.OPEN)
    series = models.SlugField(
        _("series"),
        max_length=60,
        blank=True,
        help_text=_(
            "Questionnaires of one series (e.g. gap-analysis) are its waves: the report compares each "
            "wave with the one before."
        ),
    )
    anonymous = models.BooleanField(
        _("anonymous"),
        default=False,
        help_text=_("No name, e-mail address or invitation is ever linked to the answers."),
    )
    include_profile = models.BooleanField(
        _("ask the profile step"),
        default=True,
        help_text=_("Stakeholder group, profession, organisation type, experience and region."),
    )
    steps = StreamField(StepsBlock(), verbose_name=_("steps"))
    thank_you = RichTextField(_("thank-you text"), features=RICH_TEXT_FEATURES, blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("privacy_statement"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
                FieldPanel(
                    "series",
                    widget=SuggestingSlugInput(series_in_use),
                    help_text=_(
                        "Choose a series from the list, or name a new one (e.g. gap-analysis). The "
                        "questionnaires of a series are its waves: the report compares each wave with the "
                        "one before."
                    ),
                ),
                FieldRowPanel([FieldPanel("access"), FieldPanel("anonymous")]),
                FieldPanel("include_profile"),
            ],
            _("Who answers, and when"),
        ),
        FieldPanel("steps"),
        FieldPanel("thank_you"),
    ]
    search_fields = Page.search_fields + [index.SearchField("introduction")]
    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("gap-analysis questionnaire")
        verbose_name_plural = _("gap-analysis questionnaires")
        permissions = [
            ("view_survey_results", _("Can view survey results")),
            ("manage_invitations", _("Can invite respondents to a questionnaire")),
        ]

    preview_modes = [("", _("Introduction")), ("first-step", _("First step of questions"))]

    def serve_preview(self, request, mode_name):
        # Runs for the editor's preview instead of serve(): the introduction, or the first step of
        # questions as respondents see it. Nothing is stored: no draft, no wizard in the session.
        if mode_name != "first-step" or not self.steps:
            return super().serve_preview(request, mode_name)
        from .forms import StepForm  # the forms are built from this model

        form = StepForm(step=self.step_blocks()[0][1], competencies=self.matrix_competencies)
        return TemplateResponse(request, "surveys/step_preview.html", {"page": self, "form": form})

    def clean(self):
        super().clean()
        errors = {}
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            errors["closes_at"] = _("The questionnaire must close after it opens.")
        asked = self.matrix_domains()
        if len(asked) != len(set(asked)):
            # One rating per respondent and competency keeps the report's counts exact.
            errors["steps"] = _("Each competency domain can be asked in one matrix only.")
        shown_to_some = [step.value["title"] for step in self.steps if step.value["show_to"]]
        if shown_to_some and not self.include_profile:
            # Without the profile step nobody says their group, and such a step would be shown to everyone.
            errors["include_profile"] = _(
                "The step “%(step)s” is shown to some stakeholder groups only: ask the profile step, which "
                "asks for the group, or show the step to everyone."
            ) % {"step": shown_to_some[0]}
        if errors:
            raise ValidationError(errors)

    def state(self, now=None):
        """'not_yet', 'closed' or 'open'."""
        now = now or timezone.now()
        if now < self.opens_at:
            return "not_yet"
        return "closed" if now >= self.closes_at else "open"

    def fresh_for(self):
        # The page's own text changes when the questionnaire opens or closes.
        return seconds_until(self.opens_at, self.closes_at)

    def responses(self):
        """Responses through any translation of this questionnaire."""
        return Response.objects.filter(survey__translation_key=self.translation_key)

    def step_blocks(self):
        """(wizard step name, step block) for every step an editor made, in order."""
        return [(f"step-{block.id[:8]}", block) for block in self.steps]

    def matrix_domains(self):
        """The id of the domain of every matrix question, in order."""
        return [
            question.value["domain"].pk
            for step in self.steps
            for question in step.value["questions"]
            if question.block_type == "competency_matrix" and question.value["domain"]
        ]

    @cached_property
    def matrix_competencies(self):
        """The competencies of every domain a matrix question asks about, by domain id. Every step
        of the wizard builds its forms from them: kept until published content or a competency
        changes (each starts a new cache generation), not read on every step."""

        domains = self.matrix_domains()

        def by_domain():
            found = defaultdict(list)
            for competency in Competency.objects.filter(domain__in=domains).select_related("domain"):
                found[competency.domain_id].append(competency)
            return dict(found)

        # Keyed on the domains asked, not the page: a preview of a draft asks its own.
        key = "matrix-competencies:" + ",".join(str(pk) for pk in sorted(set(domains)))
        return defaultdict(list, cached_fragment(key, by_domain))

    @re_path(r"^answer/$", name="answer")
    def answer(self, request):
        from .views import answer_survey

        return answer_survey(request, self)

    @path("resume/<str:key>/", name="resume")
    def resume(self, request, key):
        from .views import resume_survey

        return resume_survey(request, self, key)

    @path("invitation/<str:token>/", name="invitation")
    def invitation(self, request, token):
        from .views import accept_invitation

        return accept_invitation(request, self, token)

    @path("resume-link/", name="resume_link")
    def resume_link(self, request):
        from .views import email_resume_link

        return email_resume_link(request, self)

    @path("thanks/", name="thanks")
    def thanks(self, request):
        from .profile import from_session

        key = self.gaps_session_key()
        # An anonymous questionnaire's gaps are shown once: a reload finds them gone, and the page says so.
        gaps = from_session(request.session.pop(key, None) if self.anonymous else request.session.get(key))
        return render(request, "surveys/thanks.html", {"page": self, "gaps": gaps})

    def gaps_session_key(self):
        return f"survey-gaps-{self.translation_key}"

    def closed_response(self, request):
        return render(request, "surveys/closed.html", {"page": self, "state": self.state()}, status=403)

    def start_over(self, request):
        return redirect(self.get_url(request) + self.reverse_subpage("answer"))


def new_token():
    return secrets.token_urlsafe(24)


class Invitation(Record):
    """A personal link to an invitation-only questionnaire, good for one response.

    In an anonymous questionnaire the invitation only remembers *that* it was
    used, never which response it led to or when.
    """

    survey = models.ForeignKey(
        GapSurveyPage, verbose_name=_("questionnaire"), on_delete=models.CASCADE, related_name="+"
    )
    email = models.EmailField(_("e-mail"), blank=True)
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    sent_at = models.DateTimeField(_("invited at"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("reminded at"), null=True, blank=True)
    used = models.BooleanField(_("responded"), default=False)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "email"], condition=~models.Q(email=""), name="one_invitation_per_address"
            )
        ]

    def __str__(self):
        return self.email or self.token[:8]

    @classmethod
    def use(cls, pk):
        """Mark an invitation used; False when it already was (one response per token)."""
        return cls.objects.filter(pk=pk, used=False).update(used=True) == 1

    def link(self, request=None):
        url = self.survey.url + self.survey.reverse_subpage("invitation", args=[self.token])
        return request.build_absolute_uri(url) if request else settings.WAGTAILADMIN_BASE_URL + url

    def message(self, request, reminder=False):
        """The invitation (or the one reminder) e-mail, in the questionnaire's language."""
        survey = self.survey
        with translation.override(survey.locale.language_code):
            context = {"survey": survey, "link": self.link(request), "reminder": reminder}
            subject = render_to_string("surveys/email/invitation_subject.txt", context).strip()
            body = render_to_string("surveys/email/invitation.txt", context)
        return EmailMessage(subject, body, to=[self.email])


def new_resume_key():
    return secrets.token_urlsafe(24)


class ResponseQuerySet(models.QuerySet):
    def submitted(self):
        return self.filter(status=Response.Status.SUBMITTED)

    def expired_drafts(self, now=None):
        return self.filter(status=Response.Status.DRAFT, expires_at__lt=now or timezone.now())


def wave_key(series, email):
    """The same for one address in every wave of a series; tells nothing without the site's secret key."""
    message = f"{series}:{email.strip().lower()}".encode()
    return hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()


class Response(Record):
    """One respondent's answers: a draft while they fill it in, then submitted once.

    A draft keeps the wizard's data so that it can be resumed from any browser
    with its private resume key. On submission the answers become rows
    (CompetencyRating, Answer) that the report aggregates in the database, and
    the draft data and resume key are dropped.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")

    survey = models.ForeignKey(
        GapSurveyPage, verbose_name=_("questionnaire"), on_delete=models.CASCADE, related_name="+"
    )
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.DRAFT)
    resume_key = models.CharField(
        max_length=64, unique=True, null=True, default=new_resume_key, editable=False
    )
    progress = models.JSONField(default=dict, blank=True, editable=False)
    language = models.CharField(_("language"), max_length=8, default="nl")
    stakeholder_group = models.CharField(
        _("stakeholder group"), max_length=32, choices=StakeholderGroup.choices, blank=True
    )
    profession = models.CharField(_("profession"), max_length=32, choices=Profession.choices, blank=True)
    organisation_type = models.CharField(
        _("organisation type"), max_length=32, choices=OrganisationType.choices, blank=True
    )
    experience = models.CharField(_("experience"), max_length=8, choices=Experience.choices, blank=True)
    region = models.CharField(_("region"), max_length=16, choices=Region.choices, blank=True)
    consented_at = models.DateTimeField(_("consent given at"), null=True, blank=True)
    # Who answered, if logged in and the questionnaire is not anonymous: for their own gap profile.
    respondent = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("respondent"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    # Links one invited respondent's answers across the waves of a series: a keyed hash of the series and
    # the invitation's address (never the address itself), set only when the respondent agreed to it on the
    # consent step; empty for anonymous questionnaires.
    wave_key = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    created_at = models.DateTimeField(_("started at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last saved at"), auto_now=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    expires_at = models.DateTimeField(_("draft expires at"), null=True, blank=True)

    objects = ResponseQuerySet.as_manager()

    class Meta:
        verbose_name = _("response")
        verbose_name_plural = _("responses")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "survey"])]

    def __str__(self):
        return f"{self.survey.title} #{self.pk}"

    @classmethod
    def start(cls, survey, language):
        """A new draft, made when the respondent gives consent."""
        now = timezone.now()
        return cls.objects.create(
            survey=survey,
            language=language,
            consented_at=now,
            expires_at=now + timedelta(days=settings.SURVEY_DRAFT_DAYS),
        )

    def save_progress(self, wizard_data):
        self.progress = wizard_data
        self.expires_at = timezone.now() + timedelta(days=settings.SURVEY_DRAFT_DAYS)
        self.save(update_fields=["progress", "expires_at", "updated_at"])

    @transaction.atomic
    def submit(self, profile, answers, ratings, invitation=None, respondent=None, link_waves=False):
        """Store the answers once; returns False when this response (or its invitation)
        was already used. ``link_waves``: the respondent agreed to link this response to their
        others in the series (through their invitation's address; never in anonymous questionnaires)."""
        locked = Response.objects.select_for_update().get(pk=self.pk)
        if locked.status != Response.Status.DRAFT:
            return False
        if invitation is not None and not Invitation.use(invitation.pk):
            return False
        for name, value in profile.items():
            setattr(locked, name, value)
        if respondent is not None and respondent.is_authenticated and not self.survey.anonymous:
            locked.respondent = respondent
        if (
            link_waves
            and invitation is not None
            and invitation.email
            and self.survey.series
            and not self.survey.anonymous
        ):
            locked.wave_key = wave_key(self.survey.series, invitation.email)
        Answer.objects.bulk_create([Answer(response=locked, **answer) for answer in answers])
        CompetencyRating.objects.bulk_create([CompetencyRating(response=locked, **r) for r in ratings])
        locked.status = Response.Status.SUBMITTED
        locked.submitted_at = timezone.now()
        locked.resume_key = None
        locked.progress = {}
        locked.expires_at = None
        locked.save()
        return True


class Answer(Record):
    """One answer to a choice, Likert, number or text question (a row per chosen option)."""

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    question = models.CharField(max_length=36, db_index=True)
    number = models.FloatField(null=True, blank=True)
    text = models.TextField(blank=True)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")

    def __str__(self):
        return f"{self.question}: {self.text or self.number}"


class CompetencyRating(Record):
    """A respondent's three levels for one competency: current, required now, in five years."""

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="ratings")
    competency = models.ForeignKey("home.Competency", on_delete=models.PROTECT, related_name="+")
    question = models.CharField(max_length=36)
    current = models.PositiveSmallIntegerField()
    required_now = models.PositiveSmallIntegerField()
    required_future = models.PositiveSmallIntegerField()

    class Meta:
        verbose_name = _("competency rating")
        verbose_name_plural = _("competency ratings")
        indexes = [models.Index(fields=["competency", "response"])]
        constraints = [
            models.UniqueConstraint(fields=["response", "competency"], name="one_rating_per_competency")
        ]

    def __str__(self):
        return f"{self.competency}: {self.current}/{self.required_now}/{self.required_future}"
