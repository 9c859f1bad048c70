"""Outcome pages: the year per line and month, the SIE upload, the account mapping."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samordna.actuals import services
from samordna.actuals.models import AccountMapping
from samordna.associations.access import EDITORS, association_view
from samordna.associations.models import Association
from samordna.core.budget import SECTION_CHOICES
from samordna.core.calendar import MONTHS
from samordna.core.findings import InputError


class SieForm(forms.Form):
    file = forms.FileField(
        label=_("SIE-fil (typ 4)"),
        help_text=_("Exporten från bokföringsprogrammet, oftast med filändelsen .se eller .si."),
    )
    year = forms.IntegerField(label=_("År"), min_value=2004, max_value=2100)


@association_view()
def actuals_year(request: HttpRequest, association: Association, year: int) -> HttpResponse:
    by_line = services.actuals_by_line(association, year)
    rows = [
        {
            "section": dict(SECTION_CHOICES)[section],
            "label": label,
            "months": [months.get(m) for m in range(1, 13)],
            "total": sum(months.values()),
        }
        for (section, label), months in sorted(
            by_line.items(),
            key=lambda item: ([c for c, _ in SECTION_CHOICES].index(item[0][0]), item[0][1]),
        )
    ]
    context: dict[str, Any] = {
        "association": association,
        "year": year,
        "months": MONTHS,
        "rows": rows,
        "unmapped": services.unmapped_accounts(association, year),
        "ratios": services.year_ratios(association, year),
        "imports": association.actual_imports.filter(year=year)[:3],
    }
    return render(request, "actuals/year.html", context)


@association_view()
def actuals_list(request: HttpRequest, association: Association) -> HttpResponse:
    years = sorted(set(association.actual_imports.values_list("year", flat=True)), reverse=True)
    return render(request, "actuals/list.html", {"association": association, "years": years})


@association_view(*EDITORS)
def actuals_import(request: HttpRequest, association: Association) -> HttpResponse:
    form = SieForm(
        request.POST or None, request.FILES or None, initial={"year": timezone.localdate().year}
    )
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        year = form.cleaned_data["year"]
        try:
            done = services.import_sie(association, year, upload.read(), upload.name, request.user)
        except InputError as error:
            form.add_error("file", f"{upload.name}, {error} Ingenting har importerats.")
        else:
            messages.success(
                request,
                f"{upload.name}: {done.accounts} konton och {done.transactions} transaktioner "
                f"importerade för {year}.",
            )
            return redirect("actuals_year", slug=association.slug, year=year)
    status = 400 if request.method == "POST" else 200
    context = {"association": association, "form": form}
    return render(request, "actuals/import.html", context, status=status)


@association_view(*EDITORS)
def account_mapping(request: HttpRequest, association: Association) -> HttpResponse:
    accounts = list(association.accounts.filter(number__regex=r"^[3-8]"))
    mapped = services.mappings(association)
    if request.method == "POST":
        _save_mappings(association, accounts, request.POST)
        messages.success(request, "Kontona är kopplade till budgetraderna.")
        return redirect("account_mapping", slug=association.slug)
    rows = [
        {
            "account": account,
            "section": mapped[account.number].section if account.number in mapped else "",
            "suggested": services.suggestion(account.number),
            "label": mapped[account.number].label if account.number in mapped else account.name,
        }
        for account in accounts
    ]
    context = {"association": association, "rows": rows, "sections": SECTION_CHOICES}
    return render(request, "actuals/mapping.html", context)


@transaction.atomic
def _save_mappings(association: Association, accounts: list[Any], data: Any) -> None:
    for account in accounts:
        section = data.get(f"section-{account.number}", "")
        label = (data.get(f"label-{account.number}") or "").strip()
        AccountMapping.objects.filter(association=association, account=account.number).delete()
        if section in dict(SECTION_CHOICES) and label:
            AccountMapping.objects.create(
                association=association, account=account.number, section=section, label=label
            )
