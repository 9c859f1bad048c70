"""Many amounts read at once (`parse_whole_units`, the budget check's year columns) are the
amounts `parse_amount` reads one by one, or not read at all (then they are read one by one)."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from samordna.core.money import (
    MAX_ORE,
    ORE_PER_UNIT,
    MoneyError,
    format_amount,
    parse_amount,
    parse_whole_units,
)

UNITS = st.sampled_from(list(ORE_PER_UNIT))
ODD = [
    *["", " ", "\t", "\u00a0", "+5", "-0", "-", "--5", "5-", "1 -", "- 1", "007", "0", "00"],
    *["3,5", "3.50", "1,234", "7 kr", "850 tkr", "3 mkr", "1:-", "−5", "\u22125 000", "–5"],
    *["1\u00a0000", "1\u202f000", "1'000", "1_000", "1e3", "0x1f", "٣٤", "[1]", "true", "null"],
    *["10000000000000", "9999999999999", "-9999999999999", "10000000000", "9999999999"],
    *["10000000", "9999999", " 12 345 ", "1 2 3", "1  000"],
]
plain = st.integers(min_value=-(10**13), max_value=10**13)
cells = st.one_of(
    plain.map(lambda kr: format_amount(kr * 100, "kr", suffix=False).replace("\u2212", "-")),
    plain.map(str),
    st.integers(min_value=-(10**16), max_value=10**16).map(str),
    st.sampled_from(ODD),
    st.text(alphabet="0123456789 -+,.;\t\u00a0\u2212krt", max_size=10),
)


def _one_by_one(texts: list[str], unit: str) -> list[int] | None:
    """Each text read by `parse_amount` as whole units; None when one is not such an amount."""
    try:
        ore = [parse_amount(text, unit) for text in texts]
    except MoneyError:
        return None
    factor = ORE_PER_UNIT[unit]
    return [amount // factor for amount in ore] if all(a % factor == 0 for a in ore) else None


@settings(max_examples=6 * settings.default.max_examples)
@given(texts=st.lists(cells, min_size=1, max_size=8), separator=st.sampled_from(";,"), unit=UNITS)
@example(texts=["1 000", "-2", "3"], separator=";", unit="kr")
@example(texts=["1 000", "7 kr"], separator=";", unit="kr")
def test_amounts_read_at_once_are_the_amounts_read_one_by_one(texts, separator, unit) -> None:
    text = separator.join(texts)
    at_once = parse_whole_units(text, separator, unit)
    if at_once is not None:
        assert at_once == _one_by_one(text.split(separator), unit)


@given(
    numbers=st.lists(st.integers(min_value=-(10**12), max_value=10**12), min_size=1, max_size=8),
    grouped=st.booleans(),
    separator=st.sampled_from(";,"),
)
def test_whole_kronor_as_plans_write_them_are_read_at_once(numbers, grouped, separator) -> None:
    texts = [format_amount(n * 100, suffix=False) if grouped else str(n) for n in numbers]
    texts = [text.replace("\u2212", "-") for text in texts]
    assert parse_whole_units(separator.join(texts), separator, "kr") == numbers


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("1;;2", "kr"),  # an empty cell
        ("1;7 kr", "kr"),  # a unit in a cell
        ("1;3,5", "kr"),  # a decimal comma: more numbers than cells
        ("1;−5", "kr"),  # a typographic minus sign
        ("1;0100", "kr"),  # a leading zero
        ("1;10000000000000", "kr"),  # as many digits as the limit in kr
        ("1;10000000000", "tkr"),  # as many digits as the limit in tkr
    ],
)
def test_anything_else_is_left_to_be_read_one_by_one(text, unit) -> None:
    assert parse_whole_units(text, ";", unit) is None


def test_the_largest_amounts_read_at_once_are_within_the_limit() -> None:
    for unit, factor in ORE_PER_UNIT.items():
        digits = len(str(MAX_ORE // factor)) - 1
        largest = int("9" * digits)
        assert parse_whole_units(f"{largest};-{largest}", ";", unit) == [largest, -largest]
        assert parse_amount(str(largest), unit) == largest * factor
