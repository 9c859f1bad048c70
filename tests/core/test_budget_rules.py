"""Comparing budgets, what-if scenarios and the 1/2–1/4–1/4 split of member lines."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

from samordna.core.budget import Budget, RowKind, Section, line, stated, totals
from samordna.core.budget_rules import check_member_split, compare, scaled, share_of

KR = 100


def _budget(*rows, years=(2020, 2021)):
    return Budget(years=years, rows=tuple(rows))


def test_a_changed_line_shows_before_and_after_per_year():
    before = _budget(
        line(Section.INDIVIDUAL, "ALL-IN", {2020: 11_800_000 * KR, 2021: 11_500_000 * KR})
    )
    after = _budget(
        line(Section.INDIVIDUAL, "ALL-IN", {2020: 11_800_000 * KR, 2021: 11_000_000 * KR})
    )
    [change] = compare(before, after)
    assert (change.year, change.before, change.after) == (2021, 11_500_000 * KR, 11_000_000 * KR)
    assert change.what == "ändrad" and change.difference == -500_000 * KR


def test_added_and_removed_lines_are_named_as_such():
    before = _budget(line(Section.INDIVIDUAL, "Friska Vindar", {2020: 2_000_000 * KR}))
    after = _budget(line(Section.INDIVIDUAL, "Nya insatser", {2020: 210_000 * KR}))
    kinds = {(c.key[2], c.what) for c in compare(before, after)}
    assert kinds == {("Nya insatser", "ny"), ("Friska Vindar", "borttagen")}


def test_identical_budgets_have_no_changes():
    rows = (line(Section.INCOME, "Medlemsbidrag", {2020: 7_156_000 * KR}),)
    assert compare(_budget(*rows), _budget(*rows)) == []


def test_a_state_cut_of_ten_percent_from_next_year_leaves_this_year_alone():
    state = line(Section.INCOME, "Staten (AF/FK)", {2016: 1_064_000 * KR, 2017: 1_520_000 * KR})
    region = line(Section.INCOME, "Landstinget", {2016: 532_000 * KR, 2017: 760_000 * KR})
    total = stated(RowKind.SUM, "Summa", {2016: 1_596_000 * KR, 2017: 2_280_000 * KR})
    budget = _budget(state, region, total, years=(2016, 2017))
    what_if = scaled(budget, [state], Fraction(9, 10), from_year=2017)
    rows = {row.label: row for row in what_if.rows}
    assert rows["Staten (AF/FK)"].amounts == {2016: 1_064_000 * KR, 2017: 1_368_000 * KR}
    assert rows["Landstinget"].amounts == region.amounts
    assert rows["Summa"].amounts == {}  # a scenario is computed, not stated


def test_member_lines_in_the_finsam_split_give_no_finding():
    lines = {
        "fk": {2020: 1_789_000 * KR},
        "af": {2020: 1_789_000 * KR},
        "region": {2020: 1_789_000 * KR},
        "municipality": {2020: (1_341_000 + 323_000 + 125_000) * KR},
    }
    assert check_member_split(lines, [2020]) == []


def test_a_municipal_line_too_high_is_named_with_its_expected_amount():
    lines = {
        "fk": {2016: 1_064_000 * KR},
        "region": {2016: 532_000 * KR},
        "municipality": {2016: 600_000 * KR},
    }
    findings = check_member_split(lines, [2016])
    messages = " ".join(f.message for f in findings)
    assert {f.code for f in findings} == {"member_split"}
    assert "kommunerna står för 600 000 kr" in messages.replace("\u00a0", " ")
    assert all(f.severity == "warning" for f in findings)


def test_a_scenario_keeps_the_plan_years_given_as_a_lump():
    insats = line(Section.INDIVIDUAL, "Jobbspåret", {2025: 1_500_000 * KR})
    income = line(Section.INCOME, "Medlemsbidrag", {2025: 4_000_000 * KR, 2026: 4_000_000 * KR})
    lump = stated(
        RowKind.SUM, "Individinriktade insatser", {2025: 1_500_000 * KR, 2026: 2_600_000 * KR}
    )
    income_sum = stated(RowKind.SUM, "Summa intäkter", {2025: 4_000_000 * KR})
    budget = _budget(income, income_sum, insats, lump, years=(2025, 2026))
    what_if = scaled(budget, [income], Fraction(95, 100), from_year=2026)
    assert totals(what_if)[2026].individual == 2_600_000 * KR
    assert totals(what_if)[2026].income == 3_800_000 * KR
    assert totals(what_if)[2025].individual == 1_500_000 * KR


def test_a_state_cut_reaches_half_of_a_line_that_carries_every_members_contribution():
    when = date(2026, 1, 1)
    assert share_of(("fk", "af"), when) == Fraction(1, 2)
    assert share_of(("fk", "af", "region", "municipality"), when) == 1
    assert share_of(("region",), when) == Fraction(1, 4)
