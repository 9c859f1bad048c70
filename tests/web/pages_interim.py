"""Persona table of the delårsrapport: read by chef, board and auditor; the forecast by the chef."""

from __future__ import annotations

PAGES = {
    "interim": ("read", lambda a: {}),
    "interim_download": ("read", lambda a: {"year": 2021, "period": "T1", "fmt": "docx"}),
    "interim_forecast": ("edit", lambda a: {"year": 2021, "period": "H1"}),
}


def furnish(association):
    """The budget (2021) comes from the budgets' furnishing; no books: the report says so."""
