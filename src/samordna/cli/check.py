"""`samordna check [--deploy]`: Django's system checks with the app's own settings."""

from __future__ import annotations

import argparse
import os
import sys

from samordna.cli import CommandError


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "check",
        help="kontrollera inställningarna",
        description=(
            "Kör Djangos systemkontroller med appens inställningar. Med --deploy också "
            "kontrollerna för drift (HTTPS, kakor, hemlig nyckel). Slutkod 0 utan fel, 1 med fel."
        ),
    )
    parser.add_argument("--deploy", action="store_true", help="kontrollera inställningar för drift")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    import django
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import call_command
    from django.core.management.base import SystemCheckError

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samordna.settings")
    try:
        django.setup()
    except ImproperlyConfigured as error:
        raise CommandError(str(error)) from error
    try:
        call_command("check", deploy=args.deploy, fail_level="ERROR")
    except SystemCheckError as error:
        print(error, file=sys.stderr)
        return 1
    return 0
