"""The budget file: a Table (from CSV or XLSX) read into a Budget.

Header `avsnitt;rad;2025;2026…` (or `section,line,…`). A year header may carry
the unit, `2008 (tkr)`; a unit given by the caller wins. Optional note columns:
`not` holds a note on the row (all years), `not 2026` a note on that year's amount;
they are printed as numbered notes under the budget table. Each row names its
`avsnitt` (Swedish or English, any case), a label and an amount per year.
Anything that cannot be read raises InputError naming the row and the column,
with the year as the column name for amounts; every bad cell of the rows is named in the
one error, as in the members file. The format is described for
users in docs/filformat/budget.md.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from operator import itemgetter
from typing import Any

from samordna.core.budget import Budget, BudgetRow, RowKind, Section
from samordna.core.findings import InputError, every_row
from samordna.core.money import MAX_ORE, ORE_PER_UNIT, MoneyError, parse_amount
from samordna.core.personnummer import identity_error
from samordna.core.table import Row, Table

SECTION_HEADERS = ("avsnitt", "section")
LABEL_HEADERS = ("rad", "line", "label")
UNITS = ("kr", "tkr")
MAX_ROWS = 6_000  # a förbund's budget has tens of lines; issue 19 checks 5 000 in `make bench`
MAX_YEARS = 10
MAX_NOTE = 500  # characters in one note (the model's field holds as many)
_NOTE = re.compile(r"^(?:not|note|fotnot)(?:\s+(\d{4}))?$", re.IGNORECASE)

_YEAR = re.compile(
    r"^(\d{4})(?:-(\d{1,2}))?(?:\s+från\s+([a-zåäö]+))?(?:\s*\(?\s*(kr|tkr)\s*\)?)?$",
    re.IGNORECASE,
)
MONTHS: tuple[str, ...] = ("januari", "februari", "mars", "april", "maj", "juni", "juli")
MONTHS += ("augusti",)
MONTHS += ("september", "oktober", "november", "december")
# An income line that holds the members' contributions together says so in its `avsnitt`
# ("Medlemsbidrag"), or is an `Intäkter` line whose text names the members' money ("Medlemsbidrag",
# "Parternas bidrag", "Intäkter från förbundets medlemmar": a word beginning "medlem" or
# "parter"), as real plans write it. The file is read once by this documented rule and the
# mark is stored with the line; the equity cap and the scenarios read the mark.
CONTRIBUTION_NAMES = "medlemsbidrag, medlemsbidrag från parterna, member contributions"
CONTRIBUTION_WORDS = ("medlem", "parter")
_NAMES = {  # the names of each row kind, compared by _fold
    (RowKind.LINE, Section.INCOME): "intäkter, intäkt, inkomster, income, incomes, revenue, "
    + CONTRIBUTION_NAMES,
    (RowKind.LINE, Section.EQUITY): "eget kapital, ianspråktaget eget kapital, equity, "
    "equity drawn",
    (RowKind.LINE, Section.INDIVIDUAL): "individinriktade insatser, individinriktad insats, "
    "individinriktade, individ, individual, individual interventions",
    (RowKind.LINE, Section.STRUCTURAL): "strukturinriktade insatser, strukturinriktad insats, "
    "strukturövergripande insatser, strukturövergripande insats, strukturinriktade, "
    "strukturövergripande, struktur, structural, structural interventions",
    (RowKind.LINE, Section.ADMINISTRATION): "kansli, administration, admin, "
    "kansli och administration, kansli/administration, administrativa kostnader",
    (RowKind.LINE, Section.FINANCIAL): "finansiella poster, finansiella intäkter och kostnader, "
    "finansiella intäkter och finansiella kostnader, finansiella intäkter, finansiellt, "
    "finansnetto, financial, financial items",
    (RowKind.SUM, None): "summa, total, delsumma, sum, subtotal",
    (RowKind.INCOME_SUM, None): "summa intäkter, summa intäkter totalt, intäkter totalt, "
    "totala intäkter, total income, income total",
    (RowKind.COST_SUM, None): "summa kostnader, summa kostnader totalt, kostnader totalt, "
    "totala kostnader, total costs, total cost, costs total",
    (RowKind.RESULT, None): "resultat, årets resultat, balans, budgetbalans, result, balance",
}


# Names that would make a cost of a signed section: refused with a message, never guessed.
_COST_ONLY = ("finansiella kostnader", "räntekostnader", "financial costs")


def _fold(text: str) -> str:
    """Compare section names without case, extra spaces, diacritics or a trailing colon."""
    plain = " ".join(text.casefold().replace("\ufeff", "").split()).rstrip(":").strip()
    return plain.translate(str.maketrans("åäöéü", "aaoeu"))


_KINDS = {_fold(name): kind for kind, names in _NAMES.items() for name in names.split(", ")}
_CONTRIBUTIONS = frozenset(_fold(name) for name in CONTRIBUTION_NAMES.split(", "))
_COST_ONLY_FOLDED = frozenset(_fold(name) for name in _COST_ONLY)


@lru_cache(maxsize=256)
def parse_section(text: str) -> tuple[RowKind, Section | None] | None:
    """The row kind (and section, for a line) an `avsnitt` cell names, or None if unknown."""
    return _KINDS.get(_fold(text))


@dataclass(frozen=True)
class _Layout:
    section: int
    section_name: str  # the header as written, for messages
    label: int
    years: tuple[int, ...]
    year_columns: tuple[int, ...]
    blank: tuple[int, ...]  # columns without a header: their cells must be empty
    width: int
    unit: str
    first_month: int = 1
    notes: tuple[tuple[int, int | None, str], ...] = ()  # (column, year or None, header)
    # The year cells of a row at once (a string for one year, a tuple for more).
    year_cells: Callable[[tuple[str, ...]], Any] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "year_cells", itemgetter(*self.year_columns))


def budget_from_table(table: Table, unit: str | None = None) -> Budget:
    """Read a budget file's table; raise one InputError naming every bad cell (row and column)
    when it cannot, so the file is fixed in one go."""
    if len(table.rows) > MAX_ROWS:
        raise InputError(
            f"Filen har {len(table.rows)} rader; en budget kan ha högst {MAX_ROWS} rader.",
            row=MAX_ROWS + 2,
        )
    layout = _layout(table, unit)
    rows = every_row(table.rows, [], lambda row: _row(row, layout))
    if not rows:
        raise InputError("Filen har inga budgetrader under rubrikraden.", row=2)
    return Budget(layout.years, tuple(rows), layout.unit, layout.first_month)


def _layout(table: Table, unit: str | None) -> _Layout:
    section = _required_column(table, SECTION_HEADERS)
    label = _required_column(table, LABEL_HEADERS)
    notes = _note_columns(table)
    taken = (section, label, *(column for column, _, _ in notes))
    other = [i for i in range(len(table.header)) if i not in taken]
    blank = tuple(i for i in other if not table.header[i].strip())
    columns = [i for i in other if i not in blank]
    years = _year_columns(table, columns)
    _refuse_notes_without_year(notes, [year for _, year, _ in years])
    return _Layout(
        section,
        table.header[section],
        label,
        tuple(year for _, year, _ in years),
        tuple(index for index, _, _ in years),
        blank,
        len(table.header),
        _unit([(year, written) for _, year, written in years], unit),
        _first_month([table.header[i] for i in columns]),
        notes,
    )


def _note_columns(table: Table) -> tuple[tuple[int, int | None, str], ...]:
    """The note columns: `not` (the row's note) and `not 2026` (a note on one year's amount)."""
    found: list[tuple[int, int | None, str]] = []
    for index, title in enumerate(table.header):
        match = _NOTE.match(" ".join(title.split()))
        if match:
            year = int(match.group(1)) if match.group(1) else None
            if year in [y for _, y, _ in found]:
                raise InputError("Notkolumnen står två gånger.", row=1, column=title)
            found.append((index, year, title))
    return tuple(found)


def _refuse_notes_without_year(
    notes: tuple[tuple[int, int | None, str], ...], years: list[int]
) -> None:
    for _, year, title in notes:
        if year is not None and year not in years:
            message = f"Notkolumnen gäller {year}, men filen har ingen kolumn för {year}."
            raise InputError(message, row=1, column=title)


def _first_month(titles: list[str]) -> int:
    """The month the first year begins: `2025-09` or `2025 från september` on the first year
    column (a part year); a later year always begins in January."""
    months = [_month_of(title) for title in titles]
    for title, month in zip(titles[1:], months[1:], strict=True):
        if month is not None:
            message = "Bara det första året kan börja senare än januari."
            raise InputError(message, row=1, column=title)
    return months[0] or 1


def _month_of(title: str) -> int | None:
    match = _YEAR.match(" ".join(title.split()))
    if match is None or not (match.group(2) or match.group(3)):
        return None
    number, word = match.group(2), (match.group(3) or "").casefold()
    month = int(number) if number else _month_named(word)
    if month is None or not 1 <= month <= 12:
        raise InputError(
            "Månaden är okänd. Skriv till exempel 2025-09 eller 2025 från september.",
            row=1,
            column=title,
        )
    return month


def _month_named(word: str) -> int | None:
    if len(word) < 3:
        return None
    found = [i for i, name in enumerate(MONTHS, start=1) if name.startswith(word)]
    return found[0] if len(found) == 1 else None


def _year_columns(table: Table, columns: list[int]) -> list[tuple[int, int, str | None]]:
    """(column, year, unit written in the header) for each year column."""
    if not columns:
        raise InputError(
            "Rubrikraden har inga årskolumner. Skriv åren efter avsnitt och rad, "
            "till exempel 2025 eller 2025 (tkr).",
            row=1,
        )
    if len(columns) > MAX_YEARS:
        raise InputError(f"Rubrikraden har fler än {MAX_YEARS} årskolumner.", row=1)
    years = [(i, *_year_header(table.header[i])) for i in columns]
    _refuse_repeated_years([year for _, year, _ in years])
    return years


def _required_column(table: Table, names: tuple[str, ...]) -> int:
    index = table.column(*names)
    if index is None:
        raise InputError(
            f"Rubrikraden saknar kolumnen {names[0]} (på engelska {names[1]}).",
            row=1,
            column=names[0],
        )
    return index


def _year_header(title: str) -> tuple[int, str | None]:
    match = _YEAR.match(" ".join(title.split()))
    if match is None:
        raise InputError(
            "Kolumnrubriken är varken avsnitt, rad eller ett år. Skriv året som 2025 "
            "eller 2025 (tkr); ett första år som börjar senare som 2025-09.",
            row=1,
            column=title,
        )
    return int(match.group(1)), match.group(4).lower() if match.group(4) else None


def _refuse_repeated_years(years: list[int]) -> None:
    for index, year in enumerate(years):
        if year in years[:index]:
            raise InputError(f"Året {year} står i två kolumner.", row=1, column=str(year))


def _unit(written: list[tuple[int, str | None]], given: str | None) -> str:
    if given is not None:
        if given not in UNITS:
            raise InputError(f"Okänd enhet ”{given}”: använd kr eller tkr.")
        return given
    units = [(year, unit) for year, unit in written if unit]
    for year, unit in units:
        if unit != units[0][1]:
            raise InputError(
                f"Årskolumnerna anger olika enheter ({units[0][1]} och {unit}). "
                "Skriv alla belopp i samma enhet eller ange enheten för hela filen.",
                row=1,
                column=str(year),
            )
    return units[0][1] if units else "kr"


def _row(row: Row, layout: _Layout) -> tuple[BudgetRow | None, list[InputError]]:
    """The row read, or every bad cell in it (a row without section or amounts is a note)."""
    plain = _plain_row(row, layout)
    return (plain, []) if plain is not None else _row_cell_by_cell(row, layout)


def _row_cell_by_cell(row: Row, layout: _Layout) -> tuple[BudgetRow | None, list[InputError]]:
    errors = _stray_cells(row, layout)
    name = row.get(layout.section)
    kind = parse_section(name) if name else None
    if name and _fold(name) in _COST_ONLY_FOLDED:
        errors.append(_cost_only_section(name, row, layout))
    elif name and kind is None:
        errors.append(_unknown_section(name, row, layout))
    amounts, bad_amounts = _amounts(row, layout)
    errors += bad_amounts
    note, notes, bad_notes = _notes(row, layout, amounts)
    errors += bad_notes
    if not name and (amounts or bad_amounts or note or notes):
        message = "Avsnitt saknas på en rad med belopp eller not."
        errors.append(InputError(message, row=row.number, column=layout.section_name))
    if errors or kind is None:
        return None, errors
    return _budget_row(kind, name, row.get(layout.label), amounts, row.number, note, notes), []


def _budget_row(
    kind: tuple[RowKind, Section | None],
    name: str,
    label: str,
    amounts: dict[int, int],
    number: int,
    note: str = "",
    notes: dict[int, str] | None = None,
) -> BudgetRow:
    """The row read, marked when it holds the members' contributions (see CONTRIBUTION_WORDS)."""
    contribution = _fold(name) in _CONTRIBUTIONS or (
        kind == (RowKind.LINE, Section.INCOME) and names_members_money(label)
    )
    return BudgetRow(kind[0], label, amounts, kind[1], number, contribution, note, notes or {})


