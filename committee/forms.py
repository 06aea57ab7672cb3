"""The application form of a vacancy."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from home.forms import stored_email
from learning.reach import courses_covering

from .models import VacancyApplication


class ApplicationForm(forms.ModelForm):
    class Meta:
        model = VacancyApplication
        fields = ["name", "email", "organisation", "motivation"]
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "organisation": forms.TextInput(attrs={"autocomplete": "organization"}),
            "motivation": forms.Textarea(attrs={"rows": 8, "maxlength": 3000}),
        }
        help_texts = {
            "motivation": _("Why you, and what you would bring to the committee (at most 3,000 characters).")
        }

    def clean_email(self):
        return stored_email(self.cleaned_data["email"])

    def clean(self):
        cleaned = super().clean()
        for name in ("name", "organisation", "motivation"):
            if name in cleaned and not cleaned[name].strip():
                self.add_error(name, _("This field is required."))
        return cleaned

    def store(self, vacancy, language):
        """The application, stored once per address (a second one keeps the first); (application, created)."""
        data = {key: self.cleaned_data[key].strip() for key in ("name", "organisation", "motivation")}
        email = self.cleaned_data["email"].strip().lower()
        try:
            with transaction.atomic():
                return VacancyApplication.objects.create(
                    vacancy=vacancy, email=email, language=language, **data
                ), True
        except IntegrityError:
            application = VacancyApplication.objects.get(vacancy=vacancy, email=email)
            return application, False


class IdChoiceField(forms.ModelChoiceField):
    """A page or snippet chosen by its id; a number too large for a database integer is no choice
    at all (SQLite would fail on it instead of finding nothing)."""

    def to_python(self, value):
        try:
            out_of_range = not -(2**63) <= int(value) < 2**63
        except (TypeError, ValueError):
            out_of_range = False
        if out_of_range:
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)


class CurriculumActionForm(forms.ModelForm):
    """Turn a competency without a course into an action for an action group."""

    class Meta:
        from .models import CurriculumAction

        model = CurriculumAction
        fields = ["committee", "description", "owner", "due_date"]
        field_classes = {"committee": IdChoiceField, "owner": IdChoiceField}
        widgets = {"due_date": forms.DateInput(attrs={"type": "date"})}

    def __init__(self, *args, **kwargs):
        from .models import CommitteePage, Person

        super().__init__(*args, **kwargs)
        groups = CommitteePage.objects.live().filter(kind="action_group", locale__language_code="nl")
        self.fields["committee"].queryset = groups.order_by("title")
        self.fields["owner"].queryset = Person.objects.filter(memberships__committee__in=groups).distinct()

    def clean_description(self):
        description = self.cleaned_data["description"].strip()
        if not description:
            raise forms.ValidationError(_("This field is required."))
        return description


class CloseActionForm(forms.Form):
    course = IdChoiceField(queryset=None, label=_("Course that answers it"))

    def __init__(self, action, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["course"].queryset = courses_covering([action.competency_id]).order_by("title")
