"""The förbund's periods for consents and retention, counted in months on the calendar."""

from __future__ import annotations

from datetime import date

from samordna.core.followup import consent_expiry
from samordna.core.retention import months_earlier, months_later, next_removal


def test_a_month_later_is_the_same_day_or_the_last_of_a_shorter_month() -> None:
    assert months_later(date(2026, 1, 15), 1) == date(2026, 2, 15)
    assert months_later(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert months_later(date(2025, 11, 30), 3) == date(2026, 2, 28)
    assert months_earlier(date(2026, 6, 15), 24) == date(2024, 6, 15)


def test_a_consent_holds_for_the_forbunds_months_two_years_by_default() -> None:
    assert consent_expiry(date(2026, 3, 11)) == date(2028, 3, 11)
    assert consent_expiry(date(2026, 3, 11), 12) == date(2027, 3, 11)
    assert consent_expiry(date(2024, 2, 29), 24) == date(2026, 2, 28)


def test_the_next_removal_is_due_when_the_earliest_ended_episode_is_old_enough() -> None:
    ends = [date(2025, 5, 1), date(2024, 9, 30), date(2026, 1, 1)]
    assert next_removal(ends, 18) == date(2026, 3, 30)
    assert next_removal([], 18) is None
