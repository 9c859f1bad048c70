"""Financial goals as data: a figure, a comparison and a target, each with its fulfilment.

Plans state goals such as "income ≥ costs", "insats costs 50–80 % of all costs",
"equity within the cap" and "administration at most x % of costs". A goal names
the figure it measures; `evaluate` computes it from a year's totals and says in
Swedish whether the goal is met. No goal is universal: each förbund writes its own,
and a goal it did not write gets no verdict. A goal in free text ("liquidity 100 %")
is judged by hand: its verdict is what the chef recorded.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from samordna.core.allocation import format_percent
from samordna.core.budget import YearTotals
from samordna.core.money import format_amount

MEASURES = {
    "balance": "Intäkter minus kostnader (årets resultat)",
    "insats_share": "Insatsernas andel av kostnaderna",
    "admin_share": "Administrationens andel av kostnaderna",
    "equity_vs_cap": "Eget kapital i förhållande till taket",
    "equity_band": "Eget kapital",
    "manual": "Bedöms för hand",
}
AMOUNT_MEASURES = frozenset({"balance", "equity_band"})  # targets in kronor, not percent


@dataclass(frozen=True)
class Goal:
    measure: str  # a key of MEASURES
    low: Fraction | None = None  # percent (shares) or kronor (balance); None = no lower bound
    high: Fraction | None = None
    text: str = ""
    verdict: bool | None = None  # a goal judged by hand: met, not met, or not judged yet


DEFAULT_GOALS = (
    Goal("balance", low=Fraction(0), text="Intäkterna ska täcka kostnaderna."),
    Goal("insats_share", Fraction(50), Fraction(80), "Insatserna ska vara 50–80 % av kostnaderna."),
    Goal("admin_share", high=Fraction(30), text="Administrationen ska vara högst 30 %."),
    Goal("equity_vs_cap", high=Fraction(100), text="Eget kapital ska hålla sig under taket."),
)


@dataclass(frozen=True)
class Fulfilment:
    value: Fraction | None
    met: bool | None  # None when the figure cannot be computed
    text: str


def evaluate(
    goal: Goal, totals: YearTotals, equity: int | None = None, cap: int | None = None
) -> Fulfilment:
    """The goal's figure for one year and whether it is met, in Swedish."""
    if goal.measure == "manual":
        return _judged(goal)
    value = _value(goal.measure, totals, equity, cap)
    if value is None:
        return Fulfilment(None, None, f"{MEASURES[goal.measure]}: kan inte beräknas.")
    met = (goal.low is None or value >= goal.low) and (goal.high is None or value <= goal.high)
    shown = (
        format_amount(int(value) * 100)
        if goal.measure in AMOUNT_MEASURES
        else format_percent(value, 1)
    )
    verdict = "uppfyllt" if met else "inte uppfyllt"
    return Fulfilment(value, met, f"{MEASURES[goal.measure]} är {shown}: {verdict}.")


def _judged(goal: Goal) -> Fulfilment:
    words = {True: "uppfyllt", False: "inte uppfyllt", None: "inte bedömt ännu"}
    return Fulfilment(None, goal.verdict, f"Bedöms för hand: {words[goal.verdict]}.")


def _value(
    measure: str, totals: YearTotals, equity: int | None, cap: int | None
) -> Fraction | None:
    if measure == "balance":
        return Fraction(totals.result, 100)
    if measure in ("insats_share", "admin_share"):
        if not totals.costs:
            return None
        part = (
            totals.administration
            if measure == "admin_share"
            else totals.individual + totals.structural
        )
        return Fraction(part * 100, totals.costs)
    if measure == "equity_band":
        return Fraction(equity, 100) if equity is not None else None
    if equity is None or not cap:
        return None
    return Fraction(equity * 100, cap)


def describe(goal: Goal) -> str:
    """ "Insatsernas andel av kostnaderna: 50–80 %" as the goal is written."""
    if goal.measure == "manual":
        return goal.text
    if goal.measure in AMOUNT_MEASURES:
        return f"{MEASURES[goal.measure]}: {_amount_range(goal.low, goal.high)}"
    low = format_percent(goal.low, 0, trim=True) if goal.low is not None else None
    high = format_percent(goal.high, 0, trim=True) if goal.high is not None else None
    if low and high:
        return f"{MEASURES[goal.measure]}: {low.removesuffix(' %')}–{high}"
    return f"{MEASURES[goal.measure]}: {'minst ' + low if low else 'högst ' + str(high)}"


def _amount_range(low: Fraction | None, high: Fraction | None) -> str:
    shown = [format_amount(int(v * 100)) if v is not None else None for v in (low, high)]
    if shown[0] and shown[1]:
        return f"mellan {shown[0]} och {shown[1]}"
    return f"minst {shown[0]}" if shown[0] else f"högst {shown[1]}"
