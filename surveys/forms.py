"""The wizard's forms, generated from the questionnaire an editor built."""

from django import forms
from django.utils.translation import gettext_lazy as _

from home.forms import stored_email
from home.models import Profession, ProficiencyLevel, StakeholderGroup

from .blocks import ASPECTS
from .models import Experience, OrganisationType, Region

SHORT_TEXT_LIMIT = 255
LONG_TEXT_LIMIT = 5000


def empty_choice(choices):
    return [("", _("Choose…")), *choices]


class ConsentForm(forms.Form):
    consent = forms.BooleanField(
        label=_(
            "I have read the privacy statement and agree that my answers are stored for the gap analysis."
        ),
        error_messages={"required": _("Without your consent we cannot store your answers.")},
    )

    def __init__(self, *args, offer_wave_link=False, **kwargs):
        super().__init__(*args, **kwargs)
        if offer_wave_link:
            self.fields["link_waves"] = forms.BooleanField(
                required=False,
                label=_("Link my answers to my answers in earlier and later waves of this series."),
                widget=forms.CheckboxInput(attrs={"aria-describedby": "link-waves-help"}),
                help_text=_(
                    "Optional. The link is a code made from the address your invitation was sent to, never "
                    "the address itself; the report only counts how many people answered two waves."
                ),
            )

    def links_waves(self):
        """Whether the respondent chose to link this response to their others in the series."""
        return bool(self.cleaned_data.get("link_waves"))


class ProfileForm(forms.Form):
    """Who is answering, in the terms the report is segmented by."""

    def summary(self):
        return [(self[name].label, shown_answer(self[name])) for name in self.fields]

    stakeholder_group = forms.ChoiceField(
        label=_("Stakeholder group"), choices=empty_choice(StakeholderGroup.choices)
    )
    profession = forms.ChoiceField(label=_("Profession"), choices=empty_choice(Profession.choices))
    organisation_type = forms.ChoiceField(
        label=_("Type of organisation"), choices=empty_choice(OrganisationType.choices)
    )
    experience = forms.ChoiceField(
        label=_("Years of experience in the field"), choices=empty_choice(Experience.choices)
    )
    region = forms.ChoiceField(label=_("Region"), choices=empty_choice(Region.choices))


def question_field(block):
    """The form field for one question block (the matrix has fields of its own)."""
    value = block.value
    common = {"label": value["label"], "help_text": value["help_text"], "required": value["required"]}
    kind = block.block_type
    if kind in ("single_choice", "multiple_choice"):
        choices = [(str(i), text) for i, text in enumerate(value["choices"])]
        if kind == "single_choice":
            return forms.TypedChoiceField(choices=choices, coerce=int, widget=forms.RadioSelect, **common)
        return forms.TypedMultipleChoiceField(
            choices=choices, coerce=int, widget=forms.CheckboxSelectMultiple, **common
        )
    if kind == "likert":
        labels = {1: f"1 – {value['low_label']}", 5: f"5 – {value['high_label']}"}
        choices = [(str(n), labels.get(n, str(n))) for n in range(1, 6)]
        return forms.TypedChoiceField(choices=choices, coerce=int, widget=forms.RadioSelect, **common)
    if kind == "number":
        return forms.IntegerField(min_value=value["min_value"], max_value=value["max_value"], **common)
    if kind == "short_text":
        return forms.CharField(max_length=SHORT_TEXT_LIMIT, **common)
    return forms.CharField(max_length=LONG_TEXT_LIMIT, widget=forms.Textarea(attrs={"rows": 5}), **common)


class MatrixRow:
    """One competency of a matrix question: its three level fields, each with the ids of
    the row and column headers that name it for a screen reader."""

    def __init__(self, form, question_id, competency):
        self.competency = competency
        self.row_id = f"{question_id}-{competency.pk}"
        self.cells = [
            (
                form[matrix_field_name(question_id, competency.pk, aspect)],
                f"{self.row_id} {question_id}-{aspect}",
            )
            for aspect, _ in ASPECTS
        ]


def matrix_field_name(question_id, competency_pk, aspect):
    return f"{question_id}_{competency_pk}_{aspect}"


