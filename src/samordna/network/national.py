"""The national picture from the database: the figures of every förbund that shares, the
document built from them, and the open-data rows in a Kolada-like long format."""

from __future__ import annotations

from typing import Any

from django.http import HttpResponse

from samordna.budgets.models import Budget
from samordna.core import document as doc
from samordna.core.money import round_half_up, rounded_kronor
from samordna.downloads import csv_response
from samordna.network.document import national_document
from samordna.network.figures import Figures, figures
from samordna.network.models import Network
from samordna.network.services import sharing_associations

OPEN_DATA_HEADER = ("indikator", "forbund", "ar", "kon", "varde")
TOTAL = "totalt"
SEX_CODES = {"Kvinnor": "kvinnor", "Män": "man"}


def shared_figures(year: int) -> list[Figures]:
    return [figures(association, year) for association in sharing_associations()]


def latest_year(today: int) -> int:
    """The latest year up to `today` that some sharing förbund has a budget for, else `today`."""
    years = Budget.objects.filter(
        association__in=sharing_associations(), first_year__lte=today, is_forecast=False
    ).values_list("first_year", flat=True)
    return max(years, default=today)


def document(network: Network, year: int) -> doc.Document:
    return national_document(network.name, year, shared_figures(year))


def open_data(year: int) -> list[tuple[str, str, int, str, Any]]:
    """(indicator, förbund, year, sex, value) per shared figure; a protected count is "<5"
    or "x" exactly as on the pages, and a figure not known is left out."""
    rows: list[tuple[str, str, int, str, Any]] = []
    for found in shared_figures(year):
        rows += _rows(found)
    return rows


def _rows(found: Figures) -> list[tuple[str, str, int, str, Any]]:
    name, year = found.association.slug, found.year
    money = found.budget
    share = money.administration_share
    values: list[tuple[str, str, Any]] = [
        ("medlemsbidrag_kr", TOTAL, kronor(money.contributions)),
        ("kostnader_kr", TOTAL, kronor(money.costs)),
        ("administrationens_andel_procent", TOTAL, round_half_up(share) if share else None),
        ("eget_kapital_kr", TOTAL, kronor(money.equity)),
        ("tak_eget_kapital_kr", TOTAL, kronor(money.cap)),
        ("deltagare", TOTAL, found.participants.shown),
        ("kostnad_per_deltagare_kr", TOTAL, kronor(found.cost_per_participant)),
    ]
    matrix = found.outcomes
    for sex, cell in zip(matrix.columns, matrix.column_totals, strict=True):
        values.append(("avslutade_deltagare", SEX_CODES.get(sex, sex.casefold()), cell.shown))
    values.append(("avslutade_deltagare", TOTAL, matrix.total.shown))
    for number, _text, percent, _target, _answers in found.indicators.rows:
        values.append((f"indikator_{number}_uppfyllt_procent", TOTAL, percent))
    return [(what, name, year, sex, value) for what, sex, value in values if value is not None]


def kronor(amount: int | None) -> int | None:
    """Whole kronor for an export, or None when the amount is not known."""
    return None if amount is None else rounded_kronor(amount)


def open_data_response(year: int, filename: str) -> HttpResponse:
    return csv_response(filename, OPEN_DATA_HEADER, open_data(year))
