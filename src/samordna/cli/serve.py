"""`samordna serve`: serve the web app (waitress) on http://127.0.0.1:8000."""

from __future__ import annotations

import argparse

from samordna.cli import setup_django


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "serve",
        help="starta webbappen",
        description="Startar webbappen på http://127.0.0.1:8000 (ändra med --host och --port).",
    )
    parser.add_argument("--host", default="127.0.0.1", help="adress att lyssna på")
    parser.add_argument("--port", type=int, default=8000, help="port att lyssna på")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    setup_django()
    from django.core.management import call_command
    from waitress import serve

    from samordna.demo.data import DEMO_PASSWORD
    from samordna.wsgi import application

    call_command("migrate", interactive=False, verbosity=0)
    print(f"Samordna körs på http://{args.host}:{args.port}/  (avsluta med Ctrl+C)")
    print(f"Demoinloggning: chef / {DEMO_PASSWORD}")
    serve(application, host=args.host, port=args.port, threads=4)
    return 0
