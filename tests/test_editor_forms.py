"""Forms that guide the editor in the Dutch admin: long multiple choices as checkbox lists in groups with
a filter box, every "+" saying what it adds, inline items named one by one, the competency matrix's
columns and scale, a questionnaire's series chosen from those in use, date pickers that close on a date,
and the project's own names in Dutch."""

import html
import re

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client
from django.urls import reverse
from wagtail.models import Task, Workflow

from home.blocks import CaptionedImageBlock
from home.models import Competency, CompetencyDomain, Organisation, ProficiencyLevel
from learning.models import CourseAudience

from .admin_forms import edit_form_data
from .factories import make_event, make_event_index
from .learning_factories import make_catalogue, make_course
from .survey_factories import load_framework, make_survey

pytestmark = pytest.mark.django_db


def signed_in(role, group):
    user = User.objects.create_user(role, f"{role}@example.org", "Isotopes-for-Everyone-2026")
    user.groups.add(Group.objects.get(name=group))
    client = Client(HTTP_HOST="localhost", HTTP_ACCEPT_LANGUAGE="nl")
    client.force_login(user)
    return client


@pytest.fixture
def editor():
    return signed_in("editor", "Editors")


@pytest.fixture
def moderator():
    return signed_in("moderator", "Moderators")


def edit_page(client, page):
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    return response


def editor_text(response):
    """The edit page as text, with the StreamFields' definitions unescaped: JSON in attributes, with the
    HTML of their widgets in JSON strings."""
    return html.unescape(response.content.decode()).replace('\\"', '"')


def checkbox_list(response, name):
    """The HTML of the checkbox list of the field ``name``."""
    content = response.content.decode()
    start = content.index(f'<div id="id_{name}" class="checkbox-list"')
    depth = 0
    for tag in re.finditer(r"<(/?)div\b", content[start:]):
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            return content[start : start + tag.end()]
    raise AssertionError(f"the checkbox list of {name} does not end")


def test_a_courses_competencies_are_checkboxes_grouped_by_domain_with_a_filter_box(editor):
    load_framework()
    response = edit_page(editor, make_course())
    competencies = checkbox_list(response, "competencies")
    assert 'data-controller="checkbox-list"' in competencies
    assert 'for="id_competencies-filter">Filter de lijst</label>' in competencies
    legends = re.findall(r"<legend>([^<]+)</legend>", competencies)
    assert legends == [domain.name_nl for domain in CompetencyDomain.objects.all()]
    assert competencies.count('type="checkbox" name="competencies"') == Competency.objects.count()
    assert '<select name="competencies"' not in response.content.decode()


def test_a_courses_audience_is_a_checkbox_list_of_professions(editor):
    course = make_course(audience=[CourseAudience(profession="clinical_physicist")])
    audience = checkbox_list(edit_page(editor, course), "audience_professions")
    assert audience.count('type="checkbox" name="audience_professions"') == 10
    assert re.search(r'value="clinical_physicist"[^>]*checked', audience)
    # Ten professions need no filter box.
    assert "checkbox-list__filter" not in audience


def test_a_new_course_starts_with_no_profession_ticked(editor):
    catalogue = make_catalogue()
    response = editor.get(reverse("wagtailadmin_pages:add", args=["learning", "coursepage", catalogue.pk]))
    assert response.status_code == 200
    assert "checked" not in checkbox_list(response, "audience_professions")


