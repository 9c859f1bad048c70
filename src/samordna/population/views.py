"""The chef's page that reads SCB's population file or finsam.se's försörjningsmått file."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from samordna.associations.access import EDITORS, MemberRequest, association_view
from samordna.associations.models import Association
from samordna.core.findings import InputError
from samordna.core.table import Table
from samordna.population import services
from samordna.population.forms import SCB, PopulationImportForm
from samordna.tables import TableError, table_from_bytes


@association_view(*EDITORS)
@require_http_methods(["GET", "POST"])
def population_import(request: MemberRequest, association: Association) -> HttpResponse:
    form = PopulationImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            table = table_from_bytes(upload.read(), upload.name)
            text = _store(association, form.cleaned_data, table, upload.name)
        except (TableError, InputError) as error:
            form.add_error("file", f"{upload.name}: {error}\nIngenting har importerats.")
        else:
            messages.success(request, text)
            return redirect("members", slug=association.slug)
    status = 400 if request.method == "POST" else 200
    measures = association.support_measures.all()
    context = {"association": association, "form": form, "measures": measures}
    return render(request, "population/import.html", context, status=status)


def _store(association: Association, data: dict[str, Any], table: Table, name: str) -> str:
    if data["kind"] == SCB:
        result = services.import_scb(association, table, name)
        years = ", ".join(str(y) for y in sorted({year for _m, year, _c in result.stored}))
        return f"{name}: invånarna i {len(result.stored)} kommuner och år ({years}) är sparade."
    measure = services.import_support(
        association, table, name, data["year"], data["reference_date"]
    )
    return (
        f"{name}: försörjningsmåttet {measure.year} är sparat "
        f"({measure.support} av {measure.support_national} i hela landet)."
    )
