"""From the database to core and back: budgets, their versions and their lines.

The arithmetic lives in samordna.core.budget, budget_check and budget_rules; this
module turns stored rows into core values and stores what a user or a file gives.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from fractions import Fraction
from typing import Any

from django.db import transaction

from samordna.associations.models import Association, Member
from samordna.audit import bulk
from samordna.budgets.lines import add_line
from samordna.budgets.models import (
    Budget,
    BudgetAmount,
    BudgetLine,
    BudgetVersion,
    ImmutableError,
)
from samordna.budgets.register import RegisterRead, balance_findings, fill_from_register
from samordna.budgets.scenarios import allocated_rows
from samordna.core import budget as core
from samordna.core.budget_check import BudgetCheck, check_budget
from samordna.core.budget_rules import (
    Change,
    check_member_split,
    compare,
    row_key,
    scaled,
    share_of,
)
from samordna.core.contribution_check import contribution_findings
from samordna.core.findings import Finding, InputError
from samordna.interventions.models import Decision as RegisteredDecision
from samordna.lengths import length_errors
from samordna.tables import store_all_or_nothing


def to_core(version: BudgetVersion) -> core.Budget:
    """The version as a core budget: its rows in order, amounts in öre."""
    amounts: dict[int, dict[int, int]] = defaultdict(dict)
    notes: dict[int, dict[int, str]] = defaultdict(dict)
    for amount in BudgetAmount.objects.filter(line__version=version):
        amounts[amount.line_id][amount.year] = amount.amount
        if amount.note:
            notes[amount.line_id][amount.year] = amount.note
    rows = tuple(
        _core_row(row, amounts[row.pk], number, notes[row.pk])
        for number, row in enumerate(version.lines.all(), start=2)
    )
    budget = version.budget
    return core.Budget(tuple(budget.years), rows, budget.unit, budget.first_month)


def _core_row(
    row: BudgetLine, amounts: dict[int, int], number: int, notes: dict[int, str]
) -> core.BudgetRow:
    kind = core.RowKind(row.kind)
    section = core.Section(row.section) if kind is core.RowKind.LINE else None
    return core.BudgetRow(
        kind,
        row.label,
        amounts,
        section,
        number,
        contribution=row.is_contribution,
        note=row.note,
        notes=notes,
    )


@dataclass(frozen=True)
class VersionCheck:
    """The check of a stored version: the core check, the member split and whether the
    contributions are known (the equity cap needs them)."""

    check: BudgetCheck
    split: list[Any]
    register: list[Any] = field(default_factory=list)
    contributions: list[Any] = field(default_factory=list)

    @property
    def findings(self) -> list[Any]:
        return [*self.check.findings, *self.contributions, *self.split, *self.register]

    @property
    def totals(self) -> dict[int, core.YearTotals]:
        return self.check.totals


def check_version(
    version: BudgetVersion, known: RegisterRead | None = None, read: core.Budget | None = None
) -> VersionCheck:
    """The sums, the member split and, for a budget (not a forecast or scenario), what the
    insats register does to its balance (`known`: the register as the page already read it;
    `read`: the version as `to_core` gave it to the page)."""
    check = check_budget(read or to_core(version))
    split = check_member_split(member_lines(version), version.budget.years)
    budget = version.budget
    if budget.is_forecast or budget.scenario_of_id:
        return VersionCheck(check, split)
    unknown = contributions_unknown(version, check.totals)
    return VersionCheck(check, split, balance_findings(version, known), unknown)


def contributions_unknown(version: BudgetVersion, totals: Mapping[int, Any]) -> list[Finding]:
    """A warning when a year has income but no member contributions (the cap needs them)."""
    budget = version.budget
    found = contributions_by_year(budget, totals, version)
    return contribution_findings(totals, found, _contributions_marked(version))


def _contributions_marked(version: BudgetVersion) -> bool:
    """Whether anything says where the contributions are: a saved allocation, a member's line or
    a line marked as the members' contributions together."""
    lines = version.lines.filter(section="income")
    return (
        lines.filter(is_contribution=True).exists()
        or lines.filter(member__isnull=False).exists()
        or version.budget.association.contribution_years.exists()
    )