def test_the_competencies_and_professions_ticked_are_what_the_course_keeps(moderator):
    load_framework()
    course = make_course(audience=[CourseAudience(profession="clinical_physicist")])
    kept_row = CourseAudience.objects.get(page=course)
    chosen = list(Competency.objects.order_by("pk").values_list("pk", flat=True)[:2])
    url = reverse("wagtailadmin_pages:edit", args=[course.pk])
    form = moderator.get(url).context["form"]
    data = edit_form_data(
        form,
        competencies=[str(pk) for pk in chosen],
        audience_professions=["clinical_physicist", "radiochemist"],
    )
    response = moderator.post(url, {**data, "action-publish": "action-publish"})
    assert response.status_code == 302, response.context["form"].errors
    course.refresh_from_db()
    assert sorted(course.competencies.values_list("pk", flat=True)) == chosen
    rows = list(CourseAudience.objects.filter(page=course).order_by("sort_order"))
    assert [row.profession for row in rows] == ["clinical_physicist", "radiochemist"]
    assert rows[0].pk == kept_row.pk


def test_an_events_organisers_are_a_checkbox_list(editor):
    Organisation.objects.create(name="Radboudumc", group="care_provider")
    event = make_event(make_event_index())
    assert 'type="checkbox" name="organisers"' in checkbox_list(edit_page(editor, event), "organisers")


def test_a_questionnaire_steps_stakeholder_groups_are_checkboxes(editor):
    text = editor_text(edit_page(editor, make_survey()))
    assert 'class="checkbox-list"' in text
    assert re.search(r'<input type="checkbox" name="__NAME__" value="company"', text)


def test_every_plus_of_a_questionnaire_says_what_it_adds(editor):
    text = editor_text(edit_page(editor, make_survey()))
    for label in ("Stap toevoegen", "Vraag toevoegen", "Keuze toevoegen"):
        assert f'"data-add-label": "{label}"' in text, label


def test_every_plus_of_a_course_says_what_it_adds(editor):
    text = editor_text(edit_page(editor, make_course()))
    for label in ("Vraag toevoegen", "Antwoord toevoegen"):
        assert f'"data-add-label": "{label}"' in text, label


def test_inline_items_are_named_one_by_one(editor):
    course_form = editor_text(edit_page(editor, make_course()))
    assert "Voeg ondertekenaar toe" in course_form
    assert re.search(r"Ondertekenaar<span data-inline-panel-child-count>", course_form)
    event_form = editor_text(edit_page(editor, make_event(make_event_index())))
    assert "Voeg programmaonderdeel toe" in event_form


def test_the_competency_matrix_shows_its_columns_and_scale_in_the_editor(editor):
    text = editor_text(edit_page(editor, make_survey()))
    assert "Huidig niveau, Nu nodig, Nodig over vijf jaar" in text
    levels = ", ".join(["Geen", "Bewustzijn", "Werkkennis", "Bekwaam", "Expert"])
    assert len(ProficiencyLevel.choices) == 5 and levels in text


def test_a_questionnaires_series_is_chosen_from_those_in_use(editor):
    make_survey(series="gap-analysis")
    make_survey(series="pilot-radiopharmacy")
    survey = make_survey(series="")
    content = edit_page(editor, survey).content.decode()
    assert re.search(r'<input type="text" name="series"[^>]* list="id_series-suggestions"', content)
    datalist = content.split('<datalist id="id_series-suggestions">', 1)[1].split("</datalist>", 1)[0]
    assert re.findall(r'<option value="([^"]+)">', datalist) == ["gap-analysis", "pilot-radiopharmacy"]


def test_a_date_and_time_picker_closes_when_a_date_is_chosen(editor):
    text = editor_text(edit_page(editor, make_survey()))
    assert re.search(r'initDateTimeChooser\("id_opens_at", \{[^}]*"closeOnDateSelect": true', text)


def test_editors_submit_to_the_moderators_in_dutch(editor):
    assert Workflow.objects.get(active=True).name == "Moderatoren"
    assert not Task.objects.filter(name="Moderators approval").exists()
    assert "Stuur door naar Moderatoren" in editor_text(edit_page(editor, make_survey()))


def test_an_image_blocks_image_field_is_labelled_in_dutch():
    image = CaptionedImageBlock().child_blocks["image"]
    assert str(image.child_blocks["image"].label) == "Afbeelding"
