"""The `samordna` command. Each area adds its subcommands from a module in this package.

Exit codes: 0 done, 1 the check found errors, 2 the input could not be used
(a Swedish message on stderr naming row and column; nothing on stdout).
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

from samordna.cli import swedish_help
from samordna.core.findings import InputError
from samordna.core.table import Table
from samordna.tables import TableError, read_table

T = TypeVar("T")
NOTHING_IMPORTED = "Ingenting har importerats."

COMMAND_MODULES = (
    "samordna.cli.allocate",
    "samordna.cli.association",
    "samordna.cli.budget",
    "samordna.cli.actuals",
    "samordna.cli.insats",
    "samordna.cli.followup",
    "samordna.cli.report",
    "samordna.cli.privacy",
    "samordna.cli.demo",
    "samordna.cli.backup",
    "samordna.cli.serve",
    "samordna.cli.user",
    "samordna.cli.population",
    "samordna.cli.check",
)


class CommandError(Exception):
    """Stops a command with a Swedish message on stderr and an exit code (2 unless told)."""

    def __init__(self, message: str, code: int = 2) -> None:
        super().__init__(message)
        self.message = message
        self.code = code


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        raise CommandError(f"Fel i kommandot: {message}")


class _Unread(Exception):
    """A command line the parser of one command could not read (see `parse`)."""


class _OneCommandParser(_Parser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise _Unread(message)


def build_parser() -> argparse.ArgumentParser:
    """The parser of every command."""
    return _parser(COMMAND_MODULES, _Parser)


def parse(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """The command line read. Building the parsers of all commands is most of the work, so when
    the first word names a command module only that module's parser is built; a line it cannot
    read is read again by the parser of every command, which says what is wrong as always."""
    words = list(sys.argv[1:] if argv is None else argv)
    module = f"samordna.cli.{words[0]}" if words else ""
    if module in COMMAND_MODULES:
        try:
            return _parser((module,), _OneCommandParser).parse_args(words)
        except _Unread:
            pass
    return build_parser().parse_args(words)


def _parser(modules: Sequence[str], parser_class: type[_Parser]) -> argparse.ArgumentParser:
    swedish_help.install()
    parser = parser_class(
        prog="samordna",
        description="Samordna: budget, medlemsbidrag och uppföljning för samordningsförbund.",
    )
    commands = parser.add_subparsers(title="kommandon", dest="command", parser_class=parser_class)
    for name in modules:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as error:
            if error.name != name:
                raise
            continue
        module.register(commands)
    return parser


def setup_django() -> None:
    """Prepare Django for commands that use the database (DATABASE_URL or the SQLite file)."""
    import django
    from django.core.exceptions import ImproperlyConfigured

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samordna.settings")
    try:
        django.setup()
    except ImproperlyConfigured as error:
        raise CommandError(str(error)) from error
    _migrate_if_needed()


def association_named(slug: str) -> Any:
    """The förbund with kortnamn `slug`, with Django set up; CommandError when there is none."""
    setup_django()
    from samordna.associations.models import Association

    association = Association.objects.filter(slug=slug).first()
    if association is None:
        raise CommandError(f"Förbundet ”{slug}” finns inte.")
    return association


def table_at(path: str | Path, after: str = "") -> Table:
    """The file's table, or stop with the reader's Swedish message and `after` (exit 2)."""
    try:
        return read_table(path)
    except TableError as error:
        raise CommandError(f"{error} {after}".strip()) from error


def readable(read: Callable[[], T]) -> T:
    """What `read` reads from a file, or stop with the reader's Swedish message (exit 2)."""
    try:
        return read()
    except TableError as error:
        raise CommandError(str(error)) from error


def imported(path: str | Path, run: Callable[[], T]) -> T:
    """Run an all-or-nothing import; a bad file stops with every error, row and column (exit 2)."""
    try:
        return run()
    except InputError as error:
        raise CommandError(f"{path}, {error}\n{NOTHING_IMPORTED}") from error


def _migrate_if_needed() -> None:
    """Bring the database up to date first, so no command meets a missing table."""
    from django.core.management import call_command
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        call_command("migrate", interactive=False, verbosity=0)


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = parse(argv)
        if not getattr(args, "handler", None):
            build_parser().print_help()
            return 0
        code = int(args.handler(args) or 0)
        sys.stdout.flush()
        return code
    except CommandError as error:
        print(error.message, file=sys.stderr)
        return error.code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return _closed_pipe()
    except Exception as error:  # noqa: BLE001 - no traceback ever reaches a user
        if os.environ.get("SAMORDNA_DEBUG") == "1":
            raise
        print(_unexpected(error), file=sys.stderr)
        return 2


def _closed_pipe() -> int:
    """The reader of our output (`| head`) has gone: stop quietly, as other Unix tools do.

    Whatever the command saved before is saved; nothing is said about it on a closed pipe.
    """
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    return 141  # 128 + SIGPIPE, what a shell reports for a closed pipe


def _unexpected(error: Exception) -> str:
    from samordna.busy import is_busy

    if is_busy(error):
        return (
            "Databasen är upptagen: någon annan sparar just nu och den blev inte ledig i tid. "
            "Försök igen om en stund."
        )
    return (
        f"Ett oväntat fel inträffade ({type(error).__name__}). "
        "Kör med SAMORDNA_DEBUG=1 för detaljer."
    )


def run() -> None:
    sys.exit(main())


if __name__ == "__main__":
    run()
