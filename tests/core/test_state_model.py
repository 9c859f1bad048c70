"""The state's share by the allocation model: base, 75 % support measure, 25 % population."""

from __future__ import annotations

from samordna.core.state_model import ModelInput, estimate

MKR = 100_000_000

# A made-up country: 100 förbund, 300 mkr appropriation; this förbund has 1 % of the
# support measure and 2 % of the population aged 16–64.
GIVEN = ModelInput(
    year=2019,
    appropriation=300 * MKR,
    associations=100,
    support=1_000,
    support_national=100_000,
    population=20_000,
    population_national=1_000_000,
)


def test_the_base_and_the_two_shares_add_up():
    result = estimate(GIVEN)
    rest = 300 * MKR - 100 * 400_000_00  # 260 mkr after the bases
    assert result.base == 400_000_00
    assert result.by_support == rest * 3 // 4 // 100
    assert result.by_population == rest // 4 * 2 // 100
    assert result.total == result.base + result.by_support + result.by_population
    assert not result.cut_capped
    assert "Grundbelopp 400 000 kr." in [line.replace("\u00a0", " ") for line in result.explanation]


def test_in_2016_a_cut_is_capped_at_ten_percent():
    given = ModelInput(**{**GIVEN.__dict__, "year": 2016, "previous": 5 * MKR})
    result = estimate(given)
    assert result.cut_capped and result.total == 4_500_000_00


def test_a_forbund_with_too_much_equity_gets_no_cap_on_the_cut():
    given = ModelInput(
        **{**GIVEN.__dict__, "year": 2016, "previous": 5 * MKR, "equity_above_cap": True}
    )
    assert not estimate(given).cut_capped


def test_after_2017_the_cut_is_not_capped():
    given = ModelInput(**{**GIVEN.__dict__, "year": 2018, "previous": 5 * MKR})
    assert not estimate(given).cut_capped
