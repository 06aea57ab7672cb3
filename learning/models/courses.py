"""The course catalogue, courses with their audience and signatories, and their lessons."""

from django import forms
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Exists, OuterRef
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from cms.pagecache import cached_fragment
from cms.widgets import CheckboxList
from home.models import (
    CacheableRoutablePageMixin,
    Competency,
    CompetencyDomain,
    Profession,
    SitePage,
    optional_image,
)

from ..blocks import LessonBlock, QuizBlock
from .enrolments import Enrolment, LessonProgress


class Level(models.TextChoices):
    INTRODUCTORY = "introductory", _("Introductory")
    INTERMEDIATE = "intermediate", _("Intermediate")
    ADVANCED = "advanced", _("Advanced")


class AccreditingBody(models.TextChoices):
    GAIA = "gaia", _("GAIA (KNMG / RGS)")
    PE_ONLINE = "pe_online", _("PE-online")
    OTHER = "other", _("Other")


class CourseIndexPage(SitePage):
    """The course catalogue, filterable by profession, competency domain and level."""

    introduction = models.TextField(_("introduction"), blank=True, max_length=1000)

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    subpage_types = ["learning.CoursePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("course catalogue")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        chosen = {name: request.GET.get(name, "") for name in ("profession", "domain", "level")}
        courses = CoursePage.objects.live().public().child_of(self).order_by("title")
        if chosen["profession"] in Profession.values:
            courses = courses.filter(audience__profession=chosen["profession"])
        if chosen["level"] in Level.values:
            courses = courses.filter(level=chosen["level"])
        if chosen["domain"]:
            courses = courses.filter(competencies__domain__code=chosen["domain"][:60])
        context.update(
            courses=courses.distinct(),
            chosen=chosen,
            professions=Profession.choices,
            levels=Level.choices,
            domains=CompetencyDomain.objects.all(),
        )
        return context


class CoursePageForm(WagtailAdminPageForm):
    """A course's edit form: the professions of its audience and the competencies it covers are
    ticked in lists, the competencies grouped by their domain."""

    audience_professions = forms.MultipleChoiceField(
        label=_("Audience"),
        choices=Profession.choices,
        required=False,
        widget=CheckboxList(),
        help_text=_("The professions the course is meant for; the course catalogue filters on them."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["competencies"].queryset = Competency.framework()
        self.initial["audience_professions"] = [row.profession for row in self.instance.audience.all()]

    def save(self, commit=True):
        # Runs when the editor saves a draft or publishes: the professions ticked become the course's
        # audience rows, in the list's order; a row of a profession still ticked stays as it was.
        rows = {row.profession: row for row in self.instance.audience.all()}
        audience = [
            rows.get(name) or CourseAudience(profession=name)
            for name in self.cleaned_data["audience_professions"]
        ]
        for position, row in enumerate(audience):
            row.sort_order = position
        self.instance.audience = audience
        return super().save(commit)


class CoursePage(CacheableRoutablePageMixin, SitePage):
    """A lightweight course module: its lessons are its child pages, its quiz is part of it."""

    summary = models.TextField(_("summary"), max_length=1000)
    learning_objectives = RichTextField(_("learning objectives"), features=["bold", "italic", "ul", "ol"])
    level = models.CharField(_("level"), max_length=16, choices=Level.choices, default=Level.INTRODUCTORY)
    duration_minutes = models.PositiveIntegerField(_("estimated duration (minutes)"), default=60)
    points = models.DecimalField(
        _("accreditation points"),
        max_digits=4,
        decimal_places=1,
        default=0,
        validators=[MinValueValidator(0), MaxValueValidator(99)],
    )
    accrediting_body = models.CharField(
        _("accrediting body"), max_length=16, choices=AccreditingBody.choices, blank=True
    )
    activity_id = models.CharField(_("accreditation activity id"), max_length=40, blank=True)
    accredited_from = models.DateField(_("accredited from"), null=True, blank=True)
    accredited_until = models.DateField(_("accredited until"), null=True, blank=True)
    competencies = ParentalManyToManyField(
        "home.Competency", verbose_name=_("competencies covered"), blank=True, related_name="courses"
    )
    pass_mark = models.PositiveSmallIntegerField(
        _("pass mark (%)"), default=70, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    attempt_limit = models.PositiveSmallIntegerField(
        _("quiz attempts allowed"), default=3, validators=[MinValueValidator(1), MaxValueValidator(20)]
    )
    quiz = StreamField(QuizBlock(), verbose_name=_("quiz"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("learning_objectives"),
        FieldPanel("audience_professions"),
        FieldRowPanel([FieldPanel("level"), FieldPanel("duration_minutes")]),
        FieldPanel("competencies", widget=CheckboxList(group_by=lambda competency: competency.domain)),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("points"), FieldPanel("accrediting_body"), FieldPanel("activity_id")]
                ),
                FieldRowPanel([FieldPanel("accredited_from"), FieldPanel("accredited_until")]),
            ],
            _("Accreditation"),
        ),
        InlinePanel(
            "signatories", heading=_("Signatories of the certificate"), label=_("signatory"), max_num=3
        ),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("pass_mark"), FieldPanel("attempt_limit")]), FieldPanel("quiz")],
            _("Quiz"),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("learning_objectives"),
    ]
    base_form_class = CoursePageForm
    parent_page_types = ["learning.CourseIndexPage"]
    subpage_types = ["learning.LessonPage"]

    class Meta:
        verbose_name = _("course")
        verbose_name_plural = _("courses")
        permissions = [
            ("view_learning_results", _("Can view enrolments, completions and course statistics")),
            ("revoke_certificate", _("Can revoke certificates")),
        ]

    def clean(self):
        super().clean()
        if self.accredited_from and self.accredited_until and self.accredited_until < self.accredited_from:
            raise ValidationError({"accredited_until": _("The accreditation cannot end before it starts.")})

    def lessons(self):
        """The live lessons in order, for lists and progress: their bodies are loaded only when used."""
        return LessonPage.objects.live().child_of(self).order_by("path").defer_streamfields()

    def accredited_on(self, day):
        """Whether a completion on ``day`` earns the course's points (inside the accreditation's dates)."""
        starts, ends = self.accredited_from, self.accredited_until
        return (starts is None or starts <= day) and (ends is None or day <= ends)

    def enrolment_for(self, user, lesson=None):
        """The learner's enrolment in this course (in any of its translations), or None; with a
        ``lesson``, it also knows whether that lesson is done (``lesson_done``). The enrolment's
        course is this page when the learner enrolled in this translation: progress and attempts
        read its rules without reading the page again."""
        if not user.is_authenticated:
            return None
        enrolments = Enrolment.objects.filter(user=user, course_key=self.translation_key)
        if lesson is not None:
            done = LessonProgress.objects.filter(enrolment=OuterRef("pk"), lesson_key=lesson.translation_key)
            enrolments = enrolments.annotate(lesson_done=Exists(done))
        enrolment = enrolments.first()
        if enrolment is not None and enrolment.course_id == self.pk:
            enrolment.course = self
        return enrolment

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Looked up only when a list of lessons is rendered, not when it comes from the cache, and kept
        # until published content changes: a learner's progress needs the list on every view.
        context["lessons"] = SimpleLazyObject(
            lambda: cached_fragment(f"course-lessons:{self.pk}", lambda: list(self.lessons()))
        )
        # Looked up only when the course's description is rendered, not when it comes from the cache.
        context["audience"] = SimpleLazyObject(
            lambda: [row.get_profession_display() for row in self.audience.all()]
        )
        return context

    @path("enrol/", name="enrol")
    def enrol(self, request):
        from ..views import enrol

        return enrol(request, self)

    @path("retake/", name="retake")
    def retake_view(self, request):
        from ..views import retake

        return retake(request, self)

    @path("quiz/", name="quiz")
    def quiz_view(self, request):
        from ..views import take_quiz

        return take_quiz(request, self)

    def question_blocks(self):
        return {block.id.replace("-", ""): block.value for block in self.quiz}


