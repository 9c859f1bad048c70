"""The national picture as one document: the sharing förbund side by side, with charts.

The page shows it (`render_html.body`) and the Excel download writes it
(`render_xlsx.xlsx`): one model, two renderers.
"""

from __future__ import annotations

from collections.abc import Sequence

from samordna.core import document as doc
from samordna.core.document import AMOUNT, COUNT, PERCENT, TEXT, Row, Series
from samordna.core.suppression import LEGEND
from samordna.network.figures import Figures

PER_PARTICIPANT_NOTE = (
    "Kostnad per deltagare: årets utfall för de individinriktade insatserna när bokföringen "
    "finns (u), annars budgeten (b); visas inte när antalet deltagare är skyddat."
)


def national_document(network_name: str, year: int, found: Sequence[Figures]) -> doc.Document:
    blocks: list[doc.Block] = [
        doc.Paragraph(
            f"{len(found)} förbund delar sina siffror för {year}. Siffrorna är de som förbunden "
            "själva redovisar; små antal är skyddade på samma sätt som i förbundens egna rapporter."
        )
    ]
    if found:
        blocks += [
            economy_table(found, year),
            participant_table(found, year),
            cost_chart(found, year),
            administration_chart(found, year),
            equity_chart(found, year),
            doc.Heading("Avslutade deltagare efter avslut och kön"),
            outcome_table(found, year),
            doc.Heading("Indikatorerna mot målen"),
            indicator_table(found, year),
        ]
    return doc.Document(
        kind="national",
        title=f"Förbunden sida vid sida {year}",
        association=network_name,
        year=year,
        subtitle=network_name,
        blocks=tuple(blocks),
        filename=f"forbunden-{year}",
        cover=False,
    )


ECONOMY_COLUMNS = (
    ("Förbund", TEXT),
    ("Medlemsbidrag", AMOUNT),
    ("Kostnader", AMOUNT),
    ("Administrationens andel", PERCENT),
    ("Eget kapital vid årets slut", AMOUNT),
    ("Tak för eget kapital", AMOUNT),
)
PARTICIPANT_COLUMNS = (
    ("Förbund", TEXT),
    ("Deltagare", COUNT),
    ("Kostnad per deltagare", AMOUNT),
    ("Grund", TEXT),
    ("Indikatorer som nått målet", TEXT),
)
EQUITY_NOTE = (
    "Eget kapital vid årets slut är budgetens ingående eget kapital plus årets resultat; "
    "”ej angivet” när budgeten inte anger eget kapital vid årets början. Taket följer av årets "
    "medlemsbidrag; ”okänt” när bidragen ligger över det enda steg som Nationella rådet har "
    "bekräftat."
)
NO_BUDGET_NOTE = "”ingen budget”: förbundet har ingen budget för {year} i Samordna."


def economy_table(found: Sequence[Figures], year: int) -> doc.Table:
    """Money per förbund; a förbund without a budget for the year says so in its row."""
    rows = [_economy_row(f) for f in found]
    note = f"Budget {year} (beslutad eller senaste version). {EQUITY_NOTE}"
    if any(not _has_budget(f) for f in found):
        note += " " + NO_BUDGET_NOTE.format(year=year)
    return doc.table(f"Ekonomi {year}", ECONOMY_COLUMNS, rows, note=note)


def _has_budget(f: Figures) -> bool:
    return f.budget.contributions is not None or f.budget.costs is not None


def _economy_row(f: Figures) -> tuple[object, ...]:
    money = f.budget
    if not _has_budget(f):
        return (f.association.name, "ingen budget", "", "", "", "")
    equity = "ej angivet" if money.equity is None else money.equity
    return (
        f.association.name,
        money.contributions,
        money.costs,
        money.administration_share,
        equity,
        "okänt" if money.cap is None else money.cap,
    )


def participant_table(found: Sequence[Figures], year: int) -> doc.Table:
    rows = [
        (
            f.association.name,
            f.participants.shown,
            f.cost_per_participant,
            {"utfall": "u", "budget": "b"}.get(f.cost_basis, ""),
            _indicators_met(f),
        )
        for f in found
    ]
    note = f"{PER_PARTICIPANT_NOTE} {LEGEND}"
    return doc.table(f"Deltagare och indikatorer {year}", PARTICIPANT_COLUMNS, rows, note=note)