def names_members_money(label: str) -> bool:
    """True when an income line's text names the members' money: a word beginning "medlem" or
    "parter" ("Medlemsbidrag", "Bidrag från parterna"). The one rule, for the budget file and for
    a line added on the pages; "Bidrag från ESF" or "Statens bidrag via FK" is not named so."""
    return any(word.startswith(CONTRIBUTION_WORDS) for word in _fold(label).split())


def _plain_row(row: Row, layout: _Layout) -> BudgetRow | None:
    """The common row read at once: a known section, every year cell empty or a plain amount,
    nothing beyond the columns. Anything else is None, for `_row` to read cell by cell; what
    this returns is what that reading would (a Hypothesis test compares the two)."""
    cells = row.cells
    if len(cells) > layout.width or layout.blank or layout.notes:
        return None
    if len(cells) < layout.width:  # the last cells left empty
        cells += ("",) * (layout.width - len(cells))
    name = cells[layout.section].strip()
    kind = parse_section(name) if name else None
    texts = layout.year_cells(cells)
    texts = (texts,) if isinstance(texts, str) else texts
    joined = "|".join(texts)
    if kind is None or "_" in joined or joined.count("|") != len(texts) - 1:
        return None
    amounts = _whole_kronor(joined.replace(" ", "").split("|"), layout)
    if amounts is None or (amounts and max(map(abs, amounts.values())) > MAX_ORE):
        return None
    return _budget_row(kind, name, cells[layout.label].strip(), amounts, row.number)


