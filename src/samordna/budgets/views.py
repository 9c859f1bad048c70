"""Budget pages: the list, a new or imported budget, the budget as the plan prints it,
and its versions (edit, decide, revise, compare) and scenarios."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from samordna.associations.access import EDITORS, association_view
from samordna.associations.models import Association
from samordna.budgets import grid_removal, register, services
from samordna.budgets.forms import BudgetForm, DecisionForm, ImportForm, LineForm, ScenarioForm
from samordna.budgets.grid import (
    cell_name,
    changed_since,
    contribution_name,
    display_rows,
    grid_budget,
    note_name,
    read_grid,
    seen,
)
from samordna.budgets.models import Budget, BudgetVersion, ImmutableError
from samordna.budgets.outcome import outcome_columns
from samordna.core.budget import totals
from samordna.core.budget_file import budget_from_table
from samordna.core.budget_print import has_financial
from samordna.core.calendar import part_year_text
from samordna.core.findings import InputError
from samordna.core.money import format_amount
from samordna.core.outcome import outcome_table
from samordna.tables import TableError, table_from_bytes
from samordna.upload_names import kept_name


def _budget(association: Association, pk: int) -> Budget:
    return get_object_or_404(Budget, association=association, pk=pk)


def _version(budget: Budget, number: int) -> BudgetVersion:
    return get_object_or_404(BudgetVersion, budget=budget, number=number)


@association_view()
def budget_list(request: HttpRequest, association: Association) -> HttpResponse:
    budgets = association.budgets.filter(scenario_of=None).prefetch_related("versions", "scenarios")
    rows = [(b, services.current_version(b)) for b in budgets if not b.is_forecast]
    forecasts = [b for b in budgets if b.is_forecast]
    years = sorted({b.first_year for b, _ in rows}, reverse=True)
    context = {"association": association, "rows": rows, "forecasts": forecasts, "years": years}
    return render(request, "budgets/list.html", context)


@association_view()
def outcome(request: HttpRequest, association: Association, year: int) -> HttpResponse:
    """Plan and forecast for the year before, beside the budget and plan years presented."""
    table = outcome_table(outcome_columns(association, year))
    context = {
        "association": association,
        "year": year,
        "table": table,
        "financial": has_financial(table.totals),
    }
    return render(request, "budgets/outcome.html", context)


@association_view(*EDITORS)
def budget_new(request: HttpRequest, association: Association) -> HttpResponse:
    year = timezone.localdate().year + 1
    initial = {"first_year": year, "name": f"Budget {year} med plan {year + 1}–{year + 2}"}
    form = BudgetForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        budget = services.create(association, services.NewBudget(**form.cleaned_data), request.user)
        messages.success(request, f"{budget.name}: skapad som förslag.")
        return redirect("budget_edit", slug=association.slug, pk=budget.pk, number=1)
    status = 400 if request.method == "POST" else 200
    context = {"association": association, "form": form, "title": "Ny budget"}
    return render(request, "form_page.html", context, status=status)


@association_view(*EDITORS)
def budget_import(request: HttpRequest, association: Association) -> HttpResponse:
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            table = table_from_bytes(upload.read(), upload.name)
            parsed = budget_from_table(table, form.cleaned_data["unit"] or None)
            named = f"Budget {parsed.years[0]} ({kept_name(upload.name, 180)})"
            name = form.cleaned_data["name"] or named
            budget = services.import_budget(
                association,
                parsed,
                name,
                request.user,
                is_forecast=form.cleaned_data["is_forecast"],
            )
        except (TableError, InputError) as error:
            form.add_error("file", f"{upload.name}: {error}\nIngenting har importerats.")
        else:
            messages.success(request, f"{name}: importerad som förslag. Se kontrollen nedan.")
            return redirect("budget", slug=association.slug, pk=budget.pk)
    status = 400 if request.method == "POST" else 200
    context = {"association": association, "form": form}
    return render(request, "budgets/import.html", context, status=status)


@association_view()
def budget_detail(request: HttpRequest, association: Association, pk: int) -> HttpResponse:
    budget = _budget(association, pk)
    number = request.GET.get("version")
    version = (
        _version(budget, int(number))
        if number and number.isdecimal()
        else services.current_version(budget)
    )
    return render(request, "budgets/detail.html", _detail_context(association, budget, version))


def _detail_context(
    association: Association, budget: Budget, version: BudgetVersion
) -> dict[str, Any]:
    core_budget = services.to_core(version)
    plain = not budget.is_forecast and not budget.scenario_of_id
    known = register.read(version) if plain else None
    check = services.check_version(version, known, core_budget)
    context: dict[str, Any] = {
        "association": association,
        "budget": budget,
        "part_year": part_year_text(budget.first_year, budget.first_month),
        "version": version,
        "versions": budget.versions.all(),
        "years": budget.years,
        "rows": _noted_rows(display_rows(core_budget), budget.years),
        "totals": [check.totals[year] for year in budget.years],
        "financial": has_financial(check.totals.values()),
        "findings": check.findings,
        "scenarios": budget.scenarios.all(),
    }
    if known is not None:
        context["register_differences"] = register.differences(version, known)
        context["register_moves_balance"] = any(y.effect for y in register.balance(version, known))
    if budget.scenario_of is not None:
        base = services.current_version(budget.scenario_of)
        context["scenario_rows"] = _scenario_rows(services.check_version(base).totals, check.totals)
    return context


def _noted_rows(rows: list[Any], years: list[int]) -> list[Any]:
    """The rows with each amount's note and its year, as the page prints them under the label."""
    for row in rows:
        row.shown_notes = row.dated_notes(years)
    return rows


