"""`samordna population scb|forsorjningsmatt`: read SCB's population per municipality or
finsam.se's försörjningsmått file into a förbund, with source and reference date.

Exit 0 when read; 2 with every bad cell (row and column) and nothing changed.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from samordna.cli import CommandError, association_named, imported, table_at


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("population", help="invånare och försörjningsmått från filer")
    actions = parser.add_subparsers(title="filer", dest="action", parser_class=type(parser))
    scb = actions.add_parser(
        "scb",
        help="SCB:s folkmängd per kommun",
        description="Läser SCB:s folkmängd per kommun (XLSX från Statistikdatabasen) och sparar "
        "invånarna i förbundets kommuner för varje år i filen, per 31 december.",
    )
    scb.add_argument("file", metavar="FILE")
    scb.add_argument("--association", required=True, metavar="SLUG", help="förbundets kortnamn")
    scb.set_defaults(handler=read_scb)
    support = actions.add_parser(
        "forsorjningsmatt",
        help="finsam.se:s försörjningsmått per förbund",
        description="Läser finsam.se:s fil med försörjningsmått och befolkning 16–64 år per "
        "samordningsförbund och sparar förbundets rad och summan för hela landet.",
    )
    support.add_argument("file", metavar="FILE")
    support.add_argument("--association", required=True, metavar="SLUG", help="förbundets kortnamn")
    support.add_argument("--year", required=True, type=int, help="året som måttet gäller")
    support.add_argument(
        "--reference-date", required=True, metavar="ÅÅÅÅ-MM-DD", help="datumet som siffrorna avser"
    )
    support.set_defaults(handler=read_support)
    parser.set_defaults(handler=lambda args: parser.print_help() or 0)


def read_scb(args: argparse.Namespace) -> int:
    association = association_named(args.association)
    from samordna.population import services

    table = table_at(args.file)
    result = imported(
        args.file, lambda: services.import_scb(association, table, Path(args.file).name)
    )
    for member, year, count in result.stored:
        print(f"{member} {year}: {count} invånare")
    print(f"Källa: {result.source}")
    return 0


def read_support(args: argparse.Namespace) -> int:
    try:
        on = date.fromisoformat(args.reference_date)
    except ValueError as error:
        raise CommandError(f"”{args.reference_date}” är inget datum: skriv ÅÅÅÅ-MM-DD.") from error
    association = association_named(args.association)
    from samordna.population import services

    table = table_at(args.file)
    found = imported(
        args.file,
        lambda: services.import_support(association, table, Path(args.file).name, args.year, on),
    )
    print(
        f"{association.name} {found.year}: försörjningsmått {found.support} "
        f"(hela landet {found.support_national}), befolkning 16–64 år "
        f"{found.population if found.population is not None else '–'}. Avser {on.isoformat()}."
    )
    print(f"Källa: {found.source}")
    return 0
