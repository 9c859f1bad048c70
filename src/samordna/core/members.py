"""The members file: a Table (from CSV or XLSX) read into the parties of an allocation.

Header `namn;typ;invånare;region` (or `name,kind,population,region`), with an
optional `andel` (`share`): the agreed percentage of the member's party's share.
Every bad cell is reported at once in one InputError whose first line names the
row and the column as written in the header ("rad 5, kolumn invånare: …").
The format is described for users in docs/filformat/medlemmar.md.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from typing import TypeVar

from samordna.core.allocation import AllocationError, Party
from samordna.core.findings import InputError, every_row
from samordna.core.money import MoneyError, parse_count
from samordna.core.table import Row, Table

HEADERS = {  # field -> the header titles that name it, Swedish first
    "name": ("namn", "name", "medlem", "member"),
    "kind": ("typ", "kind"),
    "population": ("invånare", "population", "invånarantal", "folkmängd", "befolkning"),
    "share": ("andel", "share", "andel %", "andel (%)", "avtalad andel", "share %"),
    "region": ("region",),
}
KIND_WORDS = {
    "fk": "fk",
    "försäkringskassan": "fk",
    "af": "af",
    "arbetsförmedlingen": "af",
    "region": "region",
    "landsting": "region",
    "municipality": "municipality",
    "kommun": "municipality",
}
_SPACES = re.compile(r"[\s\u00a0\u202f\u2009]+")

T = TypeVar("T")


class _CellError(ValueError):
    """A cell that cannot be read; the message is Swedish and does not name the place."""


@dataclass(frozen=True)
class _Columns:
    index: dict[str, int | None]
    title: dict[str, str]  # field -> the header as written (or its Swedish name when absent)


def parse_members(table: Table) -> list[Party]:
    """Read the members file's rows as parties, in file order; raise InputError on bad cells."""
    columns = _columns(table)
    earlier: list[Party] = []

    def read(row: Row) -> tuple[Party | None, list[InputError]]:
        party, problems = _party(row, columns)
        if party is None:
            return None, problems
        duplicate = _duplicate(party, earlier, columns)
        earlier.append(party)
        return party, duplicate

    return every_row(table.rows, [], read)


def in_file_terms(error: AllocationError, table: Table) -> InputError:
    """The allocation's error with the column named as the file's header writes it."""
    for field in error.fields:
        index = table.column(*HEADERS.get(field, ()))
        if error.row is not None and index is not None:
            return InputError(error.detail, row=error.row, column=table.header[index])
    return error


def parse_kind(text: str) -> str:
    """`kommun`, `Försäkringskassan`, `landsting`… (any case) as fk, af, region or municipality."""
    kind = KIND_WORDS.get(" ".join(text.casefold().split()))
    if kind is None:
        raise _CellError(
            f"”{text}” är ingen känd typ. Skriv Försäkringskassan, Arbetsförmedlingen, region "
            "eller kommun (eller fk, af, region, municipality)."
            if text
            else "Typen saknas. Skriv Försäkringskassan, Arbetsförmedlingen, region eller kommun."
        )
    return kind


def parse_population(text: str) -> int | None:
    """ "49 512" -> 49512; empty -> None."""
    if not text.strip():
        return None
    try:
        return parse_count(text)
    except MoneyError:
        raise _CellError(f"”{text}” är inte ett antal invånare.") from None


def parse_share(text: str) -> Fraction | None:
    """ "74,96", "74,96 %" or "74.96" -> Fraction("74.96"); empty -> None."""
    number = _SPACES.sub("", text).removesuffix("%").replace(",", ".")
    if not number:
        return None
    try:
        value = Decimal(number)
    except InvalidOperation:
        value = Decimal("NaN")
    if not value.is_finite():
        raise _CellError(f"”{text}” är inte en andel i procent. Skriv till exempel 74,96.")
    if not 0 <= value <= 100:
        raise _CellError(f"Andelen {text} ligger inte mellan 0 och 100 %.")
    return Fraction(value)


def _name(text: str) -> str:
    if not text:
        raise _CellError("Namnet saknas.")
    return text


def _region(text: str) -> str | None:
    return text or None


def _columns(table: Table) -> _Columns:
    index, title = table.columns(HEADERS)
    for field in ("name", "kind"):
        if index[field] is None:
            raise _missing(field, title)
    if index["population"] is None and index["share"] is None:
        raise _missing("population", title)
    return _Columns(index, title)


def _missing(field: str, title: dict[str, str]) -> InputError:
    return InputError(
        f"kolumnen saknas ({' eller '.join(HEADERS[field][:2])}). Rubrikraden ska ha namn, typ "
        "och invånare eller andel, och får ha region "
        "(på engelska name, kind, population, share, region).",
        row=1,
        column=title[field],
    )


def _party(row: Row, columns: _Columns) -> tuple[Party | None, list[InputError]]:
    errors: list[InputError] = []

    def read(field: str, parse: Callable[[str], T]) -> T | None:
        try:
            return parse(row.get(columns.index[field]))
        except _CellError as error:
            errors.append(InputError(str(error), row=row.number, column=columns.title[field]))
            return None

    name, kind = read("name", _name), read("kind", parse_kind)
    population, share = read("population", parse_population), read("share", parse_share)
    region = read("region", _region)
    if errors or name is None or kind is None:
        return None, errors
    return Party(name, kind, population, share, region, row.number), []


def _duplicate(party: Party, earlier: list[Party], columns: _Columns) -> list[InputError]:
    for other in earlier:
        if other.name.casefold() == party.name.casefold():
            message = f"”{party.name}” står redan på rad {other.row}; varje medlem ska stå en gång."
            return [InputError(message, row=party.row, column=columns.title["name"])]
    return []