SCENARIO_MEASURES = (("Intäkter", "income"), ("Kostnader", "costs"), ("Årets resultat", "result"))


def _scenario_rows(base: dict[int, Any], scenario: dict[int, Any]) -> list[Any]:
    return [
        (label, [(getattr(base[y], key), getattr(scenario[y], key)) for y in sorted(scenario)])
        for label, key in SCENARIO_MEASURES
    ]


@association_view(*EDITORS)
def budget_edit(
    request: HttpRequest, association: Association, pk: int, number: int
) -> HttpResponse:
    budget = _budget(association, pk)
    version = _version(budget, number)
    if version.is_locked:
        messages.error(request, "Versionen är beslutad och kan inte ändras. Gör en revidering.")
        return redirect("budget", slug=association.slug, pk=budget.pk)
    line_form = LineForm(request.POST or None, prefix="new", use_required_attribute=False)
    errors: dict[str, str] = {}
    others: list[str] = []
    removing: list[str] = []
    if request.method == "POST":
        with transaction.atomic():  # the check and the save together: no one saves in between
            _lock(version)
            grid = read_grid(version, request.POST)
            errors = grid.errors
            others = changed_since(version, request.POST.get("seen", ""))
            removing = grid_removal.asked(version, grid, request.POST)
            if not errors and not others and not removing:
                _save_grid(version, grid, request.POST)
        if not errors and not others and not removing:
            grid_removal.say_saved(request, grid, request.POST)
            return redirect("budget_edit", slug=association.slug, pk=budget.pk, number=number)
    # The snapshot before the cells are read: a save landing in between then shows as a change
    # on the next save, where read after it would pass unseen and write the older amounts back.
    opened = request.POST.get("seen", "") if (errors or removing) and not others else seen(version)
    context = _grid_context(association, budget, version, errors, request.POST or None)
    context |= {"line_form": line_form, "others": others, "seen": opened, "removing": removing}
    return render(request, "budgets/edit.html", context, status=400 if errors or others else 200)


def _lock(version: BudgetVersion) -> None:
    """Hold the version until the transaction ends, so two saves of its grid queue (PostgreSQL
    locks the row; SQLite's BEGIN IMMEDIATE already holds the database's write lock)."""
    list(BudgetVersion.objects.select_for_update().filter(pk=version.pk).values_list("pk"))


@transaction.atomic
def _save_grid(version: BudgetVersion, grid: Any, data: Any) -> None:
    services.set_amounts(version, grid.amounts, grid.amount_notes)
    for line in version.lines.all():
        if line.pk in grid.deleted:
            line.delete()
        elif _line_changed(line, grid):
            line.label = grid.labels.get(line.pk) or line.label
            line.note = grid.notes.get(line.pk, line.note)
            line.is_contribution = grid.contributions.get(line.pk, line.is_contribution)
            line.save()
    new = LineForm(data, prefix="new")
    if data.get("new-label") and new.is_valid():
        section, label = new.cleaned_data["section"], new.cleaned_data["label"]
        services.add_line(version, section, label, is_contribution=new.marked())


