"""Small groups are never shown: counts 1–4 become "<5", and a breakdown whose total is shown
hides one more cell when a single hidden cell could otherwise be worked out by subtraction.

A breakdown is a list of counts over one group of people (women and men; the age bands; the
outcomes at exit). Its total is a count too, and is hidden like any other when it is small.
Shown text: the number, SMALL_TEXT for a count 1–4, HIDDEN_TEXT for a cell hidden to protect
another (its value is not small, but would give a small one away).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

LIMIT = 5
SMALL_TEXT = "<5"
HIDDEN_TEXT = "x"
LEGEND = (
    f"{SMALL_TEXT} = färre än fem personer. "
    f"{HIDDEN_TEXT} = dold så att en liten grupp inte kan räknas fram."
)


def is_small(count: int) -> bool:
    return 0 < count < LIMIT


@dataclass(frozen=True)
class Cell:
    count: int
    hidden: bool = False  # hidden to protect another cell

    @property
    def small(self) -> bool:
        """Shown as "<5": 1–4, or 0 hidden because its whole group is under five."""
        return is_small(self.count) or (self.hidden and self.count == 0)

    @property
    def shown(self) -> int | str:
        """The number when it may be shown, else "<5" or "x"."""
        if self.small:
            return SMALL_TEXT
        if self.hidden:
            return HIDDEN_TEXT
        return self.count

    @property
    def is_shown(self) -> bool:
        return not (self.small or self.hidden)

    def __str__(self) -> str:
        return str(self.shown)


def shown(count: int) -> int | str:
    """One count on its own: "<5" for 1–4."""
    return Cell(count).shown


def protect(counts: Sequence[int]) -> list[Cell]:
    """The cells of one breakdown whose total is shown, with secondary hiding where needed.

    When exactly one cell is small, the smallest other non-zero cell is hidden too, so that
    the total minus the shown cells never equals one small group.
    """
    cells = [Cell(count) for count in counts]
    small = [i for i, cell in enumerate(cells) if cell.small]
    if len(small) == 1:
        others = [i for i, cell in enumerate(cells) if i != small[0] and cell.count > 0]
        if others:
            partner = min(others, key=lambda i: (cells[i].count, i))
            cells[partner] = Cell(cells[partner].count, hidden=True)
    return cells


def protect_matrix(counts: Sequence[Sequence[int]]) -> list[list[Cell]]:
    """A cross table whose row and column totals are shown: every row and every column is
    protected as a breakdown, repeated until no cell needs hiding any more."""
    hidden = [[is_small(c) for c in row] for row in counts]
    changed = True
    while changed:
        changed = False
        lines = [[(r, c) for c in range(len(row))] for r, row in enumerate(counts)]
        if counts:
            lines += [[(r, c) for r in range(len(counts))] for c in range(len(counts[0]))]
        for line in lines:
            if _hide_partner(counts, hidden, line):
                changed = True
    return [
        [Cell(c, hidden=hidden[r][j] and not is_small(c)) for j, c in enumerate(row)]
        for r, row in enumerate(counts)
    ]


def _hide_partner(
    counts: Sequence[Sequence[int]], hidden: list[list[bool]], line: list[tuple[int, int]]
) -> bool:
    """Hide one more cell in `line` when exactly one of its cells is hidden."""
    concealed = [(r, c) for r, c in line if hidden[r][c]]
    if len(concealed) != 1:
        return False
    candidates = [(r, c) for r, c in line if not hidden[r][c] and counts[r][c] > 0]
    if not candidates:
        return False
    r, c = min(candidates, key=lambda rc: (counts[rc[0]][rc[1]], rc))
    hidden[r][c] = True
    return True


def share(part: int, whole: int) -> str | None:
    """A percentage ("40 %") when neither the part nor the rest is a small group, else None."""
    if whole <= 0 or is_small(part) or is_small(whole - part) or is_small(whole):
        return None
    return f"{round(100 * part / whole)} %"
