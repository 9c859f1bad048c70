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
    # a wrong check digit is refused too: the digits still name a birth date
    assert find_identity_numbers("811218-9875") == ["811218-9875"]


def test_every_common_writing_is_found() -> None:
    for written in (
        "850101 1236",  # a space
        "850101\u20131236",  # en dash, as Word writes it
        "850101\u20111236",  # non-breaking hyphen
        "850101\u22121236",  # minus sign
        "850101\u00a01236",  # non-breaking space
        "19850101 1236",  # twelve digits and a space
        "19850101 \u2013 1236",
        "85 01 01-1236",  # spaced groups
        "1985 01 01 1236",
        "850161-1234",  # samordningsnummer, any check digit
        "8501011236",
    ):
        assert find_identity_numbers(f"Deltagare {written} började") == [written], written


def test_ordinary_numbers_in_groups_pass() -> None:
    for text in (
        "Ring 070-123 45 67",  # phone number in its usual groups
        "Org.nr 222000-2733",  # month 20: an organisation number
        "8 501 011 236 kr",  # an amount split in threes
        "Beslut 2024-03-11 §5",
        "Beviljad 2026-01-01–2028-12-31",  # a date range, not 20260101-2028
        "Möte 2024-03-11 1400",
        "Konto 3010 och 3020, år 2025",
        "851301-1236",  # month 13 is no date
        "850132-1236",  # nor is day 32
    ):
        assert find_identity_numbers(text) == [], text


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
    assert "ett personnummer (tecken 6–16)" in message
    assert "811218" not in message and "9876" not in message
    coordination = identity_error("701063-2391")
    assert coordination is not None and "ett samordningsnummer" in coordination
