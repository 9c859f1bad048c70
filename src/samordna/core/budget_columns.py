"""The budget check of a whole file, read a column at a time (issue 19: 5 000 lines × 10 years).

`check_budget_cells` gives exactly what `check_budget(budget_from_table(...))` gives for the
header and rows of a file (`samordna.tables.read_cells`), or raises the same InputError, without
a BudgetRow per line: the section column and each year's column of amounts are read at once, and
the sums per year are taken over slices of the columns.

- A row that is not plain (`budget_file._plain_row`: a known section, every year cell empty or a
  whole number, nothing beyond the columns) is read row by row, with the same messages.
- A file with note columns or columns without a header, a year given as a lump (the lines of a
  stated sum all empty) or more rows than a budget may have is read and checked the row-by-row
  way, which places lumps.

A Hypothesis test compares the two ways on whole files (tests/core/test_budget_fast_path.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import compress, groupby, pairwise, repeat
from operator import is_, itemgetter

from samordna.core.budget import (
    COST_SECTIONS,
    INCOME_SECTIONS,
    BudgetRow,
    RowKind,
    Section,
    year_totals,
)
from samordna.core.budget_check import (
    BudgetCheck,
    check_budget,
    no_lines_finding,
    result_finding,
    sum_findings,
)
from samordna.core.budget_file import (
    MAX_ROWS,
    _Layout,
    _layout,
    _row,
    budget_from_table,
    parse_section,
)
from samordna.core.findings import Finding, InputError, every_row
from samordna.core.money import MAX_ORE, ORE_PER_UNIT, parse_whole_units
from samordna.core.table import Row, Table, table_of

Kind = tuple[RowKind, Section | None]
Run = tuple[Section, int, int]  # lines of one section: their first and end positions
_SUMMED = {RowKind.INCOME_SUM: INCOME_SECTIONS, RowKind.COST_SUM: COST_SECTIONS}


@dataclass(frozen=True)
class CheckedFile:
    """A budget file's years, unit and first month, and its check."""

    years: tuple[int, ...]
    unit: str
    first_month: int
    check: BudgetCheck


@dataclass(frozen=True)
class _Columns:
    numbers: list[int]  # each row's number in the file
    kinds: list[Kind]
    amounts: list[list[int]]  # per year: each row's amount in units of `scale`, 0 when empty
    empty: list[set[int]]  # per year: the numbers of the rows whose cell is empty
    scale: int  # öre per unit of `amounts`: the file's unit, or 1 when a row has ören


def check_budget_cells(
    header: tuple[str, ...], rows: Sequence[list[str]], unit: str | None = None
) -> CheckedFile:
    """Read and check a budget file's rows below its header; InputError as `budget_from_table`."""
    if len(rows) <= MAX_ROWS:
        layout = _layout(Table(header, ()), unit)
        columns = None if layout.blank or layout.notes else _columns(rows, layout)
        check = _check_columns(columns, layout.years) if columns else None
        if check is not None:
            return CheckedFile(layout.years, layout.unit, layout.first_month, check)
    budget = budget_from_table(table_of(header, rows), unit)
    return CheckedFile(budget.years, budget.unit, budget.first_month, check_budget(budget))


def check_budget_lines(
    delimiter: str, lines: list[str], unit: str | None = None
) -> CheckedFile | None:
    """`check_budget_cells` of a file whose rows are its lines split at `delimiter` (every line
    with as many cells as the header: `tables.plain_csv_lines`), when the years are the last
    columns and every row names a known section and gives a whole number each year; None for
    any other file, for `check_budget_cells`. A header it cannot read raises the same InputError.

    The year cells of all rows are read in one go: each line split once before its first year
    cell, the rest of the lines joined and read by `money.parse_whole_units`."""
    header = lines[0].split(delimiter)
    if not 1 < len(lines) <= MAX_ROWS + 1 or not header[-1]:
        return None
    layout = _layout(Table(tuple(cell.replace("\ufeff", "").strip() for cell in header), ()), unit)
    first = layout.width - len(layout.years)
    if layout.blank or layout.notes or layout.year_columns != tuple(range(first, layout.width)):
        return None
    parts = list(map(str.split, lines[1:], repeat(delimiter), repeat(first)))
    kinds = _kinds([cells[layout.section] for cells in parts])
    years = delimiter.join(map(itemgetter(first), parts))
    amounts = None if None in kinds else parse_whole_units(years, delimiter, layout.unit)
    return None if amounts is None else _checked_lines(kinds, amounts, layout)  # type: ignore[arg-type]


def _kinds(names: Sequence[str]) -> list[Kind | None]:
    """The row kind each `avsnitt` cell names (None when unknown), each spelling looked up once."""
    known = {name: parse_section(name.strip()) for name in set(names)}
    return list(map(known.__getitem__, names))


