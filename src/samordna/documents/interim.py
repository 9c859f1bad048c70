"""The delårsrapport YEAR for a period (T1, H1, T2 or January to a month): outcome to date per
budget line against the budget to date, a forecast for the year per line (the chef's where
typed, else linear), the forecast result and equity at year end against the cap, the
participants and insatser so far (protected with the rest of the follow-up), and the chef's
own text. The arithmetic is `core.interim`; this module reads the database for it."""

from __future__ import annotations

import calendar
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from django.db import transaction

from samordna.actuals import services as actuals
from samordna.actuals.models import ActualAmount
from samordna.associations.models import Association
from samordna.budgets import services as budgets
from samordna.budgets.models import Budget
from samordna.budgets.plan_version import cover_status, default_version, findings_of_year
from samordna.budgets.projection import bands_for, projection_of
from samordna.core import document as doc
from samordna.core import equity
from samordna.core import interim as core
from samordna.core.budget import SECTION_LABELS, Section, YearTotals
from samordna.core.budget_print import has_financial, names_section
from samordna.core.calendar import MONTH_NAMES, MONTHS
from samordna.core.document import AMOUNT, COUNT, TEXT, Block, Row
from samordna.core.interim import InterimLine, LineKey, Period
from samordna.core.money import format_amount
from samordna.core.suppression import Cell
from samordna.documents import common
from samordna.documents.followup_doc import sex_table
from samordna.documents.interim_models import InterimForecast
from samordna.documents.models import DocumentText
from samordna.followup import services as followup_services
from samordna.interventions.models import Intervention

TEXT_PREFIX = "delarsrapport_"
NOT_GRANTED = ("ide", "ansokan")  # an idea or an application is no insats yet
TEXT_HELP = (
    "Förbundschefens kommentar till perioden: viktiga händelser, avvikelser mot budgeten och "
    "vad prognosen bygger på. Rader som börjar med ”- ” blir en lista."
)


@dataclass(frozen=True)
class InterimFigures:
    year: int
    period: Period
    budget: Budget | None
    lines: list[InterimLine]
    months_without_books: list[int]
    has_books: bool
    findings: list[str]

    @property
    def first_month(self) -> int:
        return self.budget.first_month if self.budget else 1

    def totals(self, column: str) -> YearTotals:
        return core.totals(self.lines, column)


PERIOD_CHOICES = [
    ("T1", "Tertial 1 (januari–april)"),
    ("H1", "Första halvåret (januari–juni)"),
    ("T2", "Tertial 2 (januari–augusti)"),
] + [(str(m), core.parse_period(str(m)).months.capitalize()) for m in range(1, 13)]


def report_years(association: Association) -> list[int]:
    """Years with a budget or with books, newest first."""
    budgeted = association.budgets.filter(is_forecast=False).values_list("first_year", flat=True)
    booked = ActualAmount.objects.filter(association=association).values_list("year", flat=True)
    return sorted(set(budgeted) | set(booked), reverse=True)


def choice(association: Association) -> dict[str, Any]:
    """The years and periods the document list offers for a delårsrapport."""
    return {"interim_years": report_years(association), "interim_periods": PERIOD_CHOICES}


def has_books(association: Association, year: int) -> bool:
    """Whether any outcome is imported for `year` (a delårsrapport needs the books)."""
    return ActualAmount.objects.filter(association=association, year=year).exists()


def typed_forecasts(association: Association, year: int, period: Period) -> dict[LineKey, int]:
    saved = InterimForecast.objects.filter(association=association, year=year, period=period.code)
    return {(f.section, f.label): f.amount for f in saved}


@transaction.atomic
def save_forecasts(
    association: Association,
    year: int,
    period: Period,
    amounts: Mapping[LineKey, int | None],
    user: Any,
) -> None:
    """Keep the typed forecasts; an empty one goes back to the linear forecast."""
    for (section, label), amount in amounts.items():
        where: dict[str, Any] = {"association": association, "year": year, "period": period.code}
        found = InterimForecast.objects.filter(**where, section=section, label=label)
        if amount is None:
            for forecast in found:
                forecast.delete()  # one by one, so the history records each
            continue
        InterimForecast.objects.update_or_create(
            **where, section=section, label=label, defaults={"amount": amount, "saved_by": user}
        )


