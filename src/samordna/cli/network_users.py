"""`samordna user network-create|network-grant|network-revoke|network-list`: networks (NNS, a
region's network, Försäkringskassan) and their users, who read the figures that förbund share.

Exit 0 when done; 2 with a Swedish message, and nothing changed, for an unknown network or
user, or a short name already taken.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from samordna.cli import CommandError, setup_django


def add_actions(actions: argparse._SubParsersAction) -> None:
    create = actions.add_parser(
        "network-create",
        help="skapa ett nätverk",
        description="Skapar ett nätverk vars användare ser de förbund som delar sina siffror.",
    )
    create.add_argument("slug", metavar="SLUG", help="nätverkets kortnamn (a–z, 0–9, -)")
    create.add_argument("--name", required=True, help="nätverkets namn")
    create.set_defaults(handler=create_network)
    for action, text, handler in (
        ("network-grant", "ge ett konto tillgång till ett nätverk", grant),
        ("network-revoke", "ta bort ett kontos tillgång till ett nätverk", revoke),
    ):
        parser = actions.add_parser(action, help=text, description=text.capitalize() + ".")
        parser.add_argument("email", metavar="EMAIL")
        parser.add_argument("--network", required=True, metavar="SLUG", help="nätverkets kortnamn")
        parser.set_defaults(handler=handler)
    listing = actions.add_parser(
        "network-list", help="lista nätverkets användare", description="Listar nätverkets konton."
    )
    listing.add_argument("--network", required=True, metavar="SLUG", help="nätverkets kortnamn")
    listing.add_argument("--format", choices=["table", "json"], default="table")
    listing.set_defaults(handler=list_network)


def _services() -> Any:
    setup_django()
    from samordna.network import services

    return services


def create_network(args: argparse.Namespace) -> int:
    services = _services()
    try:
        network = services.create_network(args.slug, args.name)
    except services.NetworkError as error:
        raise CommandError(str(error)) from error
    print(f"Skapade nätverket {network.name} ({network.slug}).")
    return 0


def grant(args: argparse.Namespace) -> int:
    services = _services()
    try:
        network = services.network_named(args.network)
        services.add_user(network, services.user_by_email(args.email))
    except services.NetworkError as error:
        raise CommandError(str(error)) from error
    print(f"{args.email} ser nu de delade siffrorna i {network.name}.")
    return 0


def revoke(args: argparse.Namespace) -> int:
    services = _services()
    try:
        network = services.network_named(args.network)
        services.remove_user(network, services.user_by_email(args.email))
    except services.NetworkError as error:
        raise CommandError(str(error)) from error
    print(f"{args.email} har inte längre tillgång till {network.name}.")
    return 0


def list_network(args: argparse.Namespace) -> int:
    services = _services()
    try:
        network = services.network_named(args.network)
    except services.NetworkError as error:
        raise CommandError(str(error)) from error
    emails = [user.email for user in services.people(network)]
    print(
        json.dumps(emails, ensure_ascii=False, indent=2)
        if args.format == "json"
        else "\n".join(emails)
    )
    return 0
