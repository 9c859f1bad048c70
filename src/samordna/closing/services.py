"""The year's books as values for core.statements: balances and results per account, the
förbund's account exceptions, and the check against the budget follow-up."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date

from django.db import transaction
from django.db.models import Sum

from samordna.actuals.models import AccountMapping, ActualAmount, ActualImport, Balance
from samordna.associations.models import Association
from samordna.closing.models import StatementAccount
from samordna.core import statements as core
from samordna.core.findings import Finding


def book_years(association: Association) -> list[int]:
    """The years with an SIE import of their own, latest first."""
    years = association.actual_imports.values_list("year", flat=True)
    return sorted(set(years), reverse=True)


def has_books(association: Association, year: int) -> bool:
    return ActualImport.objects.filter(association=association, year=year).exists()


def exceptions_in_force(association: Association, year: int) -> dict[str, StatementAccount]:
    """Per account, the förbund's latest exception that took effect in or before `year`."""
    chosen: dict[str, StatementAccount] = {}
    for found in StatementAccount.objects.filter(association=association, from_year__lte=year):
        if found.account not in chosen or found.from_year > chosen[found.account].from_year:
            chosen[found.account] = found
    return chosen


def account_map(association: Association, year: int) -> core.AccountMap:
    return core.AccountMap(
        prefixes=core.default_prefixes(date(year, 12, 31)),
        exceptions={a: e.line for a, e in exceptions_in_force(association, year).items()},
        names=dict(association.accounts.values_list("number", "name")),
    )


def year_books(association: Association, year: int) -> core.YearBooks | None:
    """The year's balances and results, with the vouchers' sums when the year's file had any."""
    rows = list(Balance.objects.filter(association=association, year=year))
    if not rows:
        return None
    books = core.YearBooks(
        year=year,
        opening={b.account: b.opening for b in rows if b.opening},
        closing={b.account: b.closing for b in rows if b.closing},
        results={b.account: b.result for b in rows if b.result},
    )
    done = ActualImport.objects.filter(association=association, year=year).first()
    if done is None or not done.transactions:
        return books
    return replace(books, movements=_movements(association, year))


def _movements(association: Association, year: int) -> dict[str, int]:
    sums = (
        ActualAmount.objects.filter(association=association, year=year)
        .values("account")
        .annotate(total=Sum("amount"))
    )
    return {row["account"]: row["total"] for row in sums}


@dataclass(frozen=True)
class Closing:
    statements: core.Statements
    findings: tuple[Finding, ...]
    vouchers: int


def closing_of(association: Association, year: int) -> Closing | None:
    """The statements of `year` with last year beside them and every finding; None without
    books for the year."""
    current = year_books(association, year) if has_books(association, year) else None
    if current is None:
        return None
    accounts = account_map(association, year)
    found = core.statements(current, year_books(association, year - 1), accounts)
    followup = _followup_findings(association, year, found.result)
    done = ActualImport.objects.filter(association=association, year=year).first()
    return Closing(found, (*found.findings, *followup), done.vouchers if done else 0)


def _followup_findings(association: Association, year: int, result: int) -> list[Finding]:
    mapped = set(AccountMapping.objects.filter(association=association).values_list("account"))
    mapped_accounts = {number for (number,) in mapped}
    totals: dict[str, int] = defaultdict(int)
    for row in _movements(association, year).items():
        if row[0][:1] not in "12":
            totals[row[0]] += row[1]
    followup = -sum(v for a, v in totals.items() if a in mapped_accounts)
    without = [(a, -v) for a, v in sorted(totals.items()) if a not in mapped_accounts and v]
    return core.followup_findings(year, result, followup, without)


@transaction.atomic
def save_exception(
    association: Association, account: str, line: str, from_year: int, user: object
) -> StatementAccount:
    """Put `account` on `line` from `from_year` on (replacing an exception of that same year)."""
    found, _ = StatementAccount.objects.update_or_create(
        association=association,
        account=account,
        from_year=from_year,
        defaults={
            "line": line,
            "changed_by": user if getattr(user, "is_authenticated", False) else None,
        },
    )
    return found


def closing_findings(association: Association, year: int) -> tuple[Finding, ...]:
    found = closing_of(association, year)
    return found.findings if found else ()
