"""`samordna privacy scan` and `samordna privacy retention`.

    samordna privacy scan
    samordna privacy retention --association SLUG [--before DATE] [--dry-run]

`scan` prints table, column and row id of each hit (never the value) and exits 1 when
anything was found, 0 when the database is clean. `retention` removes the förbund's episodes
that ended before DATE (default: today minus the förbund's retention period) after counting
them, all or nothing, and says what it did in Swedish. Uses DATABASE_URL, else the SQLite file.
"""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from samordna.cli import CommandError, association_named, setup_django


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
    retention = actions.add_parser(
        "retention",
        help="gallra avslutade deltagare enligt förbundets regel",
        description="Tar bort förbundets deltagare som avslutades före DATUM (standard: i dag "
        "minus förbundets gallringstid, sidan Dataskydd) efter att ha räknat dem per insats, år, "
        "kön och avslutsorsak. Allt eller inget; historiken behåller vem och när men inte "
        "uppgifterna. Deltagare som pågår tas aldrig bort. Felkod 2 när förbundet saknar "
        "gallringstid och --before inte anges.",
    )
    retention.add_argument("--association", required=True, metavar="KORTNAMN", help="förbundet")
    retention.add_argument(
        "--before", metavar="DATUM", help="ta bort deltagare som avslutades före detta datum"
    )
    retention.add_argument(
        "--dry-run", action="store_true", help="visa vad som skulle tas bort, ändra ingenting"
    )
    retention.set_defaults(handler=run_retention)
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


def run_retention(args: argparse.Namespace) -> int:
    association = association_named(args.association)
    from django.utils import timezone

    from samordna.audit.registry import acting_as
    from samordna.followup import retention

    today = timezone.localdate()
    before = _before(args.before) if args.before else retention.cutoff(association, today)
    if before is None:
        raise CommandError(
            f"{association.name} har ingen gallringstid. Ange den på sidan Dataskydd "
            "eller välj ett datum med --before ÅÅÅÅ-MM-DD."
        )
    if before > today:
        raise CommandError(f"--before {before.isoformat()} ligger i framtiden.")
    if args.dry_run:
        _report(retention.plan(association, before), "skulle tas bort")
        print("Ingenting har ändrats (--dry-run).")
        return 0
    with acting_as(f"gallring ({_user()})"):
        done = retention.remove(association, before, today)
    _report(done, "togs bort")
    return 0


def _before(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError as error:
        raise CommandError(f"--before: ”{text}” är inget datum (ÅÅÅÅ-MM-DD).") from error


def _report(removal: Any, verb: str) -> None:
    when = removal.before.isoformat()
    if not removal.total:
        print(f"Inga deltagare avslutades före {when}; ingenting {verb}.")
        return
    print(f"{removal.total} deltagare som avslutades före {when} {verb}:")
    for year, count in removal.by_year.items():
        print(f"  avslutade {year}: {count}")
    if verb == "togs bort":
        print("Antalen per insats, år, kön och avslutsorsak är sparade under Gallrade deltagare.")


def _user() -> str:
    import getpass

    return getpass.getuser()
