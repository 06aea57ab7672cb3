"""Forms a visitor of the public site fills in."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator, validate_email
from django.utils.translation import gettext_lazy as _

from .models import EventRegistration


def stored_email(value):
    """The address as it is stored and mailed to: lower-cased, still valid, fitting its column, and
    with a local part in ASCII. Django's validator lets four other letters through (İ, ı, ſ and the
    Kelvin sign); a capital dotted I even lower-cases into two characters, and mail headers refuse
    such local parts."""
    email = value.lower()
    validate_email(email)
    if not email.rpartition("@")[0].isascii():
        raise ValidationError(validate_email.message, code=validate_email.code)
    MaxLengthValidator(254)(email)
    return email


class EventRegistrationForm(forms.ModelForm):
    class Meta:
        model = EventRegistration
        fields = ["name", "email", "organisation", "notes"]
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "organisation": forms.TextInput(attrs={"autocomplete": "organization"}),
            "notes": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {
            "notes": _("For example a diet, or help you need to take part. Optional."),
        }

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if not name:
            raise forms.ValidationError(_("Please give your name."))
        return name

    def clean_email(self):
        return stored_email(self.cleaned_data["email"])


class NewsletterSignupForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    def clean_email(self):
        return stored_email(self.cleaned_data["email"])
