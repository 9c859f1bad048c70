"""Persona table of the population import page (the chef reads files; the board gets 403)."""

from __future__ import annotations

PAGES = {
    "population_import": ("edit", lambda a: {}),
}


def furnish(association):
    """Nothing to furnish: the page starts with the form."""
