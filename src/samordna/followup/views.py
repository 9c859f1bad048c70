"""Participants' episodes (chef and the insats's own staff), consents, import and export, the
year's follow-up report with small groups hidden and sub-goal targets."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from samordna.associations.access import (
    ALL_ROLES,
    EDITORS,
    MemberRequest,
    association_view,
)
from samordna.associations.models import Association
from samordna.concurrency import saved
from samordna.core.findings import InputError
from samordna.core.followup import age_band
from samordna.core.suppression import LEGEND
from samordna.downloads import csv_response, xlsx_response
from samordna.followup import imports, services
from samordna.followup.forms import EpisodeForm, FileForm, FollowupTargetForm, StepForm
from samordna.followup.models import Episode, FollowupTarget
from samordna.interventions.models import Intervention
from samordna.interventions.services import visible_to
from samordna.pages import year_asked
from samordna.tables import TableError, table_from_bytes

EPISODE_ROLES = services.EPISODE_ROLES


def _chosen(request: MemberRequest, association: Association) -> Intervention | None:
    """The insats asked for in ?insats=, among those the member may see, or None for all."""
    text = request.GET.get("insats", "")
    if not text.isdecimal():
        return None
    found = visible_to(association, request.membership).filter(pk=int(text)).first()
    if found is None:
        raise Http404("Insatsen finns inte eller så har du inte tillgång till den.")
    return found


@association_view(*ALL_ROLES)
def followup_report(request: MemberRequest, association: Association) -> HttpResponse:
    visible = list(visible_to(association, request.membership).filter(kind="individual"))
    chosen = _chosen(request, association)
    scope = [chosen] if chosen else visible
    episodes = Episode.objects.filter(intervention__in=scope)
    year = year_asked(request, services.latest_year(episodes, timezone.localdate()))
    context = {
        "association": association,
        "year": year,
        "interventions": visible,
        "chosen": chosen,
        "report": services.report(association, year, scope),
        "legend": LEGEND,
        "synthetic": episodes.filter(synthetic=True).exists(),
        "targets": FollowupTarget.objects.filter(association=association, year=year),
    }
    return render(request, "followup/report.html", context)


@association_view(*EPISODE_ROLES)
def episode_list(request: MemberRequest, association: Association) -> HttpResponse:
    episodes = services.episodes_for(association, request.membership)
    chosen = request.GET.get("insats", "")
    if chosen.isdecimal():
        episodes = episodes.filter(intervention_id=int(chosen))
    today = timezone.localdate()
    rows = [(e, age_band(e.birth_year, e.start)) for e in episodes]
    context = {
        "association": association,
        "rows": rows,
        "interventions": services.own_interventions(association, request.membership).filter(
            kind="individual"
        ),
        "chosen": chosen,
        "consents": services.consents(episodes, today),
    }
    return render(request, "followup/episodes.html", context)


def _episode(request: MemberRequest, association: Association, pk: int, *prefetch: str) -> Episode:
    episodes = services.episodes_for(association, request.membership).prefetch_related(*prefetch)
    found = episodes.filter(pk=pk).first()
    if found is None:
        raise Http404("Deltagaren finns inte eller så har du inte tillgång till den.")
    return found


@association_view(*EPISODE_ROLES)
def episode_edit(
    request: MemberRequest, association: Association, pk: int | None = None
) -> HttpResponse:
    instance = _episode(request, association, pk, "co_referrers") if pk else None
    own = services.own_interventions(association, request.membership)
    step_form = StepForm(prefix="steg")
    form = EpisodeForm(
        instance=instance,
        association=association,
        interventions=own,
        initial={"intervention": request.GET.get("insats")} if instance is None else None,
    )
    if request.method == "POST" and request.POST.get("action") == "step" and instance:
        step_form = StepForm(request.POST, prefix="steg")
        if step_form.is_valid():
            step = step_form.save(commit=False)
            step.episode = instance
            step.save()
            messages.success(request, f"{instance.code}: stegförflyttning {step.date} sparad.")
            return redirect("episode", slug=association.slug, pk=instance.pk)
    elif request.method == "POST":
        form = EpisodeForm(
            request.POST, instance=instance, association=association, interventions=own
        )
        episode = saved(form) if form.is_valid() else None
        if episode is not None:
            messages.success(request, f"Deltagare {episode.code}: sparad.")
            return redirect("episode", slug=association.slug, pk=episode.pk)
    context: dict[str, Any] = {
        "association": association,
        "form": form,
        "step_form": step_form,
        "episode": instance,
        "title": f"Deltagare {instance.code}" if instance else "Ny deltagare",
    }
    status = 400 if request.method == "POST" else 200
    return render(request, "followup/episode.html", context, status=status)


@association_view(*EPISODE_ROLES)
def episode_import(request: MemberRequest, association: Association) -> HttpResponse:
    form = FileForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            table = table_from_bytes(upload.read(), upload.name)
            result = imports.import_episodes(association, table, request.membership)
        except (TableError, InputError) as problem:
            form.add_error("file", f"{upload.name}, {problem}\nIngenting har importerats.")
        else:
            messages.success(
                request,
                f"{upload.name}: {result.created} nya och {result.updated} uppdaterade deltagare.",
            )
            return redirect("episodes", slug=association.slug)
    context = {"association": association, "form": form}
    status = 400 if request.method == "POST" else 200
    return render(request, "followup/import.html", context, status=status)


def _check_format(fmt: str) -> None:
    if fmt not in ("csv", "xlsx"):
        raise Http404("Filen finns som csv och xlsx.")


@association_view(*EPISODE_ROLES)
def episode_export(request: MemberRequest, association: Association, fmt: str) -> HttpResponse:
    _check_format(fmt)
    episodes = services.episodes_for(association, request.membership)
    header, rows = imports.episode_rows(episodes)
    name = f"deltagare-{association.slug}.{fmt}"
    if fmt == "xlsx":
        return xlsx_response(name, header, rows)
    return csv_response(name, header, rows)


@association_view(*EDITORS)
def followup_targets(request: HttpRequest, association: Association) -> HttpResponse:
    year = year_asked(request)
    form = FollowupTargetForm(request.POST or None, initial={"year": year, "of": 10})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        FollowupTarget.objects.update_or_create(
            association=association,
            year=data["year"],
            measure=data["measure"],
            defaults={"part": data["part"], "of": data["of"]},
        )
        messages.success(request, f"Målet för {data['year']} är sparat.")
        return redirect(f"{request.path}?ar={data['year']}")
    context = {
        "association": association,
        "form": form,
        "year": year,
        "targets": FollowupTarget.objects.filter(association=association).order_by(
            "-year", "measure"
        ),
    }
    status = 400 if request.method == "POST" else 200
    return render(request, "followup/targets.html", context, status=status)
