"""Organisationsnummer: NNNNNN-NNNN with a Luhn check digit."""

from __future__ import annotations

import re


class OrgNumberError(ValueError):
    """An organisationsnummer that is not valid; the message is Swedish."""


def luhn_valid(digits: str) -> bool:
    """True when the digits pass the Luhn (modulus 10) check."""
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char) * (2 if position % 2 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


def normalize_org_number(text: str) -> str:
    """Return "NNNNNN-NNNN", or raise OrgNumberError saying what is wrong."""
    digits = re.sub(r"[\s\u00a0-]", "", str(text))
    if len(digits) == 12 and digits.startswith("16"):
        digits = digits[2:]
    if not re.fullmatch(r"\d{10}", digits):
        raise OrgNumberError(
            f"”{text}” är inte ett organisationsnummer: skriv tio siffror, NNNNNN-NNNN."
        )
    if not luhn_valid(digits):
        raise OrgNumberError(
            f"Organisationsnumret {digits[:6]}-{digits[6:]} har fel kontrollsiffra. "
            "Kontrollera att det är rätt skrivet."
        )
    return f"{digits[:6]}-{digits[6:]}"
