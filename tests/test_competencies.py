"""The competency framework shared by surveys, courses and certificates."""

import io

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.utils import translation

from home.models import Competency, CompetencyDomain

pytestmark = pytest.mark.django_db


@pytest.fixture
def framework():
    call_command("load_competency_framework", stdout=io.StringIO())


def test_the_framework_has_eight_domains_of_five_ordered_competencies(framework):
    assert CompetencyDomain.objects.count() == 8
    assert Competency.objects.count() == 40
    radiochemistry = CompetencyDomain.objects.first()
    assert radiochemistry.code == "radiochemistry"
    assert [c.code for c in radiochemistry.competencies.all()][:2] == [
        "radiolabelling",
        "radionuclide-production",
    ]


def test_loading_it_again_adds_nothing(framework):
    output = io.StringIO()
    call_command("load_competency_framework", stdout=output)
    assert "0 domains and 0 competencies added" in output.getvalue()
    assert Competency.objects.count() == 40


def test_names_follow_the_visitors_language(framework):
    competency = Competency.objects.get(code="radiation-protection")
    with translation.override("nl"):
        assert competency.name == "Stralingsbescherming"
    with translation.override("en"):
        assert competency.name == "Radiation protection"
        assert competency.domain.name == "Dosimetry and radiation protection"


def test_the_whole_framework_in_order_costs_one_query(framework, django_assert_num_queries):
    with django_assert_num_queries(1):
        rows = [(c.domain.code, c.code) for c in Competency.framework()]
    assert rows[0] == ("radiochemistry", "radiolabelling")
    assert rows[-1] == ("collaboration", "leadership")


def user_in(group):
    user = User.objects.create_user(group.lower(), password="x" * 12)
    user.groups.add(Group.objects.get(name=group))
    return user


def test_moderators_edit_the_framework_and_editors_only_read_it(client, framework):
    domain = CompetencyDomain.objects.get(code="therapy")
    edit_url = f"/admin/snippets/home/competencydomain/edit/{domain.pk}/"
    client.force_login(user_in("Editors"))
    assert client.get("/admin/snippets/home/competencydomain/").status_code == 200
    assert client.get(edit_url).status_code == 302  # Wagtail's "no permission" redirect
    client.force_login(user_in("Moderators"))
    assert "Radionuclidetherapie" in client.get(edit_url).content.decode()