def _whole_kronor(parts: list[str], layout: _Layout) -> dict[int, int] | None:
    """Each year's cell, its spaces taken out, read as a whole number of the unit (Python's
    `int` reads what `parse_amount` reads as one: digits, a sign, space around); None when
    a cell is anything else."""
    factor = ORE_PER_UNIT[layout.unit]
    try:
        if all(parts):  # every year given: the whole row in one go
            return dict(zip(layout.years, map(factor.__mul__, map(int, parts)), strict=True))
        return {y: int(p) * factor for y, p in zip(layout.years, parts, strict=True) if p}
    except ValueError:
        return None


def _notes(
    row: Row, layout: _Layout, amounts: dict[int, int]
) -> tuple[str, dict[int, str], list[InputError]]:
    """The row's note and its notes per year; a note on an empty amount or holding an identity
    number is an error at its cell."""
    note, notes, errors = "", {}, []  # type: tuple[str, dict[int, str], list[InputError]]
    for column, year, title in layout.notes:
        text = " ".join(row.get(column).split())
        if not text:
            continue
        problem = _note_problem(text, year, amounts)
        if problem:
            errors.append(InputError(problem, row=row.number, column=title))
        elif year is None:
            note = text
        else:
            notes[year] = text
    return note, notes, errors


def _note_problem(text: str, year: int | None, amounts: dict[int, int]) -> str | None:
    if len(text) > MAX_NOTE:
        return f"Noten har {len(text)} tecken; en not kan ha högst {MAX_NOTE}."
    if year is not None and year not in amounts:
        return f"Noten gäller beloppet {year}, men raden har inget belopp för {year}."
    return identity_error(text)


