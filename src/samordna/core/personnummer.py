"""Finding personnummer and samordningsnummer in any text, so that none is ever stored.

The one identity detector of Samordna: forms, imports, file names and `samordna privacy scan`
all ask it. A number counts, whatever its check digit, when

- it has 10 digits (YYMMDD NNNC) or 12 digits (CCYYMMDD NNNC), written together or in groups
  split by spaces (also non-breaking), any dash (-, ‐, ‑, ‒, –, —, −) or `+`, where every split
  falls between the parts of the date or before the last four, and only spaces split the date
  itself ("850101 1236", "85 01 01-1236", "19850101 – 1236", "1985 01 01 1236"; but
  "2026-01-01–2028-12-31" is a date range), and
- its first digits form a date that exists (a samordningsnummer adds 60 to the day).

Digits that run on into more digits are not a number of their own ("1234567890123" is not
checked piecewise). Ordinary numbers, amounts ("7 864 000 kr", split in threes), phone numbers
written in groups ("070-123 45 67"), organisation numbers (month 20 or more) and dates
("2024-03-11") pass. Messages name the kind and the place, never the digits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

_SEPARATOR = "[ \t\u00a0\u2007\u2009\u202f\\-\u2010-\u2015\u2212+]"
_CHAIN = re.compile(rf"\d+(?:{_SEPARATOR}{{1,3}}\d+)*")
_NOT_DIGIT = re.compile(r"\D+")
_DASH = re.compile("[\\-\u2010-\u2015\u2212+]")
_SPLITS = {10: frozenset({2, 4, 6}), 12: frozenset({2, 4, 6, 8})}
# UTF-8 as one byte per kind: an ASCII digit or any byte of another character (which may be a
# digit or a separator of another script) is "0", an ASCII separator is dropped, the rest "x".
_DIGIT_BYTES = bytes(ord("0") if chr(b).isdigit() or b >= 0x80 else ord("x") for b in range(256))


@dataclass(frozen=True)
class Finding:
    """One identity number in a text: its kind and where it sits (characters, from 0)."""

    kind: str  # "personnummer" | "samordningsnummer"
    start: int
    end: int
    text: str


def luhn_digit(nine: str) -> int:
    """The check digit of nine digits, as Skatteverket computes it."""
    total = 0
    for index, char in enumerate(nine):
        product = int(char) * (2 if index % 2 == 0 else 1)
        total += product // 10 + product % 10
    return (10 - total % 10) % 10


def _date_exists(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def _kind(digits: str, plus: bool) -> str | None:
    """The kind of identity `digits` (10 or 12) would be, or None when no date is formed."""
    if len(digits) == 12:
        centuries: tuple[int, ...] = (int(digits[:2]),) if digits[:2] in ("18", "19", "20") else ()
        digits = digits[2:]
    else:
        centuries = (18, 19) if plus else (19, 20)
    year, month, day = int(digits[:2]), int(digits[2:4]), int(digits[4:6])
    kind = "samordningsnummer" if day > 60 else "personnummer"
    day = day - 60 if day > 60 else day
    if any(_date_exists(c * 100 + year, month, day) for c in centuries):
        return kind
    return None


def _groups(chain: re.Match[str]) -> list[tuple[str, int, int]]:
    """The digit groups of a chain: (digits, start, end) in the whole text."""
    offset = chain.start()
    return [
        (g.group(), offset + g.start(), offset + g.end()) for g in re.finditer(r"\d+", chain[0])
    ]


def _at(text: str, groups: list[tuple[str, int, int]], first: int) -> tuple[Finding, int] | None:
    """The identity starting at group `first`, and the group after it, if there is one.

    Inside the date only spaces may split the digits: "2026-01-01–2028" is a date range,
    not a number, while "85 01 01-1236" and "850101–1236" are numbers."""
    digits = ""
    splits: dict[int, str] = {}
    for last in range(first, len(groups)):
        if digits:
            splits[len(digits)] = text[groups[last - 1][2] : groups[last][1]]
        digits += groups[last][0]
        if len(digits) > 12:
            return None
        if _splits_fit(splits, len(digits)):
            start, end = groups[first][1], groups[last][2]
            kind = _kind(digits, "+" in text[start:end])
            if kind:
                return Finding(kind, start, end, text[start:end]), last + 1
    return None


def _splits_fit(splits: dict[int, str], length: int) -> bool:
    if length not in _SPLITS or not set(splits) <= _SPLITS[length]:
        return False
    inside_date = [sep for at, sep in splits.items() if at != length - 4]
    return not any(_DASH.search(sep) for sep in inside_date)


def find_identities(text: str) -> list[Finding]:
    """Every personnummer or samordningsnummer in `text`."""
    if len(text) < 10 or len(_NOT_DIGIT.sub("", text)) < 10:
        return []  # every identity has at least ten digits
    found = []
    for chain in _CHAIN.finditer(text):
        groups, index = _groups(chain), 0
        while index < len(groups):
            hit = _at(text, groups, index)
            if hit is None:
                index += 1
                continue
            found.append(hit[0])
            index = hit[1]
    return found


def may_hold_identity(data: bytes) -> bool:
    """False when no part of the UTF-8 `data` can hold an identity: then no cell of a file
    made of it does, and none needs searching. An identity is ten digits or more, split by at
    most three separators at a time; in `_DIGIT_BYTES` those are a run of ten "0" at least."""
    return b"0000000000" in data.translate(_DIGIT_BYTES, b" \t-+")


def find_identity_numbers(text: str) -> list[str]:
    """Every personnummer or samordningsnummer in `text`, as written there."""
    return [f.text for f in find_identities(text)]


def contains_identity(text: str) -> bool:
    return bool(find_identities(text))


def describe(found: list[Finding]) -> str:
    """What was found and where, without the digits: "ett personnummer (tecken 6–16)"."""
    first = found[0]
    where = f"tecken {first.start + 1}–{first.end}"
    if len(found) == 1:
        return f"ett {first.kind} ({where})"
    return f"{len(found)} person- eller samordningsnummer (det första vid {where})"


def identity_error(text: str) -> str | None:
    """A Swedish message when `text` holds a personnummer or samordningsnummer, else None."""
    found = find_identities(text)
    if not found:
        return None
    return (
        f"Texten innehåller {describe(found)}. Samordna får inte lagra personnummer eller "
        "samordningsnummer: ta bort numret."
    )
