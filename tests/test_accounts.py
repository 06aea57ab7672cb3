"""Platform accounts (django-allauth): sign up with e-mail verification, log in, reset, profile."""

import re

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.core.cache import cache

from learning.models import LearnerProfile

from .helpers import empty

pytestmark = pytest.mark.django_db

PASSWORD = "Isotopes-for-Everyone-2026"


def sign_up(client, email="learner@example.org", name="dr. J.A. de Vries", **extra):
    data = {
        "email": email,
        "password1": PASSWORD,
        "password2": PASSWORD,
        "certificate_name": name,
        "profession": "clinical_physicist",
        "register_number": "19012345601",
        **extra,
    }
    return client.post("/nl/account/signup/", data)


def link_in(message):
    return re.search(r"https?://\S+", message.body).group(0)


def test_sign_up_verify_the_email_and_land_on_the_dashboard(client):
    response = sign_up(client)
    assert response.status_code == 302
    user = User.objects.get(email="learner@example.org")
    assert user.learner.certificate_name == "dr. J.A. de Vries"
    assert user.learner.register_number == "19012345601"
    assert client.get("/nl/learning/").status_code == 302  # not logged in before verification
    confirm = link_in(mail.outbox[0])
    page = client.get(confirm)
    assert page.status_code == 200
    done = client.post(confirm)
    assert done.status_code == 302
    dashboard = client.get("/nl/learning/")
    assert dashboard.status_code == 200
    assert "dr. J.A. de Vries" in dashboard.content.decode()


def test_the_sign_up_email_greets_from_the_programme_not_from_the_host(client):
    client.defaults["HTTP_HOST"] = "127.0.0.1:8000"  # as make run serves the site
    sign_up(client)
    [message] = mail.outbox
    assert message.body.startswith("Hallo van Nuclear Medicine Education Program!")
    assert "127.0.0.1:8000!" not in message.body
    assert "http://127.0.0.1:8000/" in message.body  # the link still leads to the host it was asked on


def test_log_in_and_out(client):
    user = User.objects.create_user("x", "fysicus@example.org", PASSWORD)
    user.emailaddress_set.create(email=user.email, verified=True, primary=True)
    response = client.post("/nl/account/login/", {"login": "fysicus@example.org", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get("/nl/learning/").status_code == 200
    client.post("/nl/account/logout/")
    assert client.get("/nl/learning/").status_code == 302


def test_sign_up_does_not_reveal_that_an_address_has_an_account(client):
    from django.test import Client

    first = sign_up(Client(HTTP_HOST="localhost"), email="taken@example.org")
    mail.outbox.clear()
    empty(cache)  # allauth mails an address once per few minutes; time passes
    again = sign_up(Client(HTTP_HOST="localhost"), email="taken@example.org")
    assert (again.status_code, again["Location"]) == (first.status_code, first["Location"])
    assert User.objects.filter(email="taken@example.org").count() == 1
    [message] = mail.outbox  # the owner of the address hears of it, the visitor does not
    assert message.to == ["taken@example.org"]


def test_password_reset_link_works_once(client):
    user = User.objects.create_user("x", "reset@example.org", PASSWORD)
    user.emailaddress_set.create(email=user.email, verified=True, primary=True)
    client.post("/nl/account/password/reset/", {"email": "reset@example.org"})
    link = link_in(mail.outbox[0])
    form = client.get(link, follow=True)
    new = "Another-Long-Passphrase-2027"
    done = client.post(
        form.redirect_chain[-1][0] if form.redirect_chain else link, {"password1": new, "password2": new}
    )
    assert done.status_code == 302
    user.refresh_from_db()
    assert user.check_password(new)
    reused = client.get(link, follow=True)
    assert "password1" not in reused.content.decode()


@pytest.mark.parametrize(
    "password", ["kort-12", "1234567890123", "password1234", "learner@example.org", "Learner-Example"]
)
def test_a_weak_password_is_refused_at_sign_up(client, password):
    """Too short, all digits, a common password, or too like the e-mail address: refused with a message."""
    response = sign_up(client, password1=password, password2=password)
    assert response.status_code == 200
    assert 'id="id_password1_error"' in response.content.decode()
    assert not User.objects.exists()


def test_a_reset_request_answers_the_same_for_an_unknown_address(client):
    """The reset form tells nobody whether an address has an account; only an owner gets a link."""
    verified_user("known@example.org")
    known = client.post("/nl/account/password/reset/", {"email": "known@example.org"})
    unknown = client.post("/nl/account/password/reset/", {"email": "nobody@example.org"})
    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])
    assert [message.to for message in mail.outbox][0] == ["known@example.org"]
    assert "/password/reset/key/" not in "".join(message.body for message in mail.outbox[1:])