def text_of(association: Association, year: int, period: Period) -> str:
    saved = DocumentText.objects.filter(
        association=association, year=year, key=TEXT_PREFIX + period.code
    ).first()
    return saved.text if saved else ""


def save_text(association: Association, year: int, period: Period, text: str, user: Any) -> None:
    DocumentText.objects.update_or_create(
        association=association,
        year=year,
        key=TEXT_PREFIX + period.code,
        defaults={"text": text.strip(), "saved_by": user},
    )


def figures(association: Association, year: int, period: Period) -> InterimFigures:
    version = default_version(association, year)
    budget = version.budget if version else None
    first_month = budget.first_month if budget else 1
    by_line = actuals.actuals_by_line(association, year)
    lines = core.interim_lines(
        budgets.to_core(version) if version else None,
        year,
        by_line,
        period.through,
        typed_forecasts(association, year, period),
        first_month,
    )
    booked = ActualAmount.objects.filter(association=association, year=year)
    months = set(booked.values_list("month", flat=True))
    missing = core.missing_months(months, period.through, first_month)
    found = InterimFigures(year, period, budget, lines, missing, bool(months), [])
    return replace(found, findings=_findings(association, found))


def _findings(association: Association, found: InterimFigures) -> list[str]:
    year = found.year
    problems = []
    if not found.has_books:
        problems.append(f"Det finns ingen bokföring för {year}: importera SIE-filen först.")
    elif found.months_without_books:
        problems.append(
            f"Bokföringen saknar belopp för {_months(found.months_without_books)} {year}; "
            "utfallet hittills är för lågt om månaderna inte är bokförda ännu."
        )
    if found.budget is None:
        problems.append(f"Det finns ingen budget för {year}; budgeten hittills räknas som 0 kr.")
    for number, name, amount in actuals.unmapped_accounts(association, year):
        problems.append(
            f"Konto {number} {name} ({format_amount(amount)} under året) hör inte till någon "
            "budgetrad och finns inte med i utfallet."
        )
    return problems + findings_of_year(association, year)


def _months(months: list[int]) -> str:
    return common.joined(MONTH_NAMES[m - 1] for m in months)


def last_day(year: int, period: Period) -> date:
    return date(year, period.through, calendar.monthrange(year, period.through)[1])


def default_period(association: Association, year: int) -> Period:
    """The longest tertial or half year the books cover, else January to the last booked month."""
    through = actuals.last_month(association, year) or 4
    for code in ("T2", "H1", "T1"):
        if through == core.TERTIALS[code]:
            return core.parse_period(code)
    return core.parse_period(str(through))


@common.in_swedish
def build(association: Association, year: int, period: Period) -> doc.Document:
    found = figures(association, year, period)
    blocks: list[Block] = [
        doc.Heading("Sammanfattning"),
        doc.Paragraph(_summary(found)),
        *_comment(text_of(association, year, period)),
        *_economy(found),
        *_equity(found),
        *participant_blocks(association, year, period),
    ]
    return doc.Document(
        kind="interim",
        title=f"Delårsrapport {year}",
        subtitle=f"{period.name[:1].upper()}{period.name[1:]} {year}, med prognos för helåret",
        association=association.name,
        year=year,
        cover_lines=common.cover_lines(association, cover_status(_version(association, year))),
        blocks=tuple(blocks),
        filename=f"delarsrapport-{association.slug}-{year}-{period.slug}",
        logo=common.logo(association),
        findings=tuple(found.findings),
    )


def _comment(text: str) -> list[Block]:
    """The chef's own words, under their heading only when written."""
    return common.section("Förbundschefens kommentar", [], text, 2) if text.strip() else []


def _version(association: Association, year: int) -> Any:
    return default_version(association, year)


def _summary(found: InterimFigures) -> str:
    outcome, budget = found.totals("outcome_to_date"), found.totals("budget_to_date")
    forecast, yearly = found.totals("forecast"), found.totals("budget_year")
    kr = format_amount
    return (
        f"Under {found.period.months} {found.year} var intäkterna {kr(outcome.income)} och "
        f"kostnaderna {kr(outcome.costs)}, mot budgeterade {kr(budget.income)} och "
        f"{kr(budget.costs)} för perioden. Prognosen för helåret är ett resultat (årets "
        f"resultat) på {kr(forecast.result)} mot budgeterade {kr(yearly.result)}."
    )