class CourseAudience(Orderable):
    page = ParentalKey(CoursePage, related_name="audience", on_delete=models.CASCADE)
    profession = models.CharField(_("profession"), max_length=32, choices=Profession.choices)

    panels = [FieldPanel("profession")]


class CourseSignatory(Orderable):
    """Who signs the course's certificates, with signature and logo."""

    page = ParentalKey(CoursePage, related_name="signatories", on_delete=models.CASCADE)
    name = models.CharField(_("name"), max_length=120)
    title = models.CharField(_("title"), max_length=200, blank=True)
    signature = optional_image(_("signature"))
    logo = optional_image(_("logo"))

    panels = [FieldPanel("name"), FieldPanel("title"), FieldPanel("signature"), FieldPanel("logo")]


class LessonPage(SitePage):
    """A lesson of a course, for enrolled learners only."""

    introduction = models.TextField(_("introduction"), blank=True, max_length=1000)
    body = StreamField(LessonBlock(), verbose_name=_("body"))

    content_panels = Page.content_panels + [FieldPanel("introduction"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("introduction")]
    parent_page_types = ["learning.CoursePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("lesson")
        verbose_name_plural = _("lessons")

    def course(self):
        """The live course the lesson belongs to, or None."""
        return CoursePage.objects.live().parent_of(self).first()

    def serve(self, request, *args, **kwargs):
        # Lessons are for enrolled learners: never cached, never shown to others.
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        course = self.course()
        if course is None:
            raise Http404
        enrolment = course.enrolment_for(request.user, lesson=self)
        if enrolment is None:
            return redirect(course.get_url(request))
        if request.method == "POST":
            enrolment.complete_lesson(self)
            following = enrolment.next_lesson(after=self)
            return redirect((following or course).get_url(request))
        enrolment.visit(self)
        context = self.get_context(request, *args, **kwargs)
        context.update(course=course, enrolment=enrolment, done=enrolment.lesson_done)
        return TemplateResponse(request, self.get_template(request), context)

    def serve_preview(self, request, mode_name):
        # Runs for the editor's preview instead of serve(): the lesson as a learner sees it before
        # finishing it, under its course as it stands (perhaps a draft too).
        context = self.get_context(request) | {"course": self.get_parent().specific}
        return TemplateResponse(request, self.get_template(request), context)
