"""Write a backup of the site into a folder: the database, every media file and a manifest.

A backup is only worth something if it restores, so this writes exactly what
``manage.py restore`` needs and the numbers to check it by: ``database.dump``
(PostgreSQL's custom format from ``pg_dump``, or a consistent copy of the
SQLite file through SQLite's backup API), ``media.tar.gz`` (every file of the
default storage, read through the storage so that local disks and S3 object
storage are backed up alike) and ``manifest.json`` (when, which database, the
migration state and the counts of what matters: pages, questionnaire
responses, certificates, committee memberships, users, documents, images and
media files). The counts and the dump come from one snapshot of the database,
so a site that keeps taking answers during the backup still restores to
exactly the manifest's numbers. The manifest is written last: a folder with a
manifest holds a finished backup.
"""

import datetime
import json
import os
import posixpath
import sqlite3
import subprocess
import tarfile
from contextlib import closing, contextmanager
from pathlib import Path

import django
from django.apps import apps
from django.conf import settings
from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.db.migrations.recorder import MigrationRecorder
from wagtail.documents import get_document_model_string
from wagtail.images import get_image_model_string

DATABASE = "database.dump"
MEDIA = "media.tar.gz"
MANIFEST = "manifest.json"
FILES = (DATABASE, MEDIA, MANIFEST)


def counted_models():
    """What a restore must bring back, by name in the manifest: model labels, so home imports no app."""
    return {
        "pages": "wagtailcore.Page",
        "responses": "surveys.Response",
        "certificates": "learning.Certificate",
        "memberships": "committee.Membership",
        "users": settings.AUTH_USER_MODEL,
        "documents": get_document_model_string(),
        "images": get_image_model_string(),
    }


def counts():
    """Rows of each counted model, through the base manager so that no default filter hides any."""
    return {name: apps.get_model(label)._base_manager.count() for name, label in counted_models().items()}


def latest_migrations():
    """The latest applied migration of each app, e.g. {"learning": "0012_certificate_revoked"}."""
    latest = {}
    for app, name in MigrationRecorder(connection).applied_migrations():
        latest[app] = max(name, latest.get(app, name))
    return dict(sorted(latest.items()))


def postgres_client(program, *args):
    """A pg_dump or pg_restore command line for Django's database, and its environment.

    The password travels in PGPASSWORD, never on the command line, where other users could read it.
    """
    database = connection.settings_dict
    command = [program, "--no-owner", "--no-acl", *args]
    for option, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if database.get(key):
            command.append(f"{option}={database[key]}")
    env = dict(os.environ)
    if database.get("PASSWORD"):
        env["PGPASSWORD"] = str(database["PASSWORD"])
    if database.get("OPTIONS", {}).get("sslmode"):
        env["PGSSLMODE"] = database["OPTIONS"]["sslmode"]
    return command, env


def run_client(command, env):
    try:
        result = subprocess.run(command, env=env, capture_output=True, text=True)
    except FileNotFoundError as error:
        raise CommandError(
            f"{command[0]} is not installed: install the PostgreSQL client tools "
            "(the server's major version or newer)."
        ) from error
    if result.returncode != 0:
        raise CommandError(f"{command[0]} failed (exit {result.returncode}): {result.stderr.strip()}")


@contextmanager
def one_snapshot():
    """Hold one view of the database for the counts and the dump; yields PostgreSQL's snapshot id.

    pg_dump joins the exported snapshot, so it dumps what the counts counted. Inside a
    transaction that is already open (a test's), there is no snapshot to export: pg_dump
    then sees what is committed. SQLite's copy comes from this same connection and
    read transaction, so it is the view counted.
    """
    nested = connection.in_atomic_block
    if connection.vendor == "sqlite" and not nested:
        # A plain read transaction: Django's atomic() begins IMMEDIATE on SQLite (cms.settings),
        # and SQLite's backup API waits forever on a connection that holds the write lock.
        with connection.cursor() as cursor:
            cursor.execute("BEGIN DEFERRED")
        try:
            yield None
        finally:
            with connection.cursor() as cursor:
                cursor.execute("COMMIT")
        return
    with transaction.atomic():
        snapshot = None
        if connection.vendor == "postgresql" and not nested:
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                cursor.execute("SELECT pg_export_snapshot()")
                snapshot = cursor.fetchone()[0]
        yield snapshot


def dump_postgres(path, snapshot):
    args = [
        "--format=custom",
        f"--file={path}",
        f"--dbname={connection.settings_dict['NAME']}",
    ]
    if snapshot:
        args.append(f"--snapshot={snapshot}")
    run_client(*postgres_client("pg_dump", *args))


def dump_sqlite(path):
    """Copy the live database page by page (SQLite's backup API); works for an in-memory database too."""
    with closing(sqlite3.connect(path)) as target:
        connection.connection.backup(target)


