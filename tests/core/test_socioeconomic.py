"""Reduced public support after an insats, per actor, over one and five years."""

from __future__ import annotations

from datetime import date

from samordna.core.followup import EpisodeFacts
from samordna.core.socioeconomic import default_costs, effect

COSTS = {"forsorjningsstod": {"kommun": 900_000}, "lon": {"kommun": -500_000, "region": -300_000}}


def person(before: str, after: str, end: date | None = date(2026, 6, 1)) -> EpisodeFacts:
    return EpisodeFacts(
        sex="kvinna",
        birth_year=1990,
        start=date(2025, 1, 1),
        end=end,
        income_start=before,
        income_end=after,
    )


def test_from_social_assistance_to_work_gains_the_municipality_and_region() -> None:
    found = effect([person("forsorjningsstod", "lon")] * 5, COSTS, cost=10_000_000)
    assert found.people == 5
    assert found.monthly["kommun"] == 5 * (900_000 + 500_000)
    assert found.monthly["region"] == 5 * 300_000
    assert found.total(12) == 12 * 5 * 1_700_000
    assert found.covers_cost(12) is True and found.shown


def test_unfinished_or_unknown_episodes_do_not_count() -> None:
    found = effect([person("forsorjningsstod", "lon", end=None), person("", "lon")], COSTS)
    assert found.people == 0 and not found.shown and found.total(60) == 0


def test_shipped_example_costs_are_dated_and_cite_their_source() -> None:
    costs, source = default_costs(date(2026, 1, 1))
    assert costs["forsorjningsstod"]["kommun"] > 0 > costs["lon"]["kommun"]
    assert "exempelvärden" in source


def test_the_verdict_says_within_which_horizon_the_cost_is_covered() -> None:
    people = [person("forsorjningsstod", "lon")] * 5  # 8 500 000 öre a month
    assert effect(people, COSTS, cost=50_000_000).cost_verdict == "Täcker kostnaden inom ett år."
    assert effect(people, COSTS, cost=500_000_000).cost_verdict == "Täcker kostnaden inom fem år."
    assert "inte" in effect(people, COSTS, cost=600_000_000).cost_verdict
    assert effect(people, COSTS).cost_verdict == "Kostnaden är inte bokförd."


def test_a_year_before_the_example_costs_uses_the_first_and_says_so() -> None:
    costs, source = default_costs(date(2021, 12, 31))
    assert costs == default_costs(date(2024, 1, 1))[0]
    assert "används även för 2021" in source


def test_the_people_with_each_pair_of_incomes_are_priced_as_a_rounded_count() -> None:
    """Seven from social assistance to work and two from work to social assistance: the
    amount is 5 × the first change (7 to the nearest five) and nothing for the two, so no
    division of an amount gives back a group under five."""
    people = [person("forsorjningsstod", "lon")] * 7 + [person("lon", "forsorjningsstod")] * 2
    found = effect(people, COSTS)
    assert found.people == 9
    assert found.monthly["kommun"] == 5 * (900_000 + 500_000)
    assert found.monthly["region"] == 5 * 300_000


def test_three_or_four_alike_count_as_five_and_one_or_two_as_none() -> None:
    from samordna.core.socioeconomic import rounded

    assert [rounded(n) for n in range(11)] == [0, 0, 0, 5, 5, 5, 5, 5, 10, 10, 10]


def test_five_people_with_five_different_changes_are_not_priced_and_say_so() -> None:
    kinds = ["forsorjningsstod", "lon", "sjukpenning", "a_kassa", "studiemedel"]
    people = [person(before, "lon") for before in kinds]
    found = effect(people, COSTS, cost=10_000_000)
    assert found.shown and found.all_rounded_away
    assert found.total(60) == 0
