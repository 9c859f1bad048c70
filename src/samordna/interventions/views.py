"""The insats register: list with warnings, detail, create and edit, status, goals, budget,
structural volume."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from samordna.associations.access import ALL_ROLES, EDITORS, MemberRequest, association_view
from samordna.associations.models import Association
from samordna.concurrency import saved
from samordna.core.calendar import year_from
from samordna.core.findings import InputError
from samordna.core.intervention_status import STATUSES
from samordna.interventions import imports, reports, services
from samordna.interventions.forms import (
    ActivityForm,
    AnnualReportForm,
    BudgetYearForm,
    GoalForm,
    InterventionForm,
    RegisterImportForm,
    StatusForm,
)
from samordna.interventions.models import AnnualReport, Intervention, InterventionBudget
from samordna.pages import form_page
from samordna.tables import TableError, table_from_bytes


def _visible(request: MemberRequest, association: Association, pk: int) -> Intervention:
    membership = request.membership
    found = services.visible_to(association, membership).filter(pk=pk).first()
    if found is None:
        raise Http404("Insatsen finns inte eller så har du inte tillgång till den.")
    return found


@association_view(*ALL_ROLES)
def intervention_list(request: MemberRequest, association: Association) -> HttpResponse:
    interventions = services.visible_to(association, request.membership)
    status = request.GET.get("status", "")
    if status in STATUSES:
        interventions = interventions.filter(status=status)
    year = year_from(request.GET.get("ar", ""))
    if year is not None:
        interventions = interventions.filter(budget_years__year=year).distinct()
    today = timezone.localdate()
    rows = [
        (i, services.warning(i, today), services.budget_by_year(i))
        for i in interventions.prefetch_related("members", "budget_years", "decisions")
    ]
    context = {
        "association": association,
        "rows": rows,
        "statuses": STATUSES,
        "status": status,
        "status_label": STATUSES.get(status, ""),
        "year": year,
        "missing_reports": _missing_reports(request, association),
    }
    return render(request, "interventions/list.html", context)


def _missing_reports(request: MemberRequest, association: Association) -> list[Any]:
    visible = set(services.visible_to(association, request.membership))
    return [(i, y) for i, y in reports.missing(association, timezone.localdate()) if i in visible]


@association_view(*ALL_ROLES)
def intervention_detail(request: MemberRequest, association: Association, pk: int) -> HttpResponse:
    intervention = _visible(request, association, pk)
    context: dict[str, Any] = {
        "association": association,
        "intervention": intervention,
        "warning": services.warning(intervention, timezone.localdate()),
        "changes": intervention.status_changes.select_related("decision"),
        "budget": intervention.budget_years.all(),
        "activities": intervention.activities.select_related("member"),
        "decisions": intervention.decisions.all(),
        "reports": _report_years(intervention),
        "budget_lines": intervention.budget_lines.select_related("version__budget").order_by(
            "-version__budget__first_year", "-version__number"
        ),
    }
    return render(request, "interventions/detail.html", context)


def _report_years(intervention: Intervention) -> list[tuple[int, bool]]:
    written = {r.year: reports.is_written(r) for r in intervention.reports.all()}
    years = sorted({b.year for b in intervention.budget_years.all()} | set(written))
    return [(year, written.get(year, False)) for year in years]


@association_view(*EDITORS)
def intervention_edit(
    request: HttpRequest, association: Association, pk: int | None = None
) -> HttpResponse:
    instance = get_object_or_404(Intervention, association=association, pk=pk) if pk else None
    form = InterventionForm(
        request.POST or None,
        instance=instance or Intervention(association=association),
        association=association,
    )
    title = f"Ändra {instance.name}" if instance else "Ny insats"  # the stored name
    insats = saved(form) if request.method == "POST" and form.is_valid() else None
    if insats is not None:
        messages.success(request, f"{insats.name}: sparad.")
        return redirect("intervention", slug=association.slug, pk=insats.pk)
    context = {"association": association, "form": form, "title": title}
    return render(
        request, "form_page.html", context, status=400 if request.method == "POST" else 200
    )


@association_view(*EDITORS)
def intervention_status(request: HttpRequest, association: Association, pk: int) -> HttpResponse:
    intervention = get_object_or_404(Intervention, association=association, pk=pk)
    form = StatusForm(request.POST or None, intervention=intervention)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.change_status(intervention, data["status"], data["date"], data["decision"])
        except services.RuleError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, f"{intervention.name}: {STATUSES[data['status']].lower()}.")
            return redirect("intervention", slug=association.slug, pk=pk)
    context = {
        "association": association,
        "form": form,
        "title": f"Ny status för {intervention.name}",
    }
    return render(
        request, "form_page.html", context, status=400 if request.method == "POST" else 200
    )


@association_view(*EDITORS)
def intervention_goal(request: HttpRequest, association: Association, pk: int) -> HttpResponse:
    intervention = get_object_or_404(Intervention, association=association, pk=pk)
    form = GoalForm(request.POST or None)
    form.instance.intervention = intervention
    back = redirect("intervention", slug=association.slug, pk=pk)
    return form_page(request, form, f"Mål för {intervention.name}", back, association=association)


@association_view(*EDITORS)
def intervention_budget(request: HttpRequest, association: Association, pk: int) -> HttpResponse:
    intervention = get_object_or_404(Intervention, association=association, pk=pk)
    form = BudgetYearForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        InterventionBudget.objects.update_or_create(
            intervention=intervention,
            year=form.cleaned_data["year"],
            defaults={"amount": form.cleaned_data["amount"]},
        )
        messages.success(
            request, f"Budget {form.cleaned_data['year']} för {intervention.name}: sparad."
        )
        return redirect("intervention", slug=association.slug, pk=pk)
    context = {"association": association, "form": form, "title": f"Budget för {intervention.name}"}
    return render(
        request, "form_page.html", context, status=400 if request.method == "POST" else 200
    )


@association_view(*EDITORS)
def intervention_activity(request: HttpRequest, association: Association, pk: int) -> HttpResponse:
    intervention = get_object_or_404(Intervention, association=association, pk=pk)
    form = ActivityForm(request.POST or None, association=association)
    form.instance.intervention = intervention
    back = redirect("intervention", slug=association.slug, pk=pk)
    title = f"Aktivitet i {intervention.name}"
    return form_page(request, form, title, back, association=association)


@association_view(*ALL_ROLES)
def intervention_report(
    request: MemberRequest, association: Association, pk: int, year: int
) -> HttpResponse:
    """The year's report: chef and the insats's own staff write it, board and auditors read."""
    intervention = _visible(request, association, pk)
    membership = request.membership
    may_write = membership.can_edit or membership.role == "insatspersonal"
    if request.method == "POST" and not may_write:
        raise PermissionDenied("Din roll i förbundet får inte göra detta.")
    report = AnnualReport.objects.filter(intervention=intervention, year=year).first()
    form = AnnualReportForm(
        request.POST or None, instance=report or AnnualReport(intervention=intervention, year=year)
    )
    if request.method == "POST" and form.is_valid() and saved(form) is not None:
        messages.success(request, f"Årsrapporten {year} för {intervention.name} är sparad.")
        return redirect("intervention_report", slug=association.slug, pk=pk, year=year)
    context = {
        "association": association,
        "intervention": intervention,
        "year": year,
        "figures": reports.figures(intervention, year),
        "participants": _participants(association, intervention, year),
        "report": report,
        "form": form if may_write else None,
    }
    status = 400 if request.method == "POST" else 200
    return render(request, "interventions/report.html", context, status=status)


def _participants(association: Association, intervention: Intervention, year: int) -> Any:
    """The year's follow-up of an individual insats (small groups hidden), or None."""
    from samordna.followup import services as followup

    if intervention.kind != "individual" or not intervention.episodes.exists():
        return None
    return followup.report(association, year, [intervention])


@association_view(*EDITORS)
def intervention_import(request: HttpRequest, association: Association) -> HttpResponse:
    form = RegisterImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            table = table_from_bytes(upload.read(), upload.name)
            result = imports.import_register(association, table, timezone.localdate())
        except (TableError, InputError) as error:
            form.add_error("file", f"{upload.name}: {error}\nIngenting har importerats.")
        else:
            messages.success(
                request,
                f"{upload.name}: {result.created} nya och {result.updated} uppdaterade insatser.",
            )
            return redirect("interventions", slug=association.slug)
    status = 400 if request.method == "POST" else 200
    context = {"association": association, "form": form}
    return render(request, "interventions/import.html", context, status=status)
