"""Finding personnummer and samordningsnummer in free text, so that none is ever stored.

A number counts when it has 10 digits (YYMMDD-NNNC, with `-`, `+` or nothing between) or
12 digits (YYYYMMDD-NNNC, with `-` or nothing), names a date that exists (a samordningsnummer
adds 60 to the day) and its last digit is the Luhn check digit of the 9 before it. Digits that
run on into more digits are not a number of their own: "1234567890123" is not checked piecewise.
Ordinary numbers, amounts ("7 864 000 kr") and dates ("2024-03-11") pass.
"""

from __future__ import annotations

import re
from datetime import date

_CANDIDATE = re.compile(
    r"(?<![\d])(?:(?P<century>\d{2})(?P<date12>\d{6})-?(?P<tail12>\d{4})"
    r"|(?P<date10>\d{6})[-+]?(?P<tail10>\d{4}))(?![\d])"
)


def luhn_digit(nine: str) -> int:
    """The check digit of nine digits, as Skatteverket computes it."""
    total = 0
    for index, char in enumerate(nine):
        product = int(char) * (2 if index % 2 == 0 else 1)
        total += product // 10 + product % 10
    return (10 - total % 10) % 10


def _date_exists(year: int, month: int, day: int) -> bool:
    if day > 60:  # samordningsnummer
        day -= 60
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def _is_identity(centuries: tuple[int, ...], yymmdd: str, tail: str) -> bool:
    month, day = int(yymmdd[2:4]), int(yymmdd[4:6])
    if not any(_date_exists(c * 100 + int(yymmdd[:2]), month, day) for c in centuries):
        return False
    return luhn_digit(yymmdd + tail[:3]) == int(tail[3])


def find_identity_numbers(text: str) -> list[str]:
    """Every personnummer or samordningsnummer in `text`, as written there."""
    found = []
    for match in _CANDIDATE.finditer(text):
        if match.group("date12"):
            century = int(match.group("century"))
            yymmdd, tail = match.group("date12"), match.group("tail12")
            ok = century in (18, 19, 20) and _is_identity((century,), yymmdd, tail)
        else:
            ok = _is_identity((19, 20), match.group("date10"), match.group("tail10"))
        if ok:
            found.append(match.group(0))
    return found


def masked(number: str) -> str:
    """The number with its last four digits hidden: "850101-****"."""
    return number[:-4] + "****"


def identity_error(text: str) -> str | None:
    """A Swedish message when `text` holds a personnummer or samordningsnummer, else None."""
    found = find_identity_numbers(text)
    if not found:
        return None
    return (
        f"Texten innehåller något som ser ut som ett personnummer eller samordningsnummer "
        f"({masked(found[0])}). Samordna får inte lagra deltagares identitet: ta bort numret."
    )
