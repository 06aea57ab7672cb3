"""KPIs: a SMART goal's indicator with its measurements, read in the KPI's unit."""

from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.models import Orderable

PERCENT_UNITS = {"%", "percent", "procent", "percentage"}


def is_percentage(unit):
    """Whether a KPI's unit is a percentage ("%", "% on time", "procent")."""
    words = (unit or "").strip().lower().split()
    return bool(words) and (words[0] in PERCENT_UNITS or words[0].startswith("%"))


class NumberInUnit(forms.DecimalField):
    """A KPI's number, refused on its field with the unit named: not a plain number, or a percentage
    outside 0-100 (4500 typed for 45%)."""

    def __init__(self, unit, **kwargs):
        super().__init__(**kwargs)
        self.unit = unit

    @classmethod
    def replacing(cls, field, unit):
        keep = ("max_digits", "decimal_places", "required", "label", "help_text", "widget", "localize")
        return cls(unit, **{name: getattr(field, name) for name in keep})

    def to_python(self, value):
        try:
            return super().to_python(value)
        except ValidationError as error:
            raise self.not_a_number() from error

    def validate(self, value):
        try:
            super().validate(value)
        except ValidationError as error:
            if error.code != "invalid":
                raise
            raise self.not_a_number() from error
        if value is not None and is_percentage(self.unit) and not 0 <= value <= 100:
            message = _("A value in %(unit)s lies between 0 and 100.")
            raise ValidationError(message, code="out_of_range", params={"unit": self.unit})

    def not_a_number(self):
        message = _("Type a number in %(unit)s, without the unit.")
        return ValidationError(message, code="invalid", params={"unit": self.unit})


class KPIForm(WagtailAdminModelForm):
    """The editors' KPI form (snippet create and edit): its numbers are read in the KPI's unit."""

    def __init__(self, *args, **kwargs):
        # Runs for the admin's create and edit views, bound or not; the unit is the one typed, if any.
        super().__init__(*args, **kwargs)
        unit = (self.data.get(self.add_prefix("unit"), "") if self.is_bound else self.instance.unit).strip()
        if not unit:
            return  # the unit's own field is refused; the numbers keep Django's messages
        for name in ("baseline", "target"):
            self.fields[name] = NumberInUnit.replacing(self.fields[name], unit)
        for form in self.formsets["measurements"].forms:
            form.fields["value"] = NumberInUnit.replacing(form.fields["value"], unit)


class KPI(ClusterableModel):
    """A SMART goal's indicator: from a baseline towards a target by a date, with dated measurements."""

    base_form_class = KPIForm

    committee = models.ForeignKey(
        "committee.CommitteePage", verbose_name=_("committee"), on_delete=models.CASCADE, related_name="+"
    )
    name = models.CharField(_("name"), max_length=200)
    unit = models.CharField(
        _("unit"), max_length=40, help_text=_("For example: professionals trained, %, days.")
    )
    baseline = models.DecimalField(_("baseline"), max_digits=12, decimal_places=2)
    target = models.DecimalField(_("target"), max_digits=12, decimal_places=2)
    target_date = models.DateField(_("target date"))

    wagtail_reference_index_ignore = True
    panels = [
        FieldRowPanel([FieldPanel("committee"), FieldPanel("name")]),
        FieldRowPanel(
            [FieldPanel("unit"), FieldPanel("baseline"), FieldPanel("target"), FieldPanel("target_date")]
        ),
        InlinePanel("measurements", heading=_("Measurements"), label=_("measurement")),
    ]

    class Meta:
        verbose_name = _("KPI")
        verbose_name_plural = _("KPIs")
        ordering = ["committee__title", "name"]

    def __str__(self):
        return self.name

    def clean(self):
        if self.baseline is not None and self.target is not None and self.baseline == self.target:
            raise ValidationError({"target": _("The target must differ from the baseline.")})

    def latest(self):
        measurements = sorted(self.measurements.all(), key=lambda m: m.measured_on)
        return measurements[-1] if measurements else None

    def progress(self, value=None):
        """Percent of the way from baseline to target (also when the target is below the baseline), 0-100."""
        if value is None:
            latest = self.latest()
            if latest is None:
                return Decimal(0)
            value = latest.value
        share = (Decimal(value) - self.baseline) / (self.target - self.baseline) * 100
        return max(Decimal(0), min(Decimal(100), share)).quantize(Decimal("0.1"))


class Measurement(Orderable):
    kpi = ParentalKey(KPI, on_delete=models.CASCADE, related_name="measurements")
    measured_on = models.DateField(_("date"))
    value = models.DecimalField(
        _("value"),
        max_digits=12,
        decimal_places=2,
        help_text=_("A number, in the KPI's unit (no unit sign)."),
    )

    panels = [FieldRowPanel([FieldPanel("measured_on"), FieldPanel("value")])]

    class Meta(Orderable.Meta):
        verbose_name = _("measurement")
