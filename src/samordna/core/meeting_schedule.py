"""The meetings a plan announces before their dates are set: a count per year, months, or both.

Pure rules on plain values; the register stores the plan (`interventions.MeetingPlan`) beside
the dated meetings, and the plan document prints both.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from samordna.core.calendar import MONTH_NAMES
from samordna.core.document import long_date

MOST_MEETINGS = 52


def schedule_error(count: int | None, months: list[int]) -> str | None:
    """Why a planned schedule cannot be stored, in Swedish; None when it can."""
    if count is None and not months:
        return "Ange antalet sammanträden, månaderna eller båda."
    if count is not None and not 1 <= count <= MOST_MEETINGS:
        return f"Antalet sammanträden ska vara mellan 1 och {MOST_MEETINGS}."
    if count is not None and len(months) > count:
        return (
            f"{len(months)} månader är valda men antalet sammanträden är {count}. "
            "Öka antalet eller välj färre månader."
        )
    return None


def month_names(months: list[int]) -> list[str]:
    """[3, 6, 9] -> ["mars", "juni", "september"], in calendar order."""
    return [MONTH_NAMES[m - 1] for m in sorted(set(months)) if 1 <= m <= 12]


def dated_in(year: int, days: list[date]) -> list[date]:
    """The dated meetings of `year`, first first."""
    return sorted(day for day in days if day.year == year)


def joined(names: Iterable[str]) -> str:
    """ "A, B och C"."""
    names = list(names)
    if len(names) < 2:
        return "".join(names)
    return f"{', '.join(names[:-1])} och {names[-1]}"


def sentence(
    body: str, year: int, count: int | None, months: list[int], dated: list[date], note: str = ""
) -> str:
    """What the plan says about a body's meetings in `year`: "Styrelsen sammanträder 6 gånger
    2027, i mars, juni och september." followed by the dates already set."""
    days = [_day(d) for d in dated_in(year, dated)]
    text = f"{body} sammanträder"
    if count is not None:
        text += f" {count} {'gång' if count == 1 else 'gånger'}"
    text += f" {year}"
    if months:
        text += f"{',' if count is not None else ''} i {joined(month_names(months))}"
    elif count is None and days:
        return f"{text}: den {joined(days)}."
    if note.strip():
        text += f" {note.strip().rstrip('.')}"
    text += "."
    if days:
        text += f" Bestämda datum: {joined(days)}."
    return text


def _day(day: date) -> str:
    return long_date(day).rsplit(" ", 1)[0]
