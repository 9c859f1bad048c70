from __future__ import annotations

import pytest

from samordna.core.orgnr import OrgNumberError, normalize_org_number


@pytest.mark.parametrize(
    ("text", "normalized"),
    [
        ("222000-2733", "222000-2733"),
        ("2220001719", "222000-1719"),
        ("222 000-1719", "222000-1719"),
        ("16222000-1719", "222000-1719"),
    ],
)
def test_it_accepts_valid_org_numbers_in_the_ways_people_write_them(text, normalized):
    assert normalize_org_number(text) == normalized


def test_it_refuses_a_wrong_check_digit_and_says_so():
    with pytest.raises(OrgNumberError, match="kontrollsiffra"):
        normalize_org_number("222000-1718")


@pytest.mark.parametrize("text", ["", "12345", "abcdef-ghij", "222000-17190"])
def test_it_refuses_what_is_not_ten_digits(text):
    with pytest.raises(OrgNumberError, match="tio siffror"):
        normalize_org_number(text)
