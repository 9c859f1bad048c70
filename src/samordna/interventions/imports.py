"""The insats register from a spreadsheet, and the register as plain data for the command line.

An import is all or nothing: every row is checked against the förbund (members, two parties,
decisions, three years) before anything is written, and every problem names row and column.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from samordna.associations.models import Association, Member
from samordna.core.calendar import future_error
from samordna.core.findings import InputError
from samordna.core.intervention_file import (
    Citation,
    Columns,
    InterventionRow,
    match_member,
    read_register,
)
from samordna.core.intervention_status import (
    NEEDS_DECISION,
    STATUSES,
    extension_error,
    move_error,
)
from samordna.core.money import rounded_kronor
from samordna.core.table import Table
from samordna.interventions import services
from samordna.interventions.models import (
    Decision,
    Intervention,
    InterventionBudget,
    StatusChange,
)
from samordna.lengths import length_errors
from samordna.tables import store_all_or_nothing

DECIDED = {key for key in STATUSES if key not in ("ide", "ansokan")} | NEEDS_DECISION


@dataclass(frozen=True)
class ImportResult:
    created: int
    updated: int


@dataclass
class _Checked:
    row: InterventionRow
    existing: Intervention | None
    members: list[Member]


def import_register(association: Association, table: Table, today: date) -> ImportResult:
    """Create or update the förbund's insatser from the file (matched by name and kind)."""
    columns, rows, errors = read_register(table)
    members = list(association.members.all())
    checked = store_all_or_nothing(
        rows,
        errors,
        lambda row: _check(association, row, columns, members, today),
        lambda item: _store(association, item, today),
    )
    created = sum(1 for item in checked if item.existing is None)
    return ImportResult(created, len(checked) - created)


def _check(
    association: Association,
    row: InterventionRow,
    columns: Columns,
    members: list[Member],
    today: date,
) -> tuple[_Checked | None, list[InputError]]:
    existing = association.interventions.filter(name__iexact=row.name, kind=row.kind).first()
    errors: list[InputError] = []

    def fail(message: str, column: str) -> None:
        errors.append(InputError(message, row=row.row, column=columns.name(column)))

    texts = {"name": row.name, "cofinancing": row.cofinancing, "contact": row.contact}
    for field, message in length_errors(Intervention, texts).items():
        fail(message, field)
    for column, citation in (("decision", row.decision), ("extension", row.extension)):
        future = future_error(citation.date if citation else None, today)
        if future:
            fail(future, column)
        paragraph = {"paragraph": citation.paragraph if citation else ""}
        for message in length_errors(Decision, paragraph).values():
            fail(message, column)
    chosen = _members(row, members, fail)
    if not row.members and existing is not None:
        chosen = list(existing.members.all())
    party_error = services.parties_error(chosen, row.status)
    if party_error and not errors:
        fail(party_error, "members")
    has_decision = row.decision is not None or (
        existing is not None and existing.decisions.exists()
    )
    if existing is not None and existing.status != row.status:
        move = move_error(existing.status, row.status, has_decision)
        if move:
            fail(f"{row.name}: {move}", "status")
    elif row.status in DECIDED and not has_decision:
        fail(
            f"status {STATUSES[row.status].lower()} kräver ett beslut: fyll i kolumnen beslut "
            "som 2024-03-11 §34.",
            "decision",
        )
    granted = (existing.granted_start if existing else None) or (
        row.start if row.status in DECIDED else None
    )
    extended = row.extension is not None or (
        existing is not None and services.has_extension(existing)
    )
    too_long = extension_error(granted, row.end, extended)
    if too_long:
        fail(f"{too_long} Ange beslutet i kolumnen förlängning.", "end")
    return (None if errors else _Checked(row, existing, chosen)), errors


def _members(row: InterventionRow, members: list[Member], fail: Any) -> list[Member]:
    by_name = {m.name: m for m in members}
    pairs = [(m.name, m.kind) for m in members]
    chosen = []
    for text in row.members:
        try:
            chosen.append(by_name[match_member(text, pairs)])
        except ValueError as error:
            fail(str(error), "members")
    return chosen


def _store(association: Association, item: _Checked, today: date) -> None:
    row = item.row
    intervention = item.existing or Intervention(association=association, kind=row.kind)
    before = intervention.status if item.existing else None
    intervention.name = row.name
    intervention.status = row.status
    for name in ("target_group", "cofinancing", "contact"):
        if getattr(row, name) or item.existing is None:
            setattr(intervention, name, getattr(row, name))
    intervention.start = row.start or intervention.start
    intervention.end = row.end or intervention.end
    intervention.planned_participants = row.planned or intervention.planned_participants
    intervention.esf = row.esf
    if intervention.granted_start is None and row.status in DECIDED:
        intervention.granted_start = row.start
    intervention.save()
    intervention.members.set(item.members)
    for year, amount in row.budget.items():
        InterventionBudget.objects.update_or_create(
            intervention=intervention, year=year, defaults={"amount": amount}
        )
    granted = _decision(intervention, row.decision, "beviljad")
    _decision(intervention, row.extension, "forlangd")
    if before != row.status:
        when = row.decision.date if row.decision and row.status in DECIDED else today
        StatusChange.objects.create(
            intervention=intervention,
            status=row.status,
            date=when,
            decision=granted if row.status in DECIDED else None,
        )


def _decision(intervention: Intervention, cited: Citation | None, kind: str) -> Decision | None:
    if cited is None:
        return None
    verb = "Beviljar" if kind == "beviljad" else "Förlänger"
    decision, _ = Decision.objects.get_or_create(
        association=intervention.association,
        intervention=intervention,
        date=cited.date,
        paragraph=cited.paragraph,
        kind=kind,
        defaults={"text": f"{verb} {intervention.name} (från insatsregistrets fil)."},
    )
    return decision


def as_data(intervention: Intervention) -> dict[str, Any]:
    """One insats as the JSON of `samordna insats list`."""
    return {
        "name": intervention.name,
        "kind": intervention.kind,
        "status": intervention.status,
        "start": intervention.start.isoformat() if intervention.start else None,
        "end": intervention.end.isoformat() if intervention.end else None,
        "members": [m.name for m in intervention.members.all()],
        "target_group": intervention.target_group,
        "planned_participants": intervention.planned_participants,
        "esf": intervention.esf,
        "budget": {str(b.year): rounded_kronor(b.amount) for b in intervention.budget_years.all()},
        "decisions": [
            {"date": d.date.isoformat(), "paragraph": d.paragraph, "citation": d.citation}
            for d in sorted(intervention.decisions.all(), key=lambda d: (d.date, d.pk))
        ],
    }


def in_year(association: Association, year: int | None) -> list[Intervention]:
    """The förbund's insatser, or those running or budgeted in `year`."""
    interventions = association.interventions.prefetch_related(
        "members", "budget_years", "decisions"
    )
    return [i for i in interventions if year is None or _runs_in(i, year)]


def _runs_in(intervention: Intervention, year: int) -> bool:
    if any(b.year == year for b in intervention.budget_years.all()):
        return True
    start, end = intervention.start, intervention.end
    return start is not None and start.year <= year and (end is None or end.year >= year)
