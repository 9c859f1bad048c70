"""Findings: what a check or an import found, all of it at once, in Swedish."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TypeVar

R = TypeVar("R")  # a row as given
T = TypeVar("T")  # what reading or checking the row gave

SEVERITIES = ("error", "warning", "info")


@dataclass(frozen=True)
class Finding:
    severity: str  # "error" | "warning" | "info"
    code: str  # stable, machine-readable, English snake_case
    message: str  # Swedish, for people
    row: int | None = None  # 1-based row in the file (header = 1)
    column: str | None = None  # the column's header as written in the file
    year: int | None = None
    stated: int | None = None  # öre
    computed: int | None = None  # öre

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    def where(self) -> str:
        """ "rad 5, kolumn invånare" (Swedish), or "" when the finding has no place."""
        parts = []
        if self.row is not None:
            parts.append(f"rad {self.row}")
        if self.column:
            parts.append(f"kolumn {self.column}")
        return ", ".join(parts)


class InputError(ValueError):
    """Input that cannot be used at all; `str()` is a Swedish message naming row and column."""

    def __init__(self, message: str, row: int | None = None, column: str | None = None) -> None:
        self.row = row
        self.column = column
        self.detail = message
        where = ", ".join(
            part
            for part in (f"rad {row}" if row else "", f"kolumn {column}" if column else "")
            if part
        )
        super().__init__(f"{where}: {message}" if where else message)


LISTED = 20  # bad cells listed in one message


def all_errors(errors: list[InputError]) -> InputError:
    """Every bad cell in one error: the first names its place, the rest follow line by line."""
    first, rest = errors[0], [str(error) for error in errors[1:LISTED]]
    if len(errors) > LISTED:
        rest.append(f"… och {len(errors) - LISTED} fel till.")
    return InputError("\n".join([first.detail, *rest]), row=first.row, column=first.column)


def every_row(
    rows: Iterable[R],
    errors: list[InputError],
    read: Callable[[R], tuple[T | None, list[InputError]]],
) -> list[T]:
    """Read (or check) every row, adding its bad cells to `errors`; then raise one InputError
    naming them all in row order, or give what each row gave. The one path of every import:
    file readers in core and `samordna.tables.store_all_or_nothing` go through it."""
    found: list[T] = []
    for row in rows:
        value, problems = read(row)
        errors += problems
        if value is not None:
            found.append(value)
    if errors:
        raise all_errors(sorted(errors, key=lambda error: error.row or 0))
    return found
