"""`samordna serve`: serve the web app on http://127.0.0.1:8000 with several worker processes.

On Linux (and other POSIX systems) gunicorn runs SAMORDNA_WORKERS worker processes, 2 × cores + 1
by default; on Windows, where gunicorn does not run, waitress serves in one process. Before it
answers, the database is migrated and the static files are collected under hashed names.
Behind a TLS-terminating reverse proxy, SAMORDNA_TRUSTED_PROXIES (or --trusted-proxy for this
run) names the proxy's address: the scheme, host and client address then come from its
X-Forwarded-* headers, and those headers from anyone else are dropped (samordna.proxy, which
samordna.wsgi wraps around the application).
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Mapping
from typing import Any

from samordna.cli import CommandError, setup_django

WORKERS = "SAMORDNA_WORKERS"
THREADS = 2  # per worker: a slow client or a keep-alive connection does not hold a process


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "serve",
        help="starta webbappen",
        description=(
            "Startar webbappen på http://127.0.0.1:8000 (ändra med --host och --port) med "
            f"flera arbetsprocesser: {WORKERS} anger hur många (standard 2 × kärnor + 1)."
        ),
    )
    parser.add_argument("--host", default="127.0.0.1", help="adress att lyssna på")
    parser.add_argument("--port", type=int, default=8000, help="port att lyssna på")
    parser.add_argument(
        "--trusted-proxy",
        default="",
        metavar="ADRESS",
        help="den omvända proxyns adress (standard: SAMORDNA_TRUSTED_PROXIES)",
    )
    parser.set_defaults(handler=run)


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


def worker_count(environ: Mapping[str, str] = os.environ) -> int:
    """SAMORDNA_WORKERS, or 2 × cores + 1 when it is unset or empty."""
    text = environ.get(WORKERS, "").strip()
    if not text:
        return 2 * (os.cpu_count() or 1) + 1
    if not text.isdecimal() or int(text) < 1:
        raise CommandError(f"{WORKERS} ska vara ett heltal större än noll, inte ”{text}”.")
    return int(text)


def run(args: argparse.Namespace) -> int:
    workers = worker_count()
    setup_django()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connections

    call_command("migrate", interactive=False, verbosity=0)
    refuse_demo_in_production()
    call_command("collectstatic", interactive=False, verbosity=0)
    connections.close_all()  # the workers open their own; a forked connection is shared
    if args.trusted_proxy:
        settings.TRUSTED_PROXIES = args.trusted_proxy.split(",")
    from samordna.wsgi import application  # after collectstatic: WhiteNoise reads the files now

    _load_before_fork()

    print(f"Samordna körs på http://{args.host}:{args.port}/  (avsluta med Ctrl+C)")
    login = demo_login()
    if login:
        print(login)
    if os.name != "posix":
        from waitress import serve

        serve(
            application,
            host=args.host,
            port=args.port,
            threads=4,
            clear_untrusted_proxy_headers=False,
        )
        return 0
    print(f"Arbetsprocesser: {workers} (ändra med {WORKERS})", flush=True)
    options = {"bind": f"{args.host}:{args.port}", "workers": workers}
    # gunicorn's own header handling is off: samordna.proxy decides whom to believe.
    _gunicorn(application, options | {"forwarded_allow_ips": ""})
    return 0


def _load_before_fork() -> None:
    """The libraries pages load on first use (the protection's solver, matplotlib for charts),
    loaded once here: the workers forked from this process share them, and no worker's first
    follow-up page or chart waits half a second for them."""
    from samordna.core import disclosure
    from samordna.documents import charts

    disclosure.load()
    charts.load()


def _gunicorn(application: Any, options: dict[str, Any]) -> None:
    """Run gunicorn's master with `options` until Ctrl+C or SIGTERM; the workers fork from here."""
    from gunicorn.app.base import BaseApplication

    class Server(BaseApplication):
        def load_config(self) -> None:
            settings = {
                "worker_class": "gthread",
                "threads": THREADS,
                "proc_name": "samordna",
                "control_socket_disable": True,  # one socket per user: two servers would collide
                **options,
            }
            for key, value in settings.items():
                self.cfg.set(key, value)

        def load(self) -> Any:
            return application

    try:
        Server().run()
    except SystemExit as stop:
        if stop.code not in (0, None):
            raise CommandError("Webbservern stannade med ett fel (se meddelandet ovan).") from stop
