"""Money is whole öre: one Swedish parse, one Swedish format."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from samordna.core.money import MoneyError, format_amount, parse_amount


@pytest.mark.parametrize(
    ("text", "ore"),
    [
        ("7864000", 786_400_000),
        ("7 864 000", 786_400_000),
        ("7 864 000 kr", 786_400_000),
        ("7\u00a0864\u00a0000\u00a0kr", 786_400_000),
        ("−269 000", -26_900_000),
        ("-269 000 kr", -26_900_000),
        ("3 750 tkr", 375_000_000),
        ("6,19 MKR", 619_000_000),
        ("1 234,50", 123_450),
        ("12.50", 1_250),
        ("0", 0),
    ],
)
def test_it_reads_amounts_the_way_plans_write_them(text, ore):
    assert parse_amount(text) == ore


def test_a_unit_argument_reads_bare_numbers_as_tkr():
    assert parse_amount("3 750", unit="tkr") == 375_000_000


@pytest.mark.parametrize("text", ["", "abc", "7 864 000 euro", "1,234", "1,2,3", "--5"])
def test_it_refuses_what_is_not_an_amount_with_a_swedish_message(text):
    with pytest.raises(MoneyError) as error:
        parse_amount(text)
    assert any(word in str(error.value) for word in ("belopp", "Belopp", "öre", "enhet"))


@pytest.mark.parametrize(
    ("ore", "unit", "text"),
    [
        (786_400_000, "kr", "7 864 000 kr"),
        (-26_900_000, "kr", "-269 000 kr"),
        (123_450, "kr", "1 234,50 kr"),
        (375_000_000, "tkr", "3 750 tkr"),
        (619_000_000, "mkr", "6,19 mkr"),
        (0, "kr", "0 kr"),
    ],
)
def test_it_writes_amounts_the_swedish_way(ore, unit, text):
    assert format_amount(ore, unit) == text


def test_no_break_spaces_keep_an_amount_on_one_line():
    assert format_amount(786_400_000, nbsp=True) == "7\u00a0864\u00a0000\u00a0kr"


@given(st.integers(min_value=-(10**15), max_value=10**15), st.sampled_from(["kr", "tkr", "mkr"]))
def test_what_is_written_reads_back_the_same(ore, unit):
    assert parse_amount(format_amount(ore, unit)) == ore


def test_rounded_kronor_rounds_half_away_from_zero() -> None:
    from samordna.core.money import rounded_kronor

    assert [rounded_kronor(o) for o in (0, 149, 150, 12_345_600, -150, -149)] == [
        0,
        1,
        2,
        123_456,
        -2,
        -1,
    ]


@given(
    st.integers(min_value=-(10**14), max_value=10**14),
    st.sampled_from(["kr", "tkr", "mkr"]),
    st.booleans(),
)
def test_whole_kronor_in_a_file_read_as_their_unit_says(kronor, unit, grouped):
    """The common cell ("53 000", "53000") in a budget file's unit, near and past the limit."""
    text = f"{kronor:,}".replace(",", " ") if grouped else str(kronor)
    ore = kronor * {"kr": 100, "tkr": 100_000, "mkr": 100_000_000}[unit]
    if abs(ore) > 10**15:
        with pytest.raises(MoneyError, match="10 000 miljarder"):
            parse_amount(text, unit)
    else:
        assert parse_amount(text, unit) == ore
