"""Requested and allocated: the year's äskning beside what the state's allocation model gives.

The table of seed 004, section 6.3: each member's share, last year's allocation, the
requested frame and the allocation by the state's model (regions and municipalities
matching the state's half), with the equity carried from earlier years on top.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext_lazy as _

from samordna.associations.access import EDITORS, association_view
from samordna.associations.forms import CountField, NoIdentityMixin
from samordna.associations.models import Association
from samordna.core.allocation import AllocationError
from samordna.core.money import rounded_kronor
from samordna.core.params import load
from samordna.core.state_model import ModelInput, estimate
from samordna.economy import services
from samordna.economy.forms import AmountField
from samordna.economy.models import ContributionYear, Frame


class FrameForm(NoIdentityMixin, forms.Form):
    year = forms.IntegerField(label=_("År"), min_value=2004, max_value=2100)
    requested_total = AmountField(
        label=_("Begärd äskning, hela medlemsbidraget"), help_text=_("Till exempel 2 800 tkr.")
    )
    requested_carried = AmountField(label=_("Beräknat överskott vid äskningen"), required=False)
    allocated_state = AmountField(
        label=_("Statens tilldelning enligt fördelningsmodellen"),
        required=False,
        help_text=_("Statens halva, till exempel 1 064 tkr. Regionen och kommunerna matchar den."),
    )
    carried_equity = AmountField(label=_("Överskott från tidigare år"), required=False)
    note = forms.CharField(
        label=_("Kommentar"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


@dataclass(frozen=True)
class FrameRow:
    name: str
    percent: Any
    previous: int | None
    requested: int | None
    allocated: int | None


def frame_table(association: Association, frame: Frame) -> tuple[list[FrameRow], list[str]]:
    """The rows of the table, and the Swedish notes of what could not be computed."""
    settings = _settings_for(association, frame.year)
    notes: list[str] = []
    requested = _column(association, frame.year, frame.requested_total, "total", settings, notes)
    allocated = (
        _column(association, frame.year, frame.allocated_state, "state", settings, notes)
        if frame.allocated_state is not None
        else {}
    )
    previous = _saved(association, frame.year - 1)
    members = services.members_for(association, settings["state_shown"])
    rows = [
        FrameRow(
            member.name,
            requested.get(member.pk, (None, None))[1],
            previous.get(member.pk),
            requested.get(member.pk, (None, None))[0],
            allocated.get(member.pk, (None, None))[0],
        )
        for member in members
    ]
    return rows, notes


def _settings_for(association: Association, year: int) -> dict[str, Any]:
    saved = (
        association.contribution_years.filter(year__lte=year).order_by("-year").first()
        or association.contribution_years.first()
    )
    if saved is None:
        return {"state_shown": "split", "round_to": 1000, "population_year": None}
    return {
        "state_shown": saved.state_shown,
        "round_to": rounded_kronor(saved.unit),
        "population_year": saved.population_year,
    }


def _column(
    association: Association,
    year: int,
    amount: int,
    amount_is: str,
    settings: dict[str, Any],
    notes: list[str],
) -> dict[int, tuple[int, Any]]:
    request = services.AllocationRequest(year, amount, amount_is, **settings)
    try:
        members, allocation = services.compute(association, request)
    except AllocationError as error:
        notes.append(str(error))
        return {}
    return {
        member.pk: (part.amount, part.percent_of_total)
        for member, part in zip(members, allocation.parts, strict=True)
    }


def _saved(association: Association, year: int) -> dict[int, int]:
    saved = ContributionYear.objects.filter(association=association, year=year).first()
    if saved is None:
        return {}
    return {c.member_id: c.amount for c in saved.contributions.all()}


@association_view()
def frame_list(request: HttpRequest, association: Association) -> HttpResponse:
    frames = association.frames.all()
    context = {"association": association, "frames": frames}
    return render(request, "economy/frames.html", context)


@association_view()
def frame_detail(request: HttpRequest, association: Association, year: int) -> HttpResponse:
    frame = get_object_or_404(Frame, association=association, year=year)
    rows, notes = frame_table(association, frame)
    context = {
        "association": association,
        "frame": frame,
        "rows": rows,
        "notes": notes,
        "totals": _totals(rows, frame, _previous_carried(association, year)),
    }
    return render(request, "economy/frame_detail.html", context)


def _sum(values: list[int | None]) -> int | None:
    present = [value for value in values if value is not None]
    return sum(present) if present else None


def _plus(a: int | None, b: int | None) -> int | None:
    return None if a is None and b is None else (a or 0) + (b or 0)


def _totals(rows: list[FrameRow], frame: Frame, carried: int | None) -> dict[str, int | None]:
    previous = _sum([row.previous for row in rows])
    requested = _sum([row.requested for row in rows])
    allocated = _sum([row.allocated for row in rows])
    return {
        "previous": previous,
        "previous_carried": carried,
        "previous_frame": _plus(previous, carried),
        "requested": requested,
        "allocated": allocated,
        "requested_frame": _plus(requested, frame.requested_carried),
        "allocated_frame": _plus(allocated, frame.carried_equity),
    }


def _previous_carried(association: Association, year: int) -> int | None:
    previous = Frame.objects.filter(association=association, year=year - 1).first()
    return previous.carried_equity if previous else None


@association_view(*EDITORS)
def frame_edit(request: HttpRequest, association: Association) -> HttpResponse:
    year = request.GET.get("ar")
    frame = association.frames.filter(year=year).first() if year and year.isdecimal() else None
    initial = {key: getattr(frame, key) for key in FrameForm.base_fields} if frame else {}
    for key in ("requested_total", "requested_carried", "allocated_state", "carried_equity"):
        if initial.get(key) is not None:
            initial[key] = f"{rounded_kronor(initial[key])}"
    form = FrameForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        Frame.objects.update_or_create(
            association=association, year=data["year"], defaults=data | {"association": association}
        )
        messages.success(request, f"Äskning och tilldelning {data['year']}: sparat.")
        return redirect("frame", slug=association.slug, year=data["year"])
    status = 400 if request.method == "POST" else 200
    context = {"association": association, "form": form, "title": "Äskning och tilldelning"}
    return render(request, "form_page.html", context, status=status)


class ModelForm(forms.Form):
    year = forms.IntegerField(label=_("År"), min_value=2016, max_value=2100)
    appropriation = AmountField(label=_("Statens anslag till alla förbund"))
    associations = forms.IntegerField(label=_("Antal förbund som delar anslaget"), min_value=1)
    support = CountField(label=_("Förbundets försörjningsmått"), min_value=0)
    support_national = CountField(label=_("Landets försörjningsmått"), min_value=1)
    population = CountField(label=_("Förbundets befolkning 16–64 år"), min_value=0)
    population_national = CountField(label=_("Landets befolkning 16–64 år"), min_value=1)
    previous = AmountField(label=_("Statens tilldelning föregående år"), required=False)
    equity_above_cap = forms.BooleanField(
        label=_("Eget kapital över skälig nivå (ingen begränsning av minskningen)"), required=False
    )


@association_view()
def state_model(request: HttpRequest, association: Association) -> HttpResponse:
    """A calculator: the state's share by the allocation model from figures the user enters."""
    form = ModelForm(request.GET or None)
    result = None
    if form.is_bound and form.is_valid():
        result = estimate(ModelInput(**form.cleaned_data))
    context = {"association": association, "form": form, "result": result, "source": _source()}
    return render(request, "economy/state_model.html", context)


def _source() -> str:
    parameter = load("state_allocation_model")
    return parameter.source
