"""Equity pages of a budget: the projection against the cap, the goals' fulfilment for the
budget years and the outcome, and the surplus spread over years (computed in projection.py)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext_lazy as _

from samordna.associations.access import EDITORS, association_view
from samordna.associations.models import Association
from samordna.budgets import services
from samordna.budgets.models import Budget, EquityBand, ImmutableError
from samordna.budgets.projection import bands_for, goal_rows_of, projection
from samordna.core import equity
from samordna.core.contribution_check import years_without_contributions
from samordna.core.money import MoneyError, parse_amount, rounded_kronor
from samordna.economy.forms import AmountField


class OpeningForm(forms.Form):
    opening_equity = AmountField(
        label=_("Eget kapital vid budgetårets början"),
        help_text=_("Förra årets utgående eget kapital, till exempel 1 589 tkr."),
    )


class BandForm(forms.ModelForm):
    up_to = AmountField(label=_("Medlemsbidrag upp till (tomt = ingen gräns)"), required=False)

    class Meta:
        model = EquityBand
        fields = ["up_to", "percent", "source"]


@association_view()
def budget_equity(request: HttpRequest, association: Association, pk: int) -> HttpResponse:
    budget = get_object_or_404(Budget, association=association, pk=pk)
    version = services.current_version(budget)
    totals = services.version_totals(version)
    bands = bands_for(budget)
    years = projection(budget, totals, version, bands)
    unknown = services.contributions_unknown(version, totals)
    uncapped = years_without_contributions(totals, {y.year: y.contributions for y in years})
    context = {
        "association": association,
        "budget": budget,
        "years": years,
        "unknown": unknown,
        "uncapped": uncapped,
        "warnings": [w for y in years if y.year not in uncapped and (w := equity.warning(y))],
        "bands": bands,
        "goals": goal_rows_of(budget, totals, years),
        "opening_form": OpeningForm(initial=_opening_initial(budget)),
        "band_form": BandForm(),
        "spread": _spread(request),
    }
    return render(request, "budgets/equity.html", context)


def _opening_initial(budget: Budget) -> dict[str, str]:
    if budget.opening_equity is None:
        return {}
    return {"opening_equity": str(rounded_kronor(budget.opening_equity))}


def _spread(request: HttpRequest) -> dict[str, Any] | None:
    surplus, count = request.GET.get("overskott"), request.GET.get("ar", "3")
    if not surplus:
        return None
    try:
        amount = parse_amount(surplus)
        parts = equity.spread(amount, max(1, min(int(count), 10)))
    except (MoneyError, ValueError):
        return {"error": f"”{surplus}” och ”{count}” går inte att fördela."}
    return {"amount": amount, "parts": parts}


@association_view(*EDITORS)
def equity_opening(request: HttpRequest, association: Association, pk: int) -> HttpResponse:
    budget = get_object_or_404(Budget, association=association, pk=pk)
    form = OpeningForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        budget.opening_equity = form.cleaned_data["opening_equity"]
        try:
            budget.save(update_fields=["opening_equity"])
        except ImmutableError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "Eget kapital vid årets början är sparat.")
            return redirect("budget_equity", slug=association.slug, pk=budget.pk)
    context = {"association": association, "form": form, "title": "Eget kapital vid årets början"}
    return render(
        request, "form_page.html", context, status=400 if request.method == "POST" else 200
    )


@association_view(*EDITORS)
def equity_band(request: HttpRequest, association: Association, pk: int) -> HttpResponse:
    budget = get_object_or_404(Budget, association=association, pk=pk)
    form = BandForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        band = form.save(commit=False)
        band.association = association
        band.save()
        messages.success(request, "Steget i taket för eget kapital är sparat med sin källa.")
        return redirect("budget_equity", slug=association.slug, pk=budget.pk)
    title = "Steg i taket för eget kapital"
    context = {"association": association, "form": form, "title": title}
    return render(
        request, "form_page.html", context, status=400 if request.method == "POST" else 200
    )
