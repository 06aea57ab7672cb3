"""Forms of the learning platform."""

from django import forms
from django.utils.translation import gettext_lazy as _

from home.forms import stored_email
from home.models import Profession

from .models import LearnerProfile

NAME_HELP = _("Exactly as it must appear on your certificates, e.g. dr. J.A. de Vries.")


def clean_certificate_name(value):
    """Refuse markup and control characters: the name is printed on a legal-looking document."""
    value = " ".join(value.split())
    if any(char in value for char in "<>{}[]\\") or any(ord(char) < 32 for char in value):
        raise forms.ValidationError(_("Use letters, spaces, dots, dashes and apostrophes only."))
    return value


class SignupForm(forms.Form):
    """The extra sign-up fields; django-allauth adds e-mail and password and calls ``signup``."""

    certificate_name = forms.CharField(label=_("Name on certificates"), max_length=120, help_text=NAME_HELP)
    profession = forms.ChoiceField(
        label=_("Profession"), choices=[("", _("Choose…")), *Profession.choices], required=False
    )
    register_number = forms.CharField(
        label=_("BIG or register number"),
        max_length=20,
        required=False,
        help_text=_("Optional. Printed on certificates for GAIA or PE-online."),
    )

    def clean_certificate_name(self):
        return clean_certificate_name(self.cleaned_data["certificate_name"])

    def clean_register_number(self):
        number = self.cleaned_data["register_number"].strip()
        if number:
            LearnerProfile._meta.get_field("register_number").run_validators(number)
        return number

    def clean(self):
        # django-allauth has lower-cased the address; it must still be one it can store and mail to.
        cleaned = super().clean()
        if cleaned.get("email"):
            try:
                cleaned["email"] = stored_email(cleaned["email"])
            except forms.ValidationError as error:
                self.add_error("email", error)
        return cleaned

    def signup(self, request, user):
        # Runs when allauth has created the user, before the e-mail is verified.
        LearnerProfile.objects.create(
            user=user,
            certificate_name=self.cleaned_data["certificate_name"],
            profession=self.cleaned_data["profession"],
            register_number=self.cleaned_data["register_number"],
        )


class ProfileForm(forms.ModelForm):
    class Meta:
        model = LearnerProfile
        fields = ["certificate_name", "profession", "register_number"]

    def clean_certificate_name(self):
        return clean_certificate_name(self.cleaned_data["certificate_name"])


class PortfolioForm(forms.Form):
    """The period a CPD portfolio covers (a re-registration looks back five years)."""

    start = forms.DateField(label=_("From"), widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label=_("Until"), widget=forms.DateInput(attrs={"type": "date"}))

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and end < start:
            self.add_error("end", _("The period cannot end before it starts."))
        return cleaned
