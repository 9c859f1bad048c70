"""The page where a version's insats lines get their insats, or become a pool, once.

The link is what ties the budget to the insats register (budgets.register): it is chosen
here and carried into revisions, never guessed from a name.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from samordna.associations.access import EDITORS, association_view
from samordna.associations.models import Association
from samordna.budgets import register
from samordna.budgets.forms import POOL, LinkForm
from samordna.budgets.models import Budget, BudgetVersion


@association_view(*EDITORS)
def budget_links(
    request: HttpRequest, association: Association, pk: int, number: int
) -> HttpResponse:
    budget = get_object_or_404(Budget, association=association, pk=pk)
    version = get_object_or_404(BudgetVersion, budget=budget, number=number)
    back = f"{reverse('budget', args=[association.slug, pk])}?version={number}"
    if version.is_locked:
        messages.error(request, "Versionen är beslutad och kan inte ändras. Gör en revidering.")
        return redirect(back)
    lines = register.insats_lines(version)
    insatser = list(association.interventions.order_by("name"))
    form = LinkForm(lines, insatser, request.POST or None)
    if request.method == "POST" and form.is_valid():
        changed = register.save_links(version, form.links(), POOL)
        messages.success(request, f"Kopplingarna är sparade ({changed} rader ändrade).")
        if "hamta" in request.POST:
            touched = register.fill_from_register(version)
            messages.success(request, f"{touched} insatsrader har hämtats från insatsregistret.")
        return redirect(back)
    context: dict[str, Any] = {"association": association, "budget": budget, "version": version}
    context |= {"form": form, "back": back, "title": f"Insatsrader i {budget.name}"}
    status = 400 if request.method == "POST" else 200
    return render(request, "budgets/links.html", context, status=status)
