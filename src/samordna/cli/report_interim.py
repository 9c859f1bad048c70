"""`samordna report delarsrapport`: the delårsrapport for a period, written to a file.

    samordna report delarsrapport --association SLUG --year YEAR --period T1|T2|H1|MONTH \
        --format html|pdf|docx|xlsx -o PATH

Exit 2 with a Swedish message, nothing written, for an unknown förbund, a year without
books, a bad period or a path that cannot be written.
"""

from __future__ import annotations

import argparse
from typing import Any

from samordna.cli import CommandError

KIND = "delarsrapport"
WORDS = "delårsrapporten"
PERIOD_HELP = "T1 (jan–apr), T2 (jan–aug), H1 (jan–jun) eller en månad 1–12, för delarsrapport"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--period", metavar="T1|T2|H1|MONTH", help=PERIOD_HELP)


def document(association: Any, args: argparse.Namespace) -> Any:
    """The delårsrapport the arguments ask for; CommandError (exit 2) when it cannot be built."""
    from samordna.core.interim import PeriodError, parse_period
    from samordna.documents import common, interim

    if not args.period:
        raise CommandError("delarsrapport behöver --period: T1, T2, H1 eller en månad 1–12.")
    try:
        period = parse_period(args.period)
    except PeriodError as error:
        raise CommandError(f"{error} Inget har skrivits.") from error
    if not common.plausible(args.year) or not interim.has_books(association, args.year):
        raise CommandError(
            f"Det finns ingen bokföring för {args.year} i {association.name}. Importera "
            "SIE-filen med samordna actuals import först. Inget har skrivits."
        )
    return interim.build(association, args.year, period)
