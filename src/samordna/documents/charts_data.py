"""The charts as data: what each one shows and the table of figures printed beside it.

Drawing is `charts.py`; here only the numbers are chosen, so a test can check a
chart's figures against the app without looking at a picture.
"""

from __future__ import annotations

from collections.abc import Sequence

from samordna.core import budget as core
from samordna.core import document as doc
from samordna.core.calendar import year_label
from samordna.core.document import AMOUNT, COUNT, PERCENT, TEXT, Row, Series
from samordna.core.equity import EquityYear
from samordna.core.followup import Matrix

COST_SECTIONS = (core.Section.INDIVIDUAL, core.Section.STRUCTURAL, core.Section.ADMINISTRATION)


def budget_by_section(budget: core.Budget, unit: str) -> doc.Chart:
    """Costs per year split into individual insatser, structural insatser and administration."""
    totals = core.totals(budget)
    years = budget.years
    series = tuple(
        Series(core.SECTION_LABELS[s], tuple(totals[y].of([s]) for y in years))
        for s in COST_SECTIONS
    )
    rows = [Row((s.name, *s.values)) for s in series]
    rows.append(Row(("Summa kostnader", *(totals[y].costs for y in years)), "sum"))
    labels = tuple(year_label(y, years[0], budget.first_month) for y in years)
    columns = [("Avsnitt", TEXT)] + [(label, AMOUNT) for label in labels]
    table = doc.table("Kostnader per avsnitt", columns, rows, unit=unit)
    return doc.Chart(
        "Budgetens kostnader per avsnitt",
        "stacked",
        labels,
        series,
        table,
    )


def equity_against_cap(years: Sequence[EquityYear], table: doc.Table) -> doc.Chart:
    closing = Series("Utgående eget kapital", tuple(y.closing for y in years))
    cap = Series("Tak", tuple(y.cap.amount for y in years))
    return doc.Chart(
        "Eget kapital mot taket",
        "bars",
        tuple(str(y.year) for y in years),
        (closing,),
        table,
        limit=cap,
    )


def participants_by_outcome(matrix: Matrix, year: int) -> doc.Chart:
    """Finished participants per end reason and sex; hidden cells ("<5", "x") are not drawn."""
    series = tuple(
        Series(sex, tuple(_drawn(line[j].shown) for line in matrix.cells))
        for j, sex in enumerate(matrix.columns)
    )
    rows = [
        Row((reason, *(c.shown for c in line), total.shown))
        for reason, line, total in zip(matrix.rows, matrix.cells, matrix.row_totals, strict=True)
    ]
    rows.append(Row(("Summa", *(c.shown for c in matrix.column_totals), matrix.total.shown), "sum"))
    columns = [("Avslut", TEXT)] + [(s, COUNT) for s in matrix.columns] + [("Totalt", COUNT)]
    table = doc.table(
        f"Avslutade deltagare {year} per orsak och kön",
        columns,
        rows,
        note="Antal under 5 visas som <5; x är dolt för att skydda ett litet antal.",
    )
    return doc.Chart(
        f"Avslutade deltagare {year} efter avslut och kön",
        "hbars",
        matrix.rows,
        series,
        table,
        unit="count",
    )


def _drawn(shown: int | str) -> int | None:
    return shown if isinstance(shown, int) else None


def indicator_fulfilment(
    rows: Sequence[tuple[int, str, int | None, int | None, int | str]], year: int
) -> doc.Chart:
    """(number, text, percent fulfilled or None, target or None, answers) per indicator."""
    measured = [r for r in rows if r[2] is not None or r[3] is not None]
    series = (Series("Uppfyllt", tuple(r[2] for r in measured)),)
    target = Series("Mål", tuple(r[3] for r in measured))
    table_rows = [Row((str(n), text, p, t, answers)) for n, text, p, t, answers in rows]
    columns = (
        ("Nr", TEXT),
        ("Indikator", TEXT),
        ("Uppfyllt", PERCENT),
        ("Mål", PERCENT),
        ("Svar", COUNT),
    )
    table = doc.table(
        f"Indikatorer {year}: andel som instämmer",
        columns,
        table_rows,
        note="Andelen visas när minst 5 har svarat.",
    )
    return doc.Chart(
        f"Indikatorerna {year} mot målen",
        "bars",
        tuple(str(r[0]) for r in measured),
        series,
        table,
        unit="percent",
        limit=target,
        axis="Indikator nr",
    )
