"""The test database's rows kept once and put back before each browser test.

Loading the demo takes seconds; a browser test needs it committed (the live server's thread
sees only what is), and changes it. So the demo is loaded once per session, kept, and put
back before each test: on SQLite the whole in-memory database is copied back with SQLite's
backup API, on PostgreSQL every table is emptied and copied back with COPY in one transaction
and the sequences are moved past the restored keys. Both take milliseconds.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.cache import caches
from django.core.management.color import no_style
from django.db import connection, transaction


@dataclass
class Snapshot:
    """Every table's rows as they stood when taken."""

    sqlite: sqlite3.Connection | None = None
    tables: dict[str, bytes] = field(default_factory=dict)  # PostgreSQL: table -> COPY data

    @classmethod
    def take(cls) -> Snapshot:
        connection.ensure_connection()
        if connection.vendor == "sqlite":
            copy = sqlite3.connect(":memory:", check_same_thread=False)
            connection.connection.backup(copy)
            return cls(sqlite=copy)
        with connection.cursor() as cursor:
            return cls(tables={table: _copy_out(cursor, table) for table in _tables()})

    def restore(self) -> None:
        """Put the rows back and forget what was cached about the rows that were there."""
        connection.ensure_connection()
        if self.sqlite is not None:
            self.sqlite.backup(connection.connection)
        else:
            self._restore_postgresql()
        ContentType.objects.clear_cache()  # the types come back with their kept keys
        for cache in caches.all():
            cache.clear()

    def _restore_postgresql(self) -> None:
        quoted = ", ".join(connection.ops.quote_name(table) for table in self.tables)
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(f"TRUNCATE {quoted}")  # the keys are checked at commit
            for table, data in self.tables.items():
                _copy_in(cursor, table, data)
            for statement in connection.ops.sequence_reset_sql(no_style(), _models()):
                cursor.execute(statement)


def restart_keys() -> None:
    """Each table's next key just past its rows, as in a new database: the tables the tests
    before emptied start again from 1, so the demo loaded next has the same keys (and pages
    the same addresses) in every xdist worker, whatever ran there first. On SQLite forgetting
    the highest keys handed out does it; on PostgreSQL the sequences are moved."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("DELETE FROM sqlite_sequence")
            return
        for statement in connection.ops.sequence_reset_sql(no_style(), _models()):
            cursor.execute(statement)


def _tables() -> list[str]:
    return sorted(connection.introspection.django_table_names(only_existing=True))


def _models() -> list:
    return [model for model in apps.get_models(include_auto_created=True) if model._meta.managed]


def _copy_out(cursor, table: str) -> bytes:
    with cursor.cursor.copy(f"COPY {connection.ops.quote_name(table)} TO STDOUT") as copy:
        return b"".join(bytes(block) for block in copy)


def _copy_in(cursor, table: str, data: bytes) -> None:
    with cursor.cursor.copy(f"COPY {connection.ops.quote_name(table)} FROM STDIN") as copy:
        copy.write(data)
