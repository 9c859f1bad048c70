"""SIE 4 as accounting programs write it: CP437, quoted names, verifications, balances."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from samordna.core.findings import InputError
from samordna.core.sie import fields, monthly_sums, parse_sie, ratios

FIXTURE = Path(__file__).parents[1] / "fixtures" / "sie" / "sodra-roslagen-2025.se"


def test_a_cp437_file_gives_the_company_accounts_and_balances():
    sie = parse_sie(FIXTURE.read_bytes())
    assert sie.company == "Samordningsförbundet Södra Roslagen"
    assert sie.org_number == "222000-2733"
    assert (sie.year_start, sie.year_end) == (date(2025, 1, 1), date(2025, 12, 31))
    assert sie.accounts["7690"] == "Övriga personalkostnader"
    assert sie.opening["1930"] == 1_590_000_00 and sie.closing["2440"] == -95_000_00
    assert sie.results["3010"] == -1_064_000_00


def test_the_year_before_and_the_vouchers_are_kept():
    sie = parse_sie(
        b"#FLAGGA 0\n#IB -1 1930 10.00\n#UB -1 1930 12.50\n#RES -1 3010 -2.50\n"
        b"#RES -2 3010 -9.00\n#IB 0 1930 12.50\n"
        b'#VER A 1 20250101 "x"\n{\n#TRANS 1930 {} 1.00\n#TRANS 3010 {} -1.00\n}\n'
    )
    assert (sie.previous_opening, sie.previous_closing) == ({"1930": 10_00}, {"1930": 12_50})
    assert sie.previous_results == {"3010": -2_50}  # year −2 is not read
    assert sie.opening == {"1930": 12_50} and sie.verifications == 1


def test_transactions_sum_per_account_and_month():
    sums = monthly_sums(parse_sie(FIXTURE.read_bytes()), 2025)
    assert sums["3010"] == {1: -266_000_00}
    assert sums["4010"] == {2: 160_833_00}
    assert sums["5010"] == {2: 9_583_33}
    assert sums["1930"][2] == -171_616_83


def test_a_transaction_keeps_its_own_date_and_text():
    sie = parse_sie(FIXTURE.read_bytes())
    invoice = next(t for t in sie.transactions if t.account == "4010")
    assert invoice.day == date(2025, 2, 27) and invoice.text == "Faktura 1123"


def test_quoted_fields_with_escaped_quotes_are_one_field():
    assert fields('#VER A 3 20250205 "Hyra, \\"Kvarnen\\""') == [
        "#VER",
        "A",
        "3",
        "20250205",
        'Hyra, "Kvarnen"',
    ]


def test_a_year_end_file_without_verifications_shows_the_results_in_december():
    data = b"#RAR 0 20250101 20251231\n#RES 0 3010 -1064000.00\n"
    assert monthly_sums(parse_sie(data), 2025) == {"3010": {12: -1_064_000_00}}


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("#IB 0 1930 tusen", "rad 2: ”tusen” är inte ett belopp."),
        ('#KONTO abc "Kassa"', "rad 2: ”abc” är inte ett kontonummer."),
        ("#RAR 0 2025-01-01 20251231", "rad 2: ”2025-01-01” är inte ett datum (ÅÅÅÅMMDD)."),
    ],
)
def test_a_wrong_line_is_named_by_its_number(line, message):
    with pytest.raises(InputError) as error:
        parse_sie(f"#FLAGGA 0\n{line}\n".encode("cp437"))
    assert str(error.value) == message


def test_an_unclosed_verification_is_refused():
    with pytest.raises(InputError, match="slutar inne i en verifikation"):
        parse_sie(b'#VER A 1 20250101 "x"\n{\n#TRANS 1930 {} 1.00\n')


@given(st.binary(max_size=400))
def test_any_bytes_give_a_file_or_a_swedish_message(data):
    try:
        parse_sie(data)
    except InputError as error:
        assert str(error)


@given(
    st.lists(
        st.sampled_from(
            [
                "#IB 0 1930 ",
                "#UB -1 2010 ",
                "#RES -1 3010 ",
                "-2",
                "#VER A 1 20250101",
                "{",
                "}",
                "#TRANS 1 {} ",
                "1.5",
                '"x',
                "#RAR 0 ",
                "20250230",
            ]
        ),
        max_size=12,
    )
)
def test_any_mix_of_sie_words_gives_a_file_or_a_swedish_message(words):
    try:
        parse_sie("\n".join(words).encode("cp437"))
    except InputError as error:
        assert str(error)


def test_liquidity_and_solidity_come_from_the_closing_balances():
    figures = ratios(parse_sie(FIXTURE.read_bytes()).closing)
    assert figures.current_assets == 1_275_000_00 and figures.current_liabilities == 95_000_00
    assert str(figures.liquidity) == "1342.1" and str(figures.solidity) == "92.5"


def test_ratios_without_liabilities_are_unknown_rather_than_infinite():
    assert ratios({"1930": 100}).liquidity is None