def _method(found: InterimFigures) -> str:
    months, elapsed = core.months_in_budget(found.first_month), found.period.through
    elapsed = core.months_elapsed(elapsed, found.first_month)
    return (
        "Budget hittills är årsbudgeten fördelad jämnt över budgetårets månader "
        f"(årsbudgeten × {elapsed}/{months}): budgeten har ingen fördelning per månad. "
        "Prognosen för helåret är förbundschefens där den är inskriven (”Inskriven”); "
        f"annars fortsätter utfallet i samma takt året ut, utfallet × {months}/{elapsed} "
        "(”Linjär”). Budget för perioden och prognoserna är avrundade till hela kronor."
    )


def _economy(found: InterimFigures) -> list[Block]:
    heading = doc.Heading("Utfall och prognos per budgetrad")
    if not found.lines:
        return [heading, doc.Paragraph(f"Det finns varken budget eller utfall för {found.year}.")]
    return [heading, doc.Paragraph(_method(found)), _to_date_table(found), _forecast_table(found)]


def _short(period: Period) -> str:
    """ "jan–apr", or "jan" alone."""
    return MONTHS[0] if period.through == 1 else f"{MONTHS[0]}–{MONTHS[period.through - 1]}"


def _to_date_table(found: InterimFigures) -> doc.Table:
    months = _short(found.period)
    columns = (
        ("Budgetpost", TEXT),
        (f"Budget {months}", AMOUNT),
        (f"Utfall {months}", AMOUNT),
        ("Avvikelse", AMOUNT),
    )
    rows = _section_rows(found, len(columns), _to_date_cells)
    rows += _total_rows(found, ("budget_to_date", "outcome_to_date"), with_source=False)
    caption = f"Utfall {found.period.months} {found.year} mot budget för perioden"
    return doc.table(caption, columns, rows, "Avvikelse: utfall minus budget för perioden.")


def _forecast_table(found: InterimFigures) -> doc.Table:
    year = found.year
    columns = (
        ("Budgetpost", TEXT),
        (f"Budget {year}", AMOUNT),
        (f"Prognos {year}", AMOUNT),
        ("Avvikelse", AMOUNT),
        ("Prognosgrund", TEXT),
    )
    rows = _section_rows(found, len(columns), _forecast_cells)
    rows += _total_rows(found, ("budget_year", "forecast"), with_source=True)
    note = "Avvikelse: prognos minus årets budget. Prognosgrund: inskriven av förbundschefen "
    note += "eller linjär från utfallet hittills."
    return doc.table(f"Prognos för helåret {year} per budgetrad", columns, rows, note)


def _section_rows(
    found: InterimFigures, width: int, cells: Callable[[InterimLine], tuple[object, ...]]
) -> list[Row]:
    rows: list[Row] = []
    section = None
    for line in found.lines:
        if line.section != section:
            section = line.section
            if not names_section(section, line.label):
                rows.append(Row((SECTION_LABELS[section], *[None] * (width - 1)), "heading"))
        rows.append(Row(cells(line)))
    return rows


def _to_date_cells(line: InterimLine) -> tuple[object, ...]:
    return (line.label, line.budget_to_date, line.outcome_to_date, line.deviation_to_date)


def _forecast_cells(line: InterimLine) -> tuple[object, ...]:
    source = core.SOURCE_WORDS[line.source]
    return (line.label, line.budget_year, line.forecast, line.forecast_deviation, source)


TOTAL_ROWS = (
    ("Summa intäkter", "income", "sum"),
    ("Ianspråktaget eget kapital", "equity_drawn", "sum"),
    ("Summa kostnader", "costs", "sum"),
    ("Finansiella poster, netto", "financial", "sum"),
    ("Årets resultat", "result", "result"),
    ("Budgetbalans", "balance", "result"),
)


