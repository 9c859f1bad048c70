"""An uploaded file's name as Samordna keeps and shows it.

Browsers send names of up to 255 characters; the columns that keep them hold 200. A longer name
is shortened in the middle, keeping its ending (".pdf"), instead of failing on PostgreSQL and
being kept whole on SQLite.
"""

from __future__ import annotations

NAME_LIMIT = 200  # the file name columns (audit reports, logo, Word template, images)


def kept_name(name: str | None, limit: int = NAME_LIMIT) -> str:
    """`name` as stored: at most `limit` characters, the ending kept when it is short."""
    name = name or ""
    if len(name) <= limit:
        return name
    _, dot, ending = name.rpartition(".")
    suffix = f".{ending}" if dot and len(ending) <= 10 else ""
    return name[: limit - len(suffix) - 1] + "…" + suffix