def check_sqlite_can_be_copied():
    # SQLite's backup API waits forever for a write transaction of its own connection to end.
    connection.ensure_connection()
    if connection.in_atomic_block or connection.connection.in_transaction:
        raise CommandError("An SQLite database can only be backed up outside a transaction.")


def media_files(storage, folder=""):
    """Every file name in the storage: listdir answers alike for local folders and object storage."""
    folders, files = storage.listdir(folder)
    for name in sorted(files):
        yield posixpath.join(folder, name)
    for name in sorted(folders):
        yield from media_files(storage, posixpath.join(folder, name))


def modified_time(storage, name):
    try:
        return storage.get_modified_time(name).timestamp()
    except (NotImplementedError, OSError):
        return datetime.datetime.now().timestamp()


def archive_media(path, storage=default_storage):
    """Copy every media file into a gzipped tar in chunks; returns (files, bytes).

    A local file is read chunk by chunk. django-storages' S3 file first downloads the object into a
    spooled temporary file, kept in memory up to AWS_S3_MAX_MEMORY_SIZE (its default, 0, means no
    limit), so a large bucket wants that setting.
    """
    count = size = 0
    with tarfile.open(path, "w:gz") as archive:
        try:
            names = list(media_files(storage))
        except FileNotFoundError:  # a local media folder that was never made: no uploads yet
            names = []
        for name in names:
            member = tarfile.TarInfo(name)
            member.size = storage.size(name)
            member.mtime = modified_time(storage, name)
            member.mode = 0o644
            with storage.open(name, "rb") as source:
                archive.addfile(member, source)
            count += 1
            size += member.size
    return count, size


def media_root():
    """The local media folder, or None for storage without one (object storage)."""
    try:
        return Path(default_storage.path("")).resolve()
    except NotImplementedError:
        return None


def prepare(folder):
    root = media_root()
    if root and folder.resolve().is_relative_to(root):
        raise CommandError(f"{folder} is inside the media folder, which the backup copies: choose another.")
    existing = [name for name in FILES if (folder / name).exists()]
    if existing:
        raise CommandError(
            f"{folder} already contains a backup ({', '.join(existing)}): choose a new folder."
        )
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    for name in FILES:
        (folder / name).touch(mode=0o600)  # personal data: readable by this account only


def write_backup(folder):
    """Dump the database, archive the media and return the manifest (not yet written)."""
    if connection.vendor == "sqlite":
        check_sqlite_can_be_copied()
    elif connection.vendor != "postgresql":
        raise CommandError(f"Backups support PostgreSQL and SQLite, not {connection.vendor}.")
    with one_snapshot() as snapshot:
        numbers = counts()
        migrations = latest_migrations()
        if connection.vendor == "postgresql":
            dump_postgres(folder / DATABASE, snapshot)
        else:
            dump_sqlite(folder / DATABASE)
    files, size = archive_media(folder / MEDIA)
    return {
        "format": 1,
        "created_at": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "vendor": connection.vendor,
        "django": django.get_version(),
        "migrations": migrations,
        "counts": numbers,
        "media": {"files": files, "bytes": size},
    }


def readable(size):
    """1234567 -> '1.2 MB'."""
    for unit in ("bytes", "kB", "MB", "GB"):
        if size < 1000 or unit == "GB":
            return f"{size} {unit}" if unit == "bytes" else f"{size:.1f} {unit}"
        size /= 1000


class Command(BaseCommand):
    help = "Back up the database and every media file into a new folder, with a manifest to check a restore."

    def add_arguments(self, parser):
        parser.add_argument(
            "folder", metavar="DIR", help="Folder to write into (made if missing; must not hold a backup)."
        )

    def handle(self, *args, folder, **options):
        folder = Path(folder)
        prepare(folder)
        try:
            manifest = write_backup(folder)
            (folder / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
        except BaseException:
            for name in FILES:  # a half-written backup must not pass for one, nor block the next try
                (folder / name).unlink(missing_ok=True)
            raise
        self.report(folder, manifest)

    def report(self, folder, manifest):
        media = manifest["media"]
        self.stdout.write(f"Backup written to {folder}:")
        self.stdout.write(
            f"  {DATABASE}  {readable((folder / DATABASE).stat().st_size)} ({manifest['vendor']})"
        )
        self.stdout.write(
            f"  {MEDIA}  {readable((folder / MEDIA).stat().st_size)} "
            f"({media['files']} files, {readable(media['bytes'])})"
        )
        self.stdout.write("  " + ", ".join(f"{name} {n}" for name, n in manifest["counts"].items()))
        self.stdout.write(self.style.SUCCESS("Copy the folder off this machine."))
