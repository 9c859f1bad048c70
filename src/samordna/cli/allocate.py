"""`samordna allocate`: split a year's member contributions between the members of a file.

The arithmetic is `core.allocation.allocate`; this module reads the file, calls
it and prints the result as a table, CSV or JSON. Needs no database.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from datetime import date
from fractions import Fraction

from samordna.cli import CommandError, table_at
from samordna.core.allocation import Allocation, AllocationError, Party, allocate, format_percent
from samordna.core.findings import InputError
from samordna.core.members import in_file_terms, parse_members
from samordna.core.money import MoneyError, format_amount, kronor, parse_amount
from samordna.core.table import Table

USAGE = "samordna allocate MEMBERS --total AMOUNT [--round-to 1|100|1000] [--format table|csv|json]"
ROUND_TO = (1, 100, 1000)
FORMATS = ("table", "csv", "json")
KIND_WORDS = {  # the Swedish words of the members file, for the CSV output
    "fk": "Försäkringskassan",
    "af": "Arbetsförmedlingen",
    "region": "region",
    "municipality": "kommun",
}


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "allocate",
        usage=USAGE,
        help="fördela medlemsbidragen mellan medlemmarna i en medlemsfil",
        description="Fördelar förbundets medel mellan medlemmarna: staten, regionerna och "
        "kommunerna enligt lagens andelar, sedan inom varje part efter invånare eller avtalad "
        "andel. Delarna summerar alltid exakt till totalen. Felkod 0 när fördelningen gick, "
        "2 när filen eller beloppet inte går att använda.",
    )
    parser.add_argument("members", metavar="MEMBERS", help="medlemsfilen (CSV eller XLSX)")
    parser.add_argument(
        "--total", metavar="AMOUNT", required=True, help="hela medlemsbidraget, t.ex. 7 864 000 kr"
    )
    parser.add_argument(
        "--round-to",
        type=int,
        choices=ROUND_TO,
        default=1,
        help="avrunda varje medlems belopp till hela kronor (1), hundratal (100) eller tusental "
        "(1000); standard 1",
    )
    parser.add_argument(
        "--format", choices=FORMATS, default="table", help="utformat (standard table)"
    )
    parser.set_defaults(handler=allocate_file)


def allocate_file(args: argparse.Namespace) -> int:
    total = read_total(args.total)
    table = table_at(args.members)
    allocation = _allocate(table, total, args.round_to * 100)
    if args.format == "json":
        print(json.dumps(as_json(allocation), ensure_ascii=False, indent=2))
    elif args.format == "csv":
        print(as_csv(allocation), end="")
    else:
        print(as_table(allocation))
    if args.format != "table":
        print("\n".join(allocation.notes), file=sys.stderr)
    return 0


def read_total(text: str) -> int:
    """The --total as öre: whole kronor, or stop with a Swedish message (exit 2)."""
    try:
        total = parse_amount(text)
    except MoneyError as error:
        raise CommandError(f"--total: {error}") from error
    if total % 100:
        raise CommandError(f"--total: {format_amount(total)} har ören; ange hela kronor.")
    return total


def _allocate(table: Table, total: int, unit: int) -> Allocation:
    parties = _parties(table)
    try:
        return allocate(parties, total, unit, when=date.today())
    except AllocationError as error:
        raise CommandError(str(in_file_terms(error, table))) from error


def _parties(table: Table) -> list[Party]:
    try:
        return parse_members(table)
    except InputError as error:
        raise CommandError(str(error)) from error


def as_json(allocation: Allocation) -> list[dict[str, object]]:
    """`[{"name", "kind", "amount"}]` in file order; amounts in whole kronor."""
    return [
        {"name": part.party.name, "kind": part.party.kind, "amount": kronor(part.amount)}
        for part in allocation.parts
    ]


def as_csv(allocation: Allocation) -> str:
    """`namn;typ;andel;belopp`: share of the total with decimal comma, whole kronor."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\n")
    writer.writerow(["namn", "typ", "andel", "belopp"])
    for part in allocation.parts:
        share = _percent(part.percent_of_total)
        writer.writerow([part.party.name, KIND_WORDS[part.party.kind], share, kronor(part.amount)])
    return out.getvalue()


def as_table(allocation: Allocation) -> str:
    """The allocation as the plans print it, then the notes and the source of the shares."""
    rows = [
        (part.party.name, _percent(part.percent_of_total), format_amount(part.amount))
        for part in allocation.parts
    ]
    percent = sum((part.percent_of_total for part in allocation.parts), Fraction(0))
    rows.append(("Summa", _percent(percent), format_amount(allocation.total)))
    title = (
        f"Medlemsbidrag {format_amount(allocation.total)}, "
        f"avrundat till {format_amount(allocation.unit)}"
    )
    notes = "\n".join(f"- {note}" for note in allocation.notes)
    return "\n\n".join([title, _aligned(rows), f"Anmärkningar:\n{notes}", _source(allocation)])


def _aligned(rows: list[tuple[str, str, str]]) -> str:
    header = ("Medlem", "Andel %", "Belopp")
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(3)]
    lines = [_line(row, widths) for row in [header, *rows]]
    rule = "-" * len(lines[0])
    return "\n".join([lines[0], rule, *lines[1:-1], rule, lines[-1]])


def _line(row: tuple[str, str, str], widths: list[int]) -> str:
    name, share, amount = row
    return f"{name:<{widths[0]}}  {share:>{widths[1]}}  {amount:>{widths[2]}}"


def _percent(value: Fraction) -> str:
    """ "18,74" (two decimals, no sign): a percentage under a heading that says %."""
    return format_percent(value).removesuffix(" %")


def _source(allocation: Allocation) -> str:
    return f"Källa för andelarna: {allocation.source}"
