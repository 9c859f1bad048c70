"""Resultaträkning, balansräkning, kassaflödesanalys and the auditor's checks, in öre.

The demo's SIE file (Södra Roslagen 2016, written by tools/demo_sie.py) is worked out by
hand here from its vouchers, as the förbund's ekonom would check the printed statements.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from samordna.core import statements as core
from samordna.core.sie import monthly_sums, parse_sie

DEMO = Path(__file__).parents[2] / "src" / "samordna" / "demo" / "files"
SIE = DEMO / "sie-sodra-roslagen-2016.se"
KR = 100  # öre per krona


def _demo():
    sie = parse_sie(SIE.read_bytes())
    movements = {a: sum(m.values()) for a, m in monthly_sums(sie, 2016).items()}
    current = core.YearBooks(2016, sie.opening, sie.closing, sie.results, movements)
    previous = core.YearBooks(
        2015, sie.previous_opening, sie.previous_closing, sie.previous_results
    )
    return current, previous, _map(sie.accounts)


def _map(names=None, exceptions=None):
    prefixes = core.default_prefixes(date(2016, 12, 31))
    return core.AccountMap(prefixes, exceptions or {}, names or {})


def _rows(rows):
    return {r.label: (r.current, r.previous) for r in rows if r.style != "heading"}


def test_the_demo_income_statement_as_worked_out_by_hand():
    found = core.statements(*_demo())
    rows = _rows(found.income)
    income = (1_064_000 + 532_000 + 213_000 + 319_000) * KR  # four members' contributions
    insatser = (4 * 453_100 + 3 * 9_500 + 146_000 + 30_000 + 45_000) * KR
    staff = (
        (12 * 51_000 + 2_800) * KR  # salaries and the change in holiday pay
        + 4 * 21_600 * KR  # board fees
        + 4 * 678_672  # fees on board fees, 31,42 %
        + 12 * 1_602_420  # fees on salaries, 31,42 %
        + (3_800 + 4_200 + 3_100 + 3_500) * KR  # training
    )
    other = (12 * 9_600 + 31_870 + 20_935 + 12 * 4_000 + 2_500 + 55_000) * KR
    costs = insatser + staff + other
    assert costs == 3_270_642_28
    interest = 4 * 31_250
    assert rows["Verksamhetens intäkter"] == (income, 2_440_000 * KR)
    assert rows["Verksamhetens kostnader"] == (-costs, -2_055_000 * KR)
    assert rows["Finansiella intäkter"] == (interest, 0)
    assert rows["Årets resultat"] == (income - costs + interest, 385_000 * KR)
    assert found.result == -1_141_392_28


def test_the_demo_balance_sheet_as_worked_out_by_hand():
    found = core.statements(*_demo())
    rows = _rows(found.balance)
    receivables = 7_975_000 + 9_600 * KR  # Täby's fourth quarter unpaid, January rent prepaid
    cash_in = (2_128_000 - 79_750 + 1_250) * KR
    cash_out = (
        12 * 35_700 * KR  # net salaries
        + 12 * (1_530_000 + 1_602_420)  # tax and fees on salaries, paid the month after
        + 3 * (648_000 + 678_672)  # tax and fees on three quarters' board fees
        + 4 * 15_120 * KR  # board fees net
        + (42_300 + 60_000) * KR  # last year's suppliers and audit
        + (2_285_405 - 513_800) * KR  # this year's invoices but December's
        + 9_600 * KR  # January 2017's rent
    )
    cash = 1_751_424_20 + cash_in - cash_out
    liabilities = (513_800 + 21_780 + 41_200 + 55_000) * KR + 2_281_092
    equity = 1_589_000 * KR - 1_141_392_28
    assert rows["Fordringar"] == (receivables, 9_600 * KR)
    assert rows["Kassa och bank"] == (cash, 1_751_424_20)
    assert rows["Summa tillgångar"] == (receivables + cash, 1_761_024_20)
    assert rows["Eget kapital"] == (equity, 1_589_000 * KR)
    assert rows["Kortfristiga skulder"] == (liabilities, 172_024_20)
    assert rows["Summa eget kapital, avsättningar och skulder"] == (
        equity + liabilities,
        1_761_024_20,
    )
    assert receivables + cash == equity + liabilities == 1_102_198_64
    assert found.findings == ()


def test_the_demo_cash_flow_explains_the_change_in_cash():
    found = core.statements(*_demo())
    rows = {r.label: r.current for r in found.cash_flow}
    assert rows["Årets kassaflöde"] == 1_012_848_64 - 1_751_424_20
    assert rows["Ökning (−) eller minskning (+) av fordringar"] == -7_975_000
    assert rows["Likvida medel vid årets slut"] == 1_012_848_64


def test_a_balance_sheet_that_does_not_balance_names_the_account():
    current, previous, accounts = _demo()
    broken = replace(current, closing={**current.closing, "1930": current.closing["1930"] + 500})
    found = core.statements(broken, previous, accounts)
    [finding] = [f for f in found.findings if f.code == "balance_sheet_unbalanced"]
    assert "1930 Bank" in finding.message and "skillnad 5 kr" in finding.message


def test_an_opening_balance_that_differs_from_last_years_closing_is_caught():
    current, previous, accounts = _demo()
    moved = {**current.opening, "2440": current.opening["2440"] - 100_00}
    moved["1930"] += 100_00  # the file still balances: only the turn of the year is wrong
    found = core.statements(replace(current, opening=moved), previous, accounts)
    codes = {f.code: f.message for f in found.findings}
    assert "2440 Leverantörsskulder" in codes["opening_differs_from_last_closing"]
    assert "utgående balans 2015 är -42 300 kr" in codes["opening_differs_from_last_closing"]


def test_opening_equity_that_is_not_last_years_closing_equity_is_caught():
    current, previous, accounts = _demo()
    previous = replace(previous, results={**previous.results, "3511": -1_219_000_00})
    found = core.statements(current, previous, accounts)
    assert any(f.code == "opening_equity_differs" for f in found.findings)


def test_a_result_that_is_not_the_change_in_equity_is_caught():
    current, previous, accounts = _demo()
    closing = {**current.closing, "2010": current.closing["2010"] + 1_000_00}
    closing["1930"] += 1_000_00
    found = core.statements(replace(current, closing=closing, movements=None), previous, accounts)
    [finding] = [f for f in found.findings if f.code == "result_differs_from_equity_change"]
    assert "2010 Eget kapital" in finding.message


def test_a_result_that_differs_from_the_vouchers_names_the_account():
    current, previous, accounts = _demo()
    results = {**current.results, "6110": current.results["6110"] + 1}
    found = core.statements(replace(current, results=results), previous, accounts)
    assert any("6110 Lokalhyra" in f.message for f in found.findings)


def test_an_account_without_a_line_is_listed_and_kept_in_the_sums():
    books = core.YearBooks(
        2016,
        opening={"1930": 1_000_00, "2010": -1_000_00},
        closing={"1930": 900_00, "2010": -1_000_00},
        results={"9100": 100_00},
    )
    found = core.statements(books, None, _map({"9100": "Internt"}))
    assert found.result == -100_00
    assert _rows(found.income)["Resultatkonton utan rad"] == (-100_00, None)
    [finding] = [f for f in found.findings if f.code == "account_without_line"]
    assert "9100 Internt" in finding.message
    assert not [f for f in found.findings if f.is_error]


def test_the_foerbunds_own_line_for_an_account_wins_over_the_prefix():
    accounts = _map(exceptions={"8410": "intakter"})
    assert accounts.line("8410") == "intakter" and accounts.line("8411") == "finansiella_intakter"
    assert accounts.line("6810") == "avskrivningar" and accounts.line("6110") == "kostnader"


def test_a_result_booked_against_equity_gives_the_same_balance_sheet():
    open_books = core.YearBooks(
        2016,
        opening={"1930": 1_000_00, "2010": -1_000_00},
        closing={"1930": 1_300_00, "2010": -1_000_00},
        results={"3511": -500_00, "5110": 200_00},
    )
    booked = replace(
        open_books,
        closing={"1930": 1_300_00, "2010": -1_300_00},
        results={**open_books.results, "8999": 300_00},
    )
    first, second = (core.statements(b, None, _map()) for b in (open_books, booked))
    assert first.balance == second.balance and first.result == second.result == 300_00
    assert first.findings == second.findings == ()


ACCOUNTS = st.sampled_from(["1510", "1930", "2010", "2440", "2920", "3511", "4611", "5110", "8410"])
BOOKED = st.sampled_from(["1510", "1930", "2440", "2920", "3511", "4611", "5110", "8410"])


@given(
    st.dictionaries(ACCOUNTS, st.integers(-(10**9), 10**9), max_size=6),
    st.lists(st.tuples(BOOKED, BOOKED, st.integers(1, 10**9)), max_size=30),
)
def test_any_balanced_books_give_statements_that_balance(opening_amounts, vouchers):
    """Vouchers that never touch equity: the result is then the change in equity."""
    opening = {a: v for a, v in opening_amounts.items() if a[0] in "12"}
    opening["2010"] = opening.get("2010", 0) - sum(opening.values())  # the year opens balanced
    moved: dict[str, int] = {}
    for debit, credit, amount in vouchers:
        moved[debit] = moved.get(debit, 0) + amount
        moved[credit] = moved.get(credit, 0) - amount
    closing = {a: opening.get(a, 0) + moved.get(a, 0) for a in set(opening) | set(moved)}
    closing = {a: v for a, v in closing.items() if a[0] in "12"}
    results = {a: v for a, v in moved.items() if a[0] not in "12"}
    books = core.YearBooks(2016, opening, closing, results, moved)
    found = core.statements(books, None, _map())
    assert not [f for f in found.findings if f.is_error]
    rows = _rows(found.balance)
    assert rows["Summa tillgångar"][0] == rows["Summa eget kapital, avsättningar och skulder"][0]
    flow = {r.label: r.current for r in found.cash_flow}
    assert (
        flow["Likvida medel vid årets början"] + flow["Årets kassaflöde"]
        == flow["Likvida medel vid årets slut"]
    )
