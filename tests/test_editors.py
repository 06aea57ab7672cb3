"""Editors write, moderators publish: Wagtail's workflow with the groups the migration sets up."""

import pytest
from django.contrib.auth.models import Group, User
from django.views.defaults import server_error
from wagtail.models import GroupPagePermission, Page, Workflow

from home.models import Organisation, StandardPage

from . import factories

pytestmark = pytest.mark.django_db


def member_of(group_name):
    user = User.objects.create_user(group_name.lower(), password="x" * 12)
    user.groups.add(Group.objects.get(name=group_name))
    return user


def page_permissions(group_name):
    rows = GroupPagePermission.objects.filter(group__name=group_name, page__depth=1)
    return {row.permission.codename for row in rows}


def test_moderation_workflow_covers_the_whole_site():
    workflow = Workflow.objects.get(active=True)
    root = Page.objects.get(depth=1)
    assert root.get_workflow() == workflow
    assert factories.dutch_home().get_workflow() == workflow


def test_editors_cannot_publish_but_moderators_can():
    assert "publish_page" not in page_permissions("Editors")
    assert {"add_page", "change_page"} <= page_permissions("Editors")
    assert "publish_page" in page_permissions("Moderators")


def test_an_editor_submits_a_page_for_moderation_and_it_stays_unpublished(client):
    editor = member_of("Editors")
    client.force_login(editor)
    home = factories.dutch_home()
    response = client.post(
        f"/admin/pages/add/home/standardpage/{home.pk}/",
        {
            "title": "Nieuwe cursusinformatie",
            "slug": "nieuwe-cursusinformatie",
            "introduction": "Concept",
            "body-count": "0",
            "action-submit": "submit",
        },
    )
    assert response.status_code == 302, response.content[:2000]
    page = StandardPage.objects.get(slug="nieuwe-cursusinformatie")
    assert not page.live
    assert page.current_workflow_state.status == "in_progress"
    assert client.get("/nl/nieuwe-cursusinformatie/").status_code == 404


def test_editors_keep_the_organisations_directory(client):
    client.force_login(member_of("Editors"))
    response = client.post(
        "/admin/snippets/home/organisation/add/",
        {"name": "NRG", "group": "isotope_production", "city": "Petten", "website": ""},
    )
    assert response.status_code == 302
    assert Organisation.objects.filter(name="NRG").exists()


def test_editors_cannot_change_site_settings(client):
    client.force_login(member_of("Editors"))
    response = client.get("/admin/settings/home/sitesettings/")
    assert response.status_code in (302, 403)
    client.force_login(member_of("Moderators"))
    assert client.get("/admin/settings/home/sitesettings/", follow=True).status_code == 200


def test_server_error_page_is_translated_and_needs_no_request_context(rf):
    from django.utils import translation

    with translation.override("nl"):
        response = server_error(rf.get("/nl/"))
    assert response.status_code == 500
    assert "Er ging iets mis" in response.content.decode()
