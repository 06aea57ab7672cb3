"""Restore a backup made by ``manage.py backup`` into the configured database and media storage.

Meant for an empty database (a new server, a lost one, a rehearsal): it
refuses a database that already has tables unless ``--force``, and a backup of
another database vendor. Everything that can be checked is checked before
anything is written: the manifest, the database and every member of the media
archive, so that a damaged or hostile archive (a name that is absolute or climbs
out with ``..``, a link) writes nothing at all. Then the database is restored
(``pg_restore`` in one transaction, or SQLite's backup API), the media files are
saved through the default storage (local folder or object storage alike), and
the restored counts are compared with the manifest's: any difference fails the
command.
"""

import json
import sqlite3
import tarfile
from contextlib import closing
from pathlib import Path, PurePosixPath

from django.core.files import File
from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from .backup import DATABASE, MANIFEST, MEDIA, counts, latest_migrations, postgres_client, run_client


def read_manifest(folder):
    for name in (MANIFEST, DATABASE, MEDIA):
        if not (folder / name).is_file():
            raise CommandError(f"{folder} holds no complete backup: {name} is missing.")
    try:
        return json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except ValueError as error:
        raise CommandError(f"{folder / MANIFEST} is not valid JSON: {error}") from error


def check_database(manifest, force):
    if manifest.get("vendor") != connection.vendor:
        raise CommandError(
            f"The backup is of a {manifest.get('vendor')} database; this site uses {connection.vendor}."
        )
    tables = connection.introspection.table_names()
    if tables and not force:
        raise CommandError(
            f"The database already has {len(tables)} tables. Restore into an empty database, "
            "or pass --force to replace what the backup holds."
        )


def unsafe(member):
    """Why a tar member must not be written, or None: only plain files and folders inside the storage."""
    path = PurePosixPath(member.name)
    if path.is_absolute() or ".." in path.parts or "\\" in member.name:
        return "its name leaves the storage"
    if not (member.isfile() or member.isdir()):
        return "it is not a plain file"
    return None


def plan_media(archive, storage, force):
    """The files to save, after checking every member; refuses the whole archive on one bad member.

    A file already in the storage with the same size is kept (a bucket that survived); one of
    another size is replaced only with --force.
    """
    files, kept = [], []
    for member in archive.getmembers():
        reason = unsafe(member)
        if reason:
            raise CommandError(f"Refusing {MEDIA}: member {member.name!r} is unsafe ({reason}).")
        if member.isdir():
            continue
        if storage.exists(member.name):
            if storage.size(member.name) == member.size:
                kept.append(member)
                continue
            if not force:
                raise CommandError(
                    f"Media file {member.name} already exists with other content: "
                    "restore into an empty storage, or pass --force to replace it."
                )
        files.append(member)
    return files, kept


def restore_postgres(path, force):
    args = ["--exit-on-error", "--single-transaction", f"--dbname={connection.settings_dict['NAME']}"]
    if force:
        args += ["--clean", "--if-exists"]
    run_client(*postgres_client("pg_restore", *args, str(path)))


def restore_sqlite(path):
    """Copy the dump into the configured database through SQLite's backup API (replacing all it holds)."""
    connection.ensure_connection()
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as source:
        source.backup(connection.connection)


def save_media(archive, members, storage):
    for member in members:
        if storage.exists(member.name):  # only with --force: replace, never save beside it
            storage.delete(member.name)
        with archive.extractfile(member) as source:
            content = File(source, name=member.name)
            content.size = member.size  # the archive's own name would otherwise be measured
            saved = storage.save(member.name, content)
        if saved != member.name:
            raise CommandError(f"The storage saved {member.name} as {saved}: the database would not find it.")


def compare(manifest, restored):
    """Rows of (name, in the manifest, restored) for every count the manifest or the database has."""
    names = list(dict.fromkeys([*manifest, *restored]))
    return [(name, manifest.get(name), restored.get(name)) for name in names]


class Command(BaseCommand):
    help = "Restore a backup folder (from manage.py backup) into an empty database and the media storage."

    def add_arguments(self, parser):
        parser.add_argument("folder", metavar="DIR", help="The backup folder.")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Restore even though the database has tables (replacing the backup's tables) "
            "and replace media files of other content.",
        )

    def handle(self, *args, folder, force=False, **options):
        folder = Path(folder)
        manifest = read_manifest(folder)
        check_database(manifest, force)
        with tarfile.open(folder / MEDIA, "r:gz") as archive:
            files, kept = plan_media(archive, default_storage, force)
            self.stdout.write(f"Restoring {DATABASE} into the {connection.vendor} database ...")
            if connection.vendor == "postgresql":
                restore_postgres(folder / DATABASE, force)
            else:
                restore_sqlite(folder / DATABASE)
            self.stdout.write(f"Restoring {len(files)} media files ({len(kept)} already in the storage) ...")
            save_media(archive, files, default_storage)
        media = {"files": len(files) + len(kept), "bytes": sum(m.size for m in files + kept)}
        self.check_counts(manifest, media)
        self.check_migrations(manifest)

    def check_counts(self, manifest, media):
        restored = {**counts(), "media files": media["files"], "media bytes": media["bytes"]}
        expected = {
            **manifest.get("counts", {}),
            "media files": manifest.get("media", {}).get("files"),
            "media bytes": manifest.get("media", {}).get("bytes"),
        }
        rows = compare(expected, restored)
        width = max(len(name) for name, _, _ in rows)
        self.stdout.write(f"{'':{width}}  {'backup':>12}  {'restored':>12}")
        for name, want, got in rows:
            mark = "" if want == got else "  DIFFERS"
            self.stdout.write(f"{name:{width}}  {want!s:>12}  {got!s:>12}{mark}")
        differ = [f"{name} (backup {want}, restored {got})" for name, want, got in rows if want != got]
        if differ:
            raise CommandError("The restore does not match the backup: " + "; ".join(differ) + ".")
        self.stdout.write(self.style.SUCCESS("Every count matches the backup."))

    def check_migrations(self, manifest):
        if latest_migrations() != manifest.get("migrations"):
            raise CommandError("The restored migration state differs from the backup's manifest.")
        executor = MigrationExecutor(connection)
        pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
        if pending:
            self.stdout.write(
                self.style.WARNING(
                    f"This code has {len(pending)} migrations the backup lacks: "
                    "run `python manage.py migrate`."
                )
            )
