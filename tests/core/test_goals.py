"""Financial goals as data, each with its fulfilment for a year's totals."""

from __future__ import annotations

from fractions import Fraction

from samordna.core.budget import YearTotals
from samordna.core.goals import DEFAULT_GOALS, Goal, describe, evaluate

TKR = 100_000
# Seed 004, budget 2016: income 2 128, equity 1 589, insatser 2 392, administration 1 325 (tkr).
SEED_004 = YearTotals(
    income=2_128 * TKR,
    equity_drawn=1_589 * TKR,
    individual=1_930 * TKR,
    structural=462 * TKR,
    administration=1_325 * TKR,
)


def test_insats_costs_between_50_and_80_percent_of_all_costs():
    goal = Goal("insats_share", Fraction(50), Fraction(80))
    result = evaluate(goal, SEED_004)
    assert result.met is True
    assert result.text.replace("\u00a0", " ") == (
        "Insatsernas andel av kostnaderna är 64,4 %: uppfyllt."
    )


def test_income_below_costs_does_not_meet_the_balance_goal():
    result = evaluate(Goal("balance", low=Fraction(0)), SEED_004)
    assert result.met is False and "-1 589 000 kr" in result.text.replace("\u00a0", " ")


def test_administration_above_its_ceiling_is_not_met():
    assert evaluate(Goal("admin_share", high=Fraction(30)), SEED_004).met is False


def test_equity_against_the_cap_needs_both_figures():
    goal = Goal("equity_vs_cap", high=Fraction(100))
    assert evaluate(goal, SEED_004).met is None
    assert evaluate(goal, SEED_004, equity=1_590 * TKR, cap=488 * TKR).met is False
    assert evaluate(goal, SEED_004, equity=400 * TKR, cap=488 * TKR).met is True


def test_the_default_goals_read_as_plans_write_them():
    texts = [describe(goal).replace("\u00a0", " ") for goal in DEFAULT_GOALS]
    assert "Insatsernas andel av kostnaderna: 50–80 %" in texts
    assert "Administrationens andel av kostnaderna: högst 30 %" in texts


def test_equity_within_a_band_in_kronor():
    goal = Goal("equity_band", low=Fraction(300_000), high=Fraction(600_000))
    assert describe(goal).replace("\u00a0", " ") == "Eget kapital: mellan 300 000 kr och 600 000 kr"
    assert evaluate(goal, SEED_004, equity=488 * TKR).met is True
    assert evaluate(goal, SEED_004, equity=1_589 * TKR).met is False
    assert evaluate(goal, SEED_004).met is None


def test_a_result_goal_names_its_own_target():
    goal = Goal("balance", low=Fraction(-1_600_000))
    assert describe(goal).replace("\u00a0", " ").endswith("minst -1 600 000 kr")
    assert evaluate(goal, SEED_004).met is True  # a planned draw on equity the board decided


def test_a_goal_in_free_text_carries_the_verdict_given_by_hand():
    text = "Likviditeten ska vara 100 %."
    assert describe(Goal("manual", text=text)) == text
    assert (
        evaluate(Goal("manual", text=text), SEED_004).text == "Bedöms för hand: inte bedömt ännu."
    )
    assert evaluate(Goal("manual", text=text, verdict=True), SEED_004).met is True
