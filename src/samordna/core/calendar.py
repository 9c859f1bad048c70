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
    if text.isdecimal() and is_plausible_year(int(text)):
        return int(text)
    return None


def is_plausible_year(year: int) -> bool:
    """A year Samordna can hold figures for: FIRST_YEAR to LAST_YEAR."""
    return FIRST_YEAR <= year <= LAST_YEAR


def future_error(day: date | None, today: date) -> str | None:
    """What to say when `day` lies after `today`: what has happened cannot be dated tomorrow."""
    if day is not None and day > today:
        return f"Datumet {day.isoformat()} har inte varit ännu. Ange ett datum som redan har varit."
    return None


def year_label(year: int, first_year: int, first_month: int = 1) -> str:
    """A budget year as a column says it: "2026 (sep–dec)" for a first year that begins
    later than January, otherwise "2026"."""
    if year != first_year or first_month == 1:
        return str(year)
    return f"{year} ({MONTHS[first_month - 1]}–dec)"


def part_year_text(first_year: int, first_month: int = 1) -> str:
    """ "Budgetåret 2026 omfattar september–december." for a part year; "" for a whole year."""
    if first_month == 1:
        return ""
    return f"Budgetåret {first_year} omfattar {MONTH_NAMES[first_month - 1]}–december."