def contributions_by_year(
    budget: Budget, totals: Mapping[int, Any], version: Any
) -> dict[int, int]:
    """Member contributions per year: the saved allocation, else the members' own income lines,
    else the income lines that hold every member's contribution together (`is_contribution`)."""
    saved = {
        y.year: y.total for y in budget.association.contribution_years.filter(year__in=budget.years)
    }
    by_lines: dict[int, int] = defaultdict(int)
    for amounts in member_lines(version).values():
        for year, amount in amounts.items():
            by_lines[year] += amount
    shared = contribution_lines(version)
    return {
        year: saved.get(year) or by_lines.get(year) or shared.get(year, 0) for year in budget.years
    }


def version_totals(version: BudgetVersion) -> dict[int, core.YearTotals]:
    """Income, costs and result per year of a stored version: the check's totals without its
    findings, for pages that show only the figures."""
    return core.totals(to_core(version))


def contribution_lines(version: BudgetVersion) -> dict[int, int]:
    """Per year, the income lines that hold the members' contributions together (no member of
    their own: "Medlemsbidrag", "Parternas bidrag")."""
    rows = BudgetAmount.objects.filter(
        line__version=version, line__is_contribution=True, line__member__isnull=True
    )
    sums: dict[int, int] = defaultdict(int)
    for year, amount in rows.values_list("year", "amount"):
        sums[year] += amount
    return dict(sums)


