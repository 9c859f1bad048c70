"""The law once: every parameter file says its unit, the member split is checked against the
shares the parameter file gives, and there is one half-up rounding."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from fractions import Fraction
from importlib import resources

import pytest
from hypothesis import given
from hypothesis import strategies as st

from samordna.core import allocation
from samordna.core.budget_rules import check_member_split
from samordna.core.money import round_half_up
from samordna.core.params import load

KR = 100
PARAMETER_FILES = sorted(
    p.name.removesuffix(".toml")
    for p in resources.files("samordna.core.params").iterdir()
    if p.name.endswith(".toml")
)


@pytest.mark.parametrize("name", PARAMETER_FILES)
def test_every_parameter_file_says_its_unit_and_its_source(name):
    parameter = load(name)
    assert parameter.unit.strip() and parameter.source.strip()


def test_the_law_is_named_by_its_title():
    source = load("finsam_shares").source
    assert "Lag (2003:1210) om finansiell samordning av rehabiliteringsinsatser" in source
    assert "rehabiliteringsområdet" not in source


def test_the_member_split_follows_the_parameter_file(monkeypatch):
    lines = {"fk": {2020: 500 * KR}, "region": {2020: 250 * KR}, "municipality": {2020: 250 * KR}}
    assert check_member_split(lines, [2020], tolerance=0) == []
    shares = load("finsam_shares")
    changed = replace(
        shares,
        values=({**shares.values[0], "state": "2/5", "region": "2/5", "municipality": "1/5"},),
    )
    monkeypatch.setattr(allocation, "load", lambda name: changed)
    findings = check_member_split(lines, [2020], tolerance=0)
    messages = " ".join(f.message for f in findings).replace("\u00a0", " ")
    assert (
        "staten står för 500 kr men ska enligt lagen (2003:1210) bära 2/5 av 1 000 kr" in messages
    )


def test_a_year_before_the_law_has_no_split_to_check():
    lines = {"fk": {2003: 900 * KR}, "region": {2003: 50 * KR}, "municipality": {2003: 50 * KR}}
    assert check_member_split(lines, [2003]) == []
    assert allocation.party_shares(date(2004, 1, 1))["state"] == Fraction(1, 2)


def test_halves_round_away_from_zero():
    halves = [
        Fraction(5, 2),
        Fraction(-5, 2),
        Fraction(1, 2),
        Fraction(-1, 2),
        7,
        Fraction(249, 100),
    ]
    assert [round_half_up(v) for v in halves] == [3, -3, 1, -1, 7, 2]


@given(st.fractions(min_value=-(10**9), max_value=10**9))
def test_rounding_is_within_a_half_and_symmetric(value):
    rounded = round_half_up(value)
    assert abs(rounded - value) <= Fraction(1, 2)
    assert round_half_up(-value) == -rounded
