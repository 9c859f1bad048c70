"""`samordna report plan|followup|notice|delarsrapport|arsredovisning`: documents as a file.

    samordna report plan --association SLUG --year YEAR --format pdf -o plan.pdf
    samordna report delarsrapport --association SLUG --year YEAR --period T1 --format pdf -o d.pdf
    samordna report notice --association SLUG --year YEAR --format docx -o avisering.docx \
        [--member NAME]
    samordna report arsredovisning --association SLUG --year YEAR --format pdf -o ar.pdf

Without `--member` the notice holds every member, one page each. Exit 0 when the file
is written, 2 (with a Swedish message, nothing written) when it cannot be.
"""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path
from typing import Any

from samordna.cli import CommandError, association_named, report_interim

KINDS = {
    "plan": "verksamhetsplanen",
    "followup": "verksamhetsberättelsen",
    "notice": "aviseringen",
    report_interim.KIND: report_interim.WORDS,
    "arsredovisning": "årsredovisningen",
}
FORMATS = ("html", "pdf", "docx", "xlsx")


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "report",
        help="skriv verksamhetsplan, verksamhetsberättelse, delårsrapport, årsredovisning eller "
        "avisering till en fil",
        description="Skriver förbundets dokument från uppgifterna i Samordna: plan "
        "(verksamhetsplan och budget), followup (verksamhetsberättelse), notice "
        "(avisering av medlemsbidrag, alla medlemmar om --member saknas), delarsrapport "
        "(delårsrapport för --period) eller arsredovisning (årsredovisning för ett år med "
        "bokföring, importerad med samordna actuals import).",
    )
    parser.add_argument("kind", choices=sorted(KINDS), help="vilket dokument")
    parser.add_argument("--association", required=True, metavar="SLUG", help="förbundets kortnamn")
    parser.add_argument("--year", required=True, type=int, metavar="YEAR", help="året")
    parser.add_argument("--format", required=True, choices=FORMATS, help="filformat")
    parser.add_argument("-o", "--output", required=True, metavar="PATH", help="filen att skriva")
    parser.add_argument("--member", metavar="NAME", help="bara en medlem (namnet), för notice")
    report_interim.add_arguments(parser)
    parser.set_defaults(handler=write_report)


def write_report(args: argparse.Namespace) -> int:
    target = Path(args.output)
    if not target.parent.is_dir():
        raise CommandError(f"Mappen {target.parent} finns inte. Inget har skrivits.")
    if args.member and args.kind != "notice":
        raise CommandError("--member gäller bara notice (aviseringen).")
    if args.period and args.kind != report_interim.KIND:
        raise CommandError("--period gäller bara delarsrapport.")
    association = association_named(args.association)
    document = _document(association, args)
    from samordna.documents.common import word_template
    from samordna.documents.outputs import render

    _write(target, render(document, args.format, word_template(association)))
    print(f"Skrev {KINDS[args.kind]} {args.year} för {association.name} till {target}.")
    return 0


def _document(association: Any, args: argparse.Namespace) -> Any:
    from samordna.documents import common, followup_doc, notice, plan

    if not common.plausible(args.year):
        raise CommandError(f"Året {args.year} är inte rimligt.")
    if args.kind == "plan":
        return plan.build(association, args.year)
    if args.kind == "followup":
        return followup_doc.build(association, args.year)
    if args.kind == report_interim.KIND:
        return report_interim.document(association, args)
    if args.kind == "arsredovisning":
        from samordna.cli.report_annual import annual_report_document

        return annual_report_document(association, args.year)
    member = _member(association, args.member) if args.member else None
    try:
        return notice.build(association, args.year, member)
    except notice.NoticeError as error:
        raise CommandError(f"{error} Inget har skrivits.") from error


def _member(association: Any, name: str) -> Any:
    found = association.members.filter(name__iexact=name.strip()).first()
    if found is None:
        names = ", ".join(m.name for m in association.members.all())
        raise CommandError(f"Medlemmen ”{name}” finns inte i förbundet. Medlemmar: {names}.")
    return found


def _write(target: Path, data: bytes) -> None:
    """Write the whole file or nothing: a half-written PDF is worse than none."""
    try:
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".samordna-")
    except OSError as error:
        raise CommandError(f"Kunde inte skriva i {target.parent}: {error.strerror}.") from error
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, target)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise CommandError(f"Kunde inte skriva {target}: {error.strerror}.") from error