def member_lines(version: BudgetVersion) -> dict[str, dict[int, int]]:
    """Income lines that name a member, summed per member kind and year."""
    sums: dict[str, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    rows = BudgetAmount.objects.filter(line__version=version, line__member__isnull=False)
    for amount in rows.select_related("line__member"):
        member = amount.line.member
        assert member is not None
        sums[member.kind][amount.year] += amount.amount
    return {kind: dict(years) for kind, years in sums.items()}


@dataclass(frozen=True)
class NewBudget:
    name: str
    first_year: int
    plan_years: int = 2
    unit: str = "kr"
    first_month: int = 1


@transaction.atomic
def create(association: Association, new: NewBudget, user: Any) -> Budget:
    """A budget with a first förslag whose income lines come from the saved contributions."""
    budget = Budget.objects.create(association=association, **new.__dict__)
    version = BudgetVersion.objects.create(budget=budget, number=1, created_by=_user(user))
    _prefill_contributions(version)
    fill_from_register(version)
    return budget


def _prefill_contributions(version: BudgetVersion) -> None:
    budget = version.budget
    saved = {
        year.year: year
        for year in budget.association.contribution_years.filter(year__in=budget.years)
    }
    if not saved:
        add_line(version, "income", "Medlemsbidrag", is_contribution=True)
        return
    latest = saved[max(saved)]
    for contribution in latest.contributions.select_related("member"):
        line = add_line(version, "income", contribution.member.name, contribution.member)
        for year in budget.years:
            source = saved.get(year, latest)
            amount = source.contributions.filter(member=contribution.member).first()
            if amount is not None:
                BudgetAmount.objects.create(line=line, year=year, amount=amount.amount)


@transaction.atomic
def set_amounts(
    version: BudgetVersion,
    amounts: Mapping[tuple[int, int], int | None],
    notes: Mapping[tuple[int, int], str] | None = None,
) -> None:
    """Store amounts keyed by (line id, year), with the amount's note where `notes` gives one;
    None empties the cell. All or nothing."""
    lines = {line.pk: line for line in version.lines.all()}
    stored = {
        (cell.line_id, cell.year): cell
        for cell in BudgetAmount.objects.filter(line__version=version)  # one read, not per cell
    }
    for (line_id, year), amount in amounts.items():
        note = notes.get((line_id, year)) if notes is not None else None
        _set_amount(lines[line_id], year, amount, note, stored.get((line_id, year)))


def _set_amount(
    line: BudgetLine, year: int, amount: int | None, note: str | None, stored: BudgetAmount | None
) -> None:
    """Change the stored amount in place, so the history shows its before and after; a note of
    None leaves the stored note as it is. Unchanged cells are not written."""
    if amount is None:
        if stored is not None:
            stored.delete()
    elif stored is None:
        BudgetAmount.objects.create(line=line, year=year, amount=amount, note=note or "")
    elif stored.amount != amount or (note is not None and stored.note != note):
        stored.amount = amount
        stored.note = stored.note if note is None else note
        stored.save()


@transaction.atomic
def import_budget(
    association: Association,
    budget: core.Budget,
    name: str,
    user: Any,
    first_month: int | None = None,
    is_forecast: bool = False,
) -> Budget:
    """A new budget whose first förslag holds every row of `budget`, stated rows included;
    its first year begins in `first_month`, else in the month the file gives. Every row is
    checked first (InputError naming each bad cell), then everything is stored or nothing."""
    years = budget.years
    stored = Budget.objects.create(
        association=association,
        name=name,
        first_year=years[0],
        plan_years=len(years) - 1,
        unit=budget.unit,
        first_month=first_month or budget.first_month,
        is_forecast=is_forecast,
    )
    version = BudgetVersion.objects.create(budget=stored, number=1, created_by=_user(user))
    _store_rows(version, budget.rows, list(association.members.all()))
    return stored


STATE_WORDS = ("staten", "statlig", "försäkringskassan", "af/fk", "fk/af")


def member_for_label(label: str, members: list[Member]) -> Member | None:
    """The member an income line is about: by name, or "Staten (AF/FK)" for FK, a lone region."""
    text = label.casefold()
    for member in members:
        if member.name.casefold() == text:
            return member
    by_kind: dict[str, list[Member]] = defaultdict(list)
    for member in members:
        by_kind[member.kind].append(member)
    if any(word in text for word in STATE_WORDS) and by_kind["fk"]:
        return by_kind["fk"][0]
    if ("arbetsförmedlingen" in text) and by_kind["af"]:
        return by_kind["af"][0]
    if ("region" in text or "landsting" in text) and len(by_kind["region"]) == 1:
        return by_kind["region"][0]
    return None


def _store_rows(
    version: BudgetVersion, rows: tuple[core.BudgetRow, ...], members: list[Member]
) -> None:
    """The rows as the version's lines through the one import pipeline (samordna.tables)."""
    store_all_or_nothing(
        enumerate(rows), [], lambda item: _checked_line(version, *item, members), _store_line
    )


def _checked_line(
    version: BudgetVersion, position: int, row: core.BudgetRow, members: list[Member]
) -> tuple[tuple[BudgetLine, core.BudgetRow] | None, list[InputError]]:
    """The file's row as an unsaved line (an income line names its member), or what is wrong."""
    errors = [
        InputError(message, row=row.number, column="rad")
        for message in length_errors(BudgetLine, {"label": row.label}).values()
    ]
    if errors:
        return None, errors
    section = row.section.value if row.section else ""
    line = BudgetLine(
        version=version,
        kind=row.kind.value,
        section=section,
        label=row.label,
        position=position,
        member=member_for_label(row.label, members) if section == "income" else None,
        is_contribution=row.contribution,
        note=row.note,
    )
    return (line, row), []


def _store_line(checked: tuple[BudgetLine, core.BudgetRow]) -> None:
    line, row = checked
    line.save()
    bulk.bulk_create(
        BudgetAmount,
        (
            BudgetAmount(line=line, year=year, amount=amount, note=row.notes.get(year, ""))
            for year, amount in row.amounts.items()
        ),
    )


@dataclass(frozen=True)
class Decision:
    date: date
    paragraph: str
    decided_by: str
    text: str = ""


@transaction.atomic
def decide(version: BudgetVersion, decision: Decision) -> BudgetVersion:
    """Lock a förslag as decided; a revision that is decided supersedes what it revises."""
    if version.is_locked:
        raise ImmutableError()
    version.status = (
        BudgetVersion.Status.REVISED if version.revises_id else BudgetVersion.Status.DECIDED
    )
    version.decision_date = decision.date
    version.decision_paragraph = decision.paragraph
    version.decided_by = decision.decided_by
    version.decision_text = decision.text
    version.save()
    _register_decision(version, decision.date)
    if version.revises_id:
        bulk.update(BudgetVersion.objects.filter(pk=version.revises_id), superseded=True)
    return version


def _register_decision(version: BudgetVersion, decided_on: date) -> None:
    """The decision goes into the förbund's decisions register, linked to the version."""
    budget = version.budget
    verb = "reviderad" if version.revises_id else "beslutad"
    RegisteredDecision.objects.create(
        association=budget.association,
        date=decided_on,
        paragraph=version.decision_paragraph,
        kind="budget",
        text=f"{budget.name}, version {version.number} {verb}. {version.decision_text}".strip(),
        budget_version=version,
        meeting=budget.association.meetings.filter(body="styrelse", date=decided_on).first(),
    )


@transaction.atomic
def revise(version: BudgetVersion, user: Any) -> BudgetVersion:
    """A new förslag copying `version`, citing it; the decided version stays as it was."""
    budget = version.budget
    number = (budget.versions.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    new = BudgetVersion.objects.create(
        budget=budget, number=number, revises=version, created_by=_user(user)
    )
    copy_rows(version, new)
    return new


def copy_rows(source: BudgetVersion, target: BudgetVersion) -> None:
    amounts: dict[int, list[BudgetAmount]] = defaultdict(list)
    for amount in BudgetAmount.objects.filter(line__version=source):
        amounts[amount.line_id].append(amount)
    for row in source.lines.all():
        line = BudgetLine.objects.create(
            version=target,
            kind=row.kind,
            section=row.section,
            label=row.label,
            position=row.position,
            member=row.member,
            intervention=row.intervention,
            is_pool=row.is_pool,
            is_contribution=row.is_contribution,
            note=row.note,
        )
        bulk.bulk_create(
            BudgetAmount,
            (
                BudgetAmount(line=line, year=a.year, amount=a.amount, note=a.note)
                for a in amounts[row.pk]
            ),
        )


def differences(before: BudgetVersion, after: BudgetVersion) -> list[Change]:
    return compare(to_core(before), to_core(after))


def current_version(budget: Budget) -> BudgetVersion:
    """The version to show: the newest decided one not superseded, else the newest."""
    versions = list(budget.versions.all())
    decided = [v for v in versions if v.is_locked and not v.superseded]
    return (decided or versions)[-1]


@dataclass(frozen=True)
class ScenarioRequest:
    note: str
    percent: Fraction  # change, e.g. Fraction(-10) for −10 %
    from_year: int
    member_kinds: tuple[str, ...] = ("fk", "af")


@transaction.atomic
def make_scenario(budget: Budget, request: ScenarioRequest, user: Any) -> Budget:
    """A what-if copy of the budget's current version with the chosen members' lines changed."""
    source = current_version(budget)
    base = to_core(source)
    chosen, reach = _contribution_rows(source, base, request.member_kinds)
    factor = 1 + request.percent / 100 * reach
    what_if = _with_allocation(
        scaled(base, chosen, factor, request.from_year),
        allocated_rows(source, request.member_kinds, request.percent, request.from_year),
    )
    scenario = Budget.objects.create(
        association=budget.association,
        name=f"{budget.name} – scenario",
        first_year=budget.first_year,
        plan_years=budget.plan_years,
        unit=budget.unit,
        first_month=budget.first_month,
        scenario_of=budget,
        scenario_note=request.note,
    )
    version = BudgetVersion.objects.create(budget=scenario, number=1, created_by=_user(user))
    members = [line.member for line in source.lines.all() if line.member]
    _store_rows(version, what_if.rows, members)
    return scenario


def _with_allocation(budget: core.Budget, allocated: dict[Any, dict[int, int]]) -> core.Budget:
    """The scaled budget with the member lines' amounts the allocation function gives."""
    rows = tuple(
        replace(row, amounts={**row.amounts, **allocated[row_key(row)]})
        if row_key(row) in allocated
        else row
        for row in budget.rows
    )
    return replace(budget, rows=rows)


def _contribution_rows(
    source: BudgetVersion, base: core.Budget, kinds: tuple[str, ...]
) -> tuple[list[core.BudgetRow], Fraction]:
    """The lines a change for `kinds` applies to, and how much of each line it reaches: the
    chosen members' own lines in full; else the income lines that carry every member's
    contribution together, by the chosen members' share of them (the state's half for FK/AF)."""
    lines = list(source.lines.all())
    pairs = list(zip(base.rows, lines, strict=True))
    own = [row for row, line in pairs if line.member_id and line.member.kind in kinds]
    if own or any(line.member_id for line in lines):
        return own, Fraction(1)
    shared = [row for row, line in pairs if line.is_contribution]
    return shared, share_of(kinds, first_day(source.budget))


def _user(user: Any) -> Any:
    return user if getattr(user, "is_authenticated", False) else None


def first_day(budget: Budget) -> date:
    """The day the budget year begins (a part year begins in its first month)."""
    return date(budget.first_year, budget.first_month, 1)


def latest_of_year(association: Association, year: int, forecast: bool = False) -> Budget | None:
    """The newest budget (or forecast) whose budget year is `year`, scenarios left out."""
    return (
        association.budgets.filter(first_year=year, is_forecast=forecast, scenario_of=None)
        .order_by("-created_at", "-pk")
        .first()
    )
