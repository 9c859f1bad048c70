"""The meeting schedule of a year in words: the planned count and months, and the dates set.

Pages and the plan document print the same sentences (`core.meeting_schedule.sentence`).
"""

from __future__ import annotations

from collections.abc import Iterable

from samordna.associations.models import Association
from samordna.core.meeting_schedule import sentence
from samordna.interventions.models import Meeting, MeetingPlan


def schedule(association: Association, years: Iterable[int]) -> list[tuple[int, list[str]]]:
    """Per year, one sentence per body that has a plan or dated meetings; years without either
    are left out."""
    wanted = sorted(set(years))
    plans = {
        (p.year, p.body): p
        for p in MeetingPlan.objects.filter(association=association, year__in=wanted)
    }
    dated: dict[tuple[int, str], list] = {}
    for meeting in Meeting.objects.filter(association=association, date__year__in=wanted):
        dated.setdefault((meeting.date.year, meeting.body), []).append(meeting.date)
    found = []
    for year in wanted:
        said = [
            _sentence(str(label), year, plans.get((year, body)), dated.get((year, body), []))
            for body, label in Meeting.Body.choices
            if (year, body) in plans or (year, body) in dated
        ]
        if said:
            found.append((year, said))
    return found


def _sentence(body: str, year: int, plan: MeetingPlan | None, days: list) -> str:
    if plan is None:
        return sentence(body, year, None, [], days)
    return sentence(body, year, plan.count, plan.month_numbers, days, plan.note)


def describe(plan: MeetingPlan) -> str:
    """The plan alone, as the meetings page lists it."""
    return sentence(
        plan.get_body_display(), plan.year, plan.count, plan.month_numbers, [], plan.note
    )