def _indicators_met(f: Figures) -> str:
    """ "3 av 5" of the indicators with a target and a share shown; in words when none has."""
    if f.indicators.measured:
        return f"{f.indicators.met} av {f.indicators.measured}"
    return "ingen andel mot ett mål" if f.indicators.rows else "inga indikatorer"


def _names(found: Sequence[Figures]) -> tuple[str, ...]:
    return tuple(f.association.name for f in found)


def _chart_table(caption: str, heading: str, kind: str, rows: list[Row]) -> doc.Table:
    return doc.table(caption, (("Förbund", TEXT), (heading, kind)), rows)


def cost_chart(found: Sequence[Figures], year: int) -> doc.Chart:
    values = tuple(f.cost_per_participant for f in found)
    rows = [Row((f.association.name, f.cost_per_participant)) for f in found]
    table = _chart_table(f"Kostnad per deltagare {year}", "Kostnad per deltagare", AMOUNT, rows)
    return doc.Chart(
        f"Kostnad per deltagare {year}",
        "hbars",
        _names(found),
        (Series("Kostnad per deltagare", values),),
        table,
    )


def administration_chart(found: Sequence[Figures], year: int) -> doc.Chart:
    shares = [f.budget.administration_share for f in found]
    values = tuple(round(s) if s is not None else None for s in shares)
    rows = [Row((f.association.name, s)) for f, s in zip(found, shares, strict=True)]
    table = _chart_table(f"Administrationens andel {year}", "Andel av kostnaderna", PERCENT, rows)
    return doc.Chart(
        f"Administrationens andel av kostnaderna {year}",
        "bars",
        _names(found),
        (Series("Administration", values),),
        table,
        unit="percent",
        axis="Förbund",
    )


def equity_chart(found: Sequence[Figures], year: int) -> doc.Chart:
    rows = [Row((f.association.name, f.budget.equity, f.budget.cap)) for f in found]
    table = doc.table(
        f"Eget kapital mot taket {year}",
        (("Förbund", TEXT), ("Eget kapital", AMOUNT), ("Tak", AMOUNT)),
        rows,
    )
    return doc.Chart(
        f"Eget kapital vid årets slut mot taket {year}",
        "bars",
        _names(found),
        (Series("Eget kapital", tuple(f.budget.equity for f in found)),),
        table,
        limit=Series("Tak", tuple(f.budget.cap for f in found)),
        axis="Förbund",
    )


def outcome_table(found: Sequence[Figures], year: int) -> doc.Table:
    sexes = found[0].outcomes.columns
    rows: list[Row] = []
    for f in found:
        matrix = f.outcomes
        for reason, line, total in matrix.lines():
            rows.append(Row((f.association.name, reason, *(c.shown for c in line), total.shown)))
        totals = (c.shown for c in matrix.column_totals)
        rows.append(Row((f.association.name, "Summa", *totals, matrix.total.shown), "sum"))
    columns = [("Förbund", TEXT), ("Avslut", TEXT)]
    columns += [(s, COUNT) for s in sexes] + [("Totalt", COUNT)]
    return doc.table(f"Avslutade deltagare {year} per orsak och kön", columns, rows, note=LEGEND)


def indicator_table(found: Sequence[Figures], year: int) -> doc.Table:
    rows = [
        Row((f.association.name, str(number), text, percent, target, answers))
        for f in found
        for number, text, percent, target, answers in f.indicators.rows
        if percent is not None or target is not None
    ]
    columns = (
        ("Förbund", TEXT),
        ("Nr", TEXT),
        ("Indikator", TEXT),
        ("Uppfyllt", PERCENT),
        ("Mål", PERCENT),
        ("Svar", COUNT),
    )
    note = "Andelen visas när minst 5 har svarat och ingen liten grupp kan räknas fram."
    return doc.table(f"Indikatorer {year}: andel som instämmer, mot målet", columns, rows, note)
