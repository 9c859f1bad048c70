"""Budget rules beyond the sums: comparing two budgets, what-if scenarios and the member split.

Rows are matched between budgets by what they are (kind, section, label), so a line
keeps its identity from one version to the next even when lines around it move.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from fractions import Fraction

from samordna.core.allocation import PARTY_KEYS, AllocationError, party_shares, split
from samordna.core.budget import Budget, BudgetRow, RowKind, summarize
from samordna.core.findings import Finding
from samordna.core.money import format_amount, round_half_up

RowKey = tuple[str, str, str]  # kind, section ("" for stated rows), label


def row_key(row: BudgetRow) -> RowKey:
    return (row.kind.value, row.section.value if row.section else "", row.label.strip())


@dataclass(frozen=True)
class Change:
    """One row and year that differs between two budgets (öre; None = no amount)."""

    key: RowKey
    year: int
    before: int | None
    after: int | None

    @property
    def what(self) -> str:
        if self.before is None:
            return "ny"
        if self.after is None:
            return "borttagen"
        return "ändrad"

    @property
    def difference(self) -> int:
        return (self.after or 0) - (self.before or 0)


def compare(before: Budget, after: Budget) -> list[Change]:
    """Every row and year whose amount differs, in the order of `after` then removed rows."""
    old = {row_key(row): row for row in before.rows}
    new = {row_key(row): row for row in after.rows}
    keys = list(new) + [key for key in old if key not in new]
    years = sorted(set(before.years) | set(after.years))
    changes = []
    for key in keys:
        for year in years:
            was = old[key].amount(year) if key in old else None
            now = new[key].amount(year) if key in new else None
            if was != now:
                changes.append(Change(key, year, was, now))
    return changes


def scaled(budget: Budget, rows: Sequence[BudgetRow], factor: Fraction, from_year: int) -> Budget:
    """A copy of `budget` where `rows` (by identity) are multiplied by `factor` from `from_year`.

    Each amount is rounded to whole kronor, half away from zero. A scenario is computed,
    not stated: stated sums and results lose their figures, except a lump (a plan year the
    plan gives in one figure), which is kept so the year's costs stay in the scenario.
    `Summa` rows stay in place (without figures) so each lump still sums its own lines.
    """
    chosen = {row_key(row) for row in rows}
    lumps = _lumps(budget)
    out = []
    for row in budget.rows:
        if row.kind is not RowKind.LINE:
            kept = lumps.get(id(row), {})
            if kept or row.kind is RowKind.SUM:
                out.append(replace(row, amounts=kept))
            continue
        if row_key(row) in chosen:
            amounts = {
                year: _scale(amount, factor) if year >= from_year else amount
                for year, amount in row.amounts.items()
            }
            row = replace(row, amounts=amounts)
        out.append(row)
    return replace(budget, rows=tuple(out))


def _lumps(budget: Budget) -> dict[int, dict[int, int]]:
    """The lump figures of each stated row (by identity), per year."""
    return {
        id(step.row): {
            year: amount
            for year in budget.years
            if step.is_lump(year) and (amount := step.row.amount(year)) is not None
        }
        for step in summarize(budget).steps
    }


def share_of(kinds: Sequence[str], when: date) -> Fraction:
    """The part of all contributions the members of `kinds` pay together by the law's split in
    force on `when` (FK and AF are the state's half): a change's reach on a line carrying all."""
    shares = party_shares(when)
    parties = {"state" if kind in STATE_KINDS else kind for kind in kinds}
    return sum((shares[party] for party in parties if party in shares), Fraction())


def _scale(amount: int, factor: Fraction) -> int:
    return round_half_up(Fraction(amount, 100) * factor) * 100


STATE_KINDS = frozenset({"fk", "af"})
ROUNDING_TOLERANCE = 100_000  # 1 000 kr in öre: the coarsest rounding plans use
PARTY_LABELS = {"state": "staten", "region": "regionerna", "municipality": "kommunerna"}


def check_member_split(
    member_lines: Mapping[str, Mapping[int, int]],
    years: Sequence[int],
    tolerance: int = ROUNDING_TOLERANCE,
) -> list[Finding]:
    """Member contribution lines, summed per member kind, against the law's split (1/2–1/4–1/4,
    read from core/params/finsam_shares.toml as in force on the year's first day).

    `member_lines` maps a member kind (fk, af, region, municipality) to its amounts per
    year. A year where a party's sum differs from its share of the total by more than
    `tolerance` (öre; plans round each member to 1 000 kr) gives a warning naming the
    party, the stated and the expected amount.
    """
    findings: list[Finding] = []
    for year in years:
        parties = _party_sums(member_lines, year)
        total = sum(parties.values())
        if not total:
            continue
        try:
            shares = party_shares(date(year, 1, 1))
        except AllocationError:  # a year before the law: no split to check against
            continue
        expected = dict(zip(shares, split(total, list(shares.values()), 1), strict=True))
        for party, amount in parties.items():
            if abs(amount - expected[party]) > tolerance:
                finding = _split_finding(party, shares[party], year, amount, expected[party], total)
                findings.append(finding)
    return findings


def _party_sums(member_lines: Mapping[str, Mapping[int, int]], year: int) -> dict[str, int]:
    sums = dict.fromkeys(PARTY_KEYS, 0)
    for kind, amounts in member_lines.items():
        party = "state" if kind in STATE_KINDS else kind
        if party in sums:
            sums[party] += amounts.get(year, 0)
    return sums


def _split_finding(
    party: str, share: Fraction, year: int, amount: int, expected: int, total: int
) -> Finding:
    message = (
        f"Medlemsbidragen {year}: {PARTY_LABELS[party]} står för "
        f"{format_amount(amount, 'kr')} men ska enligt lagen (2003:1210) bära "
        f"{share.numerator}/{share.denominator} av {format_amount(total, 'kr')}, "
        f"det vill säga {format_amount(expected, 'kr')}."
    )
    return Finding("warning", "member_split", message, year=year, stated=amount, computed=expected)
