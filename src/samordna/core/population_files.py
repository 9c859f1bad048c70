"""The two population files a förbund downloads: SCB's population per municipality
(Statistikdatabasen, "Folkmängden efter region och år", XLSX) and the försörjningsmått file
that finsam.se publishes with the state's allocation (one row per samordningsförbund).

Both files start with title lines above the table; the header is found by what it says. A
cell the förbund needs that cannot be read is an error naming row and column, every one at
once; rows the förbund does not need (other municipalities, other förbund) are not read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from samordna.core.findings import InputError, all_errors
from samordna.core.money import MoneyError, parse_count
from samordna.core.table import Row, Table, normalize_header

HEADER_SEARCH = 15  # rows searched for the header under the title lines
YEAR = re.compile(r"^(19|20)\d\d$")
MUNICIPALITY = re.compile(r"^(\d{4})\s+(.+)$")
SUPPORT_HEADERS = ("försörjningsmått", "forsorjningsmatt")
POPULATION_HEADERS = (
    "befolkning 16–64 år",
    "befolkning 16-64 år",
    "befolkning 16–64",
    "befolkning 16-64",
    "invånare 16–64 år",
    "invånare 16-64 år",
)
NAME_HEADERS = ("samordningsförbund", "förbund", "namn")
TOTAL_WORDS = ("totalt", "summa", "riket", "hela landet")
FORBUND_WORDS = re.compile(r"\b(samordningsförbundet|samordningsförbund|finsam|i)\b")
MOST_PEOPLE = 20_000_000  # more than Sweden has: a larger count is a mistake in the file


@dataclass(frozen=True)
class MunicipalityCount:
    code: str
    name: str
    year: int
    count: int
    row: int


def municipality_key(name: str) -> str:
    """A municipality as both SCB and the members list write it: "Trollhättans Stad",
    "Lilla Edets kommun" and "Trollhättan", "Lilla Edet" give the same key."""
    words = name.casefold().replace("-", " ").split()
    words = [w for w in words if w not in ("kommun", "stad", "kommuns", "stads")]
    key = " ".join(words)
    return key[:-1] if key.endswith("s") else key


def _grid(table: Table) -> list[Row]:
    return [Row(1, table.header), *table.rows]


def _header_at(rows: list[Row], test: object) -> int:
    for index, row in enumerate(rows[:HEADER_SEARCH]):
        if test(row):  # type: ignore[operator]
            return index
    raise InputError(
        "Hittar inte tabellens rubrikrad bland de första raderna. Ladda ned filen på nytt "
        "som XLSX och läs in den som den är."
    )


def _has_years(row: Row) -> bool:
    return any(YEAR.match(cell.strip()) for cell in row.cells[1:] if isinstance(cell, str))


def read_scb(table: Table, wanted: set[str]) -> list[MunicipalityCount]:
    """The counts per year of the municipalities whose `municipality_key` is in `wanted`."""
    rows = _grid(table)
    at = _header_at(rows, _has_years)
    header = rows[at]
    years = _years(header)
    found: list[MunicipalityCount] = []
    errors: list[InputError] = []
    seen: dict[str, int] = {}
    for row in rows[at + 1 :]:
        match = MUNICIPALITY.match(row.get(0))
        if match is None or municipality_key(match.group(2)) not in wanted:
            continue
        if _again(seen, municipality_key(match.group(2)), row, header, errors):
            continue
        for index, year in years.items():
            count = _count(row, index, header, "invånare", errors)
            if count is not None:
                found.append(
                    MunicipalityCount(match.group(1), match.group(2), year, count, row.number)
                )
    if errors:
        raise all_errors(errors)
    return found


def _years(header: Row) -> dict[int, int]:
    """The year of each column whose heading is a year; a year twice is an error."""
    years: dict[int, int] = {}
    for index, cell in enumerate(header.cells):
        if not YEAR.match(cell.strip()):
            continue
        year = int(cell.strip())
        if year in years.values():
            raise InputError(
                f"Året {year} står i två kolumner. Ladda ned filen på nytt och läs in den som "
                "den är.",
                header.number,
                str(year),
            )
        years[index] = year
    return years


def _again(seen: dict[str, int], key: str, row: Row, header: Row, errors: list[InputError]) -> bool:
    """True (and an error naming both rows) when the name `key` has had a row already."""
    if key not in seen:
        seen[key] = row.number
        return False
    errors.append(
        InputError(
            f"”{row.get(0)}” står två gånger i filen, på rad {seen[key]} och rad {row.number}. "
            "Ta bort den rad som inte gäller.",
            row.number,
            header.get(0) or "A",
        )
    )
    return True


def _count(row: Row, index: int, header: Row, what: str, errors: list[InputError]) -> int | None:
    """The count in the cell, or None with its error (not a count, or more than Sweden has)."""
    try:
        count = parse_count(row.get(index))
    except MoneyError:
        errors.append(_bad_count(row, index, header, what))
        return None
    if count > MOST_PEOPLE:
        errors.append(
            InputError(
                f"{row.get(index)} {what} är fler än hela Sveriges befolkning.",
                row.number,
                header.get(index),
            )
        )
        return None
    return count


def _bad_count(row: Row, index: int, header: Row, what: str) -> InputError:
    text = row.get(index) or "(tom)"
    return InputError(f"”{text[:40]}” är inte ett antal {what}.", row.number, header.get(index))


@dataclass(frozen=True)
class SupportFigures:
    """The förbund's own row and the whole country's, as the file gives them."""

    name: str
    support: int
    population: int | None
    support_national: int
    population_national: int | None
    title: str


def association_key(name: str) -> str:
    """A förbund as the file and the app write it: "Samordningsförbundet Södra Roslagen" and
    "Södra Roslagen" give the same key."""
    text = FORBUND_WORDS.sub(" ", name.casefold().replace("/", " ").replace("-", " "))
    return " ".join(text.split())


def read_support(table: Table, association: str) -> SupportFigures:
    """The förbund's försörjningsmått (and population 16–64) and the national sums."""
    rows = _grid(table)
    at = _header_at(rows, lambda r: _column(r, SUPPORT_HEADERS) is not None)
    header = rows[at]
    name_at = _column(header, NAME_HEADERS) or 0
    support_at = _column(header, SUPPORT_HEADERS)
    population_at = _column(header, POPULATION_HEADERS)
    title = next((r.get(0) for r in rows[:at] if r.get(0)), "")
    own: tuple[str, int, int | None] | None = None
    sums, stated = [0, 0], None
    errors: list[InputError] = []
    seen: dict[str, int] = {}
    for row in rows[at + 1 :]:
        name = row.get(name_at)
        if not name or _is_note(row, support_at, population_at):
            continue
        if _again(seen, association_key(name), row, header, errors):
            continue
        values = _values(row, header, support_at, population_at, errors)
        if values is None:
            continue
        if any(name.casefold().startswith(word) for word in TOTAL_WORDS):
            stated = values
            continue
        sums = [sums[0] + values[0], sums[1] + (values[1] or 0)]
        if association_key(name) == association_key(association):
            own = (name, values[0], values[1])
    if errors:
        raise all_errors(errors)
    if own is None:
        raise InputError(f"Filen har ingen rad för {association}. Kontrollera förbundets namn.")
    national = stated or (sums[0], sums[1] if population_at is not None else None)
    if max(national[0], national[1] or 0) > MOST_PEOPLE:
        raise InputError(
            "Summan för hela landet blir fler än Sveriges befolkning: filen har rader som inte "
            "är förbund, eller samma förbund flera gånger."
        )
    return SupportFigures(own[0], own[1], own[2], national[0], national[1], title)


def _is_note(row: Row, *indexes: int | None) -> bool:
    """A line of text under the table (or a blank row): no figure in the figure columns."""
    return not any(row.get(i) for i in indexes if i is not None)


def _column(row: Row, names: tuple[str, ...]) -> int | None:
    wanted = {normalize_header(n) for n in names}
    return next(
        (i for i, cell in enumerate(row.cells) if normalize_header(str(cell)) in wanted), None
    )


def _values(
    row: Row,
    header: Row,
    support_at: int | None,
    population_at: int | None,
    errors: list[InputError],
) -> tuple[int, int | None] | None:
    counts: list[int | None] = []
    for index, what in ((support_at, "personer"), (population_at, "invånare")):
        if index is None:
            counts.append(None)
            continue
        count = _count(row, index, header, what, errors)
        if count is None:
            return None
        counts.append(count)
    assert counts[0] is not None
    return counts[0], counts[1]
