"""The annual follow-up (verksamhetsberättelse) YEAR: results against goals, participants and
outcomes by sex, indicator fulfilment, budget against outcome per line, equity against the cap,
the meetings held and the decisions taken."""

from __future__ import annotations

from dataclasses import replace

from samordna.associations.models import Association
from samordna.budgets import services as budgets
from samordna.budgets.outcome import outcome_columns
from samordna.budgets.plan_version import findings_of_year
from samordna.budgets.projection import bands_for, projection_of
from samordna.core import document as doc
from samordna.core import equity, followup
from samordna.core.budget import SECTION_LABELS
from samordna.core.document import AMOUNT, COUNT, TEXT, Block, Row
from samordna.core.money import format_amount
from samordna.core.outcome import OutcomeTable, deviation, outcome_table
from samordna.core.suppression import shown
from samordna.documents import charts_data, common, images
from samordna.documents.texts import texts_for
from samordna.followup import services as followup_services
from samordna.followup.models import Episode
from samordna.interventions.models import Decision, Meeting


@common.in_swedish
def build(association: Association, year: int) -> doc.Document:
    texts = texts_for(association, year)
    blocks: list[Block] = []
    blocks += common.section("Årets verksamhet", [], texts["arets_verksamhet"].text)
    blocks += _participants(association, year)
    blocks += _indicators(association, year)
    blocks += _budget_outcome(association, year)
    blocks += _meetings(association, year)
    return doc.Document(
        kind="followup",
        title=f"Verksamhetsberättelse {year}",
        subtitle=f"Uppföljning av verksamhetsplan och budget {year}",
        association=association.name,
        year=year,
        cover_lines=common.cover_lines(association, ""),
        blocks=tuple(images.with_images(association, blocks)),
        filename=f"verksamhetsberattelse-{association.slug}-{year}",
        logo=common.logo(association),
        findings=tuple(findings_of_year(association, year)),
    )


def _participants(association: Association, year: int) -> list[Block]:
    episodes = Episode.objects.filter(intervention__association=association)
    found = followup_services.report(association, year)
    blocks: list[Block] = [doc.Heading("Resultat mot målen")]
    blocks.append(_subgoal_table(found, year))
    blocks.append(doc.Heading("Deltagare"))
    if episodes.filter(synthetic=True).exists():
        blocks.append(
            doc.Paragraph(
                "Deltagaruppgifterna i detta demoförbund är påhittade; de visar hur "
                "redovisningen ser ut."
            )
        )
    if not found.participants.count:
        return [*blocks, doc.Paragraph(f"Inga deltagare är registrerade för {year}.")]
    blocks.append(doc.Paragraph(_participant_facts(found)))
    blocks.append(by_sex_table(found, year))
    matrix = followup_services.outcomes_by_sex(association, year)
    if matrix.rows:
        blocks.append(charts_data.participants_by_outcome(matrix, year))
    return blocks


def _participant_facts(found: followup.Report) -> str:
    parts = [
        f"Under {found.year} deltog {found.participants.shown} personer i förbundets "
        f"individinriktade insatser, och {found.exits.shown} avslutade sin insats."
    ]
    if found.months_in_insats:
        parts.append(
            f"Mediantiden i insats för dem som avslutades var {found.months_in_insats} månader."
        )
    if found.quality_change:
        parts.append(
            f"Livskvaliteten ändrades i genomsnitt med {found.quality_change} steg "
            "på skalan 0–10 mellan start och avslut."
        )
    if found.cost_per_participant is not None:
        parts.append(f"Kostnaden per deltagare var {format_amount(found.cost_per_participant)}.")
    return " ".join(parts)


def _subgoal_table(found: followup.Report, year: int) -> doc.Table:
    rows = []
    for goal in found.subgoals:
        target = f"Minst {goal.target.part} av {goal.target.of}" if goal.target else "Inget mål"
        outcome = (
            f"{shown(goal.part)} av {shown(goal.whole)} ({goal.share})"
            if goal.share
            else "För få avslutade"
        )
        rows.append((goal.label, target, outcome, goal.verdict))
    columns = (("Delmål", TEXT), ("Mål", TEXT), ("Utfall", TEXT), ("Bedömning", TEXT))
    return doc.table(f"Delmål {year}: deltagare som avslutades", columns, rows)


def by_sex_table(found: followup.Report, year: int, label: str = "Deltog under året") -> doc.Table:
    return sex_table(found.by_sex, f"Deltagare {year} per kön", label)


def sex_table(by_sex: followup.Breakdown, caption: str, label: str) -> doc.Table:
    """Participants by sex as one row: `label`, each sex and the total, protected as given."""
    columns = [("Deltagare", TEXT), *((sex, COUNT) for sex in by_sex.labels)]
    columns.append(("Totalt", COUNT))
    cells = [c.shown for c in by_sex.cells]
    return doc.table(caption, columns, [(label, *cells, by_sex.total.shown)])


