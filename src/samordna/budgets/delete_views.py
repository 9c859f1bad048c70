"""Deleting a draft: a förslag version, or a scenario, after a confirmation page.

A decided or revised version is never deleted (the model refuses too); the page says so.
Deleting the only version of a budget deletes the budget.
"""

from __future__ import annotations

from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from samordna.associations.access import EDITORS, association_view
from samordna.associations.models import Association
from samordna.budgets.models import Budget, BudgetVersion


def what_is_deleted(version: BudgetVersion) -> str:
    """ "scenariot …", "budgeten …" or "version 2 av …": what the confirmation deletes."""
    budget = version.budget
    if budget.scenario_of_id:
        return f"scenariot {budget.name}"
    if budget.versions.count() == 1:
        return f"budgeten {budget.name} (förslaget är dess enda version)"
    return f"version {version.number} av {budget.name}"


@association_view(*EDITORS)
def version_delete(
    request: HttpRequest, association: Association, pk: int, number: int
) -> HttpResponse:
    budget = get_object_or_404(Budget, association=association, pk=pk)
    version = get_object_or_404(BudgetVersion, budget=budget, number=number)
    if version.is_locked:
        messages.error(request, "En beslutad version kan aldrig tas bort.")
        return redirect("budget", slug=association.slug, pk=budget.pk)
    what = what_is_deleted(version)
    if request.method == "POST":
        return _delete(request, association, version, what)
    context = {"association": association, "budget": budget, "version": version, "what": what}
    return render(request, "budgets/delete.html", context)


@transaction.atomic
def _delete(
    request: HttpRequest, association: Association, version: BudgetVersion, what: str
) -> HttpResponse:
    budget = version.budget
    whole = budget.scenario_of_id or budget.versions.count() == 1
    if whole:
        budget.delete()
    else:
        version.delete()
    messages.success(request, f"{what[0].upper()}{what[1:]} är borttagen.")
    if budget.scenario_of_id:
        return redirect("budget", slug=association.slug, pk=budget.scenario_of_id)
    if whole:
        return redirect("budgets", slug=association.slug)
    return redirect("budget", slug=association.slug, pk=budget.pk)
