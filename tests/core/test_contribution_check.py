"""Which income line holds the members' contributions: one word rule for the budget file and the
pages, and a warning when a budget with income has none, so the equity cap is never a silent
0 kr."""

from __future__ import annotations

import pytest

from samordna.core.budget import YearTotals
from samordna.core.budget_file import names_members_money
from samordna.core.contribution_check import NONE_MARKED, contribution_findings

KR = 100


@pytest.mark.parametrize(
    ("label", "named"),
    [
        ("Medlemsbidrag", True),
        ("Parternas bidrag", True),
        ("Bidrag från parterna", True),
        ("Intäkter från förbundets medlemmar", True),
        ("MEDLEMSAVGIFTER 2027", True),
        ("Statens bidrag via FK", False),
        ("Bidrag från ESF", False),
        ("Samverkanspartner", False),  # "partner" is not "parter"
        ("Ränteintäkter", False),
    ],
)
def test_the_words_that_name_the_members_money(label, named):
    assert names_members_money(label) is named


INCOME = YearTotals(income=2_000_000 * KR)


def test_income_without_any_marked_line_gives_one_warning_with_the_way_to_fix_it():
    findings = contribution_findings({2027: INCOME, 2028: INCOME}, {2027: 0, 2028: 0}, False)
    assert len(findings) == 1
    finding = findings[0]
    assert finding.severity == "warning" and finding.code == "no_contributions"
    assert finding.message.startswith(NONE_MARKED)
    assert "kryssa i ”Räknas som medlemsbidrag”" in finding.message


def test_a_marked_line_left_empty_one_year_names_that_year():
    found = contribution_findings(
        {2027: INCOME, 2028: INCOME}, {2027: 2_000_000 * KR, 2028: 0}, True
    )
    assert [(f.year, f.message.split(" –")[0]) for f in found] == [
        (2028, "Medlemsbidragen är 0 kr 2028")
    ]


def test_no_warning_when_the_contributions_are_known_or_there_is_no_income():
    assert contribution_findings({2027: INCOME}, {2027: 2_000_000 * KR}, True) == []
    assert contribution_findings({2027: YearTotals()}, {}, False) == []
