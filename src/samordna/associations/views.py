"""Pages of the förbund: overview, details, members with populations, and its organisation."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from samordna import confirm, removal
from samordna.associations.access import (
    ALL_ROLES,
    EDITORS,
    MemberRequest,
    association_view,
    associations_of,
)
from samordna.associations.forms import (
    AssociationForm,
    BoardSeatForm,
    MemberForm,
    OfficerForm,
    PopulationForm,
)
from samordna.associations.models import Association, BoardSeat, Member, Officer, Population
from samordna.confirm import Removal
from samordna.network.services import networks_of
from samordna.overview import budget_glance, equity_glance, insats_glance
from samordna.pages import form_page


@login_required
def home(request: HttpRequest) -> HttpResponse:
    associations = associations_of(request.user)
    networks = networks_of(request.user)
    if len(associations) == 1 and not networks:
        return redirect("association", slug=associations[0].slug)
    if len(networks) == 1 and not associations:
        return redirect("network", slug=networks[0].slug)
    context = {"associations": associations, "networks": networks}
    return render(request, "associations/home.html", context)


@association_view(*ALL_ROLES)
def association_detail(request: MemberRequest, association: Association) -> HttpResponse:
    today = timezone.localdate()
    glance = budget_glance(association, today)
    context = {
        "association": association,
        "members": association.members.select_related("region"),
        "years": association.contribution_years.all()[:5],
        "budget_glance": glance,
        "equity_glance": equity_glance(glance),
    }
    membership = request.membership
    context["staff"] = membership.role == "insatspersonal"  # no budget pages to link to
    if membership.role != "insatspersonal":
        context["insats_glance"] = insats_glance(association, today)
    if membership.role in ("chef", "insatspersonal"):
        context["consents"] = _consents(association, membership, today)
    return render(request, "associations/detail.html", context)


def _consents(association: Association, membership: Any, today: Any) -> list[Any]:
    """Consents running out, ended or revoked in the episodes the member keeps."""
    from samordna.followup import services as followup

    return followup.consents(followup.episodes_for(association, membership), today)


def _bound(request: HttpRequest) -> Any:
    """The posted data for a form, or None for an unbound form."""
    return request.POST if request.method == "POST" else None


@association_view(*EDITORS)
def association_edit(request: HttpRequest, association: Association) -> HttpResponse:
    form = AssociationForm(_bound(request), instance=association)
    back = redirect("association", slug=association.slug)
    return form_page(request, form, "Uppgifter om förbundet", back, association=association)


@association_view()
def member_list(request: HttpRequest, association: Association) -> HttpResponse:
    members = association.members.select_related("region").prefetch_related("populations")
    return render(
        request, "associations/members.html", {"association": association, "members": members}
    )


@association_view(*EDITORS)
def member_edit(
    request: HttpRequest, association: Association, pk: int | None = None
) -> HttpResponse:
    member = get_object_or_404(Member, pk=pk, association=association) if pk else None
    form = MemberForm(_bound(request), instance=member, association=association)
    title = f"Medlem: {member.name}" if member else "Ny medlem"
    return form_page(
        request, form, title, redirect("members", slug=association.slug), association=association
    )


@association_view(*EDITORS)
def member_delete(request: HttpRequest, association: Association, pk: int) -> HttpResponse:
    member = get_object_or_404(Member, pk=pk, association=association)
    label = f"{member.name} är borttagen som medlem."
    return _confirm(request, association, member, removal.member_removal(member), label, "members")


@association_view(*EDITORS)
def population_add(request: HttpRequest, association: Association, pk: int) -> HttpResponse:
    member = get_object_or_404(Member, pk=pk, association=association)
    year = request.POST.get("year", "")
    found = Population.objects.filter(member=member, year=int(year)) if year.isdecimal() else None
    existing = found.first() if found is not None else None
    form = PopulationForm(_bound(request), instance=existing or Population(member=member))
    title = f"Invånare i {member.name}"
    back = redirect("members", slug=association.slug)
    return form_page(request, form, title, back, association=association)


@association_view(*EDITORS)
def population_delete(request: HttpRequest, association: Association, pk: int) -> HttpResponse:
    population = get_object_or_404(Population, pk=pk, member__association=association)
    about = removal.population_removal(population)
    label = f"Invånarna {population.year} för {population.member.name} är borttagna."
    return _confirm(request, association, population, about, label, "members")


def _confirm(
    request: HttpRequest,
    association: Association,
    obj: Any,
    about: Removal,
    label: str,
    back: str,
) -> HttpResponse:
    back_url = reverse(back, kwargs={"slug": association.slug})
    return confirm.confirm(request, association, obj, about, label, back_url)


@require_POST
@association_view(*EDITORS)
def undo(request: HttpRequest, association: Association) -> HttpResponse:
    """Put back what the last removal took (the "Ångra" button in the message)."""
    try:
        label = confirm.undo(request, association, request.POST.get("token", ""))
    except IntegrityError:
        label = None
        messages.error(request, "Det går inte att ångra: samma uppgift har lagts till igen.")
    else:
        if label is None:
            messages.error(request, "Det finns inget att ångra.")
        else:
            messages.success(request, f"Ångrat: {label}")
    home = reverse("association", args=[association.slug])
    back = request.POST.get("next", "")
    return redirect(back if back.startswith(home) else home)


@association_view()
def organisation(request: HttpRequest, association: Association) -> HttpResponse:
    context = {
        "association": association,
        "seats": association.seats.select_related("member"),
        "officers": association.officers.select_related("member"),
    }
    return render(request, "associations/organisation.html", context)


@association_view(*EDITORS)
def seat_create(request: HttpRequest, association: Association) -> HttpResponse:
    form = BoardSeatForm(_bound(request), association=association)
    back = redirect("organisation", slug=association.slug)
    return form_page(request, form, "Ny plats i styrelsen", back, association=association)


@association_view(*EDITORS)
def officer_create(request: HttpRequest, association: Association) -> HttpResponse:
    form = OfficerForm(_bound(request), association=association)
    back = redirect("organisation", slug=association.slug)
    return form_page(request, form, "Ny person i organisationen", back, association=association)


@association_view(*EDITORS)
def seat_delete(request: HttpRequest, association: Association, pk: int) -> HttpResponse:
    seat = get_object_or_404(BoardSeat, pk=pk, association=association)
    about = removal.seat_removal(seat)
    return _confirm(
        request, association, seat, about, "Platsen i styrelsen är borttagen.", "organisation"
    )


@association_view(*EDITORS)
def officer_delete(request: HttpRequest, association: Association, pk: int) -> HttpResponse:
    officer = get_object_or_404(Officer, pk=pk, association=association)
    about = removal.officer_removal(officer)
    return _confirm(
        request,
        association,
        officer,
        about,
        "Personen är borttagen ur organisationen.",
        "organisation",
    )
