"""The year's follow-up: who took part, how they left, against the sub-goals, groups hidden."""

from __future__ import annotations

from datetime import date

from samordna.core.followup import (
    EpisodeFacts,
    Target,
    age_band,
    as_data,
    consent_expiry,
    report,
)


def ended(sex: str, reason: str, before: str = "forsorjningsstod", after: str = "lon", **kw):
    defaults = dict(
        birth_year=1990,
        start=date(2025, 3, 1),
        end=date(2026, 2, 1),
        income_start=before,
        income_end=after,
        end_reason=reason,
        quality_start=4,
        quality_end=6,
        steps=1,
    )
    defaults.update(kw)
    return EpisodeFacts(sex=sex, **defaults)


def test_counts_by_sex_hide_a_small_group_and_its_neighbour() -> None:
    episodes = [ended("kvinna", "arbete")] * 3 + [ended("man", "avbrott")] * 9
    found = report(episodes, 2026)
    assert found.participants.shown == 12
    assert found.by_sex.as_data() == {"Kvinnor": "<5", "Män": "x", "Totalt": 12}


def test_work_or_studies_against_the_target() -> None:
    episodes = [ended("kvinna", "arbete")] * 5 + [ended("man", "studier")] * 1
    episodes += [ended("man", "sjukskriven")] * 6
    found = report(episodes, 2026, targets={"work_or_studies": Target(4, 10)})
    goal = found.subgoals[0]
    assert (goal.part, goal.whole, goal.share) == (6, 12, "50 %")
    assert goal.verdict == "Uppfyllt"
    strict = report(episodes, 2026, targets={"work_or_studies": Target(6, 10)}).subgoals[0]
    assert strict.verdict == "Inte uppfyllt"


def test_too_few_to_report_a_share() -> None:
    found = report([ended("kvinna", "arbete")] * 3, 2026, {"work_or_studies": Target(4, 10)})
    assert found.subgoals[0].share is None
    assert found.subgoals[0].verdict == "För få deltagare för att redovisa"
    assert found.quality_change is None and found.months_in_insats is None


def test_episodes_that_ran_in_the_year_and_those_that_ended() -> None:
    still = EpisodeFacts(sex="man", birth_year=1980, start=date(2024, 1, 1))
    old = ended("man", "arbete", end=date(2025, 6, 1))
    later = EpisodeFacts(sex="kvinna", birth_year=1980, start=date(2027, 1, 1))
    found = report([still, old, later] + [ended("kvinna", "arbete")] * 5, 2026)
    assert found.participants.count == 6 and found.exits.count == 5


def test_income_before_and_after_and_life_quality() -> None:
    episodes = [ended("kvinna", "arbete")] * 6 + [
        ended("man", "sjukskriven", before="sjukpenning", after="sjukpenning", quality_end=4)
    ] * 5
    found = report(episodes, 2026)
    assert found.income.as_data() == {
        "Sjukpenning": {"Lön": 0, "Sjukpenning": 5},
        "Ekonomiskt bistånd": {"Lön": 6, "Sjukpenning": 0},
    }
    assert found.quality_change == "+1,1"  # (6×2 + 5×0) / 11
    assert found.months_in_insats == "11,1"  # 337 days


def test_json_has_no_small_number() -> None:
    episodes = [ended("kvinna", "arbete")] * 2 + [ended("man", "studier")] * 8
    data = as_data(report(episodes, 2026, cost=50_000_000))
    assert data["by_sex"]["Kvinnor"] == "<5"
    assert data["outcomes"]["Arbete"] == "<5"
    assert data["cost_per_participant"] == 50_000  # kronor: 500 000 kr / 10


def test_age_band_and_consent_expiry() -> None:
    assert age_band(1990, date(2026, 5, 1)) == "30–39 år"
    assert age_band(1960, date(2026, 5, 1)) == "60 år och äldre"
    assert consent_expiry(date(2026, 3, 11)) == date(2028, 3, 11)
    assert consent_expiry(date(2024, 2, 29)) == date(2026, 2, 28)
