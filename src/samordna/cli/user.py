"""`samordna user create|grant|revoke|list`: accounts and their roles in each förbund.

Exit 0 when done; 2 with a Swedish message, and nothing changed, for an unknown förbund,
role, user or insats.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from samordna.cli import CommandError, association_named, network_users, setup_django

ROLE_HELP = "chef, styrelse, insatspersonal eller revisor"


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("user", help="konton och roller")
    actions = parser.add_subparsers(title="åtgärder", dest="action", parser_class=type(parser))
    create = actions.add_parser(
        "create",
        help="skapa ett konto",
        description="Skapar ett konto och skriver ut en engångslänk där lösenordet väljs.",
    )
    create.add_argument("email", metavar="EMAIL", help="e-postadressen, också användarnamn")
    create.add_argument("--admin", action="store_true", help="webbplatsens administratör")
    create.set_defaults(handler=create_user)
    _grant_parser(actions)
    _revoke_parser(actions)
    listing = actions.add_parser(
        "list", help="lista personer", description="Listar förbundets personer och roller."
    )
    listing.add_argument("--association", required=True, metavar="SLUG", help="förbundets kortnamn")
    listing.add_argument("--format", choices=["table", "json"], default="table")
    listing.set_defaults(handler=list_users)
    network_users.add_actions(actions)
    parser.set_defaults(handler=lambda args: parser.print_help() or 0)


def _grant_parser(actions: argparse._SubParsersAction) -> None:
    grant = actions.add_parser(
        "grant",
        help="ge en roll i ett förbund",
        description="Ger kontot en roll i förbundet; en ny roll ersätter den gamla.",
    )
    grant.add_argument("email", metavar="EMAIL")
    grant.add_argument("--association", required=True, metavar="SLUG", help="förbundets kortnamn")
    grant.add_argument("--role", required=True, metavar="ROLE", help=ROLE_HELP)
    grant.add_argument(
        "--insats",
        action="append",
        default=[],
        metavar="NAME",
        help="insatsens namn (insatspersonal; får upprepas)",
    )
    grant.set_defaults(handler=grant_role)


def _revoke_parser(actions: argparse._SubParsersAction) -> None:
    revoke = actions.add_parser(
        "revoke",
        help="ta bort tillgången till ett förbund",
        description="Tar bort kontots roll i förbundet (bara om rollen stämmer, med --role).",
    )
    revoke.add_argument("email", metavar="EMAIL")
    revoke.add_argument("--association", required=True, metavar="SLUG", help="förbundets kortnamn")
    revoke.add_argument("--role", metavar="ROLE", help=ROLE_HELP)
    revoke.set_defaults(handler=revoke_role)


def _services() -> Any:
    setup_django()
    from samordna.accounts import services

    return services


def create_user(args: argparse.Namespace) -> int:
    services = _services()
    try:
        user = services.create_account(args.email, admin=args.admin)
    except services.AccountError as error:
        raise CommandError(str(error)) from error
    kind = "administratörskonto" if args.admin else "konto"
    print(f"Skapade {kind} {user.email}. Lösenordet väljs med engångslänken:")
    print(services.password_link(user))
    return 0


def grant_role(args: argparse.Namespace) -> int:
    services = _services()
    association = association_named(args.association)
    try:
        services.check_role(args.role)
        user = services.user_named(args.email)
        chosen = services.interventions_named(association, args.role, args.insats)
        services.grant(user, association, args.role, chosen)
    except services.AccountError as error:
        raise CommandError(str(error)) from error
    extra = f" ({', '.join(args.insats)})" if args.insats else ""
    print(f"{args.email} har rollen {args.role}{extra} i {association.name}.")
    return 0


def revoke_role(args: argparse.Namespace) -> int:
    services = _services()
    association = association_named(args.association)
    try:
        services.revoke(services.user_named(args.email), association, args.role)
    except services.AccountError as error:
        raise CommandError(str(error)) from error
    print(f"{args.email} har inte längre tillgång till {association.name}.")
    return 0


def list_users(args: argparse.Namespace) -> int:
    services = _services()
    rows = [_row(person) for person in services.people(association_named(args.association))]
    if args.format == "json":
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    for row in rows:
        mfa = "tvåsteg" if row["mfa"] else "-"
        insatser = ", ".join(row["insatser"])
        print(f"{row['email']:<40} {row['role']:<15} {mfa:<8} {insatser}")
    return 0


def _row(person: Any) -> dict[str, Any]:
    return {
        "email": person.email,
        "role": person.role,
        "insatser": person.insatser,
        "mfa": person.mfa,
        "last_login": person.last_login.isoformat() if person.last_login else None,
    }
