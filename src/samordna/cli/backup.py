"""`samordna backup FILE` and `samordna restore FILE`: a consistent copy of the whole database.

SQLite: the online backup API copies the database page by page while the app keeps running,
so the copy is consistent even in the middle of a save. PostgreSQL: `pg_dump --format=custom`
and `pg_restore --clean`. The routine (what, how often, testing a restore) is in docs/drift.md.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import subprocess
from pathlib import Path
from typing import Any

from samordna.cli import CommandError, setup_django


def register(commands: argparse._SubParsersAction) -> None:
    backup = commands.add_parser(
        "backup",
        help="säkerhetskopiera hela databasen till en fil",
        description="Skriver en konsekvent kopia av hela databasen till FILE medan appen kör "
        "(SQLite: en kopia av databasfilen; PostgreSQL: pg_dump i eget format).",
    )
    backup.add_argument("file", metavar="FILE", help="filen som skrivs (får inte finnas)")
    backup.set_defaults(handler=run_backup)
    restore = commands.add_parser(
        "restore",
        help="återställ databasen från en säkerhetskopia",
        description="Ersätter databasens innehåll med säkerhetskopian i FILE. En databas som "
        "redan har förbund ersätts bara med --replace.",
    )
    restore.add_argument("file", metavar="FILE", help="säkerhetskopian")
    restore.add_argument(
        "--replace", action="store_true", help="ersätt en databas som redan har innehåll"
    )
    restore.set_defaults(handler=run_restore)


def run_backup(args: argparse.Namespace) -> int:
    target = Path(args.file)
    if target.exists():
        raise CommandError(f"{target} finns redan. Välj ett nytt filnamn för kopian.")
    if not target.parent.is_dir():
        raise CommandError(f"Mappen {target.parent} finns inte.")
    setup_django()
    from django.db import connection

    if connection.vendor == "sqlite":
        _sqlite_backup(connection, target)
    else:
        _run(pg_dump_command(connection.settings_dict, target), connection.settings_dict)
    print(f"Säkerhetskopian är skriven till {target} ({target.stat().st_size // 1024} kB).")
    return 0


def run_restore(args: argparse.Namespace) -> int:
    source = Path(args.file)
    if source.exists() and not source.is_file():
        raise CommandError(f"{source} är inte en vanlig fil (utan en mapp eller en enhet).")
    if not source.is_file():
        raise CommandError(f"Filen {source} finns inte.")
    setup_django()
    from django.core.management import call_command
    from django.db import connection

    from samordna.associations.models import Association

    if Association.objects.exists() and not args.replace:
        raise CommandError(
            "Databasen har redan förbund. Lägg till --replace för att ersätta allt med kopian."
        )
    if connection.vendor == "sqlite":
        _sqlite_restore(connection, source)
    else:
        _run(pg_restore_command(connection.settings_dict, source), connection.settings_dict)
    call_command("migrate", interactive=False, verbosity=0)  # a copy from an older version
    print(f"Databasen är återställd från {source}.")
    return 0


def _sqlite_backup(connection: Any, target: Path) -> None:
    connection.ensure_connection()
    with sqlite3.connect(target) as copy:
        connection.connection.backup(copy)
    copy.close()


def _sqlite_restore(connection: Any, source: Path) -> None:
    copy = _open_sqlite_copy(source)
    try:
        connection.ensure_connection()
        copy.backup(connection.connection)
    finally:
        copy.close()


def _open_sqlite_copy(source: Path) -> sqlite3.Connection:
    """The copy, opened read-only, after checking that it is a whole Samordna database."""
    copy = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        ok = copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        tables = {row[0] for row in copy.execute("SELECT name FROM sqlite_master")}
    except sqlite3.DatabaseError:
        ok, tables = False, set()
    if not ok or "associations_association" not in tables:
        copy.close()
        raise CommandError(
            f"{source} är inte en hel säkerhetskopia av Samordna. Inget har ändrats."
        )
    return copy


def _connection_args(database: dict[str, Any]) -> list[str]:
    args = []
    for flag, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if database.get(key):
            args += [flag, str(database[key])]
    return args + ["--dbname", str(database["NAME"])]


def pg_dump_command(database: dict[str, Any], target: Path) -> list[str]:
    return ["pg_dump", "--format=custom", "--no-owner", "--file", str(target)] + _connection_args(
        database
    )


def pg_restore_command(database: dict[str, Any], source: Path) -> list[str]:
    options = ["--clean", "--if-exists", "--no-owner", "--single-transaction"]
    return ["pg_restore", *options, *_connection_args(database), str(source)]


def _run(command: list[str], database: dict[str, Any]) -> None:
    env = dict(os.environ)
    if database.get("PASSWORD"):
        env["PGPASSWORD"] = str(database["PASSWORD"])
    try:
        result = subprocess.run(command, env=env, capture_output=True, text=True)
    except FileNotFoundError as error:
        raise CommandError(
            f"{command[0]} saknas. Installera PostgreSQL-klienten (Debian: postgresql-client)."
        ) from error
    if result.returncode != 0:
        last = (result.stderr.strip().splitlines() or ["okänt fel"])[-1]
        raise CommandError(f"{command[0]} misslyckades: {last}")
