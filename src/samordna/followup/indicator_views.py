"""Indicators: fulfilment against targets and over the years, the wording, targets, answers typed
or imported, links to the anonymous form, and the form itself (no login, one answer per
ticket, rate-limited, nothing about the respondent stored)."""

from __future__ import annotations

import hashlib
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core import signing
from django.core.cache import cache
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache

from samordna.associations.access import EDITORS, READERS, association_view
from samordna.associations.models import Association
from samordna.audit import bulk
from samordna.client_address import client_address
from samordna.concurrency import saved
from samordna.core.findings import InputError
from samordna.core.indicators import GROUPS, PARTICIPANT_GROUPS
from samordna.followup import imports, services
from samordna.followup.forms import (
    AnswersForm,
    FileForm,
    IndicatorForm,
    IndicatorTargetForm,
    SurveyLinkForm,
    survey_form,
)
from samordna.followup.models import (
    Indicator,
    IndicatorResponse,
    IndicatorTarget,
    SurveyLink,
    SurveyTicket,
    new_token,
)
from samordna.pages import year_asked
from samordna.tables import TableError, table_from_bytes

ANSWERS_PER_WINDOW = 10  # answers from one client to one link …
LINK_ANSWERS_PER_WINDOW = 300  # … and from everyone to one link …
WINDOW_SECONDS = 600  # … within ten minutes
TICKET_DAYS = 7  # a form opened can be answered within a week


@association_view(*READERS)
def indicator_list(request: HttpRequest, association: Association) -> HttpResponse:
    year = year_asked(request)
    context = {
        "association": association,
        "year": year,
        "rows": services.indicator_rows(association, year),
        "groups": GROUPS,
    }
    return render(request, "followup/indicators.html", context)


@association_view(*EDITORS)
def indicator_edit(request: HttpRequest, association: Association, pk: int) -> HttpResponse:
    indicator = get_object_or_404(Indicator, association=association, pk=pk)
    form = IndicatorForm(request.POST or None, instance=indicator)
    if request.method == "POST" and form.is_valid() and saved(form) is not None:
        messages.success(request, f"{indicator}: sparad.")
        return redirect("indicators", slug=association.slug)
    context = {"association": association, "form": form, "title": f"Ändra {indicator}"}
    status = 400 if request.method == "POST" else 200
    return render(request, "form_page.html", context, status=status)


