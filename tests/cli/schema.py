"""The tables of a database as JSON: columns (type, null) and keys, indexes and checks.

Run as `python -m tests.cli.schema` (with DATABASE_URL) to print them for the app's database;
tests/cli/test_migrations.py compares a migrated database with the test database this way.
"""

from __future__ import annotations

import json
import os


def schema(database) -> dict[str, list]:
    """Each table but django_migrations; the keys without their names (a name says only in
    which order the fields came). As JSON would give it back."""
    introspection = database.introspection
    with database.cursor() as cursor:
        tables = sorted(set(introspection.table_names(cursor)) - {"django_migrations"})
        found = {
            table: [
                {
                    column.name: [column.type_code, column.null_ok]
                    for column in introspection.get_table_description(cursor, table)
                },
                sorted(
                    repr(sorted(constraint.items()))
                    for constraint in introspection.get_constraints(cursor, table).values()
                ),
            ]
            for table in tables
        }
    return json.loads(json.dumps(found))


if __name__ == "__main__":
    os.environ["DJANGO_SETTINGS_MODULE"] = "samordna.settings"
    import django

    django.setup()
    from django.db import connection

    print(json.dumps(schema(connection)))
