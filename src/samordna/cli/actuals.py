"""`samordna actuals import SIE_FILE --association SLUG --year YEAR`: the year's outcome."""

from __future__ import annotations

import argparse
from pathlib import Path

from samordna.cli import CommandError, association_named
from samordna.core.findings import InputError
from samordna.core.money import format_amount


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("actuals", help="utfall från bokföringen (SIE)")
    actions = parser.add_subparsers(title="åtgärder", dest="action", parser_class=type(parser))
    command = actions.add_parser(
        "import",
        help="importera årets utfall från en SIE-fil (typ 4)",
        description="Läser en SIE-fil (typ 4, PC8/CP437) och ersätter förbundets utfall för året: "
        "belopp per konto och månad, ingående och utgående balanser. Skriver summan per kopplad "
        "budgetrad och de konton som saknar budgetrad. En fil som inte går att läsa importerar "
        "ingenting (felkod 2).",
    )
    command.add_argument("file", metavar="SIE_FILE", help="SIE-filen")
    command.add_argument("--association", required=True, metavar="SLUG", help="förbundets kortnamn")
    command.add_argument("--year", required=True, type=int, metavar="YEAR", help="räkenskapsåret")
    command.set_defaults(handler=import_file)
    parser.set_defaults(handler=lambda args: parser.print_help() or 0)


def import_file(args: argparse.Namespace) -> int:
    path = Path(args.file)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise CommandError(f"Filen {path} går inte att läsa: {error.strerror}.") from error
    association = association_named(args.association)
    from samordna.actuals import services

    try:
        done = services.import_sie(association, args.year, data, path.name, user=None)
    except InputError as error:
        raise CommandError(f"{path.name}, {error} Ingenting har importerats.") from error
    print(
        f"{path.name}: {done.accounts} konton och {done.transactions} transaktioner importerade "
        f"för {args.year} i {association.name}."
    )
    for (section, label), months in sorted(
        services.actuals_by_line(association, args.year).items()
    ):
        print(f"  {label} ({section}): {format_amount(sum(months.values()))}")
    unmapped = services.unmapped_accounts(association, args.year)
    if unmapped:
        print(f"{len(unmapped)} konton saknar budgetrad:")
        for number, name, total in unmapped:
            print(f"  {number} {name}: {format_amount(total)}")
    return 0
