"""The episode file: participants' episodes (CSV or XLSX) read into plain rows, never an identity.

Header in Swedish or English; `insats`, `kön`, `födelseår` and `start` are required. A column
whose header names an identity (namn, personnummer, adress …) is refused outright, and every
cell is searched for a personnummer or samordningsnummer. Every bad cell is reported at once,
naming row and column; the caller stores nothing unless there are none. The format is
described for users in docs/filformat/deltagare.md.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import TypeVar

from samordna.core.cells import CellError, CellReader, read_date, split_list
from samordna.core.findings import InputError
from samordna.core.followup import END_REASONS, INCOMES, OCCUPATIONS, SEX_WORDS
from samordna.core.personnummer import identity_error
from samordna.core.table import Row, Table, normalize_header, word_lookup

HEADERS = {
    "code": ("kod", "code"),
    "insats": ("insats", "intervention"),
    "sex": ("kön", "sex"),
    "birth_year": ("födelseår", "birth year", "birth_year"),
    "start": ("start", "startdatum"),
    "end": ("slut", "end", "slutdatum"),
    "main_referrer": ("huvudremitterande", "main referrer"),
    "co_referrers": ("medremitterande", "co-referrers", "co referrers"),
    "income_start": ("försörjning start", "income start"),
    "income_end": ("försörjning slut", "income end"),
    "occupation_start": ("sysselsättning start", "occupation start"),
    "occupation_end": ("sysselsättning slut", "occupation end"),
    "end_reason": ("avslutsorsak", "end reason"),
    "quality_start": ("livskvalitet start", "quality start"),
    "quality_end": ("livskvalitet slut", "quality end"),
    "steps": ("stegförflyttningar", "steps"),
    "consent": ("samtycke", "consent"),
    "revoked": ("samtycke återkallat", "consent revoked"),
}
REQUIRED = ("insats", "sex", "birth_year", "start")
FORBIDDEN_HEADERS = (
    "namn",
    "name",
    "förnamn",
    "efternamn",
    "personnummer",
    "pnr",
    "samordningsnummer",
    "adress",
    "address",
    "telefon",
    "e-post",
)
CODE = re.compile(r"^[A-Z0-9]{4,12}$")

T = TypeVar("T")


@dataclass
class EpisodeRow:
    row: int
    code: str = ""
    insats: str = ""
    sex: str = ""
    birth_year: int = 0
    start: date | None = None
    end: date | None = None
    main_referrer: str = ""
    co_referrers: list[str] = field(default_factory=list)
    income_start: str = ""
    income_end: str = ""
    occupation_start: str = ""
    occupation_end: str = ""
    end_reason: str = ""
    quality_start: int | None = None
    quality_end: int | None = None
    steps: list[date] = field(default_factory=list)
    consent: date | None = None
    revoked: date | None = None


@dataclass(frozen=True)
class Columns:
    index: dict[str, int | None]
    title: dict[str, str]

    def name(self, field_name: str) -> str:
        return self.title[field_name]


def read_episodes(table: Table) -> tuple[Columns, list[EpisodeRow], list[InputError]]:
    """Every row as far as it can be read, and an error for every cell that cannot."""
    columns = _columns(table)
    rows: list[EpisodeRow] = []
    errors: list[InputError] = []
    seen: dict[str, int] = {}
    for row in table.rows:
        if row.is_empty:
            continue
        parsed, problems = _row(row, columns, table.header)
        errors += problems
        if parsed.code and parsed.code in seen:
            message = f"koden {parsed.code} står redan på rad {seen[parsed.code]}."
            errors.append(InputError(message, row=row.number, column=columns.name("code")))
        seen.setdefault(parsed.code, row.number)
        rows.append(parsed)
    return columns, rows, errors


def _columns(table: Table) -> Columns:
    for written in table.header:
        if normalize_header(written) in FORBIDDEN_HEADERS:
            raise InputError(
                f"kolumnen {written} får inte finnas: Samordna lagrar inga uppgifter som "
                "identifierar deltagare. Ta bort kolumnen och försök igen.",
                row=1,
                column=written,
            )
    index, title = table.columns(HEADERS)
    for required in REQUIRED:
        if index[required] is None:
            raise InputError(
                f"kolumnen {HEADERS[required][0]} saknas. Rubrikraden ska ha minst insats, kön, "
                "födelseår och start.",
                row=1,
                column=HEADERS[required][0],
            )
    return Columns(index, title)


def _row(
    row: Row, columns: Columns, header: tuple[str, ...]
) -> tuple[EpisodeRow, list[InputError]]:
    errors: list[InputError] = []
    for i, cell in enumerate(row.cells):
        message = identity_error(str(cell))
        if message:
            title = header[i] if i < len(header) else f"{i + 1}"
            errors.append(InputError(message, row=row.number, column=title))
    if errors:
        return EpisodeRow(row=row.number), errors
    reader = CellReader(row, columns.index, columns.title)
    read, errors = reader.read, reader.errors
    parsed = EpisodeRow(
        row=row.number,
        code=read("code", _code, ""),
        insats=read("insats", _required("Insatsens namn saknas."), ""),
        sex=read("sex", _sex, ""),
        birth_year=read("birth_year", _birth_year, 0),
        start=read("start", _required_date, None),
        end=read("end", read_date, None),
        main_referrer=read("main_referrer", str, ""),
        co_referrers=read("co_referrers", split_list, []),
        income_start=read("income_start", _word(INCOMES, "försörjning"), ""),
        income_end=read("income_end", _word(INCOMES, "försörjning"), ""),
        occupation_start=read("occupation_start", _word(OCCUPATIONS, "sysselsättning"), ""),
        occupation_end=read("occupation_end", _word(OCCUPATIONS, "sysselsättning"), ""),
        end_reason=read("end_reason", _word(END_REASONS, "avslutsorsak"), ""),
        quality_start=read("quality_start", _quality, None),
        quality_end=read("quality_end", _quality, None),
        steps=read("steps", _dates, []),
        consent=read("consent", read_date, None),
        revoked=read("revoked", read_date, None),
    )
    errors += _order_errors(parsed, columns)
    return parsed, errors


def _order_errors(parsed: EpisodeRow, columns: Columns) -> list[InputError]:
    problems = []
    if parsed.start and parsed.end and parsed.end < parsed.start:
        problems.append(("end", f"slutet {parsed.end} ligger före starten {parsed.start}."))
    if parsed.end_reason and parsed.end is None:
        problems.append(("end", "avslutsorsak är ifylld men slutdatum saknas."))
    if parsed.start and parsed.birth_year and not 14 <= parsed.start.year - parsed.birth_year < 70:
        problems.append(("birth_year", f"födelseåret {parsed.birth_year} ger en orimlig ålder."))
    return [InputError(m, row=parsed.row, column=columns.name(f)) for f, m in problems]


def _code(text: str) -> str:
    code = text.upper()
    if code and not CODE.match(code):
        raise CellError(f"”{text}” är ingen kod: 4–12 bokstäver A–Z och siffror.")
    return code


def _required(message: str) -> Callable[[str], str]:
    def parse(text: str) -> str:
        if not text:
            raise CellError(message)
        return text

    return parse


def _sex(text: str) -> str:
    sex = SEX_WORDS.get(text.casefold())
    if sex is None:
        raise CellError(f"”{text}”: skriv kvinna eller man (K eller M).")
    return sex


def _birth_year(text: str) -> int:
    if not re.fullmatch(r"(19|20)\d\d", text):
        raise CellError(f"”{text}” är inget födelseår. Skriv fyra siffror, som 1988.")
    return int(text)


def _required_date(text: str) -> date | None:
    if not text:
        raise CellError("Datumet saknas.")
    return read_date(text)


def _dates(text: str) -> list[date]:
    found = [read_date(part.strip()) for part in re.split(r"[;,]", text) if part.strip()]
    return [d for d in found if d is not None]


def _word(words: Mapping[str, str], what: str) -> Callable[[str], str]:
    lookup = word_lookup(words)

    def parse(text: str) -> str:
        if not text:
            return ""
        key = lookup.get(text.casefold())
        if key is None:
            known = ", ".join(label.lower() for label in words.values())
            raise CellError(f"”{text}” är ingen {what}. Skriv en av: {known}.")
        return key

    return parse


def _quality(text: str) -> int | None:
    if not text:
        return None
    if not text.isdecimal() or not 0 <= int(text) <= 10:
        raise CellError(f"”{text}”: livskvalitet är ett heltal 0–10.")
    return int(text)


EXPORT_HEADER = tuple(titles[0] for titles in HEADERS.values())
