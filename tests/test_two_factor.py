"""Staff accounts need a code from an authenticator app before the admin opens (django-otp, TOTP)."""

import pytest
from django.contrib.auth.models import Group, User
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def two_factor_on(settings):
    settings.STAFF_TWO_FACTOR = True


@pytest.fixture
def editor():
    return User.objects.create_user(
        "editor", "editor@example.org", "x" * 12, is_staff=True, is_superuser=True
    )


def current_code(device):
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


def test_a_staff_account_sets_up_an_authenticator_before_the_admin_opens(client, editor):
    client.force_login(editor)
    first = client.get("/admin/pages/")
    assert first.status_code == 302 and first["Location"] == "/admin/two-factor/?next=/admin/pages/"
    setup = client.get(first["Location"]).content.decode()
    assert "data:image/svg+xml" in setup  # the QR code to scan
    device = TOTPDevice.objects.get(user=editor, confirmed=False)
    wrong = client.post(
        first["Location"], {"code": "000000" if current_code(device) != "000000" else "111111"}
    )
    assert wrong.status_code == 200 and client.get("/admin/pages/").status_code == 302
    # django-otp makes the next try after a wrong code wait a moment; the moment has passed.
    TOTPDevice.objects.filter(pk=device.pk).update(throttling_failure_timestamp=None)
    right = client.post(first["Location"], {"code": current_code(device)})
    assert right["Location"] == "/admin/pages/"
    assert client.get("/admin/pages/").status_code == 200
    device.refresh_from_db()
    assert device.confirmed


def test_the_next_login_asks_for_the_code_without_a_new_qr_code(client, editor):
    device = TOTPDevice.objects.create(user=editor, name="authenticator", confirmed=True)
    client.force_login(editor)
    page = client.get("/admin/two-factor/").content.decode()
    assert "data:image/svg+xml" not in page
    assert client.post("/admin/two-factor/", {"code": current_code(device)}).status_code == 302
    assert client.get("/admin/").status_code == 200


def test_a_code_cannot_be_used_twice(client, editor):
    device = TOTPDevice.objects.create(user=editor, name="authenticator", confirmed=True)
    code = current_code(device)
    client.force_login(editor)
    assert client.post("/admin/two-factor/", {"code": code}).status_code == 302
    client.logout()
    client.force_login(editor)
    assert client.post("/admin/two-factor/", {"code": code}).status_code == 200  # refused: already used


def test_the_code_page_never_sends_anyone_to_another_site(client, editor):
    device = TOTPDevice.objects.create(user=editor, name="authenticator", confirmed=True)
    client.force_login(editor)
    response = client.post("/admin/two-factor/?next=https://evil.example/", {"code": current_code(device)})
    assert response["Location"] == "/admin/"


def test_editors_without_staff_status_are_asked_for_the_code_too(client):
    """Wagtail opens its admin to the Editors and Moderators groups, whatever the staff flag says."""
    for name in ("Editors", "Moderators"):
        user = User.objects.create_user(name.lower(), f"{name.lower()}@example.org", "x" * 12)
        user.groups.add(Group.objects.get(name=name))
        client.force_login(user)
        response = client.get("/admin/pages/")
        assert response.status_code == 302 and response["Location"].startswith("/admin/two-factor/"), name


def test_learners_log_in_with_their_password_only(client):
    learner = User.objects.create_user("learner", "learner@example.org", "x" * 12)
    client.force_login(learner)
    assert client.get("/nl/learning/").status_code == 200


def test_two_factor_can_be_turned_off_for_local_use(client, editor, settings):
    settings.STAFF_TWO_FACTOR = False
    client.force_login(editor)
    assert client.get("/admin/pages/").status_code == 200
