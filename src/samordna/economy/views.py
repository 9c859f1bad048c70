"""Pages for member contributions: compute a year's split, save it,
show it as the plans print it."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from samordna.associations.access import EDITORS, association_view
from samordna.associations.models import Association
from samordna.core.allocation import AllocationError
from samordna.core.money import rounded_kronor
from samordna.economy import services
from samordna.economy.forms import AllocationForm
from samordna.economy.models import ContributionYear


@association_view()
def contribution_list(request: HttpRequest, association: Association) -> HttpResponse:
    years = association.contribution_years.prefetch_related("contributions")
    return render(
        request, "economy/contributions.html", {"association": association, "years": years}
    )


def _initial(association: Association) -> dict[str, Any]:
    year = timezone.localdate().year + 1
    latest = association.contribution_years.first()
    initial: dict[str, Any] = {"year": year, "population_year": year - 2}
    if latest:
        initial.update(
            state_shown=latest.state_shown,
            round_to=rounded_kronor(latest.unit),
            amount=str(rounded_kronor(latest.total)),
        )
    return initial


@association_view(*EDITORS)
def contribution_new(request: HttpRequest, association: Association) -> HttpResponse:
    form = AllocationForm(request.POST or None, initial=_initial(association))
    context: dict[str, Any] = {"association": association, "form": form}
    if request.method == "POST" and form.is_valid():
        allocation_request = services.AllocationRequest(**form.cleaned_data)
        try:
            if "save" in request.POST:
                services.save(association, allocation_request, request.user)
                messages.success(
                    request, f"Medlemsbidragen för {form.cleaned_data['year']} är sparade."
                )
                return redirect(
                    "contribution", slug=association.slug, year=form.cleaned_data["year"]
                )
            members, allocation = services.compute(association, allocation_request)
            context.update(allocation=allocation, rows=zip(members, allocation.parts, strict=True))
        except AllocationError as error:
            form.add_error(None, str(error))
    status = 400 if request.method == "POST" and form.errors else 200
    return render(request, "economy/contribution_new.html", context, status=status)


@association_view()
def contribution_detail(request: HttpRequest, association: Association, year: int) -> HttpResponse:
    contribution_year = get_object_or_404(ContributionYear, association=association, year=year)
    contributions = list(contribution_year.contributions.select_related("member"))
    context = {
        "has_stated": any(c.stated_amount is not None for c in contributions),
        "association": association,
        "year": contribution_year,
        "contributions": contributions,
        "differs_from_plan": any(c.deviation for c in contributions),
        **_stated_sums(contributions),
    }
    return render(request, "economy/contribution_detail.html", context)


def _stated_sums(contributions: list[Any]) -> dict[str, int | None]:
    """The plan's sum and its deviation, only when the plan states every member's amount."""
    if any(c.stated_amount is None for c in contributions):
        return {"stated_total": None, "stated_deviation": None}
    stated = sum(c.stated_amount for c in contributions)
    return {"stated_total": stated, "stated_deviation": sum(c.deviation for c in contributions)}