class StepForm(forms.Form):
    """One step of the questionnaire: a field per question, three per matrix competency."""

    def __init__(self, *args, step=None, competencies=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.step = step
        self.competencies = competencies
        self.questions = []
        for block in step.value["questions"]:
            question_id = block.id.replace("-", "")
            if block.block_type == "competency_matrix":
                self.add_matrix(question_id, block)
            else:
                self.fields[question_id] = question_field(block)
                self.questions.append({"kind": block.block_type, "id": question_id, "block": block})

    def add_matrix(self, question_id, block):
        domain = block.value["domain"]
        if domain is None:
            competencies = []
        elif self.competencies is not None:
            competencies = self.competencies[domain.pk]
        else:
            competencies = list(domain.competencies.all())
        levels = empty_choice([(str(level), label) for level, label in ProficiencyLevel.choices])
        for competency in competencies:
            for aspect, label in ASPECTS:
                self.fields[matrix_field_name(question_id, competency.pk, aspect)] = forms.TypedChoiceField(
                    label=f"{competency.name}: {label}",
                    choices=levels,
                    coerce=int,
                    required=block.value["required"],
                )
        self.questions.append(
            {"kind": "competency_matrix", "id": question_id, "block": block, "competencies": competencies}
        )

    def matrix_rows(self, question):
        return [MatrixRow(self, question["id"], c) for c in question["competencies"]]

    def clean(self):
        cleaned = super().clean()
        for question in self.questions:
            if question["kind"] == "competency_matrix":
                self.check_complete_rows(question, cleaned)
        return cleaned

    def check_complete_rows(self, question, cleaned):
        # An optional matrix may be left empty, but a competency rated at all is rated fully.
        for competency in question["competencies"]:
            names = [matrix_field_name(question["id"], competency.pk, aspect) for aspect, _ in ASPECTS]
            given = [cleaned.get(name) not in (None, "") for name in names]
            if any(given) and not all(given):
                for name, present in zip(names, given, strict=True):
                    if not present:
                        self.add_error(name, _("Rate all three levels, or none."))

    def summary(self):
        """(question, answer as text) for the review page."""
        rows = []
        for question in self.questions:
            if question["kind"] == "competency_matrix":
                rows += [(row.competency.name, matrix_summary(row)) for row in self.matrix_rows(question)]
            else:
                rows.append((question["block"].value["label"], shown_answer(self[question["id"]])))
        return rows

    def answers(self):
        """The step's answers as rows for storage: (answers, ratings)."""
        answers, ratings = [], []
        for question in self.questions:
            if question["kind"] == "competency_matrix":
                ratings += self.matrix_ratings(question)
            else:
                answers += answer_rows(question, self.cleaned_data.get(question["id"]))
        return answers, ratings

    def matrix_ratings(self, question):
        rows = []
        for competency in question["competencies"]:
            levels = {
                aspect: self.cleaned_data.get(matrix_field_name(question["id"], competency.pk, aspect))
                for aspect, _ in ASPECTS
            }
            if all(level not in (None, "") for level in levels.values()):
                rows.append({"competency": competency, "question": question["id"], **levels})
        return rows


def shown_answer(bound_field):
    """A bound field's cleaned answer as the respondent saw it (choice labels, not keys)."""
    value = bound_field.form.cleaned_data.get(bound_field.name)
    choices = dict(getattr(bound_field.field, "choices", []))
    if isinstance(value, list):
        return ", ".join(str(choices.get(str(v), v)) for v in value)
    if choices and value not in (None, ""):
        return str(choices.get(str(value), value))
    return "" if value is None else str(value)


def matrix_summary(row):
    parts = []
    for (field, _ids), (_aspect, label) in zip(row.cells, ASPECTS, strict=True):
        answer = shown_answer(field)
        if answer:
            parts.append(f"{label}: {answer}")
    return " · ".join(parts)


def answer_rows(question, value):
    if value in (None, "", []):
        return []
    if question["kind"] == "multiple_choice":
        # A crafted post can repeat a choice; it counts once in the report.
        return [{"question": question["id"], "number": choice} for choice in dict.fromkeys(value)]
    if question["kind"] in ("short_text", "long_text"):
        return [{"question": question["id"], "text": value}]
    return [{"question": question["id"], "number": value}]


class ResumeLinkForm(forms.Form):
    email = forms.EmailField(label=_("E-mail me this link"), max_length=254)

    def clean_email(self):
        return stored_email(self.cleaned_data["email"])


class ReviewForm(forms.Form):
    """The last step: the respondent checks the answers and submits them."""
