"""The risk matrix and the delegation check, as a förbund's internkontrollplan reads them."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from samordna.core.internal_control import (
    DelegatedDecision,
    Matter,
    delegation_findings,
    risk_level,
    risk_matrix,
)


@pytest.mark.parametrize(
    ("likelihood", "consequence", "score", "word"),
    [
        (1, 1, 1, "Låg"),
        (1, 3, 3, "Låg"),
        (2, 2, 4, "Måttlig"),
        (3, 2, 6, "Måttlig"),
        (2, 4, 8, "Hög"),
        (3, 3, 9, "Hög"),
        (4, 4, 16, "Hög"),
    ],
)
def test_a_risk_scores_likelihood_times_consequence_and_names_its_level(
    likelihood, consequence, score, word
):
    level = risk_level(likelihood, consequence)
    assert (level.score, level.word) == (score, word)


@pytest.mark.parametrize(("likelihood", "consequence"), [(0, 2), (5, 1), (2, 0), (2, 5)])
def test_a_value_outside_one_to_four_is_refused(likelihood, consequence):
    with pytest.raises(ValueError, match="1–4"):
        risk_level(likelihood, consequence)


def test_the_matrix_has_likely_risks_on_top_and_serious_ones_to_the_right():
    rows = risk_matrix(
        [("1. Felaktig utbetalning", 2, 4), ("2. Jäv", 1, 3), ("3. Fel bidrag", 2, 4)]
    )
    assert [row[0].likelihood for row in rows] == [4, 3, 2, 1]
    assert [cell.consequence for cell in rows[0]] == [1, 2, 3, 4]
    assert rows[2][3].risks == ("1. Felaktig utbetalning", "3. Fel bidrag")
    assert rows[3][2].risks == ("2. Jäv",)
    assert rows[0][3].level.word == "Hög" and rows[3][0].level.word == "Låg"


@given(st.lists(st.tuples(st.text(max_size=5), st.integers(1, 4), st.integers(1, 4))))
def test_every_risk_lands_in_exactly_one_cell(risks):
    cells = [cell for row in risk_matrix(risks) for cell in row]
    assert len(cells) == 16
    assert sum(len(cell.risks) for cell in cells) == len(risks)


LOKALER = Matter(1, "Avtal om lokaler", 10_000_000, date(2015, 2, 4))  # 100 000 kr
UTBILDNING = Matter(2, "Köp av utbildning", 5_000_000, date(2015, 2, 4), date(2016, 6, 30))
INSATSMEDEL = Matter(3, "Utbetalning av beviljade medel", None, date(2015, 2, 4))
ORDNING = [LOKALER, UTBILDNING, INSATSMEDEL]


def _codes(*decisions):
    return [f.code for f in delegation_findings(ORDNING, decisions)]


def test_a_decision_within_its_point_and_limit_is_no_finding():
    assert (
        _codes(DelegatedDecision("2016-03-01", date(2016, 3, 1), "Hyresavtal", 1, 8_400_000)) == []
    )
    at_limit = DelegatedDecision("2016-03-02", date(2016, 3, 2), "Hyra", 1, 10_000_000)
    assert _codes(at_limit) == []


def test_a_point_without_a_limit_takes_any_amount():
    big = DelegatedDecision("2016-04-01", date(2016, 4, 1), "Utbetalning", 3, 90_000_000)
    assert _codes(big) == []


def test_a_decision_above_the_limit_says_both_amounts():
    above = DelegatedDecision("2016-05-10 §3", date(2016, 5, 10), "Utbildning i MI", 2, 6_250_000)
    [finding] = delegation_findings(ORDNING, [above])
    assert finding.code == "above_limit" and finding.is_error
    assert "62 500 kr är mer än de 50 000 kr" in finding.message
    assert "2016-05-10 §3" in finding.message
    assert (finding.stated, finding.computed) == (6_250_000, 5_000_000)


def test_a_decision_outside_every_listed_matter_is_a_finding():
    outside = DelegatedDecision("2016-09-20", date(2016, 9, 20), "Anställning", None, 18_000_000)
    [finding] = delegation_findings(ORDNING, [outside])
    assert finding.code == "outside_delegation"
    assert "inte kopplat till någon punkt" in finding.message


def test_a_point_that_no_longer_applied_is_a_finding():
    late = DelegatedDecision("2016-09-01", date(2016, 9, 1), "Konferens", 2, 1_000_000)
    early = DelegatedDecision("2015-01-10", date(2015, 1, 10), "Hyra", 1, 1_000_000)
    assert _codes(late, early) == ["matter_not_in_force", "matter_not_in_force"]


def test_a_missing_amount_under_a_limited_point_is_a_warning():
    [finding] = delegation_findings(
        ORDNING, [DelegatedDecision("2016-03-01", date(2016, 3, 1), "Hyra", 1, None)]
    )
    assert (finding.code, finding.severity) == ("amount_missing", "warning")


def test_a_point_that_is_gone_counts_as_outside():
    assert _codes(DelegatedDecision("2016-03-01", date(2016, 3, 1), "Hyra", 99, 100)) == [
        "outside_delegation"
    ]
