"""`samordna report arsredovisning`: the årsredovisning of a year with books.

Kept apart from cli/report.py so that each document kind's rules stay in one place.
"""

from __future__ import annotations

from typing import Any

from samordna.cli import CommandError


def annual_report_document(association: Any, year: int) -> Any:
    """The årsredovisning's document model; exit 2 (Swedish) when the year has no books."""
    from samordna.documents import annual_report

    try:
        return annual_report.build(association, year)
    except annual_report.NoBooks as error:
        raise CommandError(f"{error} Inget har skrivits.") from error
