"""The application form of a vacancy."""

from django import forms
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

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
