"""The budget file: a Table (from CSV or XLSX) read into a Budget.

Header `avsnitt;rad;2025;2026…` (or `section,line,…`). A year header may carry
the unit, `2008 (tkr)`; a unit given by the caller wins. Each row names its
`avsnitt` (Swedish or English, any case), a label and an amount per year.
Anything that cannot be read raises InputError naming the row and the column,
with the year as the column name for amounts; every bad cell of the rows is named in the
one error, as in the members file. The format is described for
users in docs/filformat/budget.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from samordna.core.budget import Budget, BudgetRow, RowKind, Section
from samordna.core.findings import InputError, every_row
from samordna.core.money import MoneyError, parse_amount
from samordna.core.table import Row, Table

SECTION_HEADERS = ("avsnitt", "section")
LABEL_HEADERS = ("rad", "line", "label")
UNITS = ("kr", "tkr")
MAX_ROWS = 6_000  # a förbund's budget has tens of lines; issue 19 checks 5 000 in `make bench`
MAX_YEARS = 10

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
    (RowKind.SUM, None): "summa, total, delsumma, sum, subtotal",
    (RowKind.INCOME_SUM, None): "summa intäkter, summa intäkter totalt, intäkter totalt, "
    "totala intäkter, total income, income total",
    (RowKind.COST_SUM, None): "summa kostnader, summa kostnader totalt, kostnader totalt, "
    "totala kostnader, total costs, total cost, costs total",
    (RowKind.RESULT, None): "resultat, årets resultat, balans, budgetbalans, result, balance",
}


def _fold(text: str) -> str:
    """Compare section names without case, extra spaces, diacritics or a trailing colon."""
    plain = " ".join(text.casefold().replace("\ufeff", "").split()).rstrip(":").strip()
    return plain.translate(str.maketrans("åäöéü", "aaoeu"))


_KINDS = {_fold(name): kind for kind, names in _NAMES.items() for name in names.split(", ")}
_CONTRIBUTIONS = frozenset(_fold(name) for name in CONTRIBUTION_NAMES.split(", "))


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
    other = [i for i in range(len(table.header)) if i not in (section, label)]
    blank = tuple(i for i in other if not table.header[i].strip())
    columns = [i for i in other if i not in blank]
    years = _year_columns(table, columns)
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
    )


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
    errors = _stray_cells(row, layout)
    name = row.get(layout.section)
    kind = parse_section(name) if name else None
    if name and kind is None:
        errors.append(_unknown_section(name, row, layout))
    amounts, bad_amounts = _amounts(row, layout)
    errors += bad_amounts
    if not name and (amounts or bad_amounts):
        message = "Avsnitt saknas på en rad med belopp."
        errors.append(InputError(message, row=row.number, column=layout.section_name))
    if errors or kind is None:
        return None, errors
    contribution = _fold(name) in _CONTRIBUTIONS or _names_contributions(
        kind, row.get(layout.label)
    )
    return BudgetRow(kind[0], row.get(layout.label), amounts, kind[1], row.number, contribution), []


def _names_contributions(kind: tuple[RowKind, Section | None], label: str) -> bool:
    """An income line whose text names the members' contributions (see CONTRIBUTION_WORDS)."""
    if kind != (RowKind.LINE, Section.INCOME):
        return False
    return any(word.startswith(CONTRIBUTION_WORDS) for word in _fold(label).split())


def _unknown_section(name: str, row: Row, layout: _Layout) -> InputError:
    return InputError(
        f"Okänt avsnitt ”{name}”. Använd Intäkter, Medlemsbidrag, Eget kapital, "
        "Individinriktade insatser, Strukturinriktade insatser, Kansli, Summa, Summa intäkter, "
        "Summa kostnader eller Resultat.",
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
