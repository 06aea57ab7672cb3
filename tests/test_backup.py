"""Backup and restore: a backup restores into an empty database with every page, answer, certificate and seat.

The round trips restore in a second process, as an operator would, into a database
and media folder that did not exist before. On SQLite the in-memory test database is
copied through SQLite's backup API, which needs committed data: those tests are
transactional too.
"""

import datetime
import io
import json
import os
import sqlite3
import subprocess
import sys
import tarfile
import uuid
from contextlib import closing
from urllib.parse import quote

import pytest
from django.conf import settings as django_settings
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.utils import timezone
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page

from committee.models import Membership, Person
from home.models import Competency
from learning.models import Certificate, QuizAttempt
from surveys.models import Response

from .factories import make_committee, make_standard_page
from .learning_factories import enrol, finish_lessons, make_course, make_learner, right_answers
from .survey_factories import make_survey

sqlite_only = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="the SQLite path of backup and restore"
)


def make_site_content():
    """A page, a submitted response, a certificate, a committee seat, a document and an image."""
    page = make_standard_page(title="Backup proef")
    survey = make_survey()
    response = Response.start(survey, "nl")
    rating = {
        "competency": Competency.objects.get(code="radiation-protection"),
        "question": "q",
        "current": 1,
        "required_now": 3,
        "required_future": 4,
    }
    response.submit({"stakeholder_group": "care_provider", "profession": "clinical_physicist"}, [], [rating])
    enrolment = enrol(make_learner(name="dr. A. Backup"), make_course())
    finish_lessons(enrolment)
    QuizAttempt.start(enrolment).submit(right_answers(enrolment.course))
    certificate = enrolment.complete()
    committee = make_committee()
    membership = Membership.objects.create(
        committee=committee,
        person=Person.objects.create(name="Prof. M. Restore"),
        role="chair",
        seat_category="academia",
        stakeholder_group="research",
        term_start=timezone.localdate() - datetime.timedelta(days=30),
    )
    document = Document.objects.create(
        title="Notulen", file=ContentFile(b"Minutes of the backup meeting\n" * 1000, name="notulen.txt")
    )
    image = Image.objects.create(title="Logo", file=get_test_image_file())
    assert certificate is not None and response.pk and image.pk
    return {
        "page": page,
        "response": Response.objects.get(pk=response.pk),
        "certificate": certificate,
        "membership": membership,
        "document": document,
    }


def expected_rows():
    """What the restored database must hold, read from the database that was backed up."""
    return {
        "pages": sorted(Page.objects.values_list("id", "title")),
        "responses": sorted(Response.objects.values_list("id", "status")),
        "certificates": sorted(Certificate.objects.values_list("verification_code", "learner_name")),
        "memberships": sorted(
            Membership.objects.values_list("id", "person__name", "committee__title", "role")
        ),
        "documents": sorted(Document.objects.values_list("id", "file")),
    }


# Run in the restored site's process: the same rows as expected_rows(), as JSON on the last line.
RESTORED_ROWS = """
import json
from wagtail.documents.models import Document
from wagtail.models import Page
from committee.models import Membership
from learning.models import Certificate
from surveys.models import Response
print(json.dumps({
    "pages": sorted(Page.objects.values_list("id", "title")),
    "responses": sorted(Response.objects.values_list("id", "status")),
    "certificates": sorted(Certificate.objects.values_list("verification_code", "learner_name")),
    "memberships": sorted(Membership.objects.values_list("id", "person__name", "committee__title", "role")),
    "documents": sorted(Document.objects.values_list("id", "file")),
}))
"""


def as_json(rows):
    return json.loads(json.dumps(rows))  # tuples become lists, as they come back from the other process


def site_env(database_url, media_root):
    """The restored site's environment. The test settings pin MEDIA_ROOT to the shared test folder,
    so the second process uses the development settings (debug off), which read it from here."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
        "DEBUG": "false",
        "DATABASE_URL": database_url,
        "MEDIA_ROOT": str(media_root),
        "REDIS_URL": "",
    }


def manage(*args, env):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=django_settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def backup(folder):
    out = io.StringIO()
    call_command("backup", str(folder), stdout=out)
    return out.getvalue()


def postgres(program, *args):
    """createdb or dropdb on the test database's server, as its user."""
    database = connection.settings_dict
    where = [
        "-h",
        database["HOST"] or "127.0.0.1",
        "-p",
        str(database["PORT"] or 5432),
        "-U",
        database["USER"],
    ]
    env = {**os.environ, "PGPASSWORD": database["PASSWORD"] or ""}
    subprocess.run([program, *where, *args], check=True, capture_output=True, env=env)