def _indicators(association: Association, year: int) -> list[Block]:
    rows = [
        (
            r.indicator.number,
            r.indicator.text or "(lydelsen är inte inskriven)",
            r.fulfilment.percent,
            r.fulfilment.target,
            r.fulfilment.answers_shown,
        )
        for r in followup_services.indicator_rows(association, year)
        if r.fulfilment.answers or r.fulfilment.target is not None
    ]
    blocks: list[Block] = [doc.Heading("Indikatorer")]
    if not rows:
        return [*blocks, doc.Paragraph(f"Inga indikatorsvar är registrerade för {year}.")]
    return [*blocks, charts_data.indicator_fulfilment(rows, year)]


def _budget_outcome(association: Association, year: int) -> list[Block]:
    plan, actual = outcome_columns(association, year + 1)[:2]
    plan = replace(plan, heading=f"Budget {year}")
    found = outcome_table([plan, actual])
    blocks: list[Block] = [doc.Heading("Budget och utfall")]
    if plan.budget is None:
        return [*blocks, doc.Paragraph(f"Det finns ingen budget för {year}.")]
    blocks.append(_outcome_table(found, year))
    blocks += _equity(association, year, found)
    return blocks


def _outcome_table(found: OutcomeTable, year: int) -> doc.Table:
    rows: list[Row] = []
    section = None
    for line in found.rows:
        if line.section != section:
            section = line.section
            if not line.names_section:
                rows.append(Row((SECTION_LABELS[section], None, None, None), "heading"))
        rows.append(Row((line.label, *line.amounts, deviation(*line.amounts))))
    results = [t.result if t else None for t in found.totals]
    rows.append(Row(("Årets resultat", *results, deviation(*results)), "result"))
    columns = [("Budgetpost", TEXT)] + [(h, AMOUNT) for h in found.headings]
    columns.append(("Avvikelse", AMOUNT))
    return doc.table(f"Budget och utfall {year} per rad", columns, rows)


def _equity(association: Association, year: int, found: OutcomeTable) -> list[Block]:
    budget = budgets.latest_of_year(association, year)
    years = projection_of(budget) if budget else []
    if budget is None or not years:
        return []
    first = years[0]
    shown_years = [("Enligt budget", first)]
    actual = found.totals[1]
    if actual is not None:
        outcome = equity.project(
            first.opening, {year: actual.result}, {year: first.contributions}, bands_for(budget)
        )
        shown_years.append((found.headings[1], outcome[0]))
    rows = [(label, y.opening, y.result, y.closing, y.cap.amount) for label, y in shown_years]
    columns = (
        ("", TEXT),
        ("Ingående eget kapital", AMOUNT),
        ("Årets resultat", AMOUNT),
        ("Utgående eget kapital", AMOUNT),
        ("Tak", AMOUNT),
    )
    table = doc.table(f"Eget kapital {year} mot taket", columns, rows)
    projected = doc.table(
        f"Eget kapital mot taket {common.span([y.year for y in years])}",
        (("År", TEXT), ("Utgående eget kapital", AMOUNT), ("Tak", AMOUNT)),
        [(str(y.year), y.closing, y.cap.amount) for y in years],
    )
    return [
        doc.Heading("Eget kapital mot taket", 2),
        table,
        charts_data.equity_against_cap(years, projected),
    ]


def _meetings(association: Association, year: int) -> list[Block]:
    meetings = Meeting.objects.filter(association=association, date__year=year).order_by("date")
    decisions = Decision.objects.filter(association=association, date__year=year).order_by("date")
    blocks: list[Block] = [doc.Heading("Möten och beslut")]
    if meetings:
        rows = [
            (doc.long_date(m.date), m.get_body_display(), m.decisions.count()) for m in meetings
        ]
        columns = (("Datum", TEXT), ("Organ", TEXT), ("Beslut", COUNT))
        blocks.append(doc.table(f"Möten {year}", columns, rows))
    else:
        blocks.append(doc.Paragraph(f"Inga möten är registrerade för {year}."))
    if decisions:
        decision_rows = [
            (
                doc.long_date(d.date),
                d.paragraph or ("delegation" if d.by_delegation else ""),
                d.get_kind_display(),
                d.text,
            )
            for d in decisions
        ]
        decision_columns = (("Datum", TEXT), ("Paragraf", TEXT), ("Slag", TEXT), ("Beslut", TEXT))
        blocks.append(doc.table(f"Beslut {year}", decision_columns, decision_rows))
    return blocks
