"""The year's follow-up of a förbund as one linked set: the förbund's report, each insats's,
each staff member's own insatser together, and the exits by reason and sex, protected jointly.

`protect_reports` takes the reports as counted (`followup.report`) and returns them with the
cells hidden that `disclosure.protect` chose over all of them, so a number shown on one page
can never be subtracted from a number on another to reveal a small group. The keys of a cell
are (scope, what, label): the same key in two scopes' equations ties them together.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from dataclasses import replace

from samordna.core import disclosure
from samordna.core.followup import (
    END_REASONS,
    IN_WORK_OR_STUDIES,
    Breakdown,
    Matrix,
    Report,
)
from samordna.core.suppression import Cell

Scope = Hashable
Key = tuple[object, ...]
Sum = tuple[Key, tuple[Key, ...]]
ALL: Scope = "förbundet"
WORK_OR_STUDIES = frozenset(END_REASONS[k] for k in IN_WORK_OR_STUDIES)


def _cells(report: Report, outcome_sex: Matrix | None) -> dict[tuple[object, ...], int]:
    """Every count of one scope's report by its key (without the scope)."""
    found: dict[tuple[object, ...], int] = {
        ("participants",): report.participants.count,
        ("exits",): report.exits.count,
    }
    for what, part in (("sex", report.by_sex), ("age", report.by_age)):
        found.update({(what, label): cell.count for label, cell in part.rows()})
        found[(what, "Totalt")] = part.total.count
    found.update({("outcome", label): cell.count for label, cell in report.outcomes.rows()})
    found[("outcome", "Totalt")] = report.outcomes.total.count
    found.update(_matrix_cells("income", report.income))
    if outcome_sex is not None:
        found.update(_matrix_cells("outcome_sex", outcome_sex))
    for goal in report.subgoals:
        found[("goal", goal.measure, "part")] = goal.part
        found[("goal", goal.measure, "rest")] = goal.whole - goal.part
        found[("goal", goal.measure, "whole")] = goal.whole
    return found


def _matrix_cells(what: str, matrix: Matrix) -> dict[tuple[object, ...], int]:
    found: dict[tuple[object, ...], int] = {}
    for row, line, total in matrix.lines():
        found.update(
            {(what, row, col): c.count for col, c in zip(matrix.columns, line, strict=True)}
        )
        found[(what, row, "Totalt")] = total.count
    for col, total in zip(matrix.columns, matrix.column_totals, strict=True):
        found[(what, "Totalt", col)] = total.count
    found[(what, "Totalt", "Totalt")] = matrix.total.count
    return found


def _equations(report: Report, outcome_sex: Matrix | None) -> list[Sum]:
    """The sums a reader knows inside one scope's report (keys without the scope)."""
    sums: list[Sum] = [
        (("participants",), (("sex", "Totalt"),)),
        (("participants",), (("age", "Totalt"),)),
        (("sex", "Totalt"), tuple(("sex", label) for label in report.by_sex.labels)),
        (("age", "Totalt"), tuple(("age", label) for label in report.by_age.labels)),
        (("outcome", "Totalt"), tuple(("outcome", label) for label in report.outcomes.labels)),
    ]
    if report.outcomes.total.count == report.exits.count:
        sums.append((("exits",), (("outcome", "Totalt"),)))
    sums += _matrix_equations("income", report.income)
    if outcome_sex is not None:
        sums += _matrix_equations("outcome_sex", outcome_sex)
        sums += [(("outcome", r), (("outcome_sex", r, "Totalt"),)) for r in outcome_sex.rows]
        sums.append((("outcome", "Totalt"), (("outcome_sex", "Totalt", "Totalt"),)))
    for goal in report.subgoals:
        whole = ("goal", goal.measure, "whole")
        sums.append((whole, (("goal", goal.measure, "part"), ("goal", goal.measure, "rest"))))
        if goal.measure in ("work_or_studies", "steps"):
            sums.append((("exits",), (whole,)))
    work = tuple(("outcome", label) for label in report.outcomes.labels if label in WORK_OR_STUDIES)
    sums.append((("goal", "work_or_studies", "part"), work))
    return sums


def _matrix_equations(what: str, matrix: Matrix) -> list[Sum]:
    rows = [((what, r, "Totalt"), tuple((what, r, c) for c in matrix.columns)) for r in matrix.rows]
    columns = [
        ((what, "Totalt", c), tuple((what, r, c) for r in matrix.rows)) for c in matrix.columns
    ]
    whole = (what, "Totalt", "Totalt")
    return [
        *rows,
        *columns,
        (whole, tuple((what, r, "Totalt") for r in matrix.rows)),
    ]


