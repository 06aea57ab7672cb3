"""Learning: learner profiles, courses with lessons and a quiz, enrolments, completions and certificates."""

import random
import secrets

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import IntegrityError, models, transaction
from django.db.models import Exists, OuterRef
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, Orderable, Page
from wagtail.search import index

from cms.pagecache import cached_fragment
from home.models import (
    CacheableRoutablePageMixin,
    CompetencyDomain,
    Profession,
    Record,
    SitePage,
    optional_image,
)

from .blocks import LessonBlock, QuizQuestionBlock

register_number = RegexValidator(
    r"^[0-9A-Za-z.\- ]{4,20}$",
    _("Give the number as on your registration: 4 to 20 letters, digits, dots or dashes."),
)
CERTIFICATE_VALID_FOR = relativedelta(years=2)  # an e-learning accreditation counts for two years


class LearnerProfile(Record):
    """What a certificate needs to know about its holder, kept with the platform-wide account."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="learner")
    certificate_name = models.CharField(
        _("name on certificates"),
        max_length=120,
        help_text=_("Exactly as it must appear on your certificates, e.g. dr. J.A. de Vries."),
    )
    profession = models.CharField(_("profession"), max_length=32, choices=Profession.choices, blank=True)
    register_number = models.CharField(
        _("BIG or register number"),
        max_length=20,
        blank=True,
        validators=[register_number],
        help_text=_("Optional. Printed on certificates for GAIA or PE-online."),
    )

    class Meta:
        verbose_name = _("learner profile")
        verbose_name_plural = _("learner profiles")

    def __str__(self):
        return self.certificate_name

    @classmethod
    def for_user(cls, user):
        """The profile of an account, made on first use (e.g. for accounts made in the admin)."""
        profile, _created = cls.objects.get_or_create(
            user=user, defaults={"certificate_name": user.get_full_name() or user.email}
        )
        return profile


def display_name(user):
    """How an account is named on the site: its certificate name, else its e-mail address."""
    profile = getattr(user, "learner", None)
    return profile.certificate_name if profile else user.email


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
    quiz = StreamField([("question", QuizQuestionBlock())], verbose_name=_("quiz"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("learning_objectives"),
        InlinePanel("audience", label=_("Audience")),
        FieldRowPanel([FieldPanel("level"), FieldPanel("duration_minutes")]),
        FieldPanel("competencies"),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("points"), FieldPanel("accrediting_body"), FieldPanel("activity_id")]
                ),
                FieldRowPanel([FieldPanel("accredited_from"), FieldPanel("accredited_until")]),
            ],
            _("Accreditation"),
        ),
        InlinePanel("signatories", label=_("Signatories of the certificate"), max_num=3),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("pass_mark"), FieldPanel("attempt_limit")]), FieldPanel("quiz")],
            _("Quiz"),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("learning_objectives"),
    ]
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
        from .views import enrol

        return enrol(request, self)

    @path("retake/", name="retake")
    def retake_view(self, request):
        from .views import retake

        return retake(request, self)

    @path("quiz/", name="quiz")
    def quiz_view(self, request):
        from .views import take_quiz

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


class Enrolment(Record):
    """A learner on a course (in any of its translations), with their progress."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="enrolments")
    course = models.ForeignKey(
        CoursePage, verbose_name=_("course"), on_delete=models.CASCADE, related_name="+"
    )
    course_key = models.UUIDField(editable=False)
    enrolled_at = models.DateTimeField(_("enrolled at"), auto_now_add=True)
    last_lesson_key = models.UUIDField(null=True, blank=True, editable=False)
    # A retake after the certificate expired starts a new round: lessons, attempts and certificate anew.
    round = models.PositiveSmallIntegerField(_("round"), default=1, editable=False)

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        ordering = ["-enrolled_at"]
        constraints = [
            models.UniqueConstraint(fields=["user", "course_key"], name="one_enrolment_per_course")
        ]

    def __str__(self):
        return f"{self.user} – {self.course}"

    def done_keys(self):
        return set(self.lessons_done.values_list("lesson_key", flat=True))

    def has_done(self, lesson):
        return self.lessons_done.filter(lesson_key=lesson.translation_key).exists()

    def progress(self, lessons=None):
        """(lessons done, lessons in the course)."""
        lessons = list(self.course.lessons()) if lessons is None else lessons
        done = self.done_keys()
        return sum(1 for lesson in lessons if lesson.translation_key in done), len(lessons)

    def next_lesson(self, after=None, lessons=None, done=None):
        """Where to continue, in the visitor's language: the lesson last opened if it is not done yet,
        else the first one not done (after ``after`` when given)."""
        lessons = list(self.course.localized.lessons()) if lessons is None else lessons
        done = self.done_keys() if done is None else done
        if after is not None:
            keys = [lesson.translation_key for lesson in lessons]
            lessons = (
                lessons[keys.index(after.translation_key) + 1 :] if after.translation_key in keys else []
            )
        else:
            last = [lesson for lesson in lessons if lesson.translation_key == self.last_lesson_key]
            lessons = [lesson for lesson in last if lesson.translation_key not in done] + lessons
        return next((lesson for lesson in lessons if lesson.translation_key not in done), None)

    def summary(self, course=None, lessons=None):
        """Progress as pages show it, in the visitor's language: the course, lessons done of how many,
        and where to continue; ``course`` is the translation being shown, when known, and ``lessons``
        its lessons when the page has them already."""
        course = course or self.course.localized
        lessons = list(course.lessons() if lessons is None else lessons)
        done = self.done_keys()
        count = sum(1 for lesson in lessons if lesson.translation_key in done)
        return {
            "course": course,
            "done": count,
            "total": len(lessons),
            "done_keys": done,
            "next": self.next_lesson(lessons=lessons, done=done),
        }

    def visit(self, lesson):
        """Remember the lesson opened last (one write, only when it changes)."""
        if self.last_lesson_key != lesson.translation_key:
            Enrolment.objects.filter(pk=self.pk).update(last_lesson_key=lesson.translation_key)
            self.last_lesson_key = lesson.translation_key

    def complete_lesson(self, lesson):
        LessonProgress.objects.get_or_create(enrolment=self, lesson_key=lesson.translation_key)

    def all_lessons_done(self):
        done, total = self.progress()
        return done == total

    def attempts(self):
        return self.quiz_attempts.filter(round=self.round, submitted_at__isnull=False)

    def attempts_left(self):
        return max(self.course.attempt_limit - self.attempts().count(), 0)

    def passed(self):
        return self.attempts().filter(passed=True).exists()

    def learner_name(self):
        return display_name(self.user)

    learner_name.short_description = _("learner")

    def completed_on(self):
        """When the current round was completed (uses prefetched certificates when there are)."""
        return next((c.completed_on for c in self.certificates.all() if c.round == self.round), None)

    completed_on.short_description = _("completed on")

    def certificate(self):
        """The certificate of the current round, if it was issued."""
        return self.certificates.filter(round=self.round).first()

    def can_retake(self, certificate=None):
        """A course can be taken again once its certificate has expired or was revoked."""
        certificate = certificate or self.certificate()
        return certificate is not None and certificate.status() != "valid"

    @transaction.atomic
    def retake(self):
        """Start a new round: lessons to read and a quiz to pass again, for a new certificate."""
        locked = Enrolment.objects.select_for_update().get(pk=self.pk)
        if locked.round != self.round or not self.can_retake():
            return False
        self.lessons_done.all().delete()
        self.round += 1
        self.last_lesson_key = None
        self.save(update_fields=["round", "last_lesson_key"])
        return True

    @transaction.atomic
    def complete(self, language=None):
        """Record the completion and issue its certificate, once; returns the certificate or None.

        The enrolment row is locked, and a certificate is unique per enrolment and
        round, so two submissions racing each other still issue one certificate.
        """
        Enrolment.objects.select_for_update().get(pk=self.pk)
        if not (self.all_lessons_done() and self.passed()):
            return None
        existing = self.certificate()
        if existing:
            return existing
        try:
            with transaction.atomic():
                return Certificate.issue(self, language)
        except IntegrityError:
            return self.certificate()


