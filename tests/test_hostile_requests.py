"""Requests no browser sends: NUL bytes in the path, the query string, a cookie or a posted field.

PostgreSQL refuses a NUL inside a string literal, so any of them reaching a database lookup
(a token in the URL, a page slug, a session key, a failed login's name) was a 500 there
while SQLite answered 404. The site answers 400 before any view or middleware looks them up.
"""

import pytest
from django.conf import settings
from django.contrib.auth.models import User

pytestmark = pytest.mark.django_db

HOSTILE_PATHS = [
    "/nl/newsletter/confirm/abc%00def/",
    "/nl/newsletter/unsubscribe/abc%00def/",
    "/nl/learning/verify/ABCD%00EFGH/",
    "/nl/learning/certificates/ABCD%00EFGH/pdf/",
    "/nl/nieuws%00/",
    "/nl/no-such-page%00/",
    "/documents/1/x%00.pdf",
]


@pytest.mark.parametrize("path", HOSTILE_PATHS)
def test_a_nul_byte_in_the_path_is_a_bad_request(client, path):
    response = client.get(path)
    assert response.status_code == 400
    assert b"\x00" not in response.content


@pytest.mark.parametrize(
    "path", ["/nl/search/?query=a%00b", "/nl/learning/verify/?code=AB%00CD", "/nl/?q%00=1"]
)
def test_a_nul_byte_in_the_query_string_is_a_bad_request(client, path):
    assert client.get(path).status_code == 400


def test_a_nul_byte_in_the_session_cookie_is_a_bad_request(client):
    client.cookies[settings.SESSION_COOKIE_NAME] = "abcdefgh\x00ijklmnop"
    assert client.get("/nl/").status_code == 400


def test_a_nul_byte_in_a_failed_login_name_is_a_bad_request(client):
    response = client.post("/nl/account/login/", {"login": "jan\x00@example.org", "password": "wrong"})
    assert response.status_code == 400


def test_an_ordinary_request_passes(client):
    assert client.get("/nl/search/?query=kernfysica").status_code == 200


def test_a_nul_byte_in_a_sign_up_stores_no_account(client):
    data = {"email": "a@example.org", "password1": "Isotopes-2026-x", "password2": "Isotopes-2026-x"}
    response = client.post("/nl/account/signup/", {**data, "certificate_name": "Jan\x00Jansen"})
    assert response.status_code == 400
    assert not User.objects.exists()
