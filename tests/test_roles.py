"""The README's table of roles says what the groups may do, read from both and held together both ways.

The README ("Demo logins") ticks, per role, what someone may do in the admin; ``RIGHTS`` names the
permissions that give each row, Wagtail's page and collection permissions among them. For every role
the group, as the data migrations made it, holds a row's permissions if and only if the README ticks
the row; and every permission the four groups hold is some row's, so the README cannot leave a right
out. A change of rights is a change of the README, a data migration and ``RIGHTS``, or this fails.
"""

import itertools
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, User
from wagtail.models import GroupCollectionPermission, GroupPagePermission

from .learning_factories import make_course

pytestmark = pytest.mark.django_db

README = Path(settings.BASE_DIR) / "README.md"
# The README's columns and the groups behind them.
ROLES = {
    "editor": "Editors",
    "moderator": "Moderators",
    "analyst": "Survey analysts",
    "courses": "Course administrators",
}
EVERY_PAGE = "on every page"
EVERY_COLLECTION = "in every collection"


def model(app_label, name, *actions):
    return [f"{app_label}.{action}_{name}" for action in actions]


def pages(*actions):
    return [f"wagtailcore.{action}_page {EVERY_PAGE}" for action in actions]


def media(app_label, name):
    """Images or documents: Wagtail's migrations grant them on the model and, all but deleting, again on
    the root collection."""
    on_collection = model(app_label, name, "add", "change", "choose")
    return model(app_label, name, "add", "change", "delete", "choose") + [
        f"{right} {EVERY_COLLECTION}" for right in on_collection
    ]


# Each row of the README's table: the permissions that let a role do it.
RIGHTS = {
    "open the admin": ["wagtailadmin.access_admin"],
    "write pages, courses and questionnaires too, and submit them for publishing": pages("add", "change"),
    "publish pages, and lock a page against changes": pages("publish", "lock", "unlock"),
    "send a page for translation": ["simple_translation.submit_translation"],
    "upload, change and delete images and documents": media("wagtailimages", "image")
    + media("wagtaildocs", "document"),
    "keep the directory of organisations": model("home", "organisation", "add", "change", "delete", "view"),
    "draft newsletter mailings": model("home", "newslettermailing", "add", "change", "view"),
    "send and delete newsletter mailings": model("home", "newslettermailing", "send", "delete"),
    "read, correct and delete newsletter subscribers": model(
        "home", "newslettersubscriber", "view", "change", "delete"
    ),
    "read, correct and delete event registrations": model(
        "home", "eventregistration", "view", "change", "delete"
    ),
    "look at the competency framework": model("home", "competencydomain", "view"),
    "change the competency framework": model("home", "competencydomain", "add", "change", "delete"),
    "record committee meetings (with minutes) and KPI figures": model("committee", "meeting", "add", "change")
    + model("committee", "kpi", "add", "change"),
    "delete meetings and KPIs; keep committee members and their seats": model(
        "committee", "meeting", "delete"
    )
    + model("committee", "kpi", "delete")
    + model("committee", "person", "add", "change", "delete")
    + model("committee", "membership", "add", "change", "delete"),
    "read and handle applications for a committee seat": model(
        "committee", "vacancyapplication", "add", "change", "delete"
    ),
    "open every committee's members' area": ["committee.view_members_area"],
    "open the coverage matrix": ["committee.view_coverage"],
    "set the coverage thresholds and keep curriculum actions": ["committee.change_coveragesettings"]
    + model("committee", "curriculumaction", "add", "change", "delete"),
    "change the site settings and the redirects": model("home", "sitesettings", "change", "view")
    + model("wagtailredirects", "redirect", "add", "change", "delete", "view"),
    "invite respondents to a questionnaire": ["surveys.manage_invitations"],
    "read gap reports, survey responses and their exports": [
        "surveys.view_survey_results",
        "surveys.view_response",
    ],
    "see course statistics, enrolments and certificates; export attendance": [
        "learning.view_learning_results"
    ],
    "issue owed certificates and revoke a certificate": ["learning.revoke_certificate"],
}


# Reading the README


