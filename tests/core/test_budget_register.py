"""The register beside the budget: grants from pools, changes on linked lines."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from samordna.core.budget_register import pool_draws, register_findings, register_years

KR = 100


def test_a_grant_within_the_pool_moves_nothing_in_the_balance():
    [year] = register_years([2027], {}, {"ung": {2027: 400_000 * KR}}, {2027: 1_000_000 * KR})
    assert year.from_pool == 400_000 * KR and year.effect == 0
    assert register_findings([year]) == []


def test_the_part_beyond_the_pool_and_a_changed_line_are_the_effect():
    linked = {"team": {2027: 1_200_000 * KR}}
    register = {"team": {2027: 1_300_000 * KR}, "ung": {2027: 600_000 * KR}}
    [year] = register_years([2027], linked, register, {2027: 500_000 * KR})
    assert year.effect == (100_000 + 100_000) * KR
    [finding] = register_findings([year])
    assert finding.year == 2027 and finding.severity == "warning"
    assert "200 000 kr mer än budgetens insatsrader och potten" in finding.message


def test_a_lower_register_amount_is_reported_as_less():
    [year] = register_years([2027], {"team": {2027: 500 * KR}}, {"team": {2027: 300 * KR}}, {})
    [finding] = register_findings([year])
    assert "200 kr mindre än budgetens insatsrader." in finding.message


def test_draws_take_the_first_pool_first_and_stop_where_the_pools_end():
    assert pool_draws([300, 500], 600) == [300, 300]
    assert pool_draws([300, 500], 900) == [300, 500]
    assert pool_draws([-100, 500], 200) == [0, 200]


@given(st.lists(st.integers(-(10**9), 10**9), max_size=4), st.integers(0, 10**10))
def test_draws_never_exceed_the_grant_nor_a_pool(pools, grant):
    draws = pool_draws(pools, grant)
    assert sum(draws) <= grant
    assert all(0 <= d <= max(p, 0) for d, p in zip(draws, pools, strict=True))
    assert sum(draws) == min(grant, sum(max(p, 0) for p in pools))
