"""Lines of a budget version: where a new line goes among the others."""

from __future__ import annotations

from django.db.models import F

from samordna.associations.models import Member
from samordna.budgets.models import BudgetLine, BudgetVersion
from samordna.core.budget import SECTION_VALUES
from samordna.interventions.models import Intervention


def add_line(
    version: BudgetVersion,
    section: str,
    label: str,
    member: Member | None = None,
    kind: str = "line",
    intervention: Intervention | None = None,
    is_contribution: bool = False,
) -> BudgetLine:
    """A line at the end of its section's run, never below a stated sum or result that
    closes the budget."""
    position = _position_in_section(version, section)
    BudgetLine.objects.filter(version=version, position__gte=position).update(
        position=F("position") + 1
    )
    return BudgetLine.objects.create(
        version=version,
        section=section,
        label=label,
        member=member,
        kind=kind,
        position=position,
        intervention=intervention,
        is_contribution=is_contribution,
    )


def _position_in_section(version: BudgetVersion, section: str) -> int:
    """After the section's last line; else before the first line of a later section; else
    after the earlier sections' lines and the "Summa" rows closing them, so that a stated
    total ("Summa kostnader", "Resultat") stays below every line it counts."""
    rows = list(version.lines.order_by("position", "id"))
    index = _insert_at(rows, section)
    if index < len(rows):
        return rows[index].position
    return rows[-1].position + 1 if rows else 0


def _insert_at(rows: list[BudgetLine], section: str) -> int:
    rank = _rank(section)
    lines = [i for i, row in enumerate(rows) if row.kind == "line"]
    own = [i for i in lines if rows[i].section == section]
    if own:
        return own[-1] + 1
    later = [i for i in lines if _rank(rows[i].section) > rank]
    if later:
        return later[0]
    index = max((i + 1 for i in lines), default=0)
    while index < len(rows) and rows[index].kind == "sum":
        index += 1
    return index


def _rank(section: str) -> int:
    return SECTION_VALUES.index(section) if section in SECTION_VALUES else len(SECTION_VALUES)