def test_a_failed_login_says_the_same_for_an_unknown_address_and_a_wrong_password(client):
    verified_user("known@example.org")
    wrong = client.post("/nl/account/login/", {"login": "known@example.org", "password": "Not-The-One-2026"})
    unknown = client.post(
        "/nl/account/login/", {"login": "nobody@example.org", "password": "Not-The-One-2026"}
    )

    def errors(response):
        return response.context["form"].non_field_errors(), response.context["form"].errors.get("login")

    assert (
        (wrong.status_code, errors(wrong)) == (unknown.status_code, errors(unknown)) == (200, errors(wrong))
    )
    assert errors(wrong)[0]


@pytest.mark.parametrize("name", ['<img src="/etc/passwd">', "Jan{{ 7*7 }}", "Jan\x1bJansen"])
def test_markup_in_the_certificate_name_is_refused(client, name):
    """(A NUL byte never reaches the form: tests/test_hostile_requests.py.)"""
    response = sign_up(client, name=name)
    assert response.status_code == 200
    assert not User.objects.exists()
    assert 'id="id_certificate_name_error"' in response.content.decode()


def test_an_invalid_register_number_is_refused(client):
    response = sign_up(client, register_number="12; DROP TABLE")
    assert response.status_code == 200
    assert not LearnerProfile.objects.exists()


def test_the_profile_can_be_changed(client):
    user = User.objects.create_user("x", "p@example.org", PASSWORD)
    client.force_login(user)
    client.post(
        "/nl/learning/profile/",
        {"certificate_name": "Prof. dr. W. Oyen", "profession": "", "register_number": ""},
    )
    assert LearnerProfile.objects.get(user=user).certificate_name == "Prof. dr. W. Oyen"


@pytest.mark.parametrize("name", ["J" * 121, "<b>Jansen</b>", ""])
def test_a_bad_profile_name_is_refused_and_nothing_changes(client, name):
    user = User.objects.create_user("x", "p@example.org", PASSWORD)
    LearnerProfile.objects.create(user=user, certificate_name="dr. J. Jansen")
    client.force_login(user)
    response = client.post(
        "/nl/learning/profile/",
        {"certificate_name": name, "profession": "", "register_number": "19012345601"},
    )
    assert response.status_code == 200
    assert 'id="id_certificate_name_error"' in response.content.decode()
    profile = LearnerProfile.objects.get(user=user)
    assert (profile.certificate_name, profile.register_number) == ("dr. J. Jansen", "")


def verified_user(email="fysicus@example.org", username="fysicus", **extra):
    user = User.objects.create_user(username, email, PASSWORD, **extra)
    user.emailaddress_set.create(email=email, verified=True, primary=True)
    return user


def test_wrong_passwords_lock_the_login_of_that_account_from_that_address(client, settings):
    verified_user()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        wrong = client.post("/nl/account/login/", {"login": "fysicus@example.org", "password": "wrong-guess"})
        assert wrong.status_code == 200
    locked = client.post("/nl/account/login/", {"login": "fysicus@example.org", "password": "wrong-guess"})
    assert locked.status_code == 429
    assert "15 minuten" in locked.content.decode()
    assert "fysicus@example.org" not in locked.content.decode().lower()
    # The right password, in other capitals, is refused too (allauth's own limit answers first now).
    again = client.post("/nl/account/login/", {"login": "FYSICUS@example.org", "password": PASSWORD})
    assert again.status_code in (200, 429) and "Te veel" in again.content.decode()
    assert client.get("/nl/learning/").status_code == 302  # the right password did not get in
    elsewhere = client.post(
        "/nl/account/login/", {"login": "fysicus@example.org", "password": PASSWORD}, REMOTE_ADDR="10.0.0.9"
    )
    assert elsewhere.status_code == 302  # the owner, from another address, is not locked out


def test_a_locked_account_can_log_in_again_after_the_cool_off(client, settings):
    import datetime

    from axes.models import AccessAttempt

    verified_user()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/nl/account/login/", {"login": "fysicus@example.org", "password": "wrong-guess"})
    # The cool-off has passed (and with it allauth's own short-term limit, kept in the cache).
    AccessAttempt.objects.update(attempt_time=datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC))
    empty(cache)
    response = client.post("/nl/account/login/", {"login": "fysicus@example.org", "password": PASSWORD})
    assert response.status_code == 302


def test_the_admin_login_is_locked_the_same_way(client, settings):
    verified_user(username="redacteur", is_staff=True)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/admin/login/", {"username": "redacteur", "password": "wrong-guess"})
    locked = client.post("/admin/login/", {"username": "Redacteur", "password": PASSWORD})
    assert locked.status_code == 429


def test_a_session_ends_after_its_hours(settings):
    assert settings.SESSION_COOKIE_AGE == 12 * 60 * 60
    assert not settings.SESSION_EXPIRE_AT_BROWSER_CLOSE
