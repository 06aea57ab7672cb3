"""A learner on a course: progress through its lessons, quiz attempts, and completion."""

import random
import secrets

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from home.models import (
    Record,
)

from .certificates import Certificate
from .profiles import display_name


class Enrolment(Record):
    """A learner on a course (in any of its translations), with their progress."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="enrolments")
    course = models.ForeignKey(
        "learning.CoursePage", verbose_name=_("course"), on_delete=models.CASCADE, related_name="+"
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
