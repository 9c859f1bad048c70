"""The life of an insats: idé → ansökan → beviljad → pågående → avslutad → implementerad
(or avslutad utan implementering), and the three-year limit on funding.

Pure rules on plain values; the register stores the moves with their dates and decisions.
"""

from __future__ import annotations

from datetime import date, timedelta

STATUSES = {
    "ide": "Idé",
    "ansokan": "Ansökan",
    "beviljad": "Beviljad",
    "pagaende": "Pågående",
    "avslutad": "Avslutad",
    "implementerad": "Implementerad",
    "ej_implementerad": "Avslutad utan implementering",
}

MOVES = {
    "ide": {"ansokan"},
    "ansokan": {"beviljad", "ide"},
    "beviljad": {"pagaende", "avslutad"},
    "pagaende": {"avslutad"},
    "avslutad": {"implementerad", "ej_implementerad"},
    "implementerad": set(),
    "ej_implementerad": set(),
}

# A move into these needs a board decision (or one taken by delegation).
NEEDS_DECISION = {"beviljad"}

# An idea may be written down before its parties are known; from the application on, an insats
# is samverkan between at least two parties (the law's rule).
IDEA = "ide"

# Not granted yet: no money of the budget is theirs, and the register's sums leave them out.
UNDECIDED = ("ide", "ansokan")


def needs_parties(status: str) -> bool:
    """Whether an insats with `status` must have at least two parties: every status but idé."""
    return status != IDEA


FUNDING_YEARS = 3
WARN_DAYS = 90


def move_error(current: str, new: str, has_decision: bool) -> str | None:
    """None when `current` may move to `new`; otherwise why not, in Swedish."""
    if new not in STATUSES:
        return f"Okänd status ”{new}”."
    if new not in MOVES[current]:
        allowed = ", ".join(STATUSES[s].lower() for s in sorted(MOVES[current])) or "ingen"
        return (
            f"En insats med status {STATUSES[current].lower()} kan inte bli "
            f"{STATUSES[new].lower()}. Möjligt nästa steg: {allowed}."
        )
    if new in NEEDS_DECISION and not has_decision:
        return f"Att bli {STATUSES[new].lower()} kräver ett beslut (datum och paragraf)."
    return None


def funding_limit(granted_start: date) -> date:
    """The last day covered by the first decision: three years from the granted start."""
    try:
        end = granted_start.replace(year=granted_start.year + FUNDING_YEARS)
    except ValueError:  # 29 February
        end = granted_start.replace(year=granted_start.year + FUNDING_YEARS, day=28)
    return end - timedelta(days=1)


def extension_error(
    granted_start: date | None, new_end: date | None, has_extension: bool
) -> str | None:
    """Refuse an end date beyond three years of funding unless a decision extends it."""
    if granted_start is None or new_end is None or has_extension:
        return None
    limit = funding_limit(granted_start)
    if new_end <= limit:
        return None
    return (
        f"Finansieringen kan inte gå längre än tre år ({limit.isoformat()}) utan ett nytt beslut. "
        "Registrera ett beslut om förlängning först."
    )


def limit_warning(
    granted_start: date | None, end: date | None, today: date, extended: bool
) -> str | None:
    """A warning when the three-year limit is within 90 days and the insats runs past it."""
    if granted_start is None or extended:
        return None
    limit = funding_limit(granted_start)
    if today > limit or (limit - today).days > WARN_DAYS:
        return None
    if end is not None and end <= limit:
        return None
    return (
        f"Treårsgränsen för finansieringen nås {limit.isoformat()}: "
        "ett nytt beslut behövs för att fortsätta."
    )
