"""Kommun-Bas 84 and 85 are financial items: the SIE mapping suggests the budget's financial
section for them, the outcome counts interest as income and charges as costs, and the
resultaträkning puts them on its financial lines."""

from __future__ import annotations

from datetime import date

from samordna.actuals.models import AccountMapping, ActualAmount
from samordna.actuals.services import actuals_by_line, suggestion
from samordna.core.statements import AccountMap, default_prefixes, line_label


def test_accounts_84_and_85_are_suggested_as_financial_items():
    assert [suggestion(n) for n in ("8411", "8511", "3511", "7010")] == [
        "financial",
        "financial",
        "income",
        "administration",
    ]
    accounts = AccountMap(default_prefixes(date(2025, 1, 1)))
    assert line_label(accounts.line("8411")) == "Finansiella intäkter"
    assert line_label(accounts.line("8511")) == "Finansiella kostnader"


def test_the_outcome_of_the_financial_section_is_interest_less_charges(association):
    for account, label in (("8411", "Ränteintäkter"), ("8511", "Bankavgifter")):
        AccountMapping.objects.create(
            association=association, account=account, section="financial", label=label
        )
    ActualAmount.objects.create(  # a credit in SIE: income
        association=association, year=2025, month=12, account="8411", amount=-5_000_00
    )
    ActualAmount.objects.create(  # a debit: a cost
        association=association, year=2025, month=12, account="8511", amount=2_000_00
    )
    outcome = actuals_by_line(association, 2025)
    assert outcome[("financial", "Ränteintäkter")] == {12: 5_000_00}
    assert outcome[("financial", "Bankavgifter")] == {12: -2_000_00}
