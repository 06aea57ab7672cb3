"""The questionnaire wizard end to end, with the test client."""

import re

import pytest

from home.models import Competency
from surveys.models import Answer, CompetencyRating, Response

from .survey_factories import make_survey

pytestmark = pytest.mark.django_db


class Respondent:
    """A browser answering one questionnaire: posts steps the way the wizard's form does."""

    def __init__(self, client, survey):
        self.client = client
        self.survey = survey
        self.url = survey.url + "answer/"
        self.steps = [name for name, _ in survey.step_blocks()]

    def post(self, step, data=None, **extra):
        prefixed = {f"{step}-{key}": value for key, value in (data or {}).items()}
        management = {f"survey-{self.survey.pk}-current_step": step}
        return self.client.post(self.url, {**management, **prefixed, **extra})

    def question_ids(self, step_index):
        step = list(self.survey.steps)[step_index]
        return [block.id.replace("-", "") for block in step.value["questions"]]

    def consent(self, link_waves=False):
        return self.post("consent", {"consent": "on", **({"link_waves": "on"} if link_waves else {})})

    def profile(self, group="care_provider"):
        return self.post(
            "profile",
            {
                "stakeholder_group": group,
                "profession": "clinical_physicist",
                "organisation_type": "university_hospital",
                "experience": "5-10",
                "region": "east",
            },
        )

    def work(self, **overrides):
        single, multiple, likert, number, short, long = self.question_ids(0)
        data = {single: "1", multiple: ["0", "2"], likert: "4", number: "12", short: "Physicist", long: ""}
        data.update({key_for(k, self.question_ids(0)): v for k, v in overrides.items()})
        return self.post(self.steps[0], data)

    def matrix(self, levels=(1, 3, 4)):
        [question_id] = self.question_ids(2)
        data = {}
        for competency in Competency.objects.filter(domain__code="dosimetry-protection"):
            for aspect, level in zip(("current", "required_now", "required_future"), levels, strict=True):
                data[f"{question_id}_{competency.pk}_{aspect}"] = str(level)
        return self.post(self.steps[2], data)

    def review(self):
        return self.post("review")


KEYS = ["single", "multiple", "likert", "number", "short", "long"]


def key_for(name, ids):
    return ids[KEYS.index(name)]


@pytest.fixture
def survey():
    return make_survey()


@pytest.fixture
def respondent(client, survey):
    return Respondent(client, survey)


def test_a_care_provider_answers_every_question_type_and_submits_once(respondent):
    assert "Voordat u begint" in respondent.client.get(respondent.url).content.decode()
    respondent.consent()
    respondent.profile()
    respondent.work()
    page = respondent.matrix()  # the industry step is skipped for a care provider
    assert "Controleer uw antwoorden" in page.content.decode()
    done = respondent.review()
    assert done.status_code == 302 and done["Location"].endswith("/thanks/")

    response = Response.objects.get()
    assert response.status == "submitted"
    assert (response.stakeholder_group, response.profession, response.region) == (
        "care_provider",
        "clinical_physicist",
        "east",
    )
    assert response.resume_key is None and response.progress == {}
    single, multiple, likert, number, short, _long = respondent.question_ids(0)
    stored = {(a.question, a.number, a.text) for a in Answer.objects.all()}
    assert stored == {
        (single, 1, ""),
        (multiple, 0, ""),
        (multiple, 2, ""),
        (likert, 4, ""),
        (number, 12, ""),
        (short, None, "Physicist"),
    }
    ratings = CompetencyRating.objects.all()
    assert ratings.count() == 5
    assert {(r.current, r.required_now, r.required_future) for r in ratings} == {(1, 3, 4)}


def test_the_conditional_step_is_shown_to_companies_only(respondent):
    respondent.consent()
    respondent.profile(group="company")
    page = respondent.work()
    assert "What does industry need?" in page.content.decode()


def test_the_step_after_the_profile_follows_the_answer_just_given(client):
    from .survey_factories import load_framework, make_survey, standard_steps

    work, industry, matrix = standard_steps(load_framework())
    survey = make_survey(steps=[industry, work, matrix])  # a step for companies right after the profile
    respondent = Respondent(client, survey)
    respondent.consent()
    assert "What does industry need?" in respondent.profile(group="company").content.decode()
    # Back to the profile, another answer: the next step is decided on it, not on the one before.
    assert "What does industry need?" not in respondent.profile(group="care_provider").content.decode()


