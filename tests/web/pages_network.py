"""Persona table of the förbund's sharing decision (the chef decides; the board gets 403)."""

from __future__ import annotations

PAGES = {
    "sharing": ("edit", lambda a: {}),
}


def furnish(association):
    """Nothing to furnish: the page shows that the förbund does not share yet."""
