"""Months and years as the app writes and reads them, in one place for pages and documents."""

from __future__ import annotations

from datetime import date

MONTH_NAMES = (
    "januari", "februari", "mars", "april", "maj", "juni",
    "juli", "augusti", "september", "oktober", "november", "december",
)  # fmt: skip

# "jan" … "dec": the short names in tables and headings.
MONTHS = tuple(name[:3] for name in MONTH_NAMES)

FIRST_YEAR, LAST_YEAR = 2004, 2100  # Finsam began in 2004; years a page can be asked for


def year_from(text: str) -> int | None:
    """The year a user typed ("2026"), or None when it is not a plausible year."""
    if text.isdigit() and FIRST_YEAR <= int(text) <= LAST_YEAR:
        return int(text)
    return None


def future_error(day: date | None, today: date) -> str | None:
    """What to say when `day` lies after `today`: what has happened cannot be dated tomorrow."""
    if day is not None and day > today:
        return f"Datumet {day.isoformat()} har inte varit ännu. Ange ett datum som redan har varit."
    return None
