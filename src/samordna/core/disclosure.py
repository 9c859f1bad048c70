"""Protecting every table published together as one linked set, and auditing it as an
attacker would.

A linked set is a list of counts (cells) and the equations between them that a reader knows:
a breakdown's total is the sum of its cells, the förbund's figure is the sum of its insatser's.
Primary suppression hides every count 1–4 ("<5"). Secondary suppression then hides more cells
("x") until no hidden cell can be worked out: for each hidden cell, linear programming
(HiGHS, the solver SciPy ships) finds its smallest and largest value given every shown figure,
every equation and what the labels say ("<5" is 1–4, "x" is 5 or more); a cell whose interval
is one value is exposed, and the smallest shown cell of 5 or more in one of its equations is
hidden next. This repeats until nothing is exposed, so the audit that the tests run passes by
construction.

Each group's program is loaded into HiGHS once (`_Program`) and every objective after the first
starts from the last solution's basis; `scipy.optimize.linprog` would check and load the whole
program again for each of the hundreds of objectives a large förbund's year asks. HiGHS is
loaded when the first program is (`load`): loading scipy.optimize takes half a second, which a
command that protects no table need not wait for.
"""

from __future__ import annotations

import hashlib
import importlib
import random
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from types import ModuleType
from typing import Protocol

import numpy as np

from samordna.core.suppression import LIMIT, is_small

Key = Hashable
CEILING = 10**6  # no count in a förbund comes near this


@dataclass
class LinkedSet:
    """Cells by key and the equations total = sum(parts) a reader knows between them."""

    values: dict[Key, int] = field(default_factory=dict)
    equations: list[tuple[Key, tuple[Key, ...]]] = field(default_factory=list)
    loose: set[Key] = field(default_factory=set)  # shown "<5" even when 0: a small table's
    unpublished: set[Key] = field(default_factory=set)  # counts no one sees, only their sums

    def known(self, key: Key) -> tuple[int, int]:
        """What a reader knows of a hidden or unpublished cell from its label."""
        if key in self.unpublished:
            return 0, CEILING
        if key in self.loose:
            return 0, LIMIT - 1
        return bounds(self.values[key], True)

    def add(self, key: Key, value: int) -> None:
        if self.values.setdefault(key, value) != value:
            raise ValueError(f"{key!r} has two values")

    def add_unpublished(self, key: Key, value: int) -> None:
        """A count that is never shown but that shown cells are sums of (an insats's women
        so far this year, when only the förbund's women are shown): a reader knows only that
        it is a count, and it never needs hiding itself."""
        self.add(key, value)
        self.unpublished.add(key)

    def add_sum(self, total: Key, parts: Iterable[Key], table: bool = False) -> None:
        """`total` = the sum of `parts` (all of them added before); `table` when they are shown
        together as a table with its total, so that a total under five hides the parts."""
        chosen = tuple(parts)
        if chosen and sum(self.values[p] for p in chosen) != self.values[total]:
            raise ValueError(f"{total!r} is not the sum of its parts")
        if chosen:
            self.equations.append((total, chosen))
        if table and chosen and is_small(self.values[total]):
            self.loose.update(chosen)  # a group under five is not broken down


def bounds(value: int, hidden: bool) -> tuple[int, int]:
    """What a reader knows of a cell from its label: the number, "<5" or "x"."""
    if not hidden:
        return value, value
    return (1, LIMIT - 1) if is_small(value) else (LIMIT, CEILING)


def intervals(
    values: Mapping[Key, int],
    equations: Sequence[tuple[Key, tuple[Key, ...]]],
    hidden: Iterable[Key],
    known: Mapping[Key, tuple[int, int]] | None = None,
) -> dict[Key, tuple[float, float]]:
    """The smallest and largest value of each hidden cell that the shown cells allow.

    `known` gives a reader's bounds per hidden cell (default: from the labels)."""
    secret = sorted(set(hidden), key=repr)
    known = known or {k: bounds(values[k], True) for k in secret}
    found: dict[Key, tuple[float, float]] = {}
    for group in _components(secret, equations):
        found.update(_solve(values, equations, group, known))
    return found


