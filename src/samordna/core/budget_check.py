"""The budget check: recompute every stated sum and result, report every difference.

Plans are typed by hand and their stated sums are often wrong. `check_budget`
returns all findings at once (row, year, stated, computed, a Swedish message)
and the totals per year, for the command line and the web pages alike.

- A `Summa` row must equal its lines; `Summa intäkter` the income and equity
  above it; `Summa kostnader` the costs above it (lumps included).
- A stated sum over lines that are all empty that year is a lump (info), counted
  in their section; when the lines are of several sections it cannot be placed
  (warning) and is left out of the totals.
- A `Resultat` matching *årets resultat* or *budgetbalans* is right, and an info
  finding names the convention; matching neither is an error giving both.
"""

from __future__ import annotations

from dataclasses import dataclass

from samordna.core.budget import (
    SECTION_LABELS,
    Budget,
    RowKind,
    Step,
    YearTotals,
    summarize,
)
from samordna.core.findings import Finding
from samordna.core.money import format_amount

_MISMATCH_CODES = {
    RowKind.SUM: "sum_mismatch",
    RowKind.INCOME_SUM: "income_sum_mismatch",
    RowKind.COST_SUM: "cost_sum_mismatch",
}


@dataclass(frozen=True)
class BudgetCheck:
    findings: tuple[Finding, ...]
    totals: dict[int, YearTotals]

    @property
    def has_errors(self) -> bool:
        return any(finding.is_error for finding in self.findings)

    def of(self, severity: str) -> tuple[Finding, ...]:
        """The findings of one severity ("error", "warning", "info"), in row order."""
        return tuple(finding for finding in self.findings if finding.severity == severity)


def check_budget(budget: Budget) -> BudgetCheck:
    """Recompute every stated sum and result of `budget`; return all findings and the totals."""
    summary = summarize(budget)
    findings = [
        finding
        for step in summary.steps
        for year in budget.years
        if (amount := step.row.amount(year)) is not None
        for finding in _check(step, year, amount)
    ]
    return BudgetCheck(tuple(findings), summary.totals)


def _check(step: Step, year: int, stated: int) -> list[Finding]:
    number = step.row.number
    if step.row.kind is RowKind.RESULT:
        return [result_finding(step.above[year], number, year, stated)]
    if not step.summed:
        return [no_lines_finding(number, year, stated)]
    if step.is_lump(year):
        return [_lump(step, year, stated)]
    return sum_findings(step.row.kind, number, year, stated, step.computed(year))


def sum_findings(
    kind: RowKind, number: int | None, year: int, stated: int, computed: int
) -> list[Finding]:
    """A stated sum against what its lines add up to: nothing, or the one error."""
    if computed == stated:
        return []
    message = f"Summan stämmer inte: angivet {_kr(stated)}, beräknat {_kr(computed)}."
    return [_finding("error", _MISMATCH_CODES[kind], message, number, year, stated, computed)]


def no_lines_finding(number: int | None, year: int, stated: int) -> Finding:
    """A stated sum with no lines to sum: a warning, and the amount is not counted."""
    message = (
        f"Summaraden har inga budgetrader att summera; {_kr(stated)} räknas inte in i summorna."
    )
    return _finding("warning", "sum_without_lines", message, number, year, stated, None)


def _lump(step: Step, year: int, stated: int) -> Finding:
    section = step.lump_section()
    if section is None:
        message = (
            f"Raderna saknar belopp för {year} och hör till flera avsnitt: summan {_kr(stated)} "
            "kan inte föras till ett avsnitt och räknas inte in. Fyll i raderna eller dela summan."
        )
        return _finding(
            "warning", "lump_sum_mixed_sections", message, step.row.number, year, stated, None
        )
    message = (
        f"Raderna saknar belopp för {year}: summan {_kr(stated)} räknas som "
        f"{SECTION_LABELS[section]} (året anges i klump)."
    )
    return _finding("info", "lump_sum", message, step.row.number, year, stated, None)


def result_finding(totals: YearTotals, number: int | None, year: int, stated: int) -> Finding:
    """A stated result against both conventions, from the totals of every row above it."""
    result, balance = totals.result, totals.balance
    if stated == result == balance:
        message = (
            f"Resultatet {_kr(stated)} är både årets resultat och budgetbalansen "
            "(inget eget kapital ianspråktas detta år)."
        )
        return _finding("info", "result_both_conventions", message, number, year, stated, stated)
    if stated == result:
        message = (
            f"Resultatet {_kr(stated)} är årets resultat (intäkter − kostnader; eget kapital "
            f"räknas inte som intäkt). Budgetbalansen är {_kr(balance)}."
        )
        return _finding("info", "result_annual_result", message, number, year, stated, result)
    if stated == balance:
        message = (
            f"Resultatet {_kr(stated)} är budgetbalansen (intäkter + ianspråktaget eget kapital "
            f"− kostnader). Årets resultat är {_kr(result)}."
        )
        return _finding("info", "result_budget_balance", message, number, year, stated, balance)
    return _result_mismatch(totals, number, year, stated)


def _result_mismatch(totals: YearTotals, number: int | None, year: int, stated: int) -> Finding:
    result, balance = totals.result, totals.balance
    message = (
        f"Resultatet stämmer inte med någon av konventionerna: angivet {_kr(stated)}, "
        f"budgetbalans {_kr(balance)}, årets resultat {_kr(result)}."
    )
    nearest = min((balance, result), key=lambda value: abs(value - stated))
    return _finding("error", "result_mismatch", message, number, year, stated, nearest)


def _finding(
    severity: str,
    code: str,
    message: str,
    number: int | None,
    year: int,
    stated: int,
    computed: int | None,
) -> Finding:
    return Finding(severity, code, message, row=number, year=year, stated=stated, computed=computed)


def _kr(ore: int) -> str:
    return format_amount(ore, "kr")
