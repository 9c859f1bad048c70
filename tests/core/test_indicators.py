"""Indicator fulfilment: top steps count, too few answers give no share, the national slots."""

from __future__ import annotations

from datetime import date

from samordna.core.indicators import GROUPS, fulfilment, national_slots, score_error, trend


def test_top_two_steps_count_as_fulfilled() -> None:
    found = fulfilment([7, 6, 5, 6, 2] * 3, scale_max=7, top_steps=2, target=60)
    assert (found.answers, found.fulfilled, found.percent) == (15, 9, 60)
    assert found.verdict == "Uppfyllt"
    assert fulfilment([7, 6, 5, 4, 2] * 3, 7, 2, target=60).verdict == "Inte uppfyllt"


def test_a_share_that_would_tell_a_group_under_five_is_not_given() -> None:
    # "5 svar, 60 %" would say that two did not reach the threshold
    assert fulfilment([7, 6, 6, 2, 2], 7, 2, target=60).percent is None
    assert fulfilment([7, 7, 7, 7, 2, 2, 2, 2, 2], 7, 2).percent is None  # four did
    assert fulfilment([7] * 5, 7, 2).percent == 100  # none did not: nobody to single out


def test_too_few_answers_give_no_share() -> None:
    found = fulfilment([7, 7], 7, 2, target=80)
    assert found.percent is None and found.answers_shown == "<5"
    assert found.verdict == "För få svar för att redovisa"


def test_the_fifteen_national_slots_each_have_a_group() -> None:
    slots, source = national_slots(date(2026, 1, 1))
    assert [s.number for s in slots] == list(range(1, 16))
    assert all(s.group in GROUPS for s in slots)
    assert "NNS" in source


def test_scale_and_trend() -> None:
    assert score_error(8, 7) is not None and score_error(1, 7) is None
    years = {2025: fulfilment([7] * 5, 7, 2), 2024: fulfilment([1] * 3, 7, 2)}
    assert trend(years) == [(2024, None), (2025, 100)]