def postgres_url(name):
    database = connection.settings_dict
    login = quote(database["USER"]) + (f":{quote(database['PASSWORD'])}" if database["PASSWORD"] else "")
    return f"postgres://{login}@{database['HOST'] or '127.0.0.1'}:{database['PORT'] or 5432}/{name}"


@pytest.mark.services
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_postgresql_backup_restores_into_an_empty_database(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    content = make_site_content()
    expected = as_json(expected_rows())
    summary = backup(tmp_path / "backup")
    manifest = json.loads((tmp_path / "backup" / "manifest.json").read_text())
    assert manifest["vendor"] == "postgresql" and "pages" in summary
    assert manifest["counts"]["certificates"] == 1 and manifest["counts"]["memberships"] == 1
    assert manifest["media"]["files"] == 2  # the document and the image

    name = f"nmep_restore_{uuid.uuid4().hex[:8]}"
    env = site_env(postgres_url(name), tmp_path / "restored-media")
    postgres("createdb", name)
    try:
        restored = manage("restore", str(tmp_path / "backup"), env=env)
        assert restored.returncode == 0, restored.stderr + restored.stdout
        assert "Every count matches the backup." in restored.stdout
        shell = manage("shell", "-c", RESTORED_ROWS, env=env)
        assert shell.returncode == 0, shell.stderr
        found = json.loads(shell.stdout.strip().splitlines()[-1])
    finally:
        postgres("dropdb", "--if-exists", "--force", name)

    assert found == expected
    assert [content["page"].pk, "Backup proef"] in found["pages"]
    assert [content["response"].pk, "submitted"] in found["responses"]
    assert found["certificates"] == [[content["certificate"].verification_code, "dr. A. Backup"]]
    assert found["memberships"] == [[content["membership"].pk, "Prof. M. Restore", "Veldcommissie", "chair"]]
    document = content["document"]
    restored_file = tmp_path / "restored-media" / document.file.name
    assert restored_file.read_bytes() == (tmp_path / "media" / document.file.name).read_bytes()
    assert restored_file.read_bytes().startswith(b"Minutes of the backup meeting")


@sqlite_only
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_sqlite_backup_restores_into_a_fresh_file(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    content = make_site_content()
    expected = expected_rows()
    backup(tmp_path / "backup")
    target = tmp_path / "restored.sqlite3"
    restored = manage(
        "restore", str(tmp_path / "backup"), env=site_env(f"sqlite:///{target}", tmp_path / "restored-media")
    )
    assert restored.returncode == 0, restored.stderr + restored.stdout
    assert "Every count matches the backup." in restored.stdout

    with closing(sqlite3.connect(target)) as db:
        pages = sorted(db.execute(f"SELECT id, title FROM {Page._meta.db_table}"))
        responses = sorted(db.execute(f"SELECT id, status FROM {Response._meta.db_table}"))
        codes = [row[0] for row in db.execute(f"SELECT verification_code FROM {Certificate._meta.db_table}")]
        seats = list(
            db.execute(
                f"SELECT m.id, p.name, m.role FROM {Membership._meta.db_table} m "
                f"JOIN {Person._meta.db_table} p ON p.id = m.person_id"
            )
        )
        files = list(db.execute(f"SELECT file FROM {Document._meta.db_table}"))
    assert pages == expected["pages"] and (content["page"].pk, "Backup proef") in pages
    assert responses == expected["responses"] and (content["response"].pk, "submitted") in responses
    assert codes == [content["certificate"].verification_code]
    assert seats == [(content["membership"].pk, "Prof. M. Restore", "chair")]
    document = content["document"]
    assert files == [(document.file.name,)]
    original = (tmp_path / "media" / document.file.name).read_bytes()
    assert (tmp_path / "restored-media" / document.file.name).read_bytes() == original


@sqlite_only
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_count_that_differs_from_the_manifest_fails_the_restore(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    backup(tmp_path / "backup")
    manifest_file = tmp_path / "backup" / "manifest.json"
    manifest = json.loads(manifest_file.read_text())
    manifest["counts"]["certificates"] += 1
    manifest_file.write_text(json.dumps(manifest))
    target = tmp_path / "restored.sqlite3"
    env = site_env(f"sqlite:///{target}", tmp_path / "restored-media")

    restored = manage("restore", str(tmp_path / "backup"), env=env)

    assert restored.returncode != 0
    wrong = manifest["counts"]["certificates"]
    assert (
        f"The restore does not match the backup: certificates (backup {wrong}, restored {wrong - 1})."
        in restored.stderr
    )
    assert [line.split()[0] for line in restored.stdout.splitlines() if "DIFFERS" in line] == ["certificates"]


def fake_backup(folder, members=(), vendor=None):
    """A backup folder by hand; its database dump is rubbish, so restoring it could never succeed."""
    folder.mkdir(parents=True)
    manifest = {"vendor": vendor or connection.vendor, "counts": {}, "media": {"files": 0, "bytes": 0}}
    (folder / "manifest.json").write_text(json.dumps(manifest))
    (folder / "database.dump").write_bytes(b"not a database dump")
    with tarfile.open(folder / "media.tar.gz", "w:gz") as archive:
        for member, data in members:
            archive.addfile(member, io.BytesIO(data))
    return folder


def member(name, data=b"", kind=tarfile.REGTYPE, link=""):
    info = tarfile.TarInfo(name)
    info.type, info.linkname, info.size = kind, link, len(data) if kind == tarfile.REGTYPE else 0
    return info, data


@pytest.mark.django_db
def test_restore_refuses_a_database_that_already_has_tables(tmp_path):
    page = make_standard_page(title="Still here")
    folder = fake_backup(tmp_path / "backup")
    with pytest.raises(CommandError, match=r"already has \d+ tables.*--force"):
        call_command("restore", str(folder), stdout=io.StringIO())
    assert Page.objects.get(pk=page.pk).title == "Still here"


@pytest.mark.django_db
def test_restore_refuses_a_backup_of_another_database_vendor(tmp_path):
    folder = fake_backup(tmp_path / "backup", vendor="oracle")
    with pytest.raises(
        CommandError, match=f"backup is of a oracle database; this site uses {connection.vendor}"
    ):
        call_command("restore", str(folder), "--force", stdout=io.StringIO())


@pytest.mark.parametrize(
    "hostile",
    [
        lambda outside: member("../evil.txt", b"escaped"),
        lambda outside: member("documents/../../evil.txt", b"escaped"),
        lambda outside: member(str(outside / "evil.txt"), b"escaped"),
        lambda outside: member("documents/evil.txt", kind=tarfile.SYMTYPE, link=str(outside / "evil.txt")),
    ],
    ids=["parent", "parent-inside-a-folder", "absolute", "symlink"],
)
@pytest.mark.django_db
def test_a_hostile_media_archive_is_refused_and_writes_nothing(tmp_path, settings, hostile):
    storage_root = tmp_path / "site" / "media"
    settings.MEDIA_ROOT = storage_root
    outside = tmp_path / "site"
    folder = fake_backup(
        tmp_path / "backup", members=[member("documents/fine.txt", b"fine"), hostile(outside)]
    )
    # --force gets past the tables check; the archive is checked before the (rubbish) dump is touched.
    with pytest.raises(CommandError, match="is unsafe"):
        call_command("restore", str(folder), "--force", stdout=io.StringIO())
    assert not list(tmp_path.rglob("evil.txt"))
    assert not storage_root.exists() or not [p for p in storage_root.rglob("*") if p.is_file()]


@pytest.mark.django_db
def test_backup_refuses_a_folder_that_holds_a_backup_and_leaves_it_alone(tmp_path):
    folder = tmp_path / "backup"
    folder.mkdir()
    (folder / "manifest.json").write_text('{"vendor": "kept"}')
    with pytest.raises(CommandError, match="already contains a backup"):
        backup(folder)
    assert sorted(p.name for p in folder.iterdir()) == ["manifest.json"]
    assert (folder / "manifest.json").read_text() == '{"vendor": "kept"}'


@pytest.mark.django_db
def test_backup_refuses_a_folder_inside_the_media_it_copies(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    (tmp_path / "media").mkdir()
    with pytest.raises(CommandError, match="inside the media folder"):
        backup(tmp_path / "media" / "backups")
    assert not (tmp_path / "media" / "backups").exists()


@sqlite_only
@pytest.mark.django_db
def test_an_sqlite_backup_inside_a_transaction_is_refused_instead_of_waiting_forever(tmp_path):
    # The test's own transaction is open: SQLite's backup API would wait for it without end.
    with pytest.raises(CommandError, match="outside a transaction"):
        backup(tmp_path / "backup")
    assert not (tmp_path / "backup" / "manifest.json").exists()
