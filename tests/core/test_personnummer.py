"""The personnummer filter finds every valid number in any text and lets ordinary ones pass."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from samordna.core.money import format_amount
from samordna.core.personnummer import find_identity_numbers, identity_error, luhn_digit

words = st.text(alphabet=st.characters(blacklist_categories=("Nd", "Cs")), max_size=30)


@st.composite
def identity_numbers(draw: st.DrawFn) -> str:
    born = draw(st.dates(min_value=date(1900, 1, 1), max_value=date(2026, 12, 31)))
    coordination = draw(st.booleans())
    day = born.day + (60 if coordination else 0)
    yymmdd = f"{born.year % 100:02d}{born.month:02d}{day:02d}"
    serial = f"{draw(st.integers(0, 999)):03d}"
    check = luhn_digit(yymmdd + serial)
    tail = f"{serial}{check}"
    style = draw(st.sampled_from(["dash", "plus", "none", "long", "long_dash"]))
    century = f"{born.year // 100}"
    return {
        "dash": f"{yymmdd}-{tail}",
        "plus": f"{yymmdd}+{tail}",
        "none": f"{yymmdd}{tail}",
        "long": f"{century}{yymmdd}{tail}",
        "long_dash": f"{century}{yymmdd}-{tail}",
    }[style]


def test_known_numbers() -> None:
    # Skatteverket's test number, a samordningsnummer and the 12-digit form
    assert find_identity_numbers("Deltagare 811218-9876 började") == ["811218-9876"]
    assert find_identity_numbers("sn 701063-2391") == ["701063-2391"]
    assert find_identity_numbers("19811218-9876") == ["19811218-9876"]
    assert find_identity_numbers("811218-9875") == []  # wrong check digit


@given(before=words, number=identity_numbers(), after=words)
def test_finds_every_valid_number_in_any_text(before: str, number: str, after: str) -> None:
    assert find_identity_numbers(f"{before}{number}{after}") == [number]
    assert identity_error(f"{before} {number} {after}") is not None


@given(ore=st.integers(min_value=0, max_value=10**15))
def test_amounts_pass(ore: int) -> None:
    text = f"Budget {format_amount(ore)} och {format_amount(ore, 'tkr')}"
    assert identity_error(text) is None


@given(day=st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
def test_dates_pass(day: date) -> None:
    assert identity_error(f"Beslut {day.isoformat()} §34, möte {day:%Y%m%d}") is None


@given(number=st.integers(min_value=0, max_value=999_999_999))
def test_numbers_shorter_than_ten_digits_pass(number: int) -> None:
    assert identity_error(f"Ärende {number}, {number} deltagare") is None


def test_message_names_the_problem_without_repeating_the_number() -> None:
    message = identity_error("ring 811218-9876")
    assert message is not None
    assert "personnummer" in message and "811218-****" in message and "9876" not in message