def _line_changed(line: Any, grid: Any) -> bool:
    label = grid.labels.get(line.pk)
    return (
        bool(label and label != line.label)
        or grid.notes.get(line.pk, line.note) != line.note
        or grid.contributions.get(line.pk, line.is_contribution) != line.is_contribution
    )


def _grid_context(
    association: Association,
    budget: Budget,
    version: BudgetVersion,
    errors: dict[str, str],
    data: Any,
) -> dict[str, Any]:
    amounts = services.to_core(version)
    stored = {row.number: row for row in amounts.rows}
    lines = []
    for number, line in enumerate(version.lines.select_related("member"), start=2):
        cells = []
        for year in budget.years:
            name = cell_name(line.pk, year)
            value = (
                data.get(name)
                if data is not None
                else _shown(stored[number].amount(year), budget.unit)
            )
            cells.append(
                {"name": name, "year": year, "value": value or "", "error": errors.get(name)}
                | _note_field(
                    note_name(line.pk, year), stored[number].notes.get(year), data, errors
                )
            )
        ticked = data is not None and bool(data.get(f"delete-{line.pk}"))
        own = _note_field(note_name(line.pk), line.note, data, errors)
        lines.append(
            {
                "line": line,
                "cells": cells,
                "ticked": ticked,
                "note": own,
                "noted": _noted(own, cells),
                "mark": _mark_field(line, data, errors),
            }
        )
    totals = _totals(version, data, amounts)
    return {
        "association": association,
        "budget": budget,
        "version": version,
        "years": budget.years,
        "lines": lines,
        "errors": errors,
        "totals": totals,
        "financial": has_financial(totals),
    }


def _note_field(name: str, stored: str | None, data: Any, errors: dict[str, str]) -> dict[str, Any]:
    """A note's field: its name, the text (as posted, else as stored) and its error."""
    text = data.get(name, "") if data is not None else stored or ""
    return {"note_name": name, "note": text, "note_error": errors.get(name)}


def _mark_field(line: Any, data: Any, errors: dict[str, str]) -> dict[str, Any] | None:
    """The checkbox "Räknas som medlemsbidrag" of an income line that names no member (ticked
    as posted, else as stored); None for any other line."""
    if line.kind != "line" or line.section != "income" or line.member_id:
        return None
    name = contribution_name(line.pk)
    ticked = bool(data.get(name)) if data is not None else line.is_contribution
    return {"name": name, "ticked": ticked, "error": errors.get(name)}


def _noted(own: dict[str, Any], cells: list[dict[str, Any]]) -> int:
    """How many notes the row has: shown on the row's note button, so a note is never hidden."""
    return sum(1 for field in (own, *cells) if field["note"])


def _shown(ore: int | None, unit: str) -> str:
    return "" if ore is None else format_amount(ore, unit, suffix=False)


def _totals(version: BudgetVersion, data: Any, stored: Any = None) -> list[Any]:
    """The totals of the grid as posted, else as stored (`stored`: the version as the page
    already read it)."""
    if data is None:
        core_budget = stored if stored is not None else services.to_core(version)
    else:
        core_budget = grid_budget(version, read_grid(version, data))
    computed = totals(core_budget)
    return [computed[year] for year in version.budget.years]


@association_view(*EDITORS)
@require_POST
def budget_totals(
    request: HttpRequest, association: Association, pk: int, number: int
) -> HttpResponse:
    """HTMX: the totals of the grid as typed, nothing saved."""
    budget = _budget(association, pk)
    version = _version(budget, number)
    totals = _totals(version, request.POST)
    context = {
        "budget": budget,
        "years": budget.years,
        "totals": totals,
        "financial": has_financial(totals),
    }
    return render(request, "budgets/_totals.html", context)