def _components(
    secret: list[Key], equations: Sequence[tuple[Key, tuple[Key, ...]]]
) -> list[list[Key]]:
    """Hidden cells grouped by the equations that tie them together."""
    parent = {k: k for k in secret}

    def root(k: Key) -> Key:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for total, parts in equations:
        tied = [k for k in (total, *parts) if k in parent]
        if len(tied) > 1:
            first = root(tied[0])
            for other in tied[1:]:
                parent[root(other)] = first
    groups: dict[Key, list[Key]] = {}
    for k in secret:
        groups.setdefault(root(k), []).append(k)
    return list(groups.values())


def _solve(
    values: Mapping[Key, int],
    equations: Sequence[tuple[Key, tuple[Key, ...]]],
    group: list[Key],
    known: Mapping[Key, tuple[int, int]],
) -> dict[Key, tuple[float, float]]:
    rows, rhs = _system(values, equations, group)
    program = _Program(rows, rhs, [known[k] for k in group])
    return {k: _range(program, i) for i, k in enumerate(group)}


Row = list[tuple[int, int]]  # (column, coefficient) by column, no zeros: a sparse row


def _system(
    values: Mapping[Key, int],
    equations: Sequence[tuple[Key, tuple[Key, ...]]],
    group: list[Key],
) -> tuple[list[Row], list[int]]:
    """The equations touching `group`, as sparse rows over its cells, shown cells moved right
    (a row holds only the group's cells it names: a large group has hundreds of columns)."""
    index = {k: i for i, k in enumerate(group)}
    rows, rhs = [], []
    for total, parts in equations:
        if total not in index and index.keys().isdisjoint(parts):
            continue
        row: dict[int, int] = {}
        constant = 0
        for k, sign in ((total, -1), *((p, 1) for p in parts)):
            if k in index:
                row[index[k]] = row.get(index[k], 0) + sign
            else:
                constant -= sign * values[k]
        rows.append(sorted((j, a) for j, a in row.items() if a))
        rhs.append(constant)
    return rows, rhs


@cache
def load() -> ModuleType:
    """HiGHS itself, as scipy.optimize.linprog calls it."""
    return importlib.import_module("scipy.optimize._highspy._core")


class _Program:
    """A group's equations and the bounds of its cells, loaded into HiGHS once; each objective
    is solved from the basis the previous one left (the optimum is the same, found sooner)."""

    def __init__(
        self,
        rows: list[Row],
        rhs: Sequence[float],
        limits: Sequence[tuple[float, float]],
    ) -> None:
        self.limits = limits
        self.n = len(limits)
        self.highs = highs = load()
        program = highs.HighsLp()
        program.num_col_, program.num_row_ = self.n, len(rows)
        program.col_cost_ = np.zeros(self.n)
        program.col_lower_ = np.array([low for low, _ in limits], dtype=float)
        program.col_upper_ = np.array([high for _, high in limits], dtype=float)
        program.row_lower_ = program.row_upper_ = np.array(rhs, dtype=float)
        matrix = program.a_matrix_
        matrix.format_ = highs.MatrixFormat.kRowwise
        matrix.num_col_, matrix.num_row_ = self.n, len(rows)
        starts, indices, coefficients = [0], [], []
        for row in rows:
            indices += [j for j, _ in row]
            coefficients += [a for _, a in row]
            starts.append(len(indices))
        matrix.start_ = np.array(starts, dtype=np.int32)
        matrix.index_ = np.array(indices, dtype=np.int32)
        matrix.value_ = np.array(coefficients, dtype=float)
        self.solver = highs._Highs()
        self.solver.setOptionValue("output_flag", False)
        self.solver.passModel(program)
        self.columns = np.arange(self.n, dtype=np.int32)

    def minimum(self, goal: Sequence[float] | np.ndarray) -> tuple[float, list[float]] | None:
        """The smallest value of goal · cells and a solution that has it; None when the
        bounds and equations admit no solution."""
        self.solver.changeColsCost(self.n, self.columns, np.array(goal, dtype=float))
        self.solver.run()
        if self.solver.getModelStatus() != self.highs.HighsModelStatus.kOptimal:
            return None
        value = self.solver.getInfo().objective_function_value
        return value, list(self.solver.getSolution().col_value)


