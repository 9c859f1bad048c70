"""`samordna demo`: migrate the database and load the demo förbund (again without harm)."""

from __future__ import annotations

import argparse

from samordna.cli import setup_django


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "demo",
        help="skapa databasen och läs in demoförbunden",
        description="Migrerar databasen och läser in de tre demoförbunden och demoanvändarna. "
        "Att köra kommandot igen ändrar ingenting som redan finns.",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    setup_django()
    from django.core.management import call_command

    from samordna.demo import load_demo
    from samordna.demo.data import DEMO_PASSWORD, USERS
    from samordna.demo.network import USER as NETWORK_USER

    call_command("migrate", interactive=False, verbosity=0)
    for association in load_demo():
        print(f"Förbund: {association.name} ({association.slug})")
    names = ", ".join([username for username, _, _ in USERS] + [NETWORK_USER[0]])
    print(f"Demoinloggning: användare {names}, lösenord {DEMO_PASSWORD}")
    return 0
