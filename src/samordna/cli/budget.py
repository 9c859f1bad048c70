"""`samordna budget check`: recompute a budget file's stated sums and results.

The `budget` group has its own subcommands; `check` needs no database. Exit 0
when no finding is an error, 1 when one is, 2 when the file cannot be read.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any, Protocol

from samordna.cli import CommandError, association_named, imported, readable, table_at
from samordna.core.budget import Budget, YearTotals
from samordna.core.budget_check import BudgetCheck, check_budget
from samordna.core.budget_columns import CheckedFile, check_budget_cells, check_budget_lines
from samordna.core.budget_file import UNITS, budget_from_table
from samordna.core.budget_print import has_financial
from samordna.core.calendar import year_label
from samordna.core.findings import Finding, InputError
from samordna.core.money import format_amount, kronor
from samordna.tables import cells_from_bytes, file_bytes, plain_csv_lines

TOTAL_LABELS = (
    ("income", "Intäkter"),
    ("equity_drawn", "Ianspråktaget eget kapital"),
    ("individual", "Individinriktade insatser"),
    ("structural", "Strukturinriktade insatser"),
    ("administration", "Administration"),
    ("costs", "Kostnader"),
    ("result", "Årets resultat"),
    ("balance", "Budgetbalans"),
)  # the JSON keys, exactly as issue 3 gives them
TEXT_LABELS = (*TOTAL_LABELS[:6], ("financial", "Finansiella poster, netto"), *TOTAL_LABELS[6:])
SEVERITY_HEADINGS = (("error", "Fel"), ("warning", "Varningar"), ("info", "Upplysningar"))


class Heading(Protocol):
    """What a report says of the budget besides its check: a Budget, or a file checked by
    column (`core.budget_columns.CheckedFile`)."""

    @property
    def years(self) -> tuple[int, ...]: ...

    @property
    def unit(self) -> str: ...

    @property
    def first_month(self) -> int: ...


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("budget", help="kontrollera budgetfiler")
    actions = parser.add_subparsers(title="åtgärder", dest="action", parser_class=type(parser))
    _register_check(actions)
    _register_import(actions)
    parser.set_defaults(handler=lambda args: parser.print_help() or 0)


def _register_check(actions: argparse._SubParsersAction) -> None:
    check = actions.add_parser(
        "check",
        usage="samordna budget check FILE [--unit kr|tkr] [--format text|json]",
        help="räkna om en budgetfils summor och resultat",
        description="Räknar om varje angiven summa och resultat i en budgetfil (CSV eller XLSX) "
        "och visar varje skillnad med rad, år, angivet och beräknat belopp. "
        "Felkod 0 utan fel, 1 med fel, 2 om filen inte går att läsa.",
    )
    check.add_argument("file", metavar="FILE", help="budgetfilen (CSV eller XLSX)")
    check.add_argument(
        "--unit", choices=UNITS, help="enheten för beloppen (annars enligt årsrubrikerna, kr)"
    )
    check.add_argument("--format", choices=["text", "json"], default="text", help="utformat")
    check.set_defaults(handler=check_file)


def _register_import(actions: argparse._SubParsersAction) -> None:
    command = actions.add_parser(
        "import",
        help="skapa ett budgetförslag i ett förbund från en budgetfil",
        description="Läser en budgetfil (CSV eller XLSX) och skapar ett förslag med alla rader, "
        "även de summor och resultat filen anger. Kontrollens fynd visas. En fil som inte går "
        "att läsa importerar ingenting (felkod 2).",
    )
    command.add_argument("file", metavar="FILE", help="budgetfilen (CSV eller XLSX)")
    command.add_argument("--association", required=True, metavar="SLUG", help="förbundets kortnamn")
    command.add_argument("--name", help="budgetens namn (annars ”Budget ÅR”)")
    command.add_argument(
        "--unit", choices=UNITS, help="enheten för beloppen (annars enligt årsrubrikerna, kr)"
    )
    command.set_defaults(handler=import_file)


def import_file(args: argparse.Namespace) -> int:
    budget = load_budget(args.file, args.unit)
    association = association_named(args.association)
    from samordna.budgets import services

    name = args.name or f"Budget {budget.years[0]}"
    stored = imported(args.file, lambda: services.import_budget(association, budget, name, None))
    check = check_budget(budget)
    print(f"{name} är importerad som förslag i {association.name} (budget {stored.pk}).")
    print(check_as_text(budget, check, Path(args.file).name))
    return 0


def check_file(args: argparse.Namespace) -> int:
    try:
        budget = checked_file(args.file, args.unit)
    except InputError as error:
        raise CommandError(str(error)) from error
    check = budget.check
    if args.format == "json":
        print(json.dumps(check_as_json(budget, check), ensure_ascii=False, indent=2))
    else:
        print(check_as_text(budget, check, Path(args.file).name))
    return 1 if check.has_errors else 0


def checked_file(path: str, unit: str | None) -> CheckedFile:
    """The budget file at `path` read and checked: a CSV file of plain lines and numbers all at
    once (`check_budget_lines`), any other file cell by cell as `check_budget_cells` reads it."""
    data = readable(lambda: file_bytes(path))
    name = Path(path).name
    lines = readable(lambda: plain_csv_lines(data, name))
    quick = check_budget_lines(*lines, unit) if lines else None
    return quick or check_budget_cells(*readable(lambda: cells_from_bytes(data, name)), unit)


def load_budget(path: str | Path, unit: str | None = None) -> Budget:
    """Read a budget file, or stop with the Swedish message naming row and column (exit 2)."""
    try:
        return budget_from_table(table_at(path), unit)
    except InputError as error:
        raise CommandError(str(error)) from error


def check_as_json(budget: Heading, check: BudgetCheck) -> dict[str, Any]:
    """The check as the documented JSON object; every amount in whole kronor."""
    return {
        "unit": budget.unit,
        "years": list(budget.years),
        "findings": [_finding_json(finding) for finding in check.findings],
        "totals": {str(year): _totals_json(totals) for year, totals in check.totals.items()},
    }


def _finding_json(finding: Finding) -> dict[str, Any]:
    return {
        "severity": finding.severity,
        "code": finding.code,
        "row": finding.row,
        "year": finding.year,
        "stated": _kronor_or_none(finding.stated),
        "computed": _kronor_or_none(finding.computed),
        "message": finding.message,
    }


def _totals_json(totals: YearTotals) -> dict[str, int]:
    return {key: kronor(getattr(totals, key)) for key, _ in TOTAL_LABELS}


def _kronor_or_none(ore: int | None) -> int | None:
    return None if ore is None else kronor(ore)


def check_as_text(budget: Heading, check: BudgetCheck, name: str) -> str:
    """A readable Swedish report: the findings by severity, then the totals per year."""
    first = budget.years[0] if budget.years else 0
    years = ", ".join(year_label(year, first, budget.first_month) for year in budget.years)
    parts = [f"Budgetkontroll av {name} (belopp i {budget.unit}; år {years})"]
    for severity, heading in SEVERITY_HEADINGS:
        if found := check.of(severity):
            parts.append("\n".join([f"{heading}:", *(_finding_line(f) for f in found)]))
    parts.append(_totals_table(check.totals))
    parts.append(_counts(check))
    return "\n\n".join(parts)


def _finding_line(finding: Finding) -> str:
    where = [f"rad {finding.row}" if finding.row is not None else "", str(finding.year or "")]
    prefix = ", ".join(part for part in where if part)
    return f"{prefix}: {finding.message}" if prefix else finding.message


def _totals_table(totals: dict[int, YearTotals]) -> str:
    shown = [
        (k, label) for k, label in TEXT_LABELS if k != "financial" or has_financial(totals.values())
    ]
    cells = [[format_amount(getattr(t, key)) for t in totals.values()] for key, _ in shown]
    width = max([len(cell) for row in cells for cell in row] + [4])
    label_width = max(len(label) for _, label in shown)
    header = "Summor per år".ljust(label_width) + "".join(f"  {year:>{width}}" for year in totals)
    lines = [
        label.ljust(label_width) + "".join(f"  {cell:>{width}}" for cell in row)
        for (_, label), row in zip(shown, cells, strict=True)
    ]
    return "\n".join([header, *lines])


def _counts(check: BudgetCheck) -> str:
    errors, warnings, infos = (len(check.of(s)) for s, _ in SEVERITY_HEADINGS)
    return (
        f"{errors} fel, {warnings} {'varning' if warnings == 1 else 'varningar'}, "
        f"{infos} {'upplysning' if infos == 1 else 'upplysningar'}."
    )
