"""Every move of an insats's status, allowed and refused, and the three-year funding limit."""

from __future__ import annotations

from datetime import date

import pytest

from samordna.core.intervention_status import (
    MOVES,
    STATUSES,
    extension_error,
    funding_limit,
    limit_warning,
    move_error,
)

ALLOWED = [(current, new) for current, targets in MOVES.items() for new in sorted(targets)]
REFUSED = [(current, new) for current in STATUSES for new in STATUSES if new not in MOVES[current]]


@pytest.mark.parametrize(("current", "new"), ALLOWED)
def test_every_allowed_move_passes_with_a_decision(current, new):
    assert move_error(current, new, has_decision=True) is None


@pytest.mark.parametrize(("current", "new"), REFUSED)
def test_every_other_move_is_refused_with_the_next_possible_steps(current, new):
    message = move_error(current, new, has_decision=True)
    assert message and "kan inte bli" in message and "Möjligt nästa steg" in message


def test_granting_needs_a_decision():
    assert "kräver ett beslut" in move_error("ansokan", "beviljad", has_decision=False)


def test_an_implemented_insats_moves_no_further():
    assert "Möjligt nästa steg: ingen" in move_error("implementerad", "pagaende", True)


def test_three_years_of_funding_end_the_day_before_the_third_anniversary():
    assert funding_limit(date(2020, 3, 1)) == date(2023, 2, 28)


def test_an_extension_past_three_years_needs_a_decision():
    assert extension_error(date(2020, 3, 1), date(2023, 2, 28), False) is None
    assert "tre år (2023-02-28)" in extension_error(date(2020, 3, 1), date(2023, 6, 30), False)
    assert extension_error(date(2020, 3, 1), date(2023, 6, 30), True) is None


def test_the_register_warns_within_ninety_days_of_the_limit():
    start, end = date(2020, 3, 1), date(2023, 6, 30)
    assert limit_warning(start, end, date(2022, 11, 1), False) is None
    assert "2023-02-28" in limit_warning(start, end, date(2023, 1, 15), False)
    assert limit_warning(start, end, date(2023, 1, 15), True) is None
    assert limit_warning(start, date(2022, 12, 31), date(2022, 12, 1), False) is None
