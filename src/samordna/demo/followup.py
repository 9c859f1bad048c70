"""Demo follow-up: invented episodes for the seed förbund's individual insatser, indicator
answers and the sub-goal targets of seed 002.

Every episode here is made up (marked `synthetic`, and the report says so): plausible spreads of
sex, age, income before and after, and outcomes, drawn from a random generator seeded by the
insats's name so that the demo is the same every time. No seed plan lists participants.
"""

from __future__ import annotations

import random
import zlib
from datetime import date, timedelta

from samordna.associations.models import Association
from samordna.core.followup import consent_expiry
from samordna.core.money import rounded_kronor
from samordna.followup import services
from samordna.followup.models import (
    Episode,
    FollowupTarget,
    IndicatorResponse,
    IndicatorTarget,
    StepChange,
)
from samordna.interventions.models import Intervention

# seed 002 (Trollhättan, Lilla Edet och Grästorp), section 4.2: "minst 4 av 10" and "7 av 10"
TARGETS = {
    "trollhattan-lilla-edet-grastorp": {
        "steps": (4, 10),
        "work_or_studies": (4, 10),
        "quality": (7, 10),
    }
}
INDICATOR_TARGETS = {1: 80, 7: 60}  # as plans write them: "indikator 1, 80 %"
INCOME_START = {
    "forsorjningsstod": 35,
    "sjukpenning": 20,
    "aktivitetsersattning": 15,
    "aktivitetsstod": 10,
    "ingen": 10,
    "sjukersattning": 5,
    "a_kassa": 5,
}
END_REASON = {
    "arbete": 25,
    "arbete_stod": 10,
    "studier": 12,
    "arbetssokande": 15,
    "annan_insats": 12,
    "sjukskriven": 10,
    "flyttat": 4,
    "avbrott": 12,
}
INCOME_AFTER = {
    "arbete": "lon",
    "arbete_stod": "lon_stod",
    "studier": "studiemedel",
    "sjukskriven": "sjukpenning",
    "arbetssokande": "aktivitetsstod",
}
OCCUPATION_AFTER = {
    "arbete": "arbete",
    "arbete_stod": "arbete_stod",
    "studier": "studier",
    "arbetssokande": "arbetssokande",
    "annan_insats": "annan_insats",
    "sjukskriven": "sjukskriven",
}
GOOD = {"arbete", "arbete_stod", "studier"}


def load_followup(association: Association, today: date) -> None:
    """Create the demo follow-up once; a förbund that has episodes is left as it is."""
    if Episode.objects.filter(intervention__association=association).exists():
        return
    for intervention in association.interventions.filter(kind="individual"):
        period = _period(intervention)
        if period is not None:
            _episodes(intervention, period, today)
    for measure, (part, of) in TARGETS.get(association.slug, {}).items():
        for year in _years(association):
            FollowupTarget.objects.get_or_create(
                association=association,
                year=year,
                measure=measure,
                defaults={"part": part, "of": of},
            )
    _indicators(association, today)


def _period(intervention: Intervention) -> tuple[date, date] | None:
    if intervention.start and intervention.end:
        return intervention.start, intervention.end
    years = sorted(b.year for b in intervention.budget_years.all())
    if not years:
        return None
    return date(years[0], 1, 1), date(years[-1], 12, 31)


def _years(association: Association) -> list[int]:
    return sorted(
        {
            y
            for i in association.interventions.filter(kind="individual")
            for y in i.budget_years.values_list("year", flat=True)
        }
    )


def _pick(rng: random.Random, weights: dict[str, int]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _episodes(intervention: Intervention, period: tuple[date, date], today: date) -> None:
    rng = random.Random(zlib.crc32(intervention.name.encode()))
    budget = rounded_kronor(sum(b.amount for b in intervention.budget_years.all()))
    count = max(8, min(40, budget // 120_000))
    members = list(intervention.members.all())
    first, last = period
    span = max((last - first).days - 60, 1)
    for _ in range(count):
        start = first + timedelta(days=rng.randrange(span))
        end: date | None = min(start + timedelta(days=rng.randint(60, 540)), last)
        if end is not None and end > today:
            end = None
        _one(intervention, rng, start, end, members)


def _one(intervention, rng, start, end, members) -> None:
    income = _pick(rng, INCOME_START)
    reason = _pick(rng, END_REASON) if end else ""
    quality = rng.randint(2, 6)
    episode = Episode.objects.create(
        intervention=intervention,
        synthetic=True,
        sex="kvinna" if rng.random() < 0.55 else "man",
        birth_year=start.year - rng.randint(19, 62),
        start=start,
        end=end,
        main_referrer=rng.choice(members) if members else None,
        income_start=income,
        income_end=INCOME_AFTER.get(reason, income) if end else "",
        occupation_start="sjukskriven" if income.startswith("sjuk") else "ingen",
        occupation_end=OCCUPATION_AFTER.get(reason, "ingen") if end else "",
        end_reason=reason,
        quality_start=quality,
        quality_end=min(10, max(0, quality + rng.randint(-1, 4))) if end else None,
        consent_given=start,
        consent_expires=consent_expiry(start),
        consent_revoked=start + timedelta(days=30) if rng.random() < 0.03 else None,
    )
    if len(members) > 1:
        episode.co_referrers.set([m for m in members if m != episode.main_referrer][:1])
    steps = rng.randint(1, 3) if reason in GOOD else rng.randint(0, 2)
    for n in range(steps):
        StepChange.objects.create(episode=episode, date=start + timedelta(days=30 * (n + 1)))


def _indicators(association: Association, today: date) -> None:
    indicators = list(services.ensure_indicators(association, today))
    years = _years(association)
    if not years or IndicatorResponse.objects.filter(indicator__association=association).exists():
        return
    rng = random.Random(zlib.crc32(association.slug.encode()))
    for indicator in indicators:
        for number, percent in INDICATOR_TARGETS.items():
            if indicator.number == number:
                for year in years:
                    IndicatorTarget.objects.get_or_create(
                        indicator=indicator, year=year, defaults={"percent": percent}
                    )
        for year in years:
            answers = rng.randint(3, 25)
            IndicatorResponse.objects.bulk_create(
                IndicatorResponse(
                    indicator=indicator,
                    year=year,
                    score=min(indicator.scale_max, max(1, round(rng.gauss(5.3, 1.3)))),
                    via=IndicatorResponse.Via.TYPED,
                )
                for _ in range(answers)
            )