def _range(
    program: _Program, i: int, points: list[list[float]] | None = None
) -> tuple[float, float]:
    """The smallest and largest value of cell `i`; the solutions found go to `points`."""
    ends = []
    for sign in (1, -1):
        goal = [0.0] * program.n
        goal[i] = sign
        found = program.minimum(goal)
        ends.append(sign * found[0] if found else program.limits[i][sign < 0])
        if points is not None and found:
            points.append(found[1])
    return ends[0], ends[1]


def is_exposed(low: float, high: float) -> bool:
    """A hidden cell is given away when the figures pin it to one value."""
    return high - low < 0.5


class Store(Protocol):
    """Where protection results outlive the process: hidden cells by the set's fingerprint, as
    positions in the set's cells sorted by repr (the database in the app; see `protect`)."""

    def get(self, fingerprint: str) -> list[int] | None: ...

    def put(self, fingerprint: str, hidden: list[int]) -> None: ...


VERSION = "2"  # part of every fingerprint: change it when `_protect` would choose differently


def fingerprint(linked: LinkedSet) -> str:
    """A hash of everything the choice depends on: each cell's key and value, the equations
    in their order, the loose cells and VERSION. Another value gives another fingerprint, so a
    stored result is never stale."""
    name = {key: repr(key) for key in linked.values}  # each key written once, then reused
    described = "\n".join(
        (
            VERSION,
            ";".join(f"{name[k]}:{linked.values[k]}" for k in sorted(name, key=name.__getitem__)),
            ";".join(f"{name[t]}={'+'.join([name[p] for p in ps])}" for t, ps in linked.equations),
            ";".join(sorted(name[k] for k in linked.loose)),
            ";".join(sorted(name[k] for k in linked.unpublished)),
        )
    )
    return hashlib.sha256(described.encode("utf-8")).hexdigest()


def protect(linked: LinkedSet, store: Store | None = None) -> frozenset[Key]:
    """The cells to hide: every count 1–4, and as few others as keep each hidden cell open.

    A cheap pass first gives every equation with a single hidden cell a partner; then each
    group of hidden cells tied by equations is audited by linear programming, every exposed
    cell gets a partner, and a group once found safe is not solved again unless it changes.
    The same set always gives the same answer: kept in the process and, with a `store`, under
    the set's fingerprint for every process (so pages do not solve it twice)."""
    key = fingerprint(linked)
    if key not in _DONE:
        _DONE[key] = _stored(linked, key, store) if store else _protect(linked)
    return _DONE[key]


_DONE: dict[str, frozenset[Key]] = {}


def _stored(linked: LinkedSet, key: str, store: Store) -> frozenset[Key]:
    """The store's result for `key`, or the one solved now and put in the store."""
    cells = sorted(linked.values, key=repr)
    found = store.get(key)
    if found is not None and all(0 <= i < len(cells) for i in found):
        return frozenset(cells[i] for i in found)
    hidden = _protect(linked)
    store.put(key, [i for i, k in enumerate(cells) if k in hidden])
    return hidden


def _protect(linked: LinkedSet) -> frozenset[Key]:
    hidden = {k for k, v in linked.values.items() if is_small(v)} - linked.unpublished
    hidden |= linked.loose
    _pair_singles(linked, hidden)
    safe: set[frozenset[Key]] = set()
    stuck: set[Key] = set()
    while True:
        exposed = _exposed(linked, hidden, safe, stuck)
        if not exposed:
            return frozenset(hidden - _derivable(linked, hidden))
        for cell in exposed:
            partner = _partner(linked, hidden, cell)
            if partner is None:
                stuck.add(cell)
            else:
                hidden.add(partner)
        _pair_singles(linked, hidden)


def _derivable(linked: LinkedSet, hidden: set[Key]) -> set[Key]:
    """Cells hidden in vain (5 or more, or 0 in a small group): the other figures give them
    away, so showing them tells nothing new (and a reader is not left guessing)."""
    secret = sorted(hidden | linked.unpublished, key=repr)
    known = {k: linked.known(k) for k in secret}
    found: set[Key] = set()
    for group in _components(secret, linked.equations):
        asked = [
            i
            for i, k in enumerate(group)
            if k in hidden and not is_small(linked.values[k])  # shown if pinned
        ]
        if not asked:
            continue
        rows, rhs = _system(linked.values, linked.equations, group)
        program = _Program(rows, rhs, [known[k] for k in group])
        found |= {group[i] for i in _pinned(asked, program, [])}
    return found