@association_view(*EDITORS)
def budget_decide(
    request: HttpRequest, association: Association, pk: int, number: int
) -> HttpResponse:
    budget = _budget(association, pk)
    version = _version(budget, number)
    form = DecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.decide(version, services.Decision(**form.cleaned_data))
        except ImmutableError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, f"Version {number} är beslutad ({version.decision}).")
        return redirect("budget", slug=association.slug, pk=budget.pk)
    title = f"Besluta {budget.name}, version {number}"
    context = {"association": association, "form": form, "title": title}
    return render(
        request, "form_page.html", context, status=400 if request.method == "POST" else 200
    )


@association_view(*EDITORS)
def budget_revise(
    request: HttpRequest, association: Association, pk: int, number: int
) -> HttpResponse:
    """Asks first, then makes a new förslag that revises the decided version."""
    budget = _budget(association, pk)
    version = _version(budget, number)
    if not version.is_locked or version.superseded:
        messages.error(request, "Bara den gällande beslutade versionen kan revideras.")
        return redirect(f"{reverse('budget', args=[association.slug, pk])}?version={number}")
    if request.method != "POST":
        context = {"association": association, "budget": budget, "version": version}
        return render(request, "budgets/revise.html", context)
    new = services.revise(version, request.user)
    messages.success(
        request, f"Version {new.number} är ett förslag som reviderar {version.decision}."
    )
    return redirect("budget_edit", slug=association.slug, pk=budget.pk, number=new.number)


@association_view(*EDITORS)
@require_POST
def budget_from_register(
    request: HttpRequest, association: Association, pk: int, number: int
) -> HttpResponse:
    """A förslag takes the register's amounts; a decided version that is still current gets
    a revision that does (the decided version itself never changes)."""
    budget = _budget(association, pk)
    version = _version(budget, number)
    if version.is_locked and not version.superseded and not budget.scenario_of_id:
        version = _revision_from_register(version, request.user)
        messages.success(request, f"Version {version.number} är ett förslag med registrets belopp.")
        return redirect(
            f"{reverse('budget', args=[association.slug, pk])}?version={version.number}"
        )
    try:
        touched = register.fill_from_register(version)
    except ImmutableError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, f"{touched} insatsrader har hämtats från insatsregistret.")
    return redirect(f"{reverse('budget', args=[association.slug, pk])}?version={number}")


@transaction.atomic
def _revision_from_register(version: BudgetVersion, user: Any) -> BudgetVersion:
    new = services.revise(version, user)
    register.fill_from_register(new)
    return new


@association_view()
def budget_compare(request: HttpRequest, association: Association, pk: int) -> HttpResponse:
    budget = _budget(association, pk)
    versions = list(budget.versions.all())
    before = _pick(budget, request.GET.get("fran"), versions[0])
    after = _pick(budget, request.GET.get("till"), versions[-1])
    changes = services.differences(before, after)
    context = {
        "association": association,
        "budget": budget,
        "versions": versions,
        "before": before,
        "after": after,
        "changes": changes,
        "chain": _decisions_between(before, after),
    }
    return render(request, "budgets/compare.html", context)


def _pick(budget: Budget, number: str | None, default: BudgetVersion) -> BudgetVersion:
    return _version(budget, int(number)) if number and number.isdecimal() else default


def _decisions_between(before: BudgetVersion, after: BudgetVersion) -> list[BudgetVersion]:
    """The decided versions from `before` up to `after`: the decisions behind the changes."""
    return [
        v
        for v in after.budget.versions.all()
        if before.number < v.number <= after.number and v.decision_date
    ]


@association_view(*EDITORS)
def scenario_new(request: HttpRequest, association: Association, pk: int) -> HttpResponse:
    budget = _budget(association, pk)
    form = ScenarioForm(request.POST or None, initial={"from_year": budget.first_year + 1})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        kinds = ("fk", "af", "region", "municipality") if data["include_others"] else ("fk", "af")
        scenario_request = services.ScenarioRequest(
            data["note"], Fraction(data["percent"]), data["from_year"], kinds
        )
        scenario = services.make_scenario(budget, scenario_request, request.user)
        messages.success(request, f"Scenariot ”{data['note']}” är skapat.")
        return redirect("budget", slug=association.slug, pk=scenario.pk)
    title = f"Nytt scenario för {budget.name}"
    context = {"association": association, "form": form, "title": title}
    return render(
        request, "form_page.html", context, status=400 if request.method == "POST" else 200
    )
