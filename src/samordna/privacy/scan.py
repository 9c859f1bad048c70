"""Searching a whole database for identity-shaped text: every text column of every model.

Reports where (table, column, row id, kind), never the value. Binary columns (a logo, a Word
template) are not text and are not read; their file names are text columns and are.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from django.apps import apps
from django.db import models

from samordna.core.personnummer import find_identities
from samordna.privacy.guard import text_fields

SKIPPED = frozenset({"sessions.session"})  # signed, encoded blobs: not text anyone wrote


@dataclass(frozen=True)
class Hit:
    table: str
    column: str
    row: object  # the primary key
    kinds: tuple[str, ...]

    def __str__(self) -> str:
        return f"{self.table}.{self.column}, rad id {self.row}: {', '.join(self.kinds)}"


def scanned_columns() -> Iterator[tuple[type[models.Model], models.Field[object, object]]]:
    for model in apps.get_models():
        if model._meta.label_lower in SKIPPED or model._meta.proxy:
            continue
        for field in text_fields(model):
            yield model, field


def scan() -> list[Hit]:
    """Every stored text holding a personnummer or samordningsnummer."""
    hits = []
    for model, field in scanned_columns():
        rows = model._default_manager.exclude(**{field.attname: ""}).exclude(
            **{f"{field.attname}__isnull": True}
        )
        for pk, value in rows.values_list("pk", field.attname).iterator():
            found = find_identities(str(value))
            if found:
                kinds = tuple(sorted({f.kind for f in found}))
                hits.append(Hit(model._meta.db_table, field.column, pk, kinds))
    return hits
