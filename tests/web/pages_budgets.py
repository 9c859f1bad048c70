"""Persona table of the budget pages (see pages_associations.py for the kinds)."""

from __future__ import annotations

from samordna.budgets import services
from samordna.budgets.models import Budget, FinancialGoal


def _budget(association):
    return Budget.objects.get(association=association, scenario_of=None)


def _proposal(association):
    return {"pk": _budget(association).pk, "number": 1}


PAGES = {
    "budgets": ("read", lambda a: {}),
    "budget_new": ("edit", lambda a: {}),
    "budget_import": ("edit", lambda a: {}),
    "budget": ("read", lambda a: {"pk": _budget(a).pk}),
    "outcome": ("read", lambda a: {"year": 2021}),
    "budget_equity": ("read", lambda a: {"pk": _budget(a).pk}),
    "equity_opening": ("edit", lambda a: {"pk": _budget(a).pk}),
    "equity_band": ("edit", lambda a: {"pk": _budget(a).pk}),
    "budget_compare": ("read", lambda a: {"pk": _budget(a).pk}),
    "scenario_new": ("edit", lambda a: {"pk": _budget(a).pk}),
    "budget_edit": ("edit", _proposal),
    "budget_totals": ("edit-post", _proposal),
    "budget_decide": ("edit", _proposal),
    "budget_revise": ("edit", _proposal),
    "budget_from_register": ("edit-post", _proposal),
    "budget_links": ("edit", _proposal),
    "budget_version_delete": ("edit", _proposal),
    "financial_goals": ("read", lambda a: {"year": 2021}),
    "financial_goal_add": ("edit", lambda a: {"year": 2021}),
    "financial_goal_delete": ("edit", lambda a: {"year": 2021, "pk": _goal(a).pk}),
}


def _goal(association):
    return FinancialGoal.objects.get(association=association, year=2021)


def furnish(association):
    budget = services.create(association, services.NewBudget("Budget 2021", 2021), user=None)
    version = budget.versions.get()
    line = services.add_line(version, "individual", "Samverkansinsats")
    services.set_amounts(version, {(line.pk, 2021): 100_000_00})
    FinancialGoal.objects.create(association=association, year=2021, measure="equity_vs_cap")
