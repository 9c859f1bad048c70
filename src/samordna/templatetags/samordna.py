"""Template filters: amounts through the one Swedish format function."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from django import template
from django.utils.safestring import SafeString

from samordna.core.allocation import format_percent
from samordna.core.money import format_amount

register = template.Library()


@register.filter
def kr(ore: int | None, unit: str = "kr") -> str:
    """{{ amount|kr }} -> "7 864 000 kr" with no-break spaces; empty for None."""
    if ore is None or ore == "":
        return ""
    return format_amount(int(ore), unit, nbsp=True)


@register.filter
def kr_plain(ore: int | None, unit: str = "kr") -> str:
    """{{ amount|kr_plain }} -> "7 864 000" (no unit), for table cells under a unit heading."""
    if ore is None or ore == "":
        return ""
    return format_amount(int(ore), unit, suffix=False, nbsp=True)


@register.filter
def percent(value: Decimal | Fraction | None, decimals: int = 2) -> str:
    """{{ 74.96|percent }} -> "74,96 %"."""
    if value is None or value == "":
        return ""
    exact = value if isinstance(value, Fraction) else Fraction(str(value))
    return SafeString(format_percent(exact, int(decimals)).replace(" ", "\u00a0"))


@register.filter
def thousands(value: int | None) -> str:
    """{{ 49512|thousands }} -> "49 512"."""
    if value is None or value == "":
        return ""
    return f"{int(value):,}".replace(",", "\u00a0")
