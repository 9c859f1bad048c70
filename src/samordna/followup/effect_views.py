"""The socio-economic estimate per insats, beside its cost, with the assumptions printed; and
the förbund's own dated monthly costs per support type."""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from samordna.associations.access import EDITORS, READERS, association_view
from samordna.associations.models import Association
from samordna.core.followup import INCOMES
from samordna.core.socioeconomic import ACTORS, ASSUMPTIONS, HORIZONS
from samordna.followup import services
from samordna.followup.forms import SupportCostForm
from samordna.followup.models import SupportCost
from samordna.pages import year_asked


@association_view(*READERS)
def effect(request: HttpRequest, association: Association) -> HttpResponse:
    year = year_asked(request)
    rows = []
    costs: dict[str, dict[str, int]] = {}
    source = ""
    for intervention in association.interventions.filter(kind="individual").order_by("name"):
        found, costs, source = services.effect(association, intervention, year)
        rows.append((intervention, found))
    if not rows:
        costs, source = services.costs_at(association, date(year, 12, 31))
    context = {
        "association": association,
        "year": year,
        "rows": rows,
        "actors": ACTORS,
        "horizons": HORIZONS,
        "assumptions": ASSUMPTIONS,
        "cost_rows": [
            (INCOMES[key], [costs.get(key, {}).get(a) for a in ACTORS]) for key in INCOMES
        ],
        "source": source,
        "own_costs": SupportCost.objects.filter(association=association).exists(),
    }
    return render(request, "followup/effect.html", context)


@association_view(*EDITORS)
def support_cost_new(request: HttpRequest, association: Association) -> HttpResponse:
    form = SupportCostForm(request.POST or None, initial={"valid_from": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        cost = form.save(commit=False)
        cost.association = association
        cost.save()
        messages.success(request, "Kostnaden är sparad.")
        return redirect("effect", slug=association.slug)
    context = {
        "association": association,
        "form": form,
        "title": "Kostnad per månad för en försörjning",
        "costs": SupportCost.objects.filter(association=association),
    }
    status = 400 if request.method == "POST" else 200
    return render(request, "followup/costs.html", context, status=status)
