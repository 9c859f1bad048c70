"""Equity and financial goals of a budget: the projection against the cap, the goals'
fulfilment for the budget years and the outcome, and the surplus spread over years."""

from __future__ import annotations

from fractions import Fraction
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
from samordna.core import equity, goals
from samordna.core.money import MoneyError, parse_amount
from samordna.economy.forms import AmountField

CONTRIBUTION_WORDS = ("medlem", "parternas", "bidrag")


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


def bands_for(budget: Budget) -> list[equity.Band]:
    """The parameter file's confirmed bands, then the bands the förbund entered with a source."""
    defaults = equity.default_bands(services.first_day(budget))
    entered = [
        equity.Band(b.up_to, Fraction(str(b.percent)), True, b.source)
        for b in budget.association.equity_bands.all()
    ]
    return [b for b in defaults if b.confirmed] + entered if entered else defaults


def contributions_by_year(budget: Budget, totals: dict[int, Any], version: Any) -> dict[int, int]:
    """Member contributions per year: the saved allocation, else the members' income lines."""
    saved = {
        y.year: y.total for y in budget.association.contribution_years.filter(year__in=budget.years)
    }
    member_lines = services.member_lines(version)
    by_lines: dict[int, int] = {}
    for amounts in member_lines.values():
        for year, amount in amounts.items():
            by_lines[year] = by_lines.get(year, 0) + amount
    labelled = _labelled_contributions(version)
    return {
        year: saved.get(year) or by_lines.get(year) or labelled.get(year, 0)
        for year in budget.years
    }


def _labelled_contributions(version: Any) -> dict[int, int]:
    sums: dict[int, int] = {}
    for row in services.to_core(version).rows:
        if row.section and row.section.value == "income" and _is_contribution(row.label):
            for year, amount in row.amounts.items():
                sums[year] = sums.get(year, 0) + amount
    return sums


def _is_contribution(label: str) -> bool:
    return any(word in label.casefold() for word in CONTRIBUTION_WORDS)


@association_view()
def budget_equity(request: HttpRequest, association: Association, pk: int) -> HttpResponse:
    budget = get_object_or_404(Budget, association=association, pk=pk)
    version = services.current_version(budget)
    totals = services.check_version(version).totals
    bands = bands_for(budget)
    years = _projection(budget, totals, version, bands)
    context = {
        "association": association,
        "budget": budget,
        "years": years,
        "warnings": [w for y in years if (w := equity.warning(y))],
        "bands": bands,
        "goals": _goal_rows(budget, totals, years),
        "opening_form": OpeningForm(initial=_opening_initial(budget)),
        "band_form": BandForm(),
        "spread": _spread(request),
    }
    return render(request, "budgets/equity.html", context)


def projection_of(budget: Budget) -> list[equity.EquityYear]:
    """The equity projection of the budget's current version (empty without opening equity)."""
    version = services.current_version(budget)
    totals = services.check_version(version).totals
    return _projection(budget, totals, version, bands_for(budget))


def goal_rows(budget: Budget) -> list[Any]:
    """The financial goals per year of the budget's current version (with the year's outcome)."""
    totals = services.check_version(services.current_version(budget)).totals
    return _goal_rows(budget, totals, projection_of(budget))


def _projection(budget: Budget, totals: Any, version: Any, bands: Any) -> list[equity.EquityYear]:
    if budget.opening_equity is None:
        return []
    results = {year: totals[year].result for year in budget.years}
    contributions = contributions_by_year(budget, totals, version)
    return equity.project(budget.opening_equity, results, contributions, bands)


def _goal_rows(budget: Budget, totals: Any, years: list[equity.EquityYear]) -> list[Any]:
    by_year = {y.year: y for y in years}
    rows = []
    for goal in goals.DEFAULT_GOALS:
        cells = []
        for year in budget.years:
            projected = by_year.get(year)
            closing = projected.closing if projected else None
            cap = projected.cap.amount if projected else None
            cells.append(goals.evaluate(goal, totals[year], closing, cap))
        rows.append((goals.describe(goal), cells, _outcome_fulfilment(budget, goal)))
    return rows


def _outcome_fulfilment(budget: Budget, goal: goals.Goal) -> goals.Fulfilment | None:
    forecast = services.latest_of_year(budget.association, budget.first_year, forecast=True)
    if forecast is None:
        return None
    totals = services.check_version(services.current_version(forecast)).totals
    return goals.evaluate(goal, totals[budget.first_year])


def _opening_initial(budget: Budget) -> dict[str, str]:
    if budget.opening_equity is None:
        return {}
    return {"opening_equity": str(budget.opening_equity // 100)}


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
