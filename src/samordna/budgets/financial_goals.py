"""The förbund's own financial goals for a year, as core goals to evaluate and print."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from samordna.associations.models import Association
from samordna.budgets.models import FinancialGoal
from samordna.core import goals

VERDICTS = {"": None, "met": True, "unmet": False}


def goals_for(association: Association, year: int) -> list[goals.Goal]:
    """The goals the förbund wrote for `year`, in the order written."""
    return [
        to_core(goal) for goal in FinancialGoal.objects.filter(association=association, year=year)
    ]


def to_core(goal: FinancialGoal) -> goals.Goal:
    if goal.measure in goals.AMOUNT_MEASURES:
        low, high = _kronor(goal.low_amount), _kronor(goal.high_amount)
    else:
        low, high = _percent(goal.low_percent), _percent(goal.high_percent)
    if goal.measure == "equity_vs_cap" and high is None:
        high = Fraction(100)
    return goals.Goal(goal.measure, low, high, goal.text, VERDICTS[goal.verdict])


def _kronor(ore: int | None) -> Fraction | None:
    return Fraction(ore, 100) if ore is not None else None


def _percent(value: Decimal | None) -> Fraction | None:
    return Fraction(str(value)) if value is not None else None
