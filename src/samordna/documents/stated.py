"""The plan's own per-member amounts beside the computed split, as the plan prints them."""

from __future__ import annotations

from samordna.core import document as doc
from samordna.core.document import AMOUNT, TEXT, Block, Row
from samordna.economy.models import Contribution, ContributionYear


def stated_blocks(saved: ContributionYear) -> list[Block]:
    """A table of requested (the plan's) and allocated (computed) per member, with each
    deviation's size and reason; nothing when the plan states no amount."""
    contributions = list(saved.contributions.select_related("member"))
    if all(c.stated_amount is None for c in contributions):
        return []
    rows = [
        Row((c.member.name, c.stated_amount, c.amount, c.deviation or None, c.stated_reason))
        for c in contributions
    ]
    rows.append(Row(("Summa", *_sums(contributions, saved.total), ""), "sum"))
    columns = (
        ("Medlem", TEXT),
        ("Enligt planen", AMOUNT),
        ("Enligt fördelningen", AMOUNT),
        ("Avvikelse", AMOUNT),
        ("Skäl", TEXT),
    )
    table = doc.table(f"Planens belopp och fördelningen {saved.year}", columns, rows)
    return [doc.Heading("Planens belopp per medlem", 2), table]


def _sums(contributions: list[Contribution], total: int) -> tuple[int | None, int, int | None]:
    """The plan's sum and its deviation only when the plan states every member's amount."""
    if any(c.stated_amount is None for c in contributions):
        return None, total, None
    stated = sum(c.stated_amount or 0 for c in contributions)
    return stated, total, (stated - total) or None