def progress_of(page):
    return re.search(r'<p id="progress-label">([^<]*)</p>', page.content.decode()).group(1)


def walk(respondent, group):
    """The progress a respondent of ``group`` reads on every page, from consent to the review."""
    pages = [respondent.client.get(respondent.url), respondent.consent(), respondent.profile(group=group)]
    pages.append(respondent.work())
    if group == "company":
        [question_id] = respondent.question_ids(1)
        pages.append(respondent.post(respondent.steps[1], {question_id: "Isotopes"}))
    pages.append(respondent.matrix())
    return [progress_of(page) for page in pages]


@pytest.mark.parametrize(
    ("group", "said"),
    [
        (
            "care_provider",
            ["Stap 1 van 5 tot 6", "Stap 2 van 5 tot 6", "Stap 3 van 5", "Stap 4 van 5", "Stap 5 van 5"],
        ),
        (
            "company",
            ["Stap 1 van 5 tot 6", "Stap 2 van 5 tot 6"] + [f"Stap {n} van 6" for n in range(3, 7)],
        ),
    ],
)
def test_the_step_count_is_the_steps_this_respondent_goes_through_once_their_group_is_known(
    respondent, group, said
):
    # The step for companies is decided by the profile: before it, the count says what it may become.
    assert walk(respondent, group) == said


def test_going_back_keeps_the_step_count_until_the_group_is_changed(respondent):
    walk(respondent, "company")
    assert progress_of(respondent.post("review", wizard_goto_step="profile")) == "Stap 2 van 6"
    assert progress_of(respondent.post("profile", wizard_goto_step="consent")) == "Stap 1 van 6"
    respondent.consent()
    assert progress_of(respondent.profile(group="care_provider")) == "Stap 3 van 5"


def test_without_steps_for_some_groups_the_step_count_is_known_from_the_first_step(client):
    from .survey_factories import load_framework, standard_steps

    work, _industry, matrix = standard_steps(load_framework())
    survey = make_survey(steps=[work, matrix])
    first = client.get(survey.url + "answer/")
    assert progress_of(first) == "Stap 1 van 5"
    assert f"<title>{survey.title} – Stap 1 van 5 |" in first.content.decode()


def test_a_renamed_competency_shows_in_the_matrix_at_once(respondent):
    respondent.consent()
    respondent.profile()
    competency = Competency.objects.filter(domain__code="dosimetry-protection").first()
    assert competency.name in respondent.work().content.decode()
    competency.name_nl = "Patiëntdosimetrie (hernoemd)"
    competency.save()
    assert "Patiëntdosimetrie (hernoemd)" in respondent.work().content.decode()


def test_validation_errors_are_shown_next_to_the_fields(respondent):
    respondent.consent()
    respondent.profile()
    page = respondent.work(number="99", short="x" * 300, single="7")
    text = page.content.decode()
    ids = respondent.question_ids(0)
    for name in ("number", "short", "single"):
        assert f'id="id_{respondent.steps[0]}-{key_for(name, ids)}_error"' in text
    assert Answer.objects.count() == 0


def test_back_keeps_every_answer(respondent):
    respondent.consent()
    respondent.profile()
    respondent.work()
    back = respondent.post(respondent.steps[2], {}, wizard_goto_step=respondent.steps[0])
    text = back.content.decode()
    assert 'value="Physicist"' in text
    assert 'value="12"' in text


def test_a_missing_required_matrix_row_is_refused(respondent):
    respondent.consent()
    respondent.profile()
    respondent.work()
    [question_id] = respondent.question_ids(2)
    first = Competency.objects.filter(domain__code="dosimetry-protection").first()
    page = respondent.post(respondent.steps[2], {f"{question_id}_{first.pk}_current": "2"})
    assert "Dit is een verplicht veld." in page.content.decode()
    assert not CompetencyRating.objects.exists()


