"""`samordna privacy scan`: search every stored text of the database for identity numbers.

    samordna privacy scan

Prints table, column and row id of each hit (never the value) and exits 1 when anything was
found, 0 when the database is clean. Uses DATABASE_URL, else the SQLite file.
"""

from __future__ import annotations

import argparse

from samordna.cli import setup_django


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("privacy", help="dataskydd: sök efter personnummer")
    actions = parser.add_subparsers(title="åtgärder", dest="action", parser_class=type(parser))
    scan = actions.add_parser(
        "scan",
        help="sök igenom databasens alla texter efter personnummer och samordningsnummer",
        description="Söker igenom varje textkolumn och varje sparat filnamn i databasen "
        "(DATABASE_URL, annars SQLite-filen). Skriver tabell, kolumn och rad-id för varje "
        "träff, aldrig själva värdet. Felkod 1 när något hittas, 0 när databasen är ren.",
    )
    scan.set_defaults(handler=run_scan)
    parser.set_defaults(handler=lambda args: parser.print_help() or 0)


def run_scan(args: argparse.Namespace) -> int:
    setup_django()
    from samordna.privacy.scan import scan, scanned_columns

    hits = scan()
    columns = sum(1 for _ in scanned_columns())
    for hit in hits:
        print(hit)
    if hits:
        print(f"{len(hits)} träffar i {columns} textkolumner. Ta bort numren.")
        return 1
    print(f"Inga personnummer eller samordningsnummer i {columns} textkolumner.")
    return 0