def cells(line):
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def readme_table():
    """{row: {role: ticked}} from the README's table whose columns are the roles."""
    lines = README.read_text(encoding="utf-8").splitlines()
    header = next(
        n for n, line in enumerate(lines) if line.startswith("|") and cells(line)[1:] == list(ROLES)
    )
    table = {}
    for line in itertools.takewhile(lambda line: line.startswith("|"), lines[header + 2 :]):
        row, *ticks = cells(line)
        assert set(ticks) <= {"✓", ""} and len(ticks) == len(ROLES), f"README: a tick is ✓ or nothing: {line}"
        table[row] = {role: tick == "✓" for role, tick in zip(ROLES, ticks, strict=True)}
    return table


# Reading the groups


def place(node, everywhere, named):
    return everywhere if node.depth == 1 else named.format(node)


def rights_of(group):
    """Every permission the group holds: on models, on pages and on collections, as in ``RIGHTS``."""
    held = {
        f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.select_related("content_type")
    }
    for row in GroupPagePermission.objects.filter(group=group).select_related(
        "page", "permission__content_type"
    ):
        where = place(row.page, EVERY_PAGE, "on “{0.title}” and below")
        held.add(f"{row.permission.content_type.app_label}.{row.permission.codename} {where}")
    for row in GroupCollectionPermission.objects.filter(group=group).select_related(
        "collection", "permission__content_type"
    ):
        where = place(row.collection, EVERY_COLLECTION, "in “{0.name}”")
        held.add(f"{row.permission.content_type.app_label}.{row.permission.codename} {where}")
    return held


# The tests


def test_every_row_of_the_readme_has_its_rights_named_here_and_no_other():
    readme, here = set(readme_table()), set(RIGHTS)
    assert readme == here, f"in the README only: {sorted(readme - here)}; here only: {sorted(here - readme)}"


def test_each_group_holds_a_rows_rights_exactly_when_the_readme_ticks_it_for_its_role():
    wrong = []
    for row, ticks in readme_table().items():
        for role, ticked in ticks.items():
            held = rights_of(Group.objects.get(name=ROLES[role]))
            missing, extra = set(RIGHTS[row]) - held, set(RIGHTS[row]) & held
            if ticked and missing:
                wrong.append(f"{role}: “{row}” is ticked, but {ROLES[role]} lack {sorted(missing)}")
            if not ticked and extra:
                wrong.append(f"{role}: “{row}” is not ticked, but {ROLES[role]} hold {sorted(extra)}")
    assert not wrong, "The README's roles and the groups disagree:\n" + "\n".join(wrong)


def test_no_group_holds_a_right_that_no_row_of_the_readme_gives():
    described = set(itertools.chain.from_iterable(RIGHTS.values()))
    unnamed = {
        role: sorted(rights_of(Group.objects.get(name=group)) - described) for role, group in ROLES.items()
    }
    assert not any(unnamed.values()), f"Rights the README does not mention: {unnamed}"


def member_of(group, username):
    user = User.objects.create_user(username, password="x" * 12)
    user.groups.add(Group.objects.get(name=group))
    return user


PERSONAL_RECORDS = ("/admin/snippets/home/eventregistration/", "/admin/snippets/home/newslettersubscriber/")


def test_an_editor_neither_opens_nor_is_offered_registrations_and_subscribers(client):
    client.force_login(member_of("Editors", "editor"))
    for listing in PERSONAL_RECORDS:
        for url in (listing, listing + "?export=csv", listing.replace("/snippets/", "/snippets/choose/")):
            refused = client.get(url)
            assert (refused.status_code, refused["Location"]) == (302, "/admin/"), url
    dashboard = client.get("/admin/").content.decode()
    assert not any(listing in dashboard for listing in PERSONAL_RECORDS)  # no menu item leads there
    client.force_login(member_of("Moderators", "moderator"))
    dashboard = client.get("/admin/").content.decode()
    assert all(listing in dashboard for listing in PERSONAL_RECORDS)
    assert all(client.get(listing).status_code == 200 for listing in PERSONAL_RECORDS)


def test_course_administrators_run_a_course_but_editors_write_it(client):
    course = make_course()
    client.force_login(member_of("Course administrators", "courses"))
    assert client.get("/admin/course-statistics/").status_code == 200
    refused = client.get(f"/admin/pages/{course.pk}/edit/")
    assert (refused.status_code, refused["Location"]) == (302, "/admin/")
    client.force_login(member_of("Editors", "editor"))
    assert client.get(f"/admin/pages/{course.pk}/edit/").status_code == 200