@association_view(*EDITORS)
def indicator_targets(request: HttpRequest, association: Association) -> HttpResponse:
    services.ensure_indicators(association, timezone.localdate())
    form = IndicatorTargetForm(
        request.POST or None, association=association, initial={"year": year_asked(request)}
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        IndicatorTarget.objects.update_or_create(
            indicator=data["indicator"], year=data["year"], defaults={"percent": data["percent"]}
        )
        messages.success(request, f"Målet för {data['indicator']} {data['year']} är sparat.")
        return redirect("indicators", slug=association.slug)
    context = {"association": association, "form": form, "title": "Mål för en indikator"}
    status = 400 if request.method == "POST" else 200
    return render(request, "form_page.html", context, status=status)


@association_view(*EDITORS)
def indicator_answers(request: HttpRequest, association: Association) -> HttpResponse:
    services.ensure_indicators(association, timezone.localdate())
    typed = AnswersForm(association=association, initial={"year": timezone.localdate().year})
    upload = FileForm()
    if request.method == "POST" and request.POST.get("action") == "import":
        upload = FileForm(request.POST, request.FILES)
        if upload.is_valid():
            given = upload.cleaned_data["file"]
            try:
                table = table_from_bytes(given.read(), given.name)
                count = imports.import_answers(association, table, timezone.localdate())
            except (TableError, InputError) as problem:
                upload.add_error("file", f"{given.name}, {problem}\nIngenting har importerats.")
            else:
                messages.success(request, f"{given.name}: {count} svar inlästa.")
                return redirect("indicators", slug=association.slug)
    elif request.method == "POST":
        typed = AnswersForm(request.POST, association=association)
        if typed.is_valid():
            _store_typed(typed.cleaned_data)
            data = typed.cleaned_data
            messages.success(
                request, f"{data['count']} svar med steg {data['score']} på {data['indicator']}."
            )
            return redirect("indicator_answers", slug=association.slug)
    context = {"association": association, "typed": typed, "upload": upload}
    status = 400 if request.method == "POST" else 200
    return render(request, "followup/answers.html", context, status=status)


def _store_typed(data: dict[str, Any]) -> None:
    bulk.bulk_create(
        IndicatorResponse,
        (
            IndicatorResponse(
                indicator=data["indicator"],
                intervention=data["intervention"],
                year=data["year"],
                score=data["score"],
                sex=data["sex"],
            )
            for _ in range(data["count"])
        ),
    )


@association_view(*EDITORS)
def survey_links(request: HttpRequest, association: Association) -> HttpResponse:
    this_year = {"year": timezone.localdate().year}
    form = SurveyLinkForm(request.POST or None, association=association, initial=this_year)
    if request.method == "POST" and request.POST.get("action") == "toggle":
        chosen = request.POST.get("link", "")
        pk = int(chosen) if chosen.isdecimal() and len(chosen) < 19 else 0
        link = get_object_or_404(SurveyLink, association=association, pk=pk)
        link.open = not link.open
        link.save(update_fields=["open"])
        messages.success(request, "Länken är öppen." if link.open else "Länken är stängd.")
        return redirect("survey_links", slug=association.slug)
    if request.method == "POST" and form.is_valid():
        link = form.save(commit=False)
        link.association = association
        link.save()
        messages.success(request, "En ny länk till formuläret är skapad.")
        return redirect("survey_links", slug=association.slug)
    links = SurveyLink.objects.filter(association=association).select_related("intervention")
    rows = [(link, request.build_absolute_uri(f"/enkat/{link.token}/")) for link in links]
    context = {"association": association, "form": form, "rows": rows}
    status = 400 if request.method == "POST" else 200
    return render(request, "followup/links.html", context, status=status)


def _rate_key(*parts: object) -> str:
    """A short-lived key for rate limiting, kept in memory only, never in the database."""
    seen = ":".join(str(part) for part in (settings.SECRET_KEY, *parts))
    return "enkat:" + hashlib.sha256(seen.encode()).hexdigest()[:24]


def _over(key: str, limit: int) -> bool:
    cache.add(key, 0, WINDOW_SECONDS)
    return cache.incr(key) > limit


def _too_many(request: HttpRequest, link: SurveyLink) -> bool:
    """Per client (behind a trusted proxy, the real client) and per link."""
    per_client = _over(_rate_key(client_address(request), link.pk), ANSWERS_PER_WINDOW)
    per_link = _over(_rate_key("link", link.pk), LINK_ANSWERS_PER_WINDOW)
    return per_client or per_link


@never_cache
def survey_answer(request: HttpRequest, token: str) -> HttpResponse:
    link = SurveyLink.objects.filter(token=token).select_related("association", "intervention")
    found = link.first()
    if found is None or not found.open:
        return render(request, "followup/survey_closed.html", status=404)
    slots = services.ensure_indicators(found.association, timezone.localdate())
    questions = list(slots.filter(group=found.group))
    ask_sex = found.group in PARTICIPANT_GROUPS or any(q.by_sex for q in questions)
    form = survey_form(questions, ask_sex, request.POST if request.method == "POST" else None)
    context = {"link": found, "form": form, "group": GROUPS[found.group]}
    if request.method == "POST":
        if _too_many(request, found):
            return render(request, "followup/survey_closed.html", {"busy": True}, status=429)
        if form.is_valid() and _answer(found, questions, form.cleaned_data, request):
            return render(request, "followup/survey_thanks.html", context)
        context["error"] = "Svaret kunde inte tas emot: formuläret har redan skickats."
    context["ticket"] = _new_ticket(found)
    return render(
        request, "followup/survey.html", context, status=400 if "error" in context else 200
    )


def _new_ticket(link: SurveyLink) -> str:
    """A signed ticket for one answer. Opening the form writes nothing, so no number of
    openings can use up or push out a ticket someone else is filling in."""
    return signing.dumps(new_token(), salt=f"enkat:{link.pk}")


def _use_ticket(link: SurveyLink, ticket: str) -> bool:
    """Use the ticket up; False when it is forged, too old, or has been used already."""
    try:
        nonce = signing.loads(ticket, salt=f"enkat:{link.pk}", max_age=TICKET_DAYS * 86400)
    except signing.BadSignature:
        return False
    if not isinstance(nonce, str) or len(nonce) > 40:
        return False
    _, created = SurveyTicket.objects.get_or_create(link=link, ticket=nonce)
    return created


def _answer(
    link: SurveyLink, questions: list[Indicator], data: dict[str, Any], request: HttpRequest
) -> bool:
    with transaction.atomic():
        if not _use_ticket(link, request.POST.get("ticket", "")):
            return False
        _store_answers(link, questions, data)
    return True


def _store_answers(link: SurveyLink, questions: list[Indicator], data: dict[str, Any]) -> None:
    sex = data.get("sex", "")
    year = link.year or timezone.localdate().year
    IndicatorResponse.objects.bulk_create(
        IndicatorResponse(
            indicator=q,
            intervention=link.intervention,
            year=year,
            score=int(data[f"i{q.number}"]),
            sex=sex if q.by_sex or link.group in PARTICIPANT_GROUPS else "",
            via=IndicatorResponse.Via.FORM,
        )
        for q in questions
        if data.get(f"i{q.number}")
    )
