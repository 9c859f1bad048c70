"""Dates of the förbund's own rules for participants' data: when a consent ends and when an
ended episode is due for removal. Neither period is law: each förbund decides its own
(seed 002 keeps a consent for two years), so both are dated settings, never constants."""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from datetime import date

DEFAULT_CONSENT_MONTHS = 24  # used until the förbund has entered a rule (seed 002's practice)


def months_later(day: date, months: int) -> date:
    """The same day `months` later, or the month's last day when it is shorter."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def months_earlier(day: date, months: int) -> date:
    return months_later(day, -months)


def next_removal(ends: Iterable[date], months: int) -> date | None:
    """The day the earliest of the ended episodes becomes due: `months` after its end."""
    earliest = min(ends, default=None)
    return months_later(earliest, months) if earliest is not None else None
