"""From an SIE file to the year's outcome per budget line (the parsing is core.sie)."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.db import transaction

from samordna.actuals.models import (
    Account,
    AccountMapping,
    ActualAmount,
    ActualImport,
    Balance,
)
from samordna.associations.models import Association
from samordna.core.findings import InputError
from samordna.core.sie import Ratios, SieFile, check_sie, monthly_sums, parse_sie, ratios

LineKey = tuple[str, str]  # section, label
INCOME_SECTIONS = ("income", "equity", "financial")  # credit is positive: income (net)


def import_sie(
    association: Association, year: int, data: bytes, filename: str, user: Any
) -> ActualImport:
    """Replace the year's outcome with the file's; InputError (nothing changed) when unreadable.

    The file is read and checked completely before the short write transaction begins.
    """
    sie = parse_sie(data)  # a wrong line is named first, by its number
    check_sie(data)
    sums = monthly_sums(sie, year)
    if not sums and not sie.opening and not sie.closing:
        raise InputError(
            f"Filen har inga transaktioner, resultat eller balanser för {year}; "
            "utfallet som finns är kvar."
        )
    return _replace_year(association, year, sie, sums, filename, user)


@transaction.atomic
def _replace_year(
    association: Association,
    year: int,
    sie: SieFile,
    sums: dict[str, dict[int, int]],
    filename: str,
    user: Any,
) -> ActualImport:
    ActualAmount.objects.filter(association=association, year=year).delete()
    _store_accounts(association, sie)
    ActualAmount.objects.bulk_create(
        ActualAmount(association=association, year=year, month=m, account=a, amount=v)
        for a, months in sums.items()
        for m, v in months.items()
    )
    results = sie.results or {
        account: sum(months.values()) for account, months in sums.items() if account[:1] not in "12"
    }
    _store_balances(association, year, (sie.opening, sie.closing, results))
    if not ActualImport.objects.filter(association=association, year=year - 1).exists():
        _store_balances(association, year - 1, sie.figures(-1))
    return ActualImport.objects.create(
        association=association,
        year=year,
        filename=filename,
        company=sie.company,
        accounts=len(sie.accounts),
        transactions=len(sie.transactions),
        vouchers=sie.verifications,
        imported_by=user if getattr(user, "is_authenticated", False) else None,
    )


def _store_accounts(association: Association, sie: SieFile) -> None:
    for number, name in sie.accounts.items():
        Account.objects.update_or_create(
            association=association, number=number, defaults={"name": name}
        )


Figures = tuple[dict[str, int], dict[str, int], dict[str, int]]  # opening, closing, result


def _store_balances(association: Association, year: int, figures: Figures) -> None:
    """The year's balances and results per account, replacing what the year had.

    The year before, as this file states it (#IB/#UB/#RES −1), is kept only while that year
    has no import of its own: its own file is the better source.
    """
    opening, closing, results = figures
    Balance.objects.filter(association=association, year=year).delete()
    Balance.objects.bulk_create(
        Balance(
            association=association,
            year=year,
            account=account,
            opening=opening.get(account, 0),
            closing=closing.get(account, 0),
            result=results.get(account, 0),
        )
        for account in sorted(set(opening) | set(closing) | set(results))
    )


def mappings(association: Association) -> dict[str, AccountMapping]:
    return {m.account: m for m in association.account_mappings.all()}


def actuals_by_line(association: Association, year: int) -> dict[LineKey, dict[int, int]]:
    """The outcome per budget line and month in öre, income and costs both positive."""
    mapped = mappings(association)
    lines: dict[LineKey, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    for amount in ActualAmount.objects.filter(association=association, year=year):
        mapping = mapped.get(amount.account)
        if mapping is None:
            continue
        sign = -1 if mapping.section in INCOME_SECTIONS else 1
        lines[(mapping.section, mapping.label)][amount.month] += sign * amount.amount
    return {key: dict(months) for key, months in lines.items()}


def result_accounts(association: Association, year: int) -> list[str]:
    """Accounts with amounts in the year that belong in the result (BAS classes 3–8)."""
    numbers = ActualAmount.objects.filter(association=association, year=year)
    return sorted({n for n in numbers.values_list("account", flat=True) if n[:1] in "345678"})


def unmapped_accounts(association: Association, year: int) -> list[tuple[str, str, int]]:
    """Result accounts with amounts but no budget line: (number, name, year's sum in öre)."""
    mapped = mappings(association)
    names = dict(association.accounts.values_list("number", "name"))
    totals: dict[str, int] = defaultdict(int)
    for amount in ActualAmount.objects.filter(association=association, year=year):
        totals[amount.account] += amount.amount
    return [
        (number, names.get(number, ""), totals[number])
        for number in result_accounts(association, year)
        if number not in mapped
    ]


def year_ratios(association: Association, year: int) -> Ratios | None:
    closing = dict(
        Balance.objects.filter(association=association, year=year).values_list("account", "closing")
    )
    return ratios(closing) if closing else None


def last_month(association: Association, year: int) -> int:
    """The last month of `year` with any amount (0 when none)."""
    months = ActualAmount.objects.filter(association=association, year=year)
    return max(months.values_list("month", flat=True), default=0)


def suggestion(number: str) -> str:
    """A section to suggest for a BAS account: 3xxx income, 7xxx staff (administration), 84xx
    and 85xx financial items (Kommun-Bas, as the resultaträkning's financial lines)."""
    if number.startswith("3"):
        return "income"
    if number[:2] in ("84", "85"):
        return "financial"
    if number.startswith("7"):
        return "administration"
    return "individual"