def _checked_lines(kinds: list[Kind], amounts: list[int], layout: _Layout) -> CheckedFile | None:
    """The check of rows of `kinds` whose amounts are given row after row, every year."""
    count, numbers = len(layout.years), list(range(2, len(kinds) + 2))
    per_year = [amounts[year::count] for year in range(count)]
    empty: list[set[int]] = [set() for _ in per_year]
    columns = _Columns(numbers, kinds, per_year, empty, ORE_PER_UNIT[layout.unit])
    if (check := _check_columns(columns, layout.years)) is None:
        return None  # a year given as a lump: not in a file whose every cell is a number
    return CheckedFile(layout.years, layout.unit, layout.first_month, check)


def _columns(rows: Sequence[list[str]], layout: _Layout) -> _Columns | None:
    """The rows as columns; None when no budget row is left (the row-by-row way says so)."""
    if not rows:
        return None
    width = layout.width
    lengths = set(map(len, rows))
    grid = rows if lengths <= {width} else [_to_width(cells, width) for cells in rows]
    columns = list(zip(*grid, strict=True))
    kinds = _kinds(columns[layout.section])
    odd = {i for i, kind in enumerate(kinds) if kind is None} if None in kinds else set()
    if max(lengths, default=0) > width:
        odd.update(i for i, cells in enumerate(rows) if len(cells) > width)
    amounts, blank, bad = _year_columns([columns[i] for i in layout.year_columns], layout.unit)
    numbers = list(range(2, len(rows) + 2))
    found = _Columns(numbers, kinds, amounts, blank, ORE_PER_UNIT[layout.unit])  # type: ignore[arg-type]
    odd |= bad
    return _with_odd_rows(found, rows, sorted(odd), layout) if odd else found


def _to_width(cells: list[str], width: int) -> list[str]:
    return cells[:width] if len(cells) >= width else [*cells, *[""] * (width - len(cells))]


def _year_columns(
    texts: list[tuple[str, ...]], unit: str
) -> tuple[list[list[int]], list[set[int]], set[int]]:
    """Each year's cells as whole units, the numbers of the rows whose cell is empty and the
    positions of the rows with a cell that is not a whole number (`budget_file._whole_kronor`)."""
    amounts, empty, bad = [], [], set()
    for column in texts:
        values = _whole_column(column, unit)
        blank: list[int] = []
        if values is None:
            values, blank, odd = _year_cells(column, ORE_PER_UNIT[unit])
            bad.update(odd)
        amounts.append(values)
        empty.append({index + 2 for index in blank})
    return amounts, empty, bad


def _whole_column(texts: tuple[str, ...], unit: str) -> list[int] | None:
    """A year's cells at once when every one is a whole number (`money.parse_whole_units`);
    None for anything else, to be read cell by cell."""
    return parse_whole_units(";".join(texts), ";", unit)


def _whole_numbers(parts: list[str], factor: int) -> list[int] | None:
    """Every part as a whole number of units within the limit, or None."""
    try:
        whole = list(map(int, parts))
    except ValueError:
        return None
    limit = MAX_ORE // factor
    return whole if max(whole) <= limit and min(whole) >= -limit else None


def _year_cells(texts: tuple[str, ...], factor: int) -> tuple[list[int], list[int], list[int]]:
    values, blank, bad = [], [], []
    for index, text in enumerate(texts):
        part = text.replace(" ", "")
        value = (
            _whole_numbers([part], factor) if part and "_" not in part and "|" not in part else None
        )
        if not part:
            blank.append(index)
        elif value is None:
            bad.append(index)
        values.append(value[0] if value else 0)
    return values, blank, bad


def _with_odd_rows(
    found: _Columns, rows: Sequence[list[str]], odd: list[int], layout: _Layout
) -> _Columns | None:
    """The columns with each odd row read row by row: its values, or left out when it is empty
    or a note; one InputError naming every bad cell, as `budget_from_table` raises it."""
    read = every_row(odd, [], lambda index: _odd_row(rows[index], index, layout))
    scale, amounts = found.scale, found.amounts
    if any(amount % scale for _, row in read for amount in row.amounts.values()):
        scale, amounts = 1, [list(map(scale.__mul__, values)) for values in amounts]
    for index, row in read:
        found.kinds[index] = (row.kind, row.section)
        for values, empty, year in zip(amounts, found.empty, layout.years, strict=True):
            values[index] = row.amounts.get(year, 0) // scale
            (empty.discard if year in row.amounts else empty.add)(index + 2)
    keep = [index not in set(odd) - {index for index, _ in read} for index in range(len(rows))]
    if not any(keep):
        return None
    return _Columns(
        list(compress(found.numbers, keep)),
        list(compress(found.kinds, keep)),
        [list(compress(values, keep)) for values in amounts],
        found.empty,
        scale,
    )


