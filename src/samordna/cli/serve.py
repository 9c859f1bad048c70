"""`samordna serve`: serve the web app (waitress) on http://127.0.0.1:8000.

Behind a TLS-terminating reverse proxy, --trusted-proxy (or SAMORDNA_TRUSTED_PROXY) names the
proxy's address: waitress then takes the scheme, host and client address from its
X-Forwarded-* headers, and drops those headers from anyone else.
"""

from __future__ import annotations

import argparse
import os
from typing import Any

from samordna.cli import CommandError, setup_django

FORWARDED = "x-forwarded-for x-forwarded-host x-forwarded-proto x-forwarded-port"


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "serve",
        help="starta webbappen",
        description="Startar webbappen på http://127.0.0.1:8000 (ändra med --host och --port).",
    )
    parser.add_argument("--host", default="127.0.0.1", help="adress att lyssna på")
    parser.add_argument("--port", type=int, default=8000, help="port att lyssna på")
    parser.add_argument(
        "--trusted-proxy",
        default=os.environ.get("SAMORDNA_TRUSTED_PROXY", ""),
        metavar="ADRESS",
        help="den omvända proxyns adress (standard: SAMORDNA_TRUSTED_PROXY)",
    )
    parser.set_defaults(handler=run)


def server_options(trusted_proxy: str) -> dict[str, Any]:
    """waitress options: trust the proxy's forwarded headers, and only the proxy's."""
    options: dict[str, Any] = {"threads": 4, "clear_untrusted_proxy_headers": True}
    if trusted_proxy:
        options.update(trusted_proxy=trusted_proxy, trusted_proxy_headers=FORWARDED)
    return options


def demo_login() -> str | None:
    """The demo sign-in line, when the demo users are in this database with their password."""
    from django.contrib.auth import get_user_model

    from samordna.demo.data import DEMO_PASSWORD

    user = get_user_model().objects.filter(username="chef").first()
    if user is None or not user.check_password(DEMO_PASSWORD):
        return None
    return f"Demoinloggning: chef / {DEMO_PASSWORD}"


def refuse_demo_in_production() -> None:
    from django.conf import settings
    from django.contrib.auth import get_user_model

    from samordna.demo.data import USERS

    if not settings.PRODUCTION:
        return
    names = [username for username, _, _ in USERS]
    if get_user_model().objects.filter(username__in=names).exists():
        raise CommandError(
            "Databasen innehåller demons användare (chef, styrelse, revisor, insatspersonal). "
            "Samordna startar inte i drift med dem: använd en ny databas utan demon."
        )


def run(args: argparse.Namespace) -> int:
    setup_django()
    from django.core.management import call_command
    from waitress import serve

    from samordna.wsgi import application

    call_command("migrate", interactive=False, verbosity=0)
    refuse_demo_in_production()
    print(f"Samordna körs på http://{args.host}:{args.port}/  (avsluta med Ctrl+C)")
    login = demo_login()
    if login:
        print(login)
    serve(application, host=args.host, port=args.port, **server_options(args.trusted_proxy))
    return 0
