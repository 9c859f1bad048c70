"""Text lengths checked in Python, so SQLite refuses what PostgreSQL would (SQLite ignores a
column's length), with a Swedish message naming the field."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db import models


def length_errors(model: type[models.Model], values: Mapping[str, object]) -> dict[str, str]:
    """For each text value longer than its model field allows: field name -> Swedish message."""
    errors = {}
    for name, value in values.items():
        field: Any = model._meta.get_field(name)
        limit = getattr(field, "max_length", None)
        if limit and isinstance(value, str) and len(value) > limit:
            errors[name] = f"{field.verbose_name} får vara högst {limit} tecken (här {len(value)})."
    return errors
