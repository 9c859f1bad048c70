"""Historik pages: the förbund's trail with filters and as Excel, and one object's trail.

Readers are the chef and the revisor; there is no view that edits or deletes an entry.
"""

from __future__ import annotations

from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from samordna.associations.access import association_view
from samordna.associations.models import Association
from samordna.audit import export, history, registry
from samordna.audit.forms import HistoryFilterForm
from samordna.audit.labels import kind_name
from samordna.audit.models import Change
from samordna.downloads import XLSX, file_response

READERS = ("chef", "revisor")
PER_PAGE = 50  # a page of a few thousand cells, not ten: quick on a phone too; the Excel has all


def _filter_form(request: HttpRequest, association: Association) -> HistoryFilterForm:
    entries = history.for_association(association)
    return HistoryFilterForm(
        request.GET or None,
        actors=history.actor_choices(association),
        kinds=history.kind_choices(entries),
    )


def _selected(
    request: HttpRequest, association: Association
) -> tuple[HistoryFilterForm, QuerySet[Change]]:
    form = _filter_form(request, association)
    entries = history.for_association(association)
    if form.is_bound and not form.is_valid():
        return form, entries.none()
    filters = form.filters() if form.is_bound else history.Filters()
    return form, history.filtered(entries, filters)


def _selection(request: HttpRequest) -> str:
    """The filters of the page's address without its page number: the Excel file holds every
    row of the selection, the same file from every page."""
    query = request.GET.copy()
    query.pop("sida", None)
    return query.urlencode()


@association_view(*READERS)
def association_history(request: HttpRequest, association: Association) -> HttpResponse:
    form, entries = _selected(request, association)
    page = Paginator(entries.order_by("-timestamp", "-pk"), PER_PAGE).get_page(
        request.GET.get("sida")
    )
    context = {
        "association": association,
        "form": form,
        "page": page,
        "rows": history.rows(entries.filter(pk__in=[c.pk for c in page.object_list])),
        "query": _selection(request),
    }
    status = 400 if form.errors else 200
    return render(request, "audit/history.html", context, status=status)


@association_view(*READERS)
def association_history_xlsx(request: HttpRequest, association: Association) -> HttpResponse:
    form, entries = _selected(request, association)
    data = export.workbook(f"Historik {association.name}", history.rows(entries))
    return file_response(data, f"historik-{association.slug}.xlsx", XLSX)


@association_view(*READERS)
def object_history(
    request: HttpRequest, association: Association, label: str, pk: int
) -> HttpResponse:
    models = {registry.label_of(m): m for m in registry.recorded_models()}
    if label not in models:
        raise Http404("Det finns ingen historik för den sortens uppgift.")
    rows = history.rows(history.for_object(association, label, pk))
    own = [r for r in rows if r.change.content_type.model_class() is models[label]]
    context = {
        "association": association,
        "kind": kind_name(models[label]),
        "name": own[0].what if own else f"nr {pk}",
        "rows": rows,
    }
    return render(request, "audit/object_history.html", context)
