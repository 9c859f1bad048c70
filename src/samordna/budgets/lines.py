"""Lines of a budget version: where a new line goes among the others."""

from __future__ import annotations

from django.db.models import F

from samordna.associations.models import Member
from samordna.budgets.models import BudgetLine, BudgetVersion
from samordna.core.budget import SECTION_VALUES


def add_line(
    version: BudgetVersion,
    section: str,
    label: str,
    member: Member | None = None,
    kind: str = "line",
) -> BudgetLine:
    """A line at the end of its section's run (or at the end of the budget)."""
    position = _position_in_section(version, section)
    BudgetLine.objects.filter(version=version, position__gte=position).update(
        position=F("position") + 1
    )
    return BudgetLine.objects.create(
        version=version, section=section, label=label, member=member, kind=kind, position=position
    )


def _position_in_section(version: BudgetVersion, section: str) -> int:
    """After the section's last line, in the order of the sections; at the very end when the
    plan states its own sums (an imported table keeps its order)."""
    if version.lines.exclude(kind="line").exists() or section not in SECTION_VALUES:
        return version.lines.count()
    order = SECTION_VALUES
    later = order[order.index(section) + 1 :]
    following = version.lines.filter(section__in=later).order_by("position").first()
    return following.position if following else version.lines.count()