def _unknown_section(name: str, row: Row, layout: _Layout) -> InputError:
    return InputError(
        f"Okänt avsnitt ”{name}”. Använd Intäkter, Medlemsbidrag, Eget kapital, "
        "Individinriktade insatser, Strukturinriktade insatser, Kansli, Finansiella poster, "
        "Summa, Summa intäkter, Summa kostnader eller Resultat.",
        row=row.number,
        column=layout.section_name,
    )


def _cost_only_section(name: str, row: Row, layout: _Layout) -> InputError:
    return InputError(
        f"Avsnittet ”{name}” finns inte för sig: skriv Finansiella poster och kostnaden med "
        "minustecken (till exempel Bankavgifter −2 000); ränteintäkter skrivs utan minus.",
        row=row.number,
        column=layout.section_name,
    )


def _amounts(row: Row, layout: _Layout) -> tuple[dict[int, int], list[InputError]]:
    amounts: dict[int, int] = {}
    errors: list[InputError] = []
    for year, column in zip(layout.years, layout.year_columns, strict=True):
        text = row.get(column)
        if not text:
            continue
        try:
            amounts[year] = _amount(text, row.number, year, layout.unit)
        except InputError as error:
            errors.append(error)
    return amounts, errors


def _amount(text: str, number: int, year: int, unit: str) -> int:
    try:
        ore = parse_amount(text, unit)
    except MoneyError as error:
        raise InputError(str(error), row=number, column=str(year)) from error
    if ore % 100:
        raise InputError(
            f"”{text}” har ören; budgeten anges i hela kronor.", row=number, column=str(year)
        )
    return ore


def _stray_cells(row: Row, layout: _Layout) -> list[InputError]:
    return [
        InputError(
            f"Cellen ”{str(cell).strip()}” står i en kolumn utan rubrik. Kontrollera "
            "avgränsaren: i en fil med komma måste belopp med decimalkomma stå inom "
            "citattecken.",
            row=row.number,
            column=str(index + 1),
        )
        for index, cell in enumerate(row.cells)
        if (index in layout.blank or index >= layout.width) and str(cell).strip()
    ]
