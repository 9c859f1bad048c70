"""Money as whole öre: the one Swedish parse and the one format function.

Every page, command, document and export goes through `parse_amount` and
`format_amount`; nothing else turns text into money or money into text.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal, InvalidOperation
from fractions import Fraction

ORE_PER_UNIT = {"kr": 100, "tkr": 100_000, "mkr": 100_000_000}
_UNIT_WORDS = {
    "kr": "kr",
    "kronor": "kr",
    ":-": "kr",
    "sek": "kr",
    "tkr": "tkr",
    "mkr": "mkr",
    "mnkr": "mkr",
}
_SPACES = re.compile(r"[\s\u00a0\u202f\u2009']+")
_MINUSES = str.maketrans({"\u2212": "-", "\u2013": "-"})
_NUMBER = re.compile(r"^[-+]?(\d+)(,\d+)?$")
# Whole kronor, thousands split by spaces, at most 13 digits (MAX_ORE): most cells in a file.
_PLAIN = re.compile(r"-?(?:\d{1,3}(?: \d{3}){0,4}|\d{1,13})")
MAX_COUNT = 2**31 - 1  # an integer column on PostgreSQL; far above any count of people
MAX_ORE = 10**15  # 10 000 miljarder kr: far above any förbund, far below what the database holds
_TO_COMMA = {separator: bytes.maketrans(separator.encode(), b",") for separator in ";,"}
_ALL_ZERO = bytes.maketrans(b"0123456789", b"0" * 10)


class MoneyError(ValueError):
    """An amount that cannot be read; the message is Swedish and says why."""


def parse_amount(text: str, unit: str = "kr") -> int:
    """Read a Swedish amount ("7 864 000 kr", "−269 000", "3,75 mkr") as whole öre.

    A unit written in the text ("kr", "tkr", "mkr") wins over `unit`.
    """
    raw = str(text).strip()
    if _PLAIN.fullmatch(raw):  # the common case, read as the general way below would
        plain = int(raw.replace(" ", "")) * ORE_PER_UNIT[unit]
        if abs(plain) <= MAX_ORE:
            return plain
    if not raw:
        raise MoneyError("Beloppet är tomt.")
    number, unit = _split_unit(raw.translate(_MINUSES), unit)
    number = _SPACES.sub("", number)
    if "." in number and "," not in number and re.fullmatch(r"[-+]?\d+\.\d{1,2}", number):
        number = number.replace(".", ",")
    if not _NUMBER.match(number):
        raise MoneyError(
            f"”{raw}” är inte ett belopp. Skriv till exempel 7 864 000, 7 864 000 kr eller 850 tkr."
        )
    try:
        value = Decimal(number.replace(",", ".")) * ORE_PER_UNIT[unit]
    except InvalidOperation as error:  # pragma: no cover - the regex above admits only numbers
        raise MoneyError(f"”{raw}” är inte ett belopp.") from error
    if value != value.to_integral_value():
        raise MoneyError(f"”{raw}” har fler decimaler än hela ören.")
    if abs(value) > MAX_ORE:
        raise MoneyError(
            f"”{raw[:40]}” är större än 10 000 miljarder kr, det största belopp som går att spara."
        )
    return int(value)


def parse_whole_units(text: str, separator: str, unit: str = "kr") -> list[int] | None:
    """The cells of `text` (split at `separator`, ";" or ",") read at once, each as a whole
    number of `unit`: `parse_amount(cell, unit) == number * ORE_PER_UNIT[unit]`, in order.

    None unless every cell is ASCII digits, a minus sign and spaces, a whole number with no
    leading zero and with fewer digits than the limit in `unit` has (a budget file's year
    columns); then read the cells one by one with `parse_amount`. The digits are read by one
    JSON parse of the whole text, which reads a whole number as `int` does.
    """
    digits = text.encode().translate(_TO_COMMA[separator], b" ")
    if digits.translate(None, b"0123456789,-"):  # anything else: a unit, a decimal, a letter
        return None
    longest = len(str(MAX_ORE // ORE_PER_UNIT[unit])) - 1  # more could pass the limit
    if b"0" * (longest + 1) in digits.translate(_ALL_ZERO):
        return None
    try:
        numbers = json.loads(b"[" + digits + b"]")
    except ValueError:  # an empty cell, a leading zero, a minus sign alone or inside
        return None
    return numbers if len(numbers) == text.count(separator) + 1 else None  # a "," in a cell


def parse_count(text: str) -> int:
    """Read a count the way the app prints it ("41 230", "41230") as a whole number >= 0.

    The digits are read by `parse_amount`, so a count and an amount accept the same spaces;
    a unit ("kr", "tkr"), decimals or a minus sign are refused with a Swedish message.
    """
    raw = str(text).strip()
    number, _ = _split_unit(raw, "kr")
    if number != raw:
        raise MoneyError(f"”{raw}” är ett belopp, inte ett antal. Skriv bara siffror, som 41 230.")
    ore = parse_amount(raw)
    if ore < 0 or ore % ORE_PER_UNIT["kr"]:
        raise MoneyError(f"”{raw}” är inte ett helt antal. Skriv till exempel 41 230.")
    if ore // ORE_PER_UNIT["kr"] > MAX_COUNT:
        most = _group_thousands(str(MAX_COUNT), " ")
        raise MoneyError(f"”{raw}” är större än {most}, det största antal som går att spara.")
    return ore // ORE_PER_UNIT["kr"]


def _split_unit(text: str, default: str) -> tuple[str, str]:
    match = re.search(r"([A-Za-zÅÄÖåäö:\-]+)\s*$", text)
    if match and match.group(1).lower() in _UNIT_WORDS:
        return text[: match.start()].strip(), _UNIT_WORDS[match.group(1).lower()]
    if default not in ORE_PER_UNIT:
        raise MoneyError(f"Okänd enhet ”{default}”: använd kr, tkr eller mkr.")
    return text, default


def format_amount(ore: int, unit: str = "kr", *, suffix: bool = True, nbsp: bool = False) -> str:
    """Write whole öre the Swedish way: 786400000 -> "7 864 000 kr".

    Whole kronor show no decimals; öre show two. In tkr and mkr a part of the
    unit is written with the decimals it needs ("6,19 mkr").
    """
    if unit not in ORE_PER_UNIT:
        raise MoneyError(f"Okänd enhet ”{unit}”: använd kr, tkr eller mkr.")
    value = Decimal(int(ore)) / ORE_PER_UNIT[unit]
    sign = "-" if value < 0 else ""
    whole, _, fraction = f"{abs(value):f}".partition(".")
    fraction = fraction.rstrip("0")
    if unit == "kr" and fraction:
        fraction = fraction.ljust(2, "0")
    space = "\u00a0" if nbsp else " "
    text = sign + _group_thousands(whole, space) + ("," + fraction if fraction else "")
    return f"{text}{space}{unit}" if suffix else text


def _group_thousands(digits: str, space: str) -> str:
    groups: list[str] = []
    while len(digits) > 3:
        digits, tail = digits[:-3], digits[-3:]
        groups.insert(0, tail)
    return space.join([digits, *groups])


def kronor(ore: int) -> int:
    """Whole kronor of an amount that is known to be whole kronor (JSON output)."""
    if ore % 100:
        raise MoneyError("Beloppet har ören och kan inte skrivas i hela kronor.")
    return ore // 100


def round_half_up(value: Fraction | int) -> int:
    """`value` as a whole number, halves rounded away from zero (2,5 → 3; −2,5 → −3): the one
    rounding of the app, as Swedish accounts round."""
    exact = Fraction(value)
    whole = int(abs(exact) + Fraction(1, 2))
    return whole if exact >= 0 else -whole


def rounded_kronor(ore: int) -> int:
    """An amount in whole kronor, öre rounded half away from zero (exports of outcomes)."""
    return round_half_up(Fraction(ore, 100))


def whole_kronor_ore(ore: int | Fraction) -> int:
    """An amount in öre (maybe a fraction of an öre) rounded to whole kronor, still in öre."""
    return round_half_up(Fraction(ore) / 100) * 100


def exact_kronor(ore: int) -> int | Fraction:
    """An amount in kronor without rounding (Excel cells): whole kronor as int, else a fraction."""
    return ore // 100 if ore % 100 == 0 else Fraction(ore, 100)


def ore_from_kronor(kr: int) -> int:
    """Whole öre from whole kronor."""
    return int(kr) * 100
