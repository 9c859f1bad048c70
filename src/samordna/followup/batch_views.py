"""Pages for staff working in batches: register several participants, print their codes."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render

from samordna.associations.access import MemberRequest, association_view
from samordna.associations.models import Association
from samordna.followup import batch, services
from samordna.interventions.models import Intervention


def _own_insats(request: MemberRequest, association: Association, pk: int) -> Intervention:
    own = services.own_interventions(association, request.membership)
    found = own.filter(pk=pk, kind="individual").first()
    if found is None:
        raise Http404("Insatsen finns inte eller så har du inte tillgång till den.")
    return found


@association_view(*services.EPISODE_ROLES)
def episode_batch(request: MemberRequest, association: Association, pk: int) -> HttpResponse:
    intervention = _own_insats(request, association, pk)
    formset = batch.row_forms(request.POST or None, association)
    if request.method == "POST" and formset.is_valid():
        saved = batch.save_rows(formset, intervention)
        if saved:
            codes = ", ".join(e.code for e in saved)
            messages.success(request, f"{len(saved)} deltagare sparade: {codes}.")
            return redirect("episode_codes", slug=association.slug, pk=intervention.pk)
        formset.non_form_errors().append("Fyll i minst en rad.")
    context = {
        "association": association,
        "intervention": intervention,
        "formset": formset,
        "problems": batch.problems(formset) if request.method == "POST" else [],
    }
    status = 400 if request.method == "POST" else 200
    return render(request, "followup/batch.html", context, status=status)


@association_view(*services.EPISODE_ROLES)
def episode_codes(request: MemberRequest, association: Association, pk: int) -> HttpResponse:
    intervention = _own_insats(request, association, pk)
    episodes = intervention.episodes.order_by("start", "code")
    context = {"association": association, "intervention": intervention, "episodes": episodes}
    return render(request, "followup/codes.html", context)