def _odd_row(
    cells: list[str], index: int, layout: _Layout
) -> tuple[tuple[int, BudgetRow] | None, list[InputError]]:
    row = Row(index + 2, tuple(cells))
    if row.is_empty:
        return None, []
    value, problems = _row(row, layout)
    return (None if value is None else (index, value)), problems


def _check_columns(columns: _Columns, years: tuple[int, ...]) -> BudgetCheck | None:
    """`check_budget` over the columns; None when a year is given as a lump."""
    kinds, numbers, scale = columns.kinds, columns.numbers, columns.scale
    sections = map(itemgetter(1), kinds)  # only a line has a section
    stated = list(compress(range(len(kinds)), map(is_, sections, repeat(None))))
    segments = [_runs(kinds, start + 1, end) for start, end in pairwise([-1, *stated, len(kinds)])]
    reads_above = [kinds[position][0] is not RowKind.SUM for position in stated] + [True]
    sums = [_year_sums(segments, values, reads_above, scale) for values in columns.amounts]
    any_empty = any(columns.empty)
    findings: list[Finding] = []
    reset = 0  # the first segment the next Summa row sums
    for step, position in enumerate(stated):
        kind, number = kinds[position][0], numbers[position]
        runs = _summed_runs(kind, segments[reset : step + 1], segments[: step + 1])
        if kind is RowKind.SUM and runs and not any_empty:
            spans = [ends[step + 1] - ends[reset] for _, ends in sums]
            if spans == [values[position] for values in columns.amounts]:
                reset = step + 1
                continue  # every year as stated: nothing to say
        for values, empty, (above, ends), year in zip(
            columns.amounts, columns.empty, sums, years, strict=True
        ):
            if number in empty:
                continue  # the row states nothing this year
            if runs and empty and _all_empty(runs, numbers, empty):
                return None
            span = (ends[step + 1] - ends[reset]) * scale
            given = values[position] * scale
            findings += _findings(kind, number, year, given, above[step], span, runs)
        reset = step + 1 if kind is RowKind.SUM else reset
    final = {year: year_totals(above[-1]) for year, (above, _) in zip(years, sums, strict=True)}
    return BudgetCheck(tuple(findings), final)


def _runs(kinds: list[Kind], start: int, end: int) -> list[Run]:
    """The lines from `start` to `end` as runs of one section each."""
    runs = []
    for (_, section), group in groupby(kinds[start:end]):
        length = len(list(group))
        if section is not None:  # always: the rows between stated rows are lines
            runs.append((section, start, start + length))
        start += length
    return runs


def _year_sums(
    segments: list[list[Run]], values: list[int], reads_above: list[bool], scale: int
) -> tuple[list[dict[Section, int]], list[int]]:
    """For one year: the sums per section in öre of every line up to the end of each segment
    (for the segments whose stated row reads them, and the last), and the running sum of the
    segments in units (the sum of segments i to j is ends[j + 1] − ends[i])."""
    running = dict.fromkeys(Section, 0)
    above: list[dict[Section, int]] = []
    ends = [0]
    for runs, wanted in zip(segments, reads_above, strict=True):
        total = ends[-1]
        for section, start, end in runs:
            amount = sum(values[start:end])
            running[section] += amount
            total += amount
        above.append({key: value * scale for key, value in running.items()} if wanted else {})
        ends.append(total)
    return above, ends


def _summed_runs(kind: RowKind, span: list[list[Run]], above: list[list[Run]]) -> list[Run]:
    """The lines a stated row sums (`budget._summed`): a Summa row its span, Summa intäkter and
    Summa kostnader every line of their sections above; a result none."""
    if kind is RowKind.SUM:
        return [run for runs in span for run in runs]
    sections = _SUMMED.get(kind, frozenset())
    return [run for runs in above for run in runs if run[0] in sections]


def _all_empty(runs: list[Run], numbers: list[int], empty: set[int]) -> bool:
    """True when every line in `runs` is empty this year: the stated sum is a lump."""
    return all(all(map(empty.__contains__, numbers[start:end])) for _, start, end in runs)


def _findings(
    kind: RowKind,
    number: int,
    year: int,
    stated: int,
    above: dict[Section, int],
    span: int,
    runs: list[Run],
) -> list[Finding]:
    """`budget_check._check` for a row that states `stated` this year."""
    if kind is RowKind.RESULT:
        return [result_finding(year_totals(above), number, year, stated)]
    if not runs:
        return [no_lines_finding(number, year, stated)]
    computed = span if kind is RowKind.SUM else sum(above[section] for section in _SUMMED[kind])
    return sum_findings(kind, number, year, stated, computed)
