"""What the committee area keeps about a person (see cms.privacy).

A seat on a committee is part of the field's governance record (who held which seat, the balance
of representation over time), so the seat stays and the person on it becomes anonymous: no name,
title, photo, biography or account. Applications for vacancies are deleted.
"""

import datetime

from django.conf import settings
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from cms.privacy import personal_data, records

from .models import Membership, Person, VacancyApplication


@personal_data(Person, Membership)
class Seats:
    section = _("Committee seats")

    def rows(self, subject):
        return Person.objects.filter(user=subject.user) if subject.user else Person.objects.none()

    def export(self, subject):
        return records(
            self.rows(subject).select_related("organisation", "photo"),
            ["name", "title", "bio"],
            organisation=lambda person: person.organisation.name if person.organisation else "",
            photo=lambda person: person.photo.title if person.photo else "",
            memberships=lambda person: records(
                person.memberships.select_related("committee"),
                ["role", "seat_category", "stakeholder_group", "term_start", "term_end"],
                committee=lambda membership: membership.committee.title,
            ),
        )

    def erase(self, subject, dry_run=False):
        people = list(self.rows(subject))
        if not dry_run:
            for person in people:
                person.name = gettext("Former member")
                person.title = person.bio = ""
                person.photo = person.user = None
                person.save()  # and the search index forgets the name
        return [f"{person.name} anonymised on {person.memberships.count()} seats" for person in people]


@personal_data(VacancyApplication)
class Applications:
    section = _("Applications for vacancies")

    def rows(self, subject):
        return VacancyApplication.objects.filter(subject.email_filter()).select_related("vacancy")

    def export(self, subject):
        fields = ["name", "email", "organisation", "motivation", "language", "created_at"]
        return records(self.rows(subject), fields, vacancy=lambda row: row.vacancy.title)

    def expired(self, now):
        days = settings.RETENTION_DAYS["vacancy_applications"]
        closed = now.date() - datetime.timedelta(days=days)
        yield (
            "applications, days after the vacancy closed",
            VacancyApplication.objects.filter(vacancy__deadline__lt=closed),
        )

    def erase(self, subject, dry_run=False):
        rows = list(self.rows(subject))
        if not dry_run:
            VacancyApplication.objects.filter(pk__in=[row.pk for row in rows]).delete()
        return [f"application for {row.vacancy.title} deleted" for row in rows]
