"""Persona table of the outcome pages (see pages_associations.py for the kinds)."""

from __future__ import annotations

from pathlib import Path

from samordna.actuals import services

SIE = Path(__file__).parents[1] / "fixtures" / "sie" / "sodra-roslagen-2025.se"

PAGES = {
    "actuals": ("read", lambda a: {}),
    "actuals_import": ("edit", lambda a: {}),
    "account_mapping": ("edit", lambda a: {}),
    "actuals_year": ("read", lambda a: {"year": 2025}),
}


def furnish(association):
    services.import_sie(association, 2025, SIE.read_bytes(), SIE.name, user=None)