def test_nothing_is_stored_before_consent(respondent):
    refused = respondent.post("consent", {})
    assert "Zonder uw toestemming" in refused.content.decode()
    assert not Response.objects.exists()
    respondent.consent()
    assert Response.objects.get().status == "draft"


def test_jumping_ahead_to_the_last_step_in_a_fresh_session_stores_nothing(respondent):
    respondent.client.get(respondent.url)
    respondent.post("consent", {}, wizard_goto_step="review")
    page = respondent.review()
    assert page.status_code == 200  # sent back to the first step that is not valid
    assert not Response.objects.filter(status="submitted").exists()
    assert not Answer.objects.exists()


def test_a_bogus_step_name_answers_400(respondent):
    respondent.client.get(respondent.url)
    assert respondent.post("no-such-step", {}).status_code == 400
    missing_management = respondent.client.post(respondent.url, {"consent-consent": "on"})
    assert missing_management.status_code == 400


def test_replaying_the_final_post_creates_no_second_response(respondent):
    respondent.consent()
    respondent.profile()
    respondent.work()
    respondent.matrix()
    respondent.review()
    replay = respondent.review()
    assert replay.status_code in (200, 302)
    assert Response.objects.filter(status="submitted").count() == 1
    assert CompetencyRating.objects.count() == 5


def test_a_draft_resumes_in_a_new_browser(survey, respondent):
    from django.test import Client

    respondent.consent()
    respondent.profile()
    draft = Response.objects.get()
    assert draft.status == "draft" and draft.progress["step"] == respondent.steps[0]

    other_browser = Client(HTTP_HOST="localhost")
    resumed = other_browser.get(survey.url + f"resume/{draft.resume_key}/", follow=True)
    assert "Where do you work?" in resumed.content.decode()
    assert progress_of(resumed) == "Stap 3 van 5"  # the care provider's steps, known from the draft
    Respondent(other_browser, survey).work()
    Respondent(other_browser, survey).matrix()
    Respondent(other_browser, survey).review()
    assert Response.objects.get().status == "submitted"


def test_an_unknown_resume_key_starts_over(client, survey):
    response = client.get(survey.url + "resume/not-a-key/", follow=True)
    assert "Voordat u begint" in response.content.decode()


@pytest.mark.parametrize("state", ["not_yet", "closed"])
def test_a_closed_or_not_yet_open_questionnaire_says_so(client, state):
    import datetime

    from django.utils import timezone

    now = timezone.now()
    if state == "not_yet":
        survey = make_survey(
            opens_at=now + datetime.timedelta(days=2), closes_at=now + datetime.timedelta(days=9)
        )
    else:
        survey = make_survey(
            opens_at=now - datetime.timedelta(days=9), closes_at=now - datetime.timedelta(days=2)
        )
    response = client.get(survey.url + "answer/")
    assert response.status_code == 403
    assert ("opent op" if state == "not_yet" else "gesloten") in response.content.decode()
    assert "notice" in client.get(survey.url).content.decode()


def test_the_resume_link_is_emailed_without_storing_the_address(client, survey, respondent):
    from django.core import mail

    respondent.consent()
    respondent.profile()
    draft = Response.objects.get()
    page = client.post(survey.url + "resume-link/", {"email": "fysicus@example.org"}, follow=True)
    assert "niet bewaard" in page.content.decode()
    assert mail.outbox[0].to == ["fysicus@example.org"]
    assert f"/resume/{draft.resume_key}/" in mail.outbox[0].body
    draft.refresh_from_db()
    assert "fysicus@example.org" not in str(draft.progress)


def test_no_resume_link_is_sent_for_someone_elses_session(client, survey):
    from django.core import mail

    client.post(survey.url + "resume-link/", {"email": "fysicus@example.org"})
    assert mail.outbox == []


def test_a_domain_can_be_asked_in_one_matrix_only(survey):
    from django.core.exceptions import ValidationError

    from .survey_factories import question

    steps = survey.steps.raw_data
    matrix = steps[2]["value"]["questions"][0]
    steps[2]["value"]["questions"].append(
        question("competency_matrix", "Again", domain=matrix["value"]["domain"])
    )
    survey.steps = steps
    with pytest.raises(ValidationError):
        survey.full_clean()
