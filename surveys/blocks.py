"""The questions an editor puts in a questionnaire's steps, one block per question type.

Each question keeps the StreamField block id it was created with: answers are
stored against that id, so the Dutch and English translations of a
questionnaire (which share the ids) count as one.
"""

from django.core.exceptions import ValidationError
from django.utils.functional import lazy
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from cms.widgets import CheckboxList
from home.blocks import with_add_label
from home.models import ProficiencyLevel, StakeholderGroup

# The three columns of a competency matrix: each competency is rated on each, on the proficiency scale.
ASPECTS = [
    ("current", _("Current level")),
    ("required_now", _("Required now")),
    ("required_future", _("Required in five years")),
]


class QuestionBlock(blocks.StructBlock):
    """What every question has: its text, a help text and whether it must be answered."""

    label = blocks.CharBlock(label=_("Question"), max_length=300)
    help_text = blocks.CharBlock(label=_("Help text"), required=False, max_length=500)
    required = blocks.BooleanBlock(label=_("Required"), required=False, default=True)


class ChoiceQuestionBlock(QuestionBlock):
    choices = with_add_label(
        blocks.ListBlock(blocks.CharBlock(max_length=200), label=_("Choices"), min_num=2, max_num=30),
        _("Add a choice"),
    )


class SingleChoiceBlock(ChoiceQuestionBlock):
    class Meta:
        icon = "radio-full"
        label = _("Single choice")


class MultipleChoiceBlock(ChoiceQuestionBlock):
    class Meta:
        icon = "tick-inverse"
        label = _("Multiple choice")


class LikertBlock(QuestionBlock):
    """A statement rated from 1 to 5."""

    low_label = blocks.CharBlock(label=_("Label for 1"), default=_("Strongly disagree"), max_length=60)
    high_label = blocks.CharBlock(label=_("Label for 5"), default=_("Strongly agree"), max_length=60)

    class Meta:
        icon = "list-ul"
        label = _("Likert scale (1–5)")


class NumberBlock(QuestionBlock):
    min_value = blocks.IntegerBlock(label=_("Lowest allowed"), default=0)
    max_value = blocks.IntegerBlock(label=_("Highest allowed"), default=100)

    class Meta:
        icon = "order"
        label = _("Number")

    def clean(self, value):
        value = super().clean(value)
        if value["min_value"] > value["max_value"]:
            raise blocks.StructBlockValidationError(
                block_errors={"max_value": ValidationError(_("Must not be below the lowest allowed."))}
            )
        return value


class ShortTextBlock(QuestionBlock):
    class Meta:
        icon = "pilcrow"
        label = _("Short text")


class LongTextBlock(QuestionBlock):
    class Meta:
        icon = "doc-full"
        label = _("Long text")


def matrix_help():
    """What the editor reads above a matrix question's fields: the columns and the scale the respondent
    sees (Wagtail shows a block's help text as HTML)."""
    return escape(
        _(
            "The respondent rates every competency of the chosen domain in three columns (%(columns)s), "
            "each on a scale of five levels: %(levels)s."
        )
        % {
            "columns": ", ".join(str(label) for _aspect, label in ASPECTS),
            "levels": ", ".join(str(label) for _value, label in ProficiencyLevel.choices),
        }
    )


class CompetencyMatrixBlock(QuestionBlock):
    """Every competency of one domain rated three times: current, required now, in five years."""

    domain = SnippetChooserBlock("home.CompetencyDomain", label=_("Competency domain"))

    class Meta:
        icon = "table"
        label = _("Competency matrix")
        description = _("Every competency of a domain, rated now, as needed now and in five years.")
        help_text = lazy(matrix_help, str)()


class QuestionsBlock(blocks.StreamBlock):
    single_choice = SingleChoiceBlock()
    multiple_choice = MultipleChoiceBlock()
    likert = LikertBlock()
    number = NumberBlock()
    short_text = ShortTextBlock()
    long_text = LongTextBlock()
    competency_matrix = CompetencyMatrixBlock()

    class Meta:
        form_attrs = {"data-add-label": _("Add a question")}


class StepBlock(blocks.StructBlock):
    """One page of the questionnaire, shown to everyone or only to chosen stakeholder groups."""

    title = blocks.CharBlock(label=_("Title"), max_length=200)
    introduction = blocks.TextBlock(label=_("Introduction"), required=False, max_length=1000)
    show_to = blocks.MultipleChoiceBlock(
        label=_("Only for these stakeholder groups"),
        choices=StakeholderGroup.choices,
        widget=CheckboxList(),
        required=False,
        help_text=_("Leave empty to show this step to everyone. Needs the profile step."),
    )
    questions = QuestionsBlock(label=_("Questions"))

    class Meta:
        icon = "form"
        label = _("Step")


class StepsBlock(blocks.StreamBlock):
    """A questionnaire's steps, in the order respondents answer them."""

    step = StepBlock()

    class Meta:
        form_attrs = {"data-add-label": _("Add a step")}
