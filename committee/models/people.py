"""People and their seats on committees, and the balance of those seats."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.search import index

from home.models import StakeholderGroup, optional_image

from .base import SEATED_KINDS, TERM_ENDING_SOON, Role, SeatCategory


class Person(index.Indexed, models.Model):
    """Someone who sits on a committee; linked to a platform account for the members-only pages."""

    name = models.CharField(_("name"), max_length=120)
    title = models.CharField(_("title or position"), max_length=200, blank=True)
    organisation = models.ForeignKey(
        "home.Organisation", verbose_name=_("organisation"), null=True, blank=True, on_delete=models.SET_NULL
    )
    photo = optional_image(_("photo"))
    bio = models.TextField(_("short biography"), max_length=600, blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="committee_person",
        help_text=_("The platform account this person logs in with, for the members-only pages."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("title"),
        FieldPanel("organisation"),
        FieldPanel("photo"),
        FieldPanel("bio"),
        FieldPanel("user"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["name"]

    def __str__(self):
        return self.name


def is_committee_member(user):
    """Whether ``user`` sits on any committee today."""
    if not user.is_authenticated:
        return False
    return Membership.objects.filter(person__user=user).current(timezone.localdate()).exists()


class MembershipQuerySet(models.QuerySet):
    def current(self, day):
        return self.filter(
            models.Q(term_start__lte=day), models.Q(term_end__isnull=True) | models.Q(term_end__gte=day)
        )


class Membership(models.Model):
    """A seat: who sits on which committee, in what role and category, for which term."""

    committee = models.ForeignKey(
        "committee.CommitteePage", verbose_name=_("committee"), on_delete=models.CASCADE, related_name="+"
    )
    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=16, choices=Role.choices, default=Role.MEMBER)
    seat_category = models.CharField(_("seat category"), max_length=20, choices=SeatCategory.choices)
    stakeholder_group = models.CharField(
        _("stakeholder group"), max_length=32, choices=StakeholderGroup.choices
    )
    term_start = models.DateField(_("term starts"))
    term_end = models.DateField(_("term ends"), null=True, blank=True)

    objects = MembershipQuerySet.as_manager()
    wagtail_reference_index_ignore = True

    panels = [
        FieldPanel("committee"),
        FieldPanel("person"),
        FieldRowPanel([FieldPanel("role"), FieldPanel("seat_category"), FieldPanel("stakeholder_group")]),
        FieldRowPanel([FieldPanel("term_start"), FieldPanel("term_end")]),
    ]

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["committee__title", "person__name"]

    def __str__(self):
        return f"{self.person} – {self.get_role_display()}, {self.committee}"

    def clean(self):
        if self.term_start and self.term_end and self.term_end < self.term_start:
            raise ValidationError({"term_end": _("A term cannot end before it starts.")})


def representation_balance(memberships):
    """Seats per category and per stakeholder group: {"categories": [(label, n)], "groups": [(label, n)]}."""
    categories = {value: 0 for value in SeatCategory.values}
    groups = {}
    for membership in memberships:
        categories[membership.seat_category] += 1
        groups[membership.stakeholder_group] = groups.get(membership.stakeholder_group, 0) + 1
    labels = dict(StakeholderGroup.choices)
    return {
        "categories": [(SeatCategory(value).label, count) for value, count in categories.items()],
        "groups": sorted(
            ((labels[g], n) for g, n in groups.items()), key=lambda item: (-item[1], str(item[0]))
        ),
        "total": sum(categories.values()),
    }


def committee_warnings(committee, on=None):
    """What the admin should hear about: unrepresented seat categories, terms ending within three months."""
    day = on or timezone.localdate()
    members = committee.memberships(day)
    warnings = []
    if committee.kind in SEATED_KINDS:
        for label, count in representation_balance(members)["categories"]:
            if count == 0:
                warnings.append(
                    _("%(committee)s has no %(category)s seat.")
                    % {"committee": committee.title, "category": str(label).lower()}
                )
    for membership in members:
        if membership.term_end and membership.term_end <= day + TERM_ENDING_SOON:
            warnings.append(
                _("The term of %(person)s on %(committee)s ends on %(date)s.")
                % {
                    "person": membership.person.name,
                    "committee": committee.title,
                    "date": membership.term_end.strftime("%d-%m-%Y"),
                }
            )
    return warnings