class LessonProgress(Record):
    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="lessons_done")
    lesson_key = models.UUIDField()
    completed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["enrolment", "lesson_key"], name="lesson_done_once")]

    def __str__(self):
        return f"{self.enrolment} {self.lesson_key}"


class QuizAttempt(Record):
    """One try at a course's quiz: questions and answers in their own shuffled order."""

    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="quiz_attempts")
    token = models.CharField(max_length=40, unique=True, editable=False)
    order = models.JSONField(default=list, editable=False)  # [[question id, [choice index, ...]], ...]
    answers = models.JSONField(default=dict, blank=True, editable=False)
    score = models.PositiveSmallIntegerField(null=True, blank=True)
    passed = models.BooleanField(default=False)
    started_at = models.DateTimeField(auto_now_add=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    round = models.PositiveSmallIntegerField(default=1, editable=False)

    class Meta:
        verbose_name = _("quiz attempt")
        verbose_name_plural = _("quiz attempts")
        ordering = ["started_at"]

    def __str__(self):
        return f"{self.enrolment} {self.started_at:%Y-%m-%d %H:%M}"

    @classmethod
    @transaction.atomic
    def start(cls, enrolment):
        """A new attempt, or the one still open; None when every attempt allowed is used.

        Questions and choices are shuffled per attempt. The enrolment row is locked, as in
        ``Enrolment.complete``, so two quiz pages opened at once share one attempt.
        """
        Enrolment.objects.select_for_update().get(pk=enrolment.pk)
        if enrolment.attempts_left() == 0:
            return None
        open_attempt = enrolment.quiz_attempts.filter(
            round=enrolment.round, submitted_at__isnull=True
        ).first()
        if open_attempt:
            return open_attempt
        shuffle = random.SystemRandom()
        questions = list(enrolment.course.question_blocks().items())
        shuffle.shuffle(questions)
        order = []
        for question_id, value in questions:
            choices = list(range(len(value["choices"])))
            shuffle.shuffle(choices)
            order.append([question_id, choices])
        return cls.objects.create(
            enrolment=enrolment, round=enrolment.round, token=secrets.token_urlsafe(24), order=order
        )

    def score_answers(self, answers):
        """Percentage of questions answered exactly right; ``answers``: {question id: [choice index]}."""
        blocks = self.enrolment.course.question_blocks()
        right = 0
        for question_id, _choices in self.order:
            value = blocks.get(question_id)
            if value is None:
                continue
            correct = {i for i, choice in enumerate(value["choices"]) if choice["correct"]}
            right += set(answers.get(question_id, [])) == correct
        return round(100 * right / len(self.order)) if self.order else 0

    @transaction.atomic
    def submit(self, answers):
        """Score once; a second submission of the same attempt changes nothing."""
        locked = QuizAttempt.objects.select_for_update().get(pk=self.pk)
        if locked.submitted_at:
            return locked
        locked.answers = answers
        locked.score = self.score_answers(answers)
        locked.passed = locked.score >= self.enrolment.course.pass_mark
        locked.submitted_at = timezone.now()
        locked.save()
        return locked


def new_verification_code():
    # 120 random bits in a form that reads aloud and types well: XXXX-XXXX-XXXX-XXXX-XXXX-XXXX.
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    raw = "".join(secrets.choice(alphabet) for _ in range(24))
    return "-".join(raw[i : i + 4] for i in range(0, 24, 4))


class Certificate(Record):
    """Proof that a learner completed a course, with what an accreditation register needs.

    What it says is copied at issue, so that editing the course or the profile
    later never changes a certificate already given.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="certificates"
    )
    course = models.ForeignKey(CoursePage, null=True, on_delete=models.SET_NULL, related_name="+")
    course_key = models.UUIDField()
    enrolment = models.ForeignKey(
        Enrolment,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="certificates",
        editable=False,
    )
    round = models.PositiveSmallIntegerField(default=1, editable=False)
    verification_code = models.CharField(
        max_length=32, unique=True, default=new_verification_code, editable=False
    )
    learner_name = models.CharField(_("learner"), max_length=120)
    register_number = models.CharField(_("BIG or register number"), max_length=20, blank=True)
    course_title = models.CharField(_("course"), max_length=255)
    competencies = models.JSONField(default=list, blank=True)
    points = models.DecimalField(_("points"), max_digits=4, decimal_places=1, default=0)
    accrediting_body = models.CharField(_("accrediting body"), max_length=16, blank=True)
    activity_id = models.CharField(_("activity id"), max_length=40, blank=True)
    language = models.CharField(max_length=8, default="nl")
    completed_on = models.DateField(_("completed on"))
    expires_on = models.DateField(_("valid until"))
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revoked_reason = models.CharField(_("reason for revocation"), max_length=300, blank=True)
    # The rendered PDF, kept once made (a random name: the path says nothing about its owner).
    pdf = models.FileField(upload_to="certificates/", blank=True, editable=False)

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["-completed_on", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["enrolment", "round"], name="one_certificate_per_round")
        ]

    def __str__(self):
        return f"{self.learner_name} – {self.course_title} ({self.completed_on})"

    @classmethod
    def issue(cls, enrolment, language=None):
        """A certificate for the enrolment's round, in ``language`` when the course has that translation."""
        profile = LearnerProfile.for_user(enrolment.user)
        course = enrolment.course
        locale = Locale.objects.filter(language_code=language).first() if language else None
        shown = (course.get_translation_or_none(locale) if locale else None) or course
        language = shown.locale.language_code
        with translation.override(language):
            competencies = [c.name for c in shown.competencies.all()]
        today = timezone.localdate()
        return cls.objects.create(
            user=enrolment.user,
            course=course,
            course_key=course.translation_key,
            enrolment=enrolment,
            round=enrolment.round,
            learner_name=profile.certificate_name,
            register_number=profile.register_number,
            course_title=shown.title,
            competencies=competencies,
            points=course.points if course.accredited_on(today) else 0,
            accrediting_body=course.accrediting_body,
            activity_id=course.activity_id,
            language=language,
            completed_on=today,
            expires_on=today + CERTIFICATE_VALID_FOR,
        )

    STATUS_LABELS = {"valid": _("valid"), "expired": _("expired"), "revoked": _("revoked")}

    def status_label(self):
        return self.STATUS_LABELS[self.status()]

    status_label.short_description = _("status")

    def status(self, today=None):
        """'revoked', 'expired' or 'valid'."""
        if self.revoked_at:
            return "revoked"
        return "expired" if (today or timezone.localdate()) >= self.expires_on else "valid"

    def revoke(self, reason):
        self.revoked_at = timezone.now()
        self.revoked_reason = reason[:300]
        self.save(update_fields=["revoked_at", "revoked_reason"])
