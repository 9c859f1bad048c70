"""Which budget version a year's plan is built from.

A year can hold several budgets (one made in the pages, one imported as a test) and
each budget several versions. The plan is built from the version the chef picks; by
default the one the board decided (the newest decision in force), else the newest
version of the newest budget. Forecasts and scenarios are never a plan's budget.
"""

from __future__ import annotations

from django.db.models import QuerySet

from samordna.associations.models import Association
from samordna.budgets.models import BudgetVersion
from samordna.budgets.services import to_core
from samordna.core.budget_check import check_budget
from samordna.core.budget_print import error_summary
from samordna.core.document import long_date


def versions_of_year(association: Association, year: int) -> QuerySet[BudgetVersion]:
    """Every version of the year's budgets, newest budget and version first."""
    return (
        BudgetVersion.objects.filter(
            budget__association=association,
            budget__first_year=year,
            budget__is_forecast=False,
            budget__scenario_of=None,
        )
        .select_related("budget")
        .order_by("-budget__created_at", "-budget_id", "-number")
    )


def default_version(association: Association, year: int) -> BudgetVersion | None:
    """The decided version in force (newest decision), else the newest version."""
    versions = versions_of_year(association, year)
    decided = versions.exclude(status=BudgetVersion.Status.PROPOSAL).filter(superseded=False)
    newest_decided = decided.order_by("-decision_date", "-pk").first()
    return newest_decided or versions.first()


def chosen_version(association: Association, year: int, pk: str | None) -> BudgetVersion | None:
    """The version with id `pk` among the year's, or the default when none (or another) is asked."""
    if pk and pk.isdecimal():
        found = versions_of_year(association, year).filter(pk=int(pk)).first()
        if found is not None:
            return found
    return default_version(association, year)


def version_label(version: BudgetVersion) -> str:
    """ "Budget 2020, version 2: beslutad 2019-11-28 §12" for a choice list."""
    status = version.get_status_display().lower()
    decided = f" {version.decision}" if version.decision else ""
    return f"{version.budget.name}, version {version.number}: {status}{decided}"


def cover_status(version: BudgetVersion | None) -> str:
    """What the cover says about the budget: who decided it and when, or which proposal it is."""
    if version is None:
        return "Förslag: det finns ingen budget för året ännu"
    if not version.is_locked:
        return f"Förslag, version {version.number}, ej beslutad"
    when = f" den {long_date(version.decision_date)}" if version.decision_date else ""
    paragraph = paragraph_text(version.decision_paragraph)
    verb = "Reviderad" if version.status == BudgetVersion.Status.REVISED else "Beslutad"
    return f"{verb} av styrelsen{when}{', ' + paragraph if paragraph else ''}"


def paragraph_text(paragraph: str) -> str:
    """ "§ 12" however the paragraph was typed ("12", "§12", "§ 12"); "" when unknown."""
    number = paragraph.strip().lstrip("§").strip()
    return f"§ {number}" if number else ""


def findings_of_year(association: Association, year: int) -> list[str]:
    """The errors the budget check finds in the version the year's documents are built from."""
    version = default_version(association, year)
    if version is None:
        return []
    budget = to_core(version)
    return error_summary(budget, check_budget(budget))
