"""Persona table of the Historik pages: the chef and the revisor read them, nobody else."""

from __future__ import annotations

PAGES = {
    "history": ("audit", lambda a: {}),
    "history_xlsx": ("audit", lambda a: {}),
    "object_history": (
        "audit",
        lambda a: {"label": "associations.member", "pk": a.members.first().pk},
    ),
}


def furnish(association):
    """The förbund's own creation is already on record."""
