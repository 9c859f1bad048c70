"""The Uppföljning Finsam report YEAR: what Försäkringskassan's national follow-up asks of a
förbund, with EXACT participant counts.

The shape follows what Uppföljning Finsam registers (DOMAIN.md §6; finsam.se's user guide
for Uppföljning Finsam): the förbund's allocated funds and equity, the administration's
budget and outcome, and per insats its direction (individual or structural, a mixed insats
being two), ESF financing, target group, budget and outcome of the year, budgeted
participants, participants by sex (individual) and participants in structural insatser.

Only the förbundschef may download it; it is marked as confidential on every page and
sheet, and is never one of the förbund's published documents (`views.BUILDERS`).
"""

from __future__ import annotations

from samordna.associations.models import Association
from samordna.budgets import services as budgets
from samordna.budgets.outcome import outcome_columns
from samordna.budgets.projection import projection_of
from samordna.core import document as doc
from samordna.core.document import AMOUNT, COUNT, TEXT, Block
from samordna.core.outcome import outcome_table
from samordna.documents import common
from samordna.economy.models import ContributionYear, Frame
from samordna.followup.national import InsatsFigures, insats_figures

MARKING = "SEKRETESS – exakta deltagarantal enligt offentlighets- och sekretesslagen (2009:400)"
NOTICE = (
    "Underlaget innehåller exakta antal deltagare per insats och kön, också grupper under "
    "fem personer. Sådana uppgifter kan röja vem som deltar och omfattas av sekretess. "
    "Lämna dem bara till Försäkringskassans Uppföljning Finsam; publicera dem inte och lägg "
    "dem inte i verksamhetsberättelsen eller andra dokument. Varje nedladdning står i "
    "förbundets historik."
)
SHAPE = (
    "Uppgifterna följer det som Uppföljning Finsam frågar efter: förbundets tilldelade medel, "
    "eget kapital och administration, och för varje insats inriktning, ESF-finansiering, "
    "målgrupp, budget och utfall för året, budgeterat antal deltagare, deltagare per kön "
    "(individinriktade insatser) och deltagare i strukturövergripande insatser. En insats med "
    "både individ- och strukturdel redovisas som två."
)


@common.in_swedish
def build(association: Association, year: int) -> doc.Document:
    figures = insats_figures(association, year)
    blocks: list[Block] = [doc.Paragraph(NOTICE), doc.Paragraph(SHAPE)]
    blocks += [doc.Heading("Förbundet"), _association_table(association, year)]
    blocks += _individual(figures, year)
    blocks += _structural(figures, year)
    return doc.Document(
        kind="national",
        title=f"Uppföljning Finsam {year}",
        subtitle="Underlag till Försäkringskassan",
        association=association.name,
        year=year,
        cover_lines=common.cover_lines(association, ""),
        blocks=tuple(blocks),
        filename=f"uppfoljning-finsam-{association.slug}-{year}-sekretess",
        marking=MARKING,
    )


def _association_table(association: Association, year: int) -> doc.Table:
    plan, actual = outcome_columns(association, year + 1)[:2]
    found = outcome_table([plan, actual])
    planned, outcome = found.totals
    opening = _opening_equity(association, year)
    rows = [
        ("Tilldelade medel (medlemsbidrag)", _allocated(association, year)),
        ("Eget kapital vid årets början", opening),
        (f"Administration, budget {year}", planned.administration if planned else None),
        (f"Administration, {actual.heading.lower()}", outcome.administration if outcome else None),
    ]
    if opening is not None and outcome is not None:
        closing = opening + outcome.result
        rows.append((f"Eget kapital vid årets slut ({actual.heading.lower()})", closing))
    columns = (("Uppgift", TEXT), ("Belopp", AMOUNT))
    return doc.table(f"Förbundet {year}", columns, rows)


def _allocated(association: Association, year: int) -> int | None:
    """The year's member contributions as saved, else twice the state's allocation."""
    saved = ContributionYear.objects.filter(association=association, year=year).first()
    if saved is not None:
        return saved.total
    frame = Frame.objects.filter(association=association, year=year).first()
    if frame is not None and frame.allocated_state is not None:
        return 2 * frame.allocated_state
    return None


def _opening_equity(association: Association, year: int) -> int | None:
    budget = budgets.latest_of_year(association, year)
    years = projection_of(budget) if budget else []
    return years[0].opening if years and years[0].year == year else None


def _individual(figures: list[InsatsFigures], year: int) -> list[Block]:
    chosen = [f for f in figures if f.counts is not None]
    heading = doc.Heading("Individinriktade insatser")
    if not chosen:
        return [heading, doc.Paragraph(f"Inga individinriktade insatser {year}.")]
    counts = [
        (
            f.intervention.name,
            f.intervention.planned_participants,
            f.counts.women,
            f.counts.men,
            f.counts.total,
            f.counts.started,
            f.counts.ended,
        )
        for f in chosen
        if f.counts is not None
    ]
    columns = (
        ("Insats", TEXT),
        ("Budgeterat antal deltagare", COUNT),
        ("Kvinnor", COUNT),
        ("Män", COUNT),
        ("Deltagare totalt", COUNT),
        ("Nya under året", COUNT),
        ("Avslutade under året", COUNT),
    )
    return [
        heading,
        doc.table(f"Deltagare {year} per insats och kön", columns, counts),
        _described(chosen, f"Individinriktade insatser {year}"),
    ]


def _described(chosen: list[InsatsFigures], caption: str) -> doc.Table:
    """Each insats's ESF flag, target group, budget and outcome of the year."""
    rows = [
        (
            f.intervention.name,
            _yes(f.intervention.esf),
            f.intervention.target_group,
            f.budget,
            f.outcome,
        )
        for f in chosen
    ]
    columns = (
        ("Insats", TEXT),
        ("ESF", TEXT),
        ("Målgrupp", TEXT),
        ("Budget", AMOUNT),
        ("Utfall", AMOUNT),
    )
    return doc.table(caption, columns, rows)


def _structural(figures: list[InsatsFigures], year: int) -> list[Block]:
    chosen = [f for f in figures if f.structural is not None]
    heading = doc.Heading("Strukturövergripande insatser")
    if not chosen:
        return [heading, doc.Paragraph(f"Inga strukturövergripande insatser {year}.")]
    rows = [(f.intervention.name, f.structural) for f in chosen]
    columns = (("Insats", TEXT), ("Deltagare i aktiviteterna", COUNT))
    return [
        heading,
        doc.table(f"Deltagare {year} i strukturövergripande insatser", columns, rows),
        _described(chosen, f"Strukturövergripande insatser {year}"),
    ]


def _yes(flag: bool) -> str:
    return "ja" if flag else "nej"
