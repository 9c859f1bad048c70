"""The first command's migrations build the tables the models describe, on SQLite and PostgreSQL.

The suite's test database is made from the models (`--no-migrations` in pyproject.toml: running
every migration again in each worker took seconds). Here the app's real migrations run, data
migrations included, as the first `samordna` command runs them on a new empty database: the
SQLite file of conftest.py, or a new PostgreSQL database beside the test database when
DATABASE_URL says so. What they built is compared with the test database table by table,
column by column and key by key (tests/cli/schema.py).
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.db import connection

from tests.cli.conftest import DATABASE, copy_of
from tests.cli.schema import schema
from tests.cli.test_many_writers import _env, _samordna

ROOT = Path(__file__).resolve().parents[2]
# Django's own many-to-many tables of users, groups and permissions: their migrations give the
# key a bigint on PostgreSQL, the models an integer. Not Samordna's tables; the rest is compared.
DJANGOS_KEYS = {"auth_group_permissions", "auth_user_groups", "auth_user_user_permissions"}


@pytest.fixture
def migrated(migrated_file, tmp_path) -> Iterator[dict[str, str]]:
    """The environment of a command whose new database only the first command has touched."""
    env = _env(copy_of(migrated_file, tmp_path), "20")
    if connection.vendor == "sqlite":
        env["DATABASE_URL"] = f"sqlite:///{tmp_path / DATABASE}"
        yield env
        return
    settings = connection.settings_dict
    name = f"{settings['NAME']}_migrations"
    env["DATABASE_URL"] = (
        f"postgres://{settings['USER']}@{settings['HOST']}:{settings['PORT']}/{name}"
    )
    env["PGPASSWORD"] = settings.get("PASSWORD") or ""
    _on_server(f'DROP DATABASE IF EXISTS "{name}"')
    _on_server(f'CREATE DATABASE "{name}"')
    try:
        done = _samordna(env, "association", "list")
        assert done.returncode == 0, done.stderr
        yield env
    finally:
        _on_server(f'DROP DATABASE "{name}"')


def _on_server(statement: str) -> None:
    with connection._nodb_cursor() as cursor:
        cursor.execute(statement)


def _without_djangos_keys(tables: dict[str, list]) -> dict[str, list]:
    for table in DJANGOS_KEYS:
        tables[table][0]["id"][0] = "key"
    return tables


@pytest.mark.django_db
def test_the_migrations_build_the_tables_of_the_models(migrated):
    command = [sys.executable, "-m", "tests.cli.schema"]
    done = subprocess.run(command, env=migrated, cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    built, from_models = (
        _without_djangos_keys(json.loads(done.stdout)),
        _without_djangos_keys(schema(connection)),
    )
    assert len(from_models) > 50 and "django_migrations" not in from_models
    assert built.keys() == from_models.keys()
    differ = {table for table, shape in from_models.items() if built[table] != shape}
    assert differ == set()
