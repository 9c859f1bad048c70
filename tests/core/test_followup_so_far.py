"""The delårsrapport's months protected with the year's tables, and means hidden with their
counts: scenarios a data-protection officer can follow."""

from __future__ import annotations

from samordna.core import disclosure, followup_so_far
from samordna.core.followup import Tally, counted
from samordna.core.followup_disclosure import ALL, hidden_cells, linked_set, protect_reports
from samordna.core.followup_so_far import NOT_ENDED, SoFar

YEAR = 2024


def _tally(women: int, men: int, rated: int = 0, quality_sum: int = 0) -> Tally:
    ran = women + men
    return Tally(
        ran=ran,
        sex={"kvinna": women, "man": men},
        birth_years={1990: ran},
        ended=rated,
        reasons={("arbete", "kvinna"): rated} if rated else {},
        rated=rated,
        higher=rated,
        quality_sum=quality_sum,
        days={200: rated} if rated else {},
    )


def _year(tallies: dict[int, Tally]) -> tuple[dict, dict]:
    reports = {pk: counted(t, YEAR) for pk, t in tallies.items()}
    whole = Tally()
    for t in tallies.values():
        whole = whole + t
    reports[ALL] = counted(whole, YEAR)
    return reports, {ALL: list(tallies)}


def test_a_mean_is_hidden_when_the_count_it_rests_on_is_hidden():
    """Insats 2 has three rated exits (hidden); the förbund's eleven are shown, so insats 1's
    eight are hidden too, and with them insats 1's mean change: else the förbund's mean times
    eleven less insats 1's mean times eight would give insats 2's three people's mean."""
    reports, groups = _year(
        {1: _tally(8, 0, rated=8, quality_sum=16), 2: _tally(3, 0, rated=3, quality_sum=3)}
    )
    protected, _matrix = protect_reports(reports, groups)
    assert protected[2].quality_change is None  # fewer than five
    assert protected[1].quality_change is None  # five or more, but its count is hidden
    assert protected[ALL].quality_change == "+1,7"


def _months(women_by_month: dict[int, int], men_by_month: dict[int, int]) -> SoFar:
    begun = {(m, "kvinna"): n for m, n in women_by_month.items()}
    begun |= {(m, "man"): n for m, n in men_by_month.items()}
    return SoFar(begun, {NOT_ENDED: sum(women_by_month.values()) + sum(men_by_month.values())})


def _pinned(linked: disclosure.LinkedSet, hidden: frozenset) -> list:
    """The hidden published cells that the shown ones pin to one value."""
    published = set(linked.values) - linked.unpublished
    secret = set(hidden) | linked.unpublished
    known = {k: linked.known(k) for k in secret}
    found = disclosure.intervals(linked.values, linked.equations, secret, known)
    return sorted((k for k in hidden & published if disclosure.is_exposed(*found[k])), key=repr)


def test_a_month_cannot_give_away_a_small_group_of_the_year():
    """One insats: nine men from January and one woman who began in December. The year shows
    10 participants, women "<5" and men "x". Had March shown its nine men and no woman, a
    reader would know the year's men are at least nine, so the woman is one. Protected
    together with the months, no hidden cell can be worked out."""
    counts = {1: _months({12: 1}, {1: 9})}
    reports, groups = _year({1: _tally(1, 9)})
    alone = hidden_cells(linked_set(reports, groups), groups)
    assert (1, "sex", "Kvinnor") in alone and (1, "sex", "Män") in alone
    linked = linked_set(reports, groups)
    followup_so_far.add_months(linked, counts)
    small = {k for k in set(linked.values) - linked.unpublished if 0 < linked.values[k] < 5}
    assert (1, "sex", "Kvinnor") in _pinned(linked, alone | small)
    together = hidden_cells(linked, groups)
    assert _pinned(linked, together) == []
    assert together > alone  # a further cell hidden, in a month or in the year


def test_january_to_december_is_the_years_report():
    reports, groups = _year({1: _tally(6, 7), 2: _tally(5, 8)})
    protected, _matrix = protect_reports(reports, groups)
    found = followup_so_far.year_figures(protected, ALL)
    assert found.participants == protected[ALL].participants
    assert found.by_insats == {1: protected[1].participants, 2: protected[2].participants}
