"""`samordna insats list|import`: the förbund's insats register on the command line.

`list` prints a table or JSON; `import` reads a spreadsheet, all or nothing (exit 2 with
every bad cell named by row and column when it cannot be used).
"""

from __future__ import annotations

import argparse
import json
from datetime import date
from typing import Any

from samordna.cli import NOTHING_IMPORTED, association_named, imported, table_at
from samordna.core.intervention_status import STATUSES
from samordna.core.money import format_amount


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("insats", help="förbundets insatsregister")
    actions = parser.add_subparsers(title="åtgärder", dest="action", parser_class=type(parser))
    listing = actions.add_parser(
        "list",
        help="lista förbundets insatser",
        description="Listar förbundets insatser med slag, status, period, medlemmar, budget per "
        "år och beslut. Med --year bara de som pågår eller har budget det året.",
    )
    listing.add_argument("--association", required=True, metavar="SLUG", help="förbundets kortnamn")
    listing.add_argument("--year", type=int, metavar="YEAR", help="bara insatser under året")
    listing.add_argument("--format", choices=["table", "json"], default="table", help="utformat")
    listing.set_defaults(handler=list_register)
    command = actions.add_parser(
        "import",
        help="läs in ett insatsregister från CSV eller XLSX",
        description="Skapar eller uppdaterar insatser (samma namn och slag) från en fil; se "
        "docs/filformat/insatser.md. Allt eller inget: en fil med fel importerar ingenting "
        "(felkod 2) och varje fel anges med rad och kolumn.",
    )
    command.add_argument("file", metavar="FILE", help="registerfilen (CSV eller XLSX)")
    command.add_argument("--association", required=True, metavar="SLUG", help="förbundets kortnamn")
    command.set_defaults(handler=import_file)
    parser.set_defaults(handler=lambda args: parser.print_help() or 0)


def list_register(args: argparse.Namespace) -> int:
    association = association_named(args.association)
    from samordna.interventions.imports import as_data, in_year

    rows = [as_data(i) for i in in_year(association, args.year)]
    if args.format == "json":
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    if not rows:
        print(f"{association.name} har inga insatser{f' {args.year}' if args.year else ''}.")
    for row in rows:
        print(_line(row, args.year))
    return 0


def _line(row: dict[str, Any], year: int | None) -> str:
    kind = "individ" if row["kind"] == "individual" else "struktur"
    period = f"{row['start'] or '?'}–{row['end'] or ''}"
    budget = row["budget"].get(str(year)) if year else sum(row["budget"].values())
    amount = format_amount(budget * 100) if budget else "–"
    decisions = ", ".join(d["citation"] for d in row["decisions"]) or "inget beslut"
    status = STATUSES[row["status"]].lower()
    return f"{row['name']} ({kind}, {status}) {period}; budget {amount}; {decisions}"


def import_file(args: argparse.Namespace) -> int:
    table = table_at(args.file, NOTHING_IMPORTED)
    association = association_named(args.association)
    from samordna.interventions.imports import import_register

    result = imported(args.file, lambda: import_register(association, table, date.today()))
    print(
        f"{args.file}: {result.created} nya och {result.updated} uppdaterade insatser "
        f"i {association.name}."
    )
    return 0
