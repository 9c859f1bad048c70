"""`samordna followup import|report`: participants' episodes and the year's follow-up.

`import` reads an episode file, all or nothing (exit 2 with every bad cell named by row and
column). `report` prints the year's report for the förbund or one insats; in JSON every count
under five is the string "<5", never a number.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from samordna.cli import NOTHING_IMPORTED, CommandError, association_named, imported, table_at
from samordna.core.money import format_amount


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("followup", help="deltagare och uppföljning")
    actions = parser.add_subparsers(title="åtgärder", dest="action", parser_class=type(parser))
    command = actions.add_parser(
        "import",
        help="läs in deltagare från CSV eller XLSX",
        description="Skapar eller uppdaterar deltagare (samma kod) från en fil; se "
        "docs/filformat/deltagare.md. Inga identiteter: kolumner som namn eller personnummer "
        "och celler med personnummer stoppar importen. Allt eller inget (felkod 2).",
    )
    command.add_argument("file", metavar="FILE", help="deltagarfilen (CSV eller XLSX)")
    command.add_argument("--association", required=True, metavar="SLUG", help="förbundets kortnamn")
    command.set_defaults(handler=import_file)
    report = actions.add_parser(
        "report",
        help="årets uppföljning, små grupper dolda",
        description="Deltagare efter kön och ålder, avslut, delmål mot mål, försörjning före och "
        'efter. Antal under fem visas som <5 (i JSON som strängen "<5").',
    )
    report.add_argument("--association", required=True, metavar="SLUG", help="förbundets kortnamn")
    report.add_argument("--year", required=True, type=int, metavar="YEAR", help="året")
    report.add_argument("--insats", metavar="NAME", help="bara en insats (namnet)")
    report.add_argument("--format", choices=["table", "json"], default="table", help="utformat")
    report.set_defaults(handler=print_report)
    parser.set_defaults(handler=lambda args: parser.print_help() or 0)


class _Chef:
    """The command line acts as the förbundschef: every insats of the förbund."""

    role = "chef"


def import_file(args: argparse.Namespace) -> int:
    table = table_at(args.file, NOTHING_IMPORTED)
    association = association_named(args.association)
    from samordna.followup.imports import import_episodes

    result = imported(args.file, lambda: import_episodes(association, table, _Chef()))
    print(
        f"{args.file}: {result.created} nya och {result.updated} uppdaterade deltagare "
        f"i {association.name}."
    )
    return 0


def print_report(args: argparse.Namespace) -> int:
    association = association_named(args.association)
    from samordna.core.followup import as_data
    from samordna.followup import services

    scope = None
    if args.insats:
        found = services.find_intervention(association, args.insats)
        if found is None:
            raise CommandError(f"Insatsen ”{args.insats}” finns inte i {association.name}.")
        scope = [found]
    data = as_data(services.report(association, args.year, scope))
    data["association"] = association.slug
    data["insats"] = scope[0].name if scope else None
    if args.format == "json":
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    print(_table(association.name, data))
    return 0


def _table(name: str, data: dict[str, Any]) -> str:
    lines = [f"Uppföljning {data['year']}: {data['insats'] or name}"]
    lines.append(f"Deltagare: {data['participants']}   Avslutade: {data['exits']}")
    for title, key in (("Kön", "by_sex"), ("Ålder", "by_age"), ("Avslutsorsak", "outcomes")):
        lines.append(f"\n{title}")
        lines += [f"  {label:<28}{value:>6}" for label, value in data[key].items()]
    lines.append("\nDelmål")
    for goal in data["subgoals"]:
        target = f" (mål {goal['target']})" if goal["target"] else ""
        lines.append(f"  {goal['label']}: {goal['share'] or '–'}{target}. {goal['verdict']}.")
    cost = data["cost_per_participant"]
    if cost is not None:
        lines.append(f"\nKostnad per deltagare: {format_amount(cost * 100)}")
    lines.append(
        "\n<5 = färre än fem personer; x = dold så att en liten grupp inte kan räknas fram."
    )
    return "\n".join(lines)
