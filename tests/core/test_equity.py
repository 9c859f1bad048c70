"""Equity against Nationella rådet's cap: the confirmed 20 % band, unknown bands, projection."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

from samordna.core.equity import Band, cap, default_bands, project, spread, warning

TKR = 100_000
BANDS = default_bands(date(2016, 1, 1))


def test_seed_004_may_keep_20_percent_of_2440_tkr_that_is_488_tkr():
    result = cap(2_440 * TKR, BANDS)
    assert result.amount == 488 * TKR and result.confirmed


def test_above_7_mkr_the_cap_is_unknown_until_someone_enters_it_with_a_source():
    result = cap(7_156_000_00, BANDS)
    assert result.amount is None and not result.confirmed
    entered = [*BANDS[:1], Band(None, Fraction(15), True, "Nationella rådet, beslut 2024")]
    assert cap(7_156_000_00, entered).amount == 1_073_400_00


def test_seed_004_goes_over_the_cap_and_is_warned():
    years = project(1_204 * TKR, {2015: 386 * TKR}, {2015: 2_440 * TKR}, BANDS)
    [year] = years
    assert year.closing == 1_590 * TKR and year.over_by == 1_102 * TKR
    text = warning(year).replace("\u00a0", " ")
    assert "överstiger taket 488 000 kr" in text and "staten" in text


def test_the_projection_carries_each_years_closing_into_the_next():
    years = project(
        900 * TKR,
        {2008: -850 * TKR, 2009: -850 * TKR},
        {2008: 3_750 * TKR, 2009: 3_750 * TKR},
        BANDS,
    )
    assert [(y.opening, y.closing) for y in years] == [
        (900 * TKR, 50 * TKR),
        (50 * TKR, -800 * TKR),
    ]
    assert all(warning(y) is None for y in years)


def test_seed_000_spreads_2550_tkr_as_850_a_year():
    assert spread(2_550 * TKR, 3) == [850 * TKR] * 3


def test_a_spread_always_adds_up():
    assert sum(spread(1_000_000_01, 7)) == 1_000_000_01


def test_a_year_without_member_contributions_has_no_cap_to_count_not_a_cap_of_0_kr():
    year = project(500_000_00, {2027: 0}, {2027: 0}, BANDS)[0]
    assert year.cap.amount is None
    assert year.over_by == 0
    said = warning(year)
    assert said is not None
    assert "kan inte räknas" in said and "Räknas som medlemsbidrag" in said
    assert "Nationella rådets" not in said  # not the advice for a band without a percent