def _total_rows(found: InterimFigures, pair: tuple[str, str], with_source: bool) -> list[Row]:
    """The sums and both results of a budget column and the column set against it; equity drawn
    and the financial items only where either column has them (as the plan's bottom line)."""
    budget, against = (found.totals(column) for column in pair)
    left_out = set()
    if not (budget.equity_drawn or against.equity_drawn):
        left_out.add("equity_drawn")
    if not has_financial((budget, against)):
        left_out.add("financial")
    rows = []
    for label, field, style in TOTAL_ROWS:
        if field in left_out:
            continue
        planned, actual = getattr(budget, field), getattr(against, field)
        cells: tuple[object, ...] = (label, planned, actual, actual - planned)
        rows.append(Row((*cells, "") if with_source else cells, style))
    return rows


def _equity(found: InterimFigures) -> list[Block]:
    heading = doc.Heading("Eget kapital vid årets slut")
    years = projection_of(found.budget) if found.budget else []
    if not years:
        return [
            heading,
            doc.Paragraph(
                "Budgeten anger inget eget kapital vid årets början, så eget kapital vid årets "
                "slut kan inte beräknas."
            ),
        ]
    planned = years[0]
    forecast = equity.project(
        planned.opening,
        {found.year: found.totals("forecast").result},
        {found.year: planned.contributions},
        bands_for(found.budget),  # type: ignore[arg-type]
    )[0]
    rows = [
        (label, y.opening, y.result, y.closing, y.cap.amount)
        for label, y in (("Enligt budget", planned), ("Enligt prognos", forecast))
    ]
    columns = (
        ("", TEXT),
        ("Ingående eget kapital", AMOUNT),
        ("Årets resultat", AMOUNT),
        ("Utgående eget kapital", AMOUNT),
        ("Tak", AMOUNT),
    )
    table = doc.table(f"Eget kapital {found.year} mot taket", columns, rows)
    said = equity.warning(forecast) or (
        f"Enligt prognosen är eget kapital vid årets slut {format_amount(forecast.closing)}, "
        f"inom taket {format_amount(forecast.cap.amount or 0)}."
    )
    return [heading, table, doc.Paragraph(said)]


def participant_blocks(association: Association, year: int, period: Period) -> list[Block]:
    """Participants and insatser so far, protected with the year's tables (the last section)."""
    until = last_day(year, period)
    found = followup_services.so_far(association, year, period.through)
    when = f"1 januari–{doc.long_date(until)}"
    since = f"Från 1 januari till {doc.long_date(until)}"
    blocks: list[Block] = [doc.Heading("Deltagare och insatser hittills i år")]
    if found.participants.count:
        blocks.append(
            doc.Paragraph(
                f"{since} deltog {found.participants.shown} personer i förbundets "
                f"individinriktade insatser, och {found.exits.shown} avslutade sin insats. "
                "Grupper med färre än fem personer visas som ”<5”."
            )
        )
        caption = f"Deltagare {period.months} {year} per kön"
        blocks.append(sex_table(found.by_sex, caption, "Deltog hittills i år"))
    else:
        blocks.append(doc.Paragraph(f"Inga deltagare är registrerade under {when}."))
    blocks.append(_insats_table(association, year, period, found.by_insats))
    return blocks


def _insats_table(
    association: Association, year: int, period: Period, by_insats: Mapping[int, Cell]
) -> doc.Table:
    until, first = last_day(year, period), date(year, 1, 1)
    running = (
        Intervention.objects.filter(association=association)
        .exclude(status__in=NOT_GRANTED)
        .exclude(start__gt=until)
        .exclude(end__lt=first)
        .order_by("kind", "name")
    )
    rows = []
    for insats in running:
        shown = by_insats[insats.pk].shown if insats.pk in by_insats else ""
        kind = SECTION_LABELS[Section(insats.kind)].removesuffix(" insatser").lower()
        rows.append((insats.name, kind, common.period(insats.start, insats.end), shown))
    columns = (("Insats", TEXT), ("Inriktning", TEXT), ("Period", TEXT), ("Deltagare", COUNT))
    note = "" if rows else "Inga insatser pågår under perioden."
    return doc.table(f"Insatser {period.months} {year}", columns, rows, note)
