"""Blocks of lessons and of a course's quiz."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from home.blocks import BodyBlock, with_add_label


class KeyPointsBlock(blocks.StructBlock):
    """The few things a learner must take away from a lesson."""

    heading = blocks.CharBlock(label=_("Heading"), default=_("Key points"), max_length=100)
    points = with_add_label(
        blocks.ListBlock(blocks.CharBlock(max_length=300), label=_("Points"), min_num=1), _("Add a point")
    )

    class Meta:
        icon = "tick"
        label = _("Key points")
        template = "blocks/key_points_block.html"


class LessonBlock(BodyBlock):
    """The site's block library, and key points."""

    key_points = KeyPointsBlock()


class ChoiceBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Answer"), max_length=300)
    correct = blocks.BooleanBlock(label=_("Correct"), required=False)


class QuizQuestionBlock(blocks.StructBlock):
    """A quiz question with one or more correct answers and an explanation shown afterwards."""

    question = blocks.TextBlock(label=_("Question"), max_length=600)
    multiple = blocks.BooleanBlock(
        label=_("More than one answer may be correct"), required=False, default=False
    )
    choices = with_add_label(
        blocks.ListBlock(ChoiceBlock(), label=_("Answers"), min_num=2, max_num=8), _("Add an answer")
    )
    explanation = blocks.TextBlock(label=_("Explanation"), max_length=1000)

    class Meta:
        icon = "help"
        label = _("Quiz question")

    def clean(self, value):
        value = super().clean(value)
        correct = sum(1 for choice in value["choices"] if choice["correct"])
        if correct == 0 or (correct > 1 and not value["multiple"]):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "choices": ValidationError(
                        _("Mark one correct answer, or several if more than one may be correct.")
                    )
                }
            )
        return value


class QuizBlock(blocks.StreamBlock):
    """A course's quiz: its questions, in the order the learner answers them."""

    question = QuizQuestionBlock()

    class Meta:
        form_attrs = {"data-add-label": _("Add a question")}
