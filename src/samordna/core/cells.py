"""Reading the cells of a row in an import file: one error per bad cell, named by row and
column, and a default in its place so the rest of the row can still be checked.

Shared by the register, episode and answer files: `CellError` from a parser means the cell
cannot be used; `CellReader.read` turns it into an InputError naming the place.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import date
from typing import TypeVar

from samordna.core.findings import InputError
from samordna.core.table import Row

T = TypeVar("T")


class CellError(ValueError):
    """A cell that cannot be read; the message is Swedish and does not name the place."""


class CellReader:
    """Reads the cells of one row by field name; collects an InputError for each bad one."""

    def __init__(self, row: Row, index: Mapping[str, int | None], title: Mapping[str, str]):
        self.row = row
        self.index = index
        self.title = title
        self.errors: list[InputError] = []

    def read(self, field: str, parse: Callable[[str], T], default: T) -> T:
        """The parsed cell of `field`; `default` when the column is absent or the cell is bad."""
        index = self.index[field]
        if index is None:
            return default
        try:
            return parse(self.row.get(index))
        except CellError as error:
            self.fail(field, str(error))
            return default

    def fail(self, field: str, message: str) -> None:
        self.errors.append(InputError(message, row=self.row.number, column=self.title[field]))


def read_date(text: str) -> date | None:
    """An ISO date (a time after it is ignored), or None for an empty cell."""
    if not text:
        return None
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        raise CellError(f"”{text}” är inget datum. Skriv som 2026-03-11.") from None


def split_list(text: str) -> list[str]:
    """Names separated by `,`, `;` or `/`."""
    return [part.strip() for part in re.split(r"[,;/]", text) if part.strip()]