def _pinned(
    asked: list[int], program: _Program, points: list[list[float]], first: bool = False
) -> list[int]:
    """The cells among `asked` whose smallest and largest value are one (exposed), or only the
    first such cell. A cell that took values 0.5 or more apart in the feasible `points` already
    solved is open without solving it; every solution found is added to `points`."""
    found = []
    for i in asked:
        if points and max(p[i] for p in points) - min(p[i] for p in points) >= 0.5:
            continue
        if is_exposed(*_range(program, i, points)):
            found.append(i)
            if first:
                break
    return found


def _pair_singles(linked: LinkedSet, hidden: set[Key]) -> None:
    """Hide a partner in every equation where exactly one cell is hidden and none is
    unpublished (it would be the total minus the shown cells)."""
    unseen = hidden | linked.unpublished
    changed = True
    while changed:
        changed = False
        for total, parts in linked.equations:
            concealed = [k for k in (total, *parts) if k in unseen]
            if len(concealed) != 1 or concealed[0] not in hidden:
                continue
            partner = _partner(linked, hidden, concealed[0], (total, parts))
            if partner is not None:
                hidden.add(partner)
                unseen.add(partner)
                changed = True


def _exposed(
    linked: LinkedSet, hidden: set[Key], safe: set[frozenset[Key]], stuck: set[Key]
) -> list[Key]:
    """One exposed cell from each group of hidden cells that has one (unpublished cells
    tie groups together but need no protection of their own)."""
    secret = sorted(hidden | linked.unpublished, key=repr)
    known = {k: linked.known(k) for k in secret}
    found = []
    for group in _components(secret, linked.equations):
        members = frozenset(group)
        if members in safe or not members & hidden:
            continue
        exposed = _first_exposed(linked, group, known, stuck)
        if exposed is None:
            safe.add(members)
        else:
            found.append(exposed)
    return found


def _first_exposed(
    linked: LinkedSet, group: list[Key], known: Mapping[Key, tuple[int, int]], stuck: set[Key]
) -> Key | None:
    rows, rhs = _system(linked.values, linked.equations, group)
    program = _Program(rows, rhs, [known[k] for k in group])
    points: list[list[float]] = []
    asked = [
        i  # only a small group needs protecting; others are shown if pinned
        for i in _maybe_fixed(program, points)
        if group[i] not in linked.unpublished
        and group[i] not in stuck
        and is_small(linked.values[group[i]])
    ]
    pinned = _pinned(asked, program, points, first=True)
    return group[pinned[0]] if pinned else None


def _maybe_fixed(program: _Program, points: list[list[float]]) -> list[int]:
    """The cells that take one value in a few feasible points far apart: only these need
    their own smallest and largest value solved (a cell seen with two values is open).
    The points go to `points`."""
    n = program.n
    draw = random.Random(n).random
    found_here = []
    for _ in range(4):
        goal = np.array([-1 + 2 * draw() for _ in range(n)])  # random.uniform(-1, 1), n times
        for sign in (1, -1):
            found = program.minimum(sign * goal)
            if found is None:
                return list(range(n))
            points.append(found[1])
            found_here.append(found[1])
    rounded = np.rint(np.array(found_here))  # as round(): halves to even
    return [int(i) for i in np.flatnonzero(rounded.min(axis=0) == rounded.max(axis=0))]


def _partner(
    linked: LinkedSet,
    hidden: set[Key],
    exposed: Key,
    only: tuple[Key, tuple[Key, ...]] | None = None,
) -> Key | None:
    """The smallest shown cell of 5 or more in an equation with `exposed` (or in `only`);
    when there is none, in an equation with a hidden cell tied to it, and so on outwards."""
    equations = [only] if only else linked.equations
    reached = {exposed}
    unseen = hidden | linked.unpublished
    for _ in range(1 if only else 4):
        touching = [(t, p) for t, p in equations if t in reached or reached & set(p)]
        cells = {k for t, p in touching for k in (t, *p)}
        candidates = [k for k in cells if k not in unseen and linked.values[k] >= LIMIT]
        if candidates:
            return min(candidates, key=lambda k: (linked.values[k], repr(k)))
        reached |= {k for k in cells if k in unseen}
    return None
