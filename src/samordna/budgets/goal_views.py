"""The financial goals page: the goals the förbund writes for a year, added and removed here."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from samordna.associations.access import EDITORS, association_view
from samordna.associations.models import Association
from samordna.budgets.financial_goals import to_core
from samordna.budgets.models import FinancialGoal
from samordna.core import goals
from samordna.core.calendar import year_from
from samordna.economy.forms import AmountField

NEEDS = {
    "balance": ("low_amount", "Ange det lägsta resultatet, till exempel 0 kr."),
    "admin_share": ("high_percent", "Ange den högsta andelen i procent, till exempel 30."),
    "insats_share": ("low_percent", "Ange den lägsta andelen i procent, till exempel 50."),
    "manual": ("text", "Skriv målet med förbundets egna ord."),
}


class GoalForm(forms.ModelForm):
    low_amount = AmountField(label="Lägst (belopp)", required=False)
    high_amount = AmountField(label="Högst (belopp)", required=False)

    class Meta:
        model = FinancialGoal
        fields = [
            "measure",
            "low_amount",
            "high_amount",
            "low_percent",
            "high_percent",
            "text",
            "verdict",
        ]
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        field, message = NEEDS.get(data.get("measure", ""), ("", ""))
        if field and data.get(field) in (None, ""):
            self.add_error(field, message)
        band = (data.get("low_amount"), data.get("high_amount"))
        if data.get("measure") == "equity_band" and band == (None, None):
            self.add_error("low_amount", "Ange intervallets gränser för eget kapital (kr).")
        return data


def _year(year: int) -> int:
    if year_from(str(year)) is None:
        raise Http404("Året finns inte.")
    return year


def _page(
    request: HttpRequest, association: Association, year: int, form: GoalForm
) -> HttpResponse:
    stored = FinancialGoal.objects.filter(association=association, year=_year(year))
    rows = [(goal, goals.describe(to_core(goal))) for goal in stored]
    context = {
        "association": association,
        "year": year,
        "rows": rows,
        "form": form,
        "can_edit": request.membership.role in EDITORS,  # type: ignore[attr-defined]
    }
    return render(request, "budgets/goals.html", context, status=400 if form.errors else 200)


@association_view()
def financial_goals(request: HttpRequest, association: Association, year: int) -> HttpResponse:
    return _page(request, association, year, GoalForm())


@association_view(*EDITORS)
def financial_goal_add(request: HttpRequest, association: Association, year: int) -> HttpResponse:
    form = GoalForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        goal = form.save(commit=False)
        goal.association, goal.year = association, _year(year)
        goal.save()
        messages.success(request, f"Målet är sparat för {year}.")
        return redirect("financial_goals", slug=association.slug, year=year)
    return _page(request, association, year, form)


@require_POST
@association_view(*EDITORS)
def financial_goal_delete(
    request: HttpRequest, association: Association, year: int, pk: int
) -> HttpResponse:
    goal = get_object_or_404(FinancialGoal, association=association, year=year, pk=pk)
    goal.delete()
    messages.success(request, f"Målet är borttaget ur {year} års finansiella mål.")
    return redirect("financial_goals", slug=association.slug, year=year)
