"""`samordna association create|list`: the förbund in this installation."""

from __future__ import annotations

import argparse
import json
import re

from samordna.cli import CommandError, setup_django


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("association", help="skapa och lista förbund")
    actions = parser.add_subparsers(title="åtgärder", dest="action", parser_class=type(parser))
    create = actions.add_parser(
        "create", help="skapa ett förbund", description="Skapar ett förbund i databasen."
    )
    create.add_argument("name", metavar="NAME", help="förbundets namn")
    create.add_argument(
        "--org-number",
        default="",
        help="organisationsnummer NNNNNN-NNNN (utelämnas tills det finns)",
    )
    create.add_argument("--slug", help="kortnamn i adresser (skapas ur namnet om det saknas)")
    create.set_defaults(handler=create_association)
    listing = actions.add_parser(
        "list", help="lista förbunden", description="Listar förbunden: kortnamn, namn, org.nr."
    )
    listing.add_argument("--format", choices=["table", "json"], default="table")
    listing.set_defaults(handler=list_associations)
    parser.set_defaults(handler=lambda args: parser.print_help() or 0)


def create_association(args: argparse.Namespace) -> int:
    setup_django()
    from django.utils.text import slugify

    from samordna.associations.models import Association
    from samordna.core.orgnr import OrgNumberError, normalize_org_number
    from samordna.lengths import length_errors

    try:
        org_number = normalize_org_number(args.org_number) if args.org_number else ""
    except OrgNumberError as error:
        raise CommandError(f"--org-number: {error}") from error
    slug = args.slug or slugify(args.name)
    if not slug:
        raise CommandError("Förbundet behöver ett kortnamn: ange --slug.")
    if not re.fullmatch(r"[-a-zA-Z0-9_]+", slug):
        suggestion = slugify(slug) or "forbundet"
        raise CommandError(
            f"Kortnamnet ”{slug}” står i adresserna och får bara innehålla a–z, 0–9, "
            f"bindestreck och understreck (utan å, ä, ö och mellanslag), till exempel {suggestion}."
        )
    if Association.objects.filter(slug=slug).exists():
        raise CommandError(f"Det finns redan ett förbund med kortnamnet ”{slug}”.")
    taken = Association.objects.filter(org_number=org_number).first() if org_number else None
    if taken is not None:
        raise CommandError(
            f"Organisationsnumret {org_number} har redan {taken.name} ({taken.slug})."
        )
    errors = length_errors(Association, {"slug": slug, "name": args.name})
    if errors:
        raise CommandError(" ".join(errors.values()))
    Association.objects.create(slug=slug, name=args.name, org_number=org_number)
    print(f"Skapade {args.name} ({slug}, {org_number or 'organisationsnummer saknas'}).")
    return 0


def list_associations(args: argparse.Namespace) -> int:
    setup_django()
    from samordna.associations.models import Association

    rows = [
        {"slug": a.slug, "name": a.name, "org_number": a.org_number}
        for a in Association.objects.order_by("slug")
    ]
    if args.format == "json":
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    for row in rows:
        print(f"{row['slug']:<36} {row['org_number']}  {row['name']}")
    return 0
