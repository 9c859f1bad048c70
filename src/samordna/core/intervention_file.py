"""The insats register file: a Table (CSV or XLSX) read into one plain row per insats.

Header in Swedish or English; `namn` and `slag` are required, every other column is
optional, and each year column (`2026`, `budget 2026`, `2026 (tkr)`) is the insats's
budget for that year. Every bad cell is reported at once, naming row and column.
Members are matched against the förbund by the caller. The format is described for
users in docs/filformat/insatser.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import TypeVar

from samordna.core.cells import CellError, CellReader, read_date, split_list
from samordna.core.findings import InputError, all_errors
from samordna.core.intervention_status import STATUSES
from samordna.core.money import MoneyError, parse_amount, parse_count
from samordna.core.table import Row, Table, normalize_header, word_lookup

HEADERS = {
    "name": ("namn", "name", "insats"),
    "kind": ("slag", "kind", "typ"),
    "status": ("status",),
    "members": ("medlemmar", "members", "utförande medlemmar", "parter"),
    "target_group": ("målgrupp", "target group", "target_group"),
    "start": ("start", "startdatum"),
    "end": ("slut", "end", "slutdatum"),
    "planned": ("planerade deltagare", "planned participants", "planned_participants"),
    "esf": ("esf",),
    "cofinancing": ("medfinansiering", "cofinancing"),
    "contact": ("kontaktperson", "contact"),
    "decision": ("beslut", "decision"),
    "extension": ("förlängning", "extension"),
}
KIND_WORDS = {
    "individual": "individual",
    "individ": "individual",
    "individinriktad": "individual",
    "structural": "structural",
    "struktur": "structural",
    "strukturinriktad": "structural",
}
STATUS_WORDS = word_lookup(STATUSES)
YES = {"ja", "yes", "x", "1", "sant", "true"}
NO = {"", "nej", "no", "0", "falskt", "false"}
_YEAR = re.compile(r"^(?:budget\s+)?((?:19|20)\d\d)(?:\s*\((kr|tkr|mkr)\))?$")
_CITATION = re.compile(r"^(\d{4}-\d\d-\d\d)(?:\s*§\s*(\S+))?$")

T = TypeVar("T")


@dataclass(frozen=True)
class Citation:
    date: date
    paragraph: str


@dataclass
class InterventionRow:
    row: int
    name: str
    kind: str
    status: str = "ide"
    members: list[str] = field(default_factory=list)
    target_group: str = ""
    start: date | None = None
    end: date | None = None
    planned: int | None = None
    esf: bool = False
    cofinancing: str = ""
    contact: str = ""
    decision: Citation | None = None
    extension: Citation | None = None
    budget: dict[int, int] = field(default_factory=dict)  # öre per year


@dataclass(frozen=True)
class Columns:
    index: dict[str, int | None]
    title: dict[str, str]
    years: dict[int, tuple[int, str]]  # column index -> (year, unit)
    header: tuple[str, ...]

    def name(self, field_name: str) -> str:
        return self.title[field_name]

    def title_at(self, index: int) -> str:
        return self.header[index]


def parse_register(table: Table) -> tuple[Columns, list[InterventionRow]]:
    """Read every row; raise one InputError naming every bad cell by row and column."""
    columns, rows, errors = read_register(table)
    if errors:
        raise all_errors(errors)
    return columns, rows


def read_register(table: Table) -> tuple[Columns, list[InterventionRow], list[InputError]]:
    """Every row as far as it can be read, and an error for every cell that cannot (a missing
    required column raises at once). Rows are only to be stored when there are no errors."""
    columns = _columns(table)
    rows: list[InterventionRow] = []
    errors: list[InputError] = []
    seen: dict[tuple[str, str], int] = {}
    for row in table.rows:
        parsed, problems = _row(row, columns)
        errors += problems
        key = (parsed.name.casefold(), parsed.kind)
        if key in seen and parsed.name:
            message = (
                f"”{parsed.name}” står redan på rad {seen[key]}; varje insats ska stå en gång."
            )
            errors.append(InputError(message, row=row.number, column=columns.name("name")))
        seen[key] = row.number
        rows.append(parsed)
    return columns, rows, errors


def _columns(table: Table) -> Columns:
    index, title = table.columns(HEADERS)
    for required in ("name", "kind"):
        if index[required] is None:
            raise InputError(
                f"kolumnen {HEADERS[required][0]} saknas. Rubrikraden ska ha minst namn och slag "
                "(på engelska name och kind).",
                row=1,
                column=HEADERS[required][0],
            )
    years = {}
    for i, header in enumerate(table.header):
        found = _YEAR.match(normalize_header(header))
        if found:
            years[i] = (int(found.group(1)), found.group(2) or "kr")
    return Columns(index, title, years, table.header)


def _row(row: Row, columns: Columns) -> tuple[InterventionRow, list[InputError]]:
    """The row as far as it can be read (defaults in bad cells), and its errors."""
    reader = CellReader(row, columns.index, columns.title)
    read, errors = reader.read, reader.errors
    parsed = InterventionRow(
        row=row.number,
        name=read("name", _name, ""),
        kind=read("kind", _kind, ""),
        status=read("status", _status, "ide"),
        members=read("members", split_list, []),
        target_group=read("target_group", str, ""),
        start=read("start", read_date, None),
        end=read("end", read_date, None),
        planned=read("planned", _count, None),
        esf=read("esf", _yes_no, False),
        cofinancing=read("cofinancing", str, ""),
        contact=read("contact", str, ""),
        decision=read("decision", _citation, None),
        extension=read("extension", _citation, None),
    )
    for index, (year, unit) in columns.years.items():
        text = row.get(index)
        if not text:
            continue
        try:
            parsed.budget[year] = parse_amount(text, unit)
        except MoneyError as error:
            errors.append(InputError(str(error), row=row.number, column=columns.title_at(index)))
    errors += _period_errors(parsed, columns)
    return parsed, errors


def _period_errors(parsed: InterventionRow, columns: Columns) -> list[InputError]:
    if parsed.start and parsed.end and parsed.end < parsed.start:
        message = f"slutet {parsed.end.isoformat()} ligger före starten {parsed.start.isoformat()}."
        return [InputError(message, row=parsed.row, column=columns.name("end"))]
    return []


def _name(text: str) -> str:
    if not text:
        raise CellError("Namnet saknas.")
    return text


def _kind(text: str) -> str:
    kind = KIND_WORDS.get(text.casefold())
    if kind is None:
        raise CellError(
            f"”{text}” är inget slag. Skriv individinriktad eller strukturinriktad. "
            "En insats med båda delarna registreras som två rader."
        )
    return kind


def _status(text: str) -> str:
    if not text:
        return "ide"
    status = STATUS_WORDS.get(text.casefold())
    if status is None:
        known = ", ".join(label.lower() for label in STATUSES.values())
        raise CellError(f"”{text}” är ingen status. Skriv en av: {known}.")
    return status


def _count(text: str) -> int | None:
    if not text.strip():
        return None
    try:
        return parse_count(text)
    except MoneyError:
        raise CellError(f"”{text}” är inget antal deltagare.") from None


def _yes_no(text: str) -> bool:
    if text.casefold() in YES:
        return True
    if text.casefold() in NO:
        return False
    raise CellError(f"”{text}”: skriv ja eller nej.")


def _citation(text: str) -> Citation | None:
    if not text:
        return None
    found = _CITATION.match(text.strip())
    if not found:
        raise CellError(f"”{text}” är inget beslut. Skriv datum och paragraf: 2024-03-11 §34.")
    try:
        when = date.fromisoformat(found.group(1))
    except ValueError:
        raise CellError(f"”{text}”: datumet finns inte.") from None
    return Citation(when, found.group(2) or "")


MEMBER_WORDS = {
    "fk": "fk",
    "försäkringskassan": "fk",
    "af": "af",
    "arbetsförmedlingen": "af",
    "region": "region",
    "kommun": "municipality",
    "kommunen": "municipality",
}


def match_member(text: str, members: list[tuple[str, str]]) -> str:
    """The name of the förbund's member `text` means: its name (any case), a unique part of
    it ("Trollhättan"), or FK, AF or region when the förbund has one such member.
    `members` is (name, kind). Raises ValueError with a Swedish message."""
    wanted = text.casefold()
    exact = [name for name, _ in members if name.casefold() == wanted]
    if exact:
        return exact[0]
    kind = MEMBER_WORDS.get(wanted)
    by_kind = [name for name, k in members if k == kind] if kind else []
    if len(by_kind) == 1:
        return by_kind[0]
    partly = by_kind or [name for name, _ in members if wanted in name.casefold()]
    if len(partly) == 1:
        return partly[0]
    if partly:
        both = ", ".join(partly)
        raise ValueError(f"”{text}” kan vara flera medlemmar ({both}); skriv hela namnet.")
    raise ValueError(f"”{text}” är ingen medlem i förbundet.")