def linked_set(
    reports: Mapping[Scope, Report],
    groups: Mapping[Scope, Sequence[Scope]],
    outcome_sex: Matrix | None = None,
) -> disclosure.LinkedSet:
    """All scopes' cells; each group scope (the förbund, a staff member's insatser) is the sum
    of its insatser, cell by cell. `outcome_sex` is published for the förbund (ALL) only."""
    linked = disclosure.LinkedSet()
    groups = {scope: members for scope, members in groups.items() if len(members) > 1}
    cells = {s: _cells(r, outcome_sex if s == ALL else None) for s, r in reports.items()}
    for scope, found in cells.items():
        for key, value in found.items():
            linked.add((scope, *key), value)
    for scope, report in reports.items():
        for total, parts in _equations(report, outcome_sex if scope == ALL else None):
            table = "Totalt" in total and not any("Totalt" in p for p in parts)
            linked.add_sum((scope, *total), ((scope, *p) for p in parts), table)
    for scope, members in groups.items():
        for key in cells[scope]:
            if key[0] in ("outcome_sex", "income"):
                continue  # published for the förbund as a whole only
            for member in members:
                linked.add((member, *key), cells[member].get(key, 0))
            linked.add_sum((scope, *key), ((m, *key) for m in members))
    return linked


def hidden_cells(
    linked: disclosure.LinkedSet,
    groups: Mapping[Scope, Sequence[Scope]],
    store: disclosure.Store | None = None,
) -> frozenset[Key]:
    """The cells of `linked` (made by `linked_set`, maybe with more tables published with
    the reports) that the joint protection hides; a `store` keeps the choice for every
    process (`disclosure.protect`)."""
    hidden: set[Key] = {k for k in disclosure.protect(linked, store) if isinstance(k, tuple)}
    for scope, members in groups.items():
        if len(members) == 1:  # the förbund with one insats: the same cells, the same hiding
            hidden |= {(scope, *key[1:]) for key in hidden if key[0] == members[0]}
            hidden |= {
                (members[0], *k[1:]) for k in hidden if k[0] == scope and k[1] == "outcome_sex"
            }
    return frozenset(hidden)


def protect_reports(
    reports: Mapping[Scope, Report],
    groups: Mapping[Scope, Sequence[Scope]],
    outcome_sex: Matrix | None = None,
    store: disclosure.Store | None = None,
    hidden: frozenset[Key] | None = None,
) -> tuple[dict[Scope, Report], Matrix | None]:
    """The reports (and the förbund's exits by reason and sex) with the jointly chosen cells
    hidden (`hidden`, or chosen over these tables alone)."""
    if hidden is None:
        hidden = hidden_cells(linked_set(reports, groups, outcome_sex), groups, store)
    protected = {
        scope: _apply(scope, report, frozenset(hidden)) for scope, report in reports.items()
    }
    matrix = (
        None if outcome_sex is None else _matrix(ALL, "outcome_sex", outcome_sex, frozenset(hidden))
    )
    return protected, matrix


def _cell(cell: Cell, key: tuple[object, ...], hidden: frozenset[object]) -> Cell:
    return Cell(cell.count, hidden=key in hidden)


def _apply(scope: Scope, report: Report, hidden: frozenset[object]) -> Report:
    rated_hidden = (scope, "goal", "quality", "whole") in hidden
    return replace(
        report,
        quality_change=None if rated_hidden else report.quality_change,
        participants=_cell(report.participants, (scope, "participants"), hidden),
        exits=_cell(report.exits, (scope, "exits"), hidden),
        by_sex=_breakdown(scope, "sex", report.by_sex, hidden),
        by_age=_breakdown(scope, "age", report.by_age, hidden),
        outcomes=_breakdown(scope, "outcome", report.outcomes, hidden),
        income=_matrix(scope, "income", report.income, hidden),
        subgoals=tuple(
            replace(
                goal,
                hidden=any(
                    (scope, "goal", goal.measure, end) in hidden for end in ("part", "rest")
                ),
            )
            for goal in report.subgoals
        ),
    )


def _breakdown(scope: Scope, what: str, part: Breakdown, hidden: frozenset[object]) -> Breakdown:
    return Breakdown(
        part.labels,
        tuple(_cell(c, (scope, what, label), hidden) for label, c in part.rows()),
        _cell(part.total, (scope, what, "Totalt"), hidden),
    )


def _matrix(scope: Scope, what: str, matrix: Matrix, hidden: frozenset[object]) -> Matrix:
    return replace(
        matrix,
        cells=tuple(
            tuple(
                _cell(c, (scope, what, r, col), hidden)
                for col, c in zip(matrix.columns, line, strict=True)
            )
            for r, line in zip(matrix.rows, matrix.cells, strict=True)
        ),
        row_totals=tuple(
            _cell(c, (scope, what, r, "Totalt"), hidden)
            for r, c in zip(matrix.rows, matrix.row_totals, strict=True)
        ),
        total_hidden=(scope, what, "Totalt", "Totalt") in hidden,
        column_totals=tuple(
            _cell(c, (scope, what, "Totalt", col), hidden)
            for col, c in zip(matrix.columns, matrix.column_totals, strict=True)
        ),
    )
