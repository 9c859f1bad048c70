"""The plan's parts from the register that are not yet decided or dated: insats ideas and
applications (their own list, never in the granted insatser's sums) and the meeting schedule."""

from __future__ import annotations

from samordna.associations.models import Association
from samordna.core import document as doc
from samordna.core.document import AMOUNT, TEXT, Block, Row
from samordna.core.intervention_status import STATUSES, UNDECIDED
from samordna.documents import common
from samordna.interventions.models import Intervention
from samordna.interventions.schedule import schedule


def ideas(association: Association, years: list[int]) -> list[Block]:
    """Ideas and applications that may run in the plan's years, marked by status."""
    first, last = years[0], years[-1]
    chosen = [
        i
        for i in association.interventions.filter(status__in=UNDECIDED).prefetch_related(
            "members", "budget_years"
        )
        if (i.start is None or i.start.year <= last) and (i.end is None or i.end.year >= first)
    ]
    if not chosen:
        return []
    columns = [("Insats", TEXT), ("Status", TEXT), ("Parter", TEXT)]
    columns += [("Period", TEXT)] + [(f"Beräknat {y}", AMOUNT) for y in years]
    rows = [_idea_row(i, years) for i in chosen]
    note = (
        "Idéer och ansökningar är inte beviljade. Beloppen är beräknade och ingår inte i "
        "insatsernas summor ovan; en beviljad insats finansieras ur budgeten."
    )
    caption = f"Idéer och ansökningar {common.span(years)}"
    return [
        doc.Heading("Idéer och ansökningar", 2),
        doc.table(caption, columns, rows, note),
    ]


def _idea_row(insats: Intervention, years: list[int]) -> Row:
    by_year = {b.year: b.amount for b in insats.budget_years.all()}
    parties = ", ".join(m.name for m in insats.members.all()) or "Inte klara ännu"
    return Row(
        (
            f"{insats.name} ({insats.get_kind_display().lower()})",
            STATUSES[insats.status],
            parties,
            common.period(insats.start, insats.end),
            *(by_year.get(y) for y in years),
        )
    )


def meetings(association: Association, years: list[int]) -> list[Block]:
    """ "Sammanträden": the board's and the preparatory group's meetings, planned or dated."""
    found = schedule(association, years)
    if not found:
        return []
    blocks: list[Block] = [doc.Heading("Sammanträden", 2)]
    for _year, sentences in found:
        blocks.append(doc.Paragraph(" ".join(sentences)))
    return blocks
