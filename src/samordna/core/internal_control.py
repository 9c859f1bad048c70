"""Internal control and the delegationsordning as plain values: the risk matrix and the check
of delegation decisions against what the board delegated.

A risk is scored as likelihood × consequence, each 1–4, the scale Swedish municipalities use in
their internkontrollplaner (1 osannolik/försumbar … 4 sannolik/allvarlig). The score gives a level
that the page writes in words beside its colour, so colour never carries it alone.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from samordna.core.findings import Finding
from samordna.core.money import format_amount

SCALE = (1, 2, 3, 4)
LIKELIHOOD = {1: "Osannolik", 2: "Mindre sannolik", 3: "Möjlig", 4: "Sannolik"}
CONSEQUENCE = {1: "Försumbar", 2: "Lindrig", 3: "Kännbar", 4: "Allvarlig"}
# (highest score of the level, code, word): 1–3 low, 4–6 medium, 8–16 high.
LEVELS = ((3, "low", "Låg"), (6, "medium", "Måttlig"), (16, "high", "Hög"))


@dataclass(frozen=True)
class RiskLevel:
    score: int
    code: str  # low | medium | high
    word: str  # Swedish, shown beside the colour


def risk_level(likelihood: int, consequence: int) -> RiskLevel:
    """The risk's score and level; both values must be 1–4."""
    if likelihood not in SCALE or consequence not in SCALE:
        raise ValueError("Sannolikhet och konsekvens anges med 1–4.")
    score = likelihood * consequence
    code, word = next((c, w) for top, c, w in LEVELS if score <= top)
    return RiskLevel(score, code, word)


@dataclass(frozen=True)
class MatrixCell:
    likelihood: int
    consequence: int
    level: RiskLevel
    risks: tuple[str, ...]  # the names of the risks in the cell


def risk_matrix(risks: Iterable[tuple[str, int, int]]) -> list[list[MatrixCell]]:
    """The 4×4 matrix as rows from likelihood 4 (top) to 1, columns consequence 1 to 4.

    `risks` are (name, likelihood, consequence); each lands in exactly one cell."""
    placed: dict[tuple[int, int], list[str]] = {}
    for name, likelihood, consequence in risks:
        risk_level(likelihood, consequence)
        placed.setdefault((likelihood, consequence), []).append(name)
    return [
        [
            MatrixCell(row, column, risk_level(row, column), tuple(placed.get((row, column), ())))
            for column in SCALE
        ]
        for row in reversed(SCALE)
    ]


@dataclass(frozen=True)
class Matter:
    """A point of the delegationsordning: what the chef may decide, up to which amount."""

    key: int
    text: str
    limit: int | None  # öre; None: no amount limit
    valid_from: date
    valid_to: date | None = None

    def in_force(self, day: date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)


@dataclass(frozen=True)
class DelegatedDecision:
    """A decision taken by delegation, as the register holds it, and what it was taken under."""

    citation: str
    day: date
    text: str
    matter: int | None = None  # the Matter's key, None when not tied to a point
    amount: int | None = None  # öre


def delegation_findings(
    matters: Sequence[Matter], decisions: Iterable[DelegatedDecision]
) -> list[Finding]:
    """Every delegation decision outside the delegationsordning, one finding each."""
    by_key = {matter.key: matter for matter in matters}
    found: list[Finding] = []
    for decision in decisions:
        finding = _decision_finding(by_key, decision)
        if finding is not None:
            found.append(finding)
    return found


def _decision_finding(by_key: dict[int, Matter], decision: DelegatedDecision) -> Finding | None:
    matter = by_key.get(decision.matter) if decision.matter is not None else None
    where = f"Beslut {decision.citation} ({decision.text[:80]})"
    if matter is None:
        return Finding(
            "error",
            "outside_delegation",
            f"{where} är inte kopplat till någon punkt i delegationsordningen.",
            year=decision.day.year,
        )
    if not matter.in_force(decision.day):
        return Finding(
            "error",
            "matter_not_in_force",
            f"{where}: punkten ”{matter.text}” gällde inte {decision.day.isoformat()}.",
            year=decision.day.year,
        )
    return _amount_finding(matter, decision, where)


def _amount_finding(matter: Matter, decision: DelegatedDecision, where: str) -> Finding | None:
    if matter.limit is None:
        return None
    if decision.amount is None:
        return Finding(
            "warning",
            "amount_missing",
            f"{where}: beloppet saknas, och punkten ”{matter.text}” gäller upp till "
            f"{format_amount(matter.limit)}.",
            year=decision.day.year,
        )
    if decision.amount <= matter.limit:
        return None
    return Finding(
        "error",
        "above_limit",
        f"{where}: {format_amount(decision.amount)} är mer än de "
        f"{format_amount(matter.limit)} som punkten ”{matter.text}” tillåter.",
        year=decision.day.year,
        stated=decision.amount,
        computed=matter.limit,
    )
