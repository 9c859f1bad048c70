"""Persona table of the closing pages: the accounts' statement lines are the chef's to set."""

from __future__ import annotations

from samordna.actuals import services
from tests.core.test_statements import SIE

PAGES = {
    "statement_accounts": ("edit", lambda a: {}),
}


def furnish(association):
    services.import_sie(association, 2016, SIE.read_bytes(), SIE.name, user=None)
