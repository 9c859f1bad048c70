"""SIE 4 files, as every Swedish accounting program exports them.

The format is lines of `#LABEL field field …`; fields are separated by spaces, a
field with spaces is quoted ("…", with \\" inside), and `{ … }` groups object lists
and the transactions of a verification. The SIE specification says the text is
PC8 (IBM code page 437); a file that is valid UTF-8 and names no `#FORMAT PC8` is
read as UTF-8, since some programs write that. Amounts use a decimal point.

We read what the year's outcome and the annual report need: the company (#FNAMN,
#ORGNR), the fiscal year (#RAR 0), accounts (#KONTO), opening and closing balances
(#IB/#UB) and results (#RES) of the year (0) and the year before (−1), and
verifications with their transactions (#VER/#TRANS). Other labels and years are
skipped. A line that cannot be read stops the import with its number.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation

from samordna.core.findings import InputError
from samordna.core.personnummer import describe, find_identities

_FIELD = re.compile(r'"((?:[^"\\]|\\.)*)"|(\{[^}]*\})|(\S+)')
_ACCOUNT = re.compile(r"[0-9]{1,10}")  # ASCII digits only: "²³" passes str.isdigit()
YEARS = ("0", "-1")  # årsnummer read from #IB, #UB and #RES
MAX_BYTES = 20 * 1024 * 1024
MAX_KRONOR = Decimal(10) ** 13  # 10 000 miljarder kr, as core.money
NOT_SIE = (
    "Filen är inte en SIE-fil: den ska börja med #FLAGGA och ange #SIETYP, så som "
    "bokföringsprogrammens SIE-export skriver den."
)


@dataclass(frozen=True)
class Transaction:
    account: str
    amount: int  # öre; debit positive, credit negative, as in the file
    day: date
    text: str = ""


@dataclass
class SieFile:
    company: str = ""
    org_number: str = ""
    year_start: date | None = None
    year_end: date | None = None
    accounts: dict[str, str] = field(default_factory=dict)
    opening: dict[str, int] = field(default_factory=dict)  # #IB 0, öre
    closing: dict[str, int] = field(default_factory=dict)  # #UB 0, öre
    results: dict[str, int] = field(default_factory=dict)  # #RES 0, öre
    transactions: list[Transaction] = field(default_factory=list)
    verifications: int = 0  # #VER
    # The year before (årsnummer −1), as the file states it: #IB −1, #UB −1, #RES −1.
    previous_opening: dict[str, int] = field(default_factory=dict)
    previous_closing: dict[str, int] = field(default_factory=dict)
    previous_results: dict[str, int] = field(default_factory=dict)

    def figures(self, year: int) -> tuple[dict[str, int], dict[str, int], dict[str, int]]:
        """Opening, closing and result per account for year 0 or −1."""
        if year == -1:
            return self.previous_opening, self.previous_closing, self.previous_results
        return self.opening, self.closing, self.results


def decode(data: bytes) -> str:
    """CP437 as the specification says; UTF-8 when the file is UTF-8 and says no PC8."""
    if b"#FORMAT PC8" not in data:
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError:
            pass
    return data.decode("cp437")


def fields(line: str) -> list[str]:
    """The fields of one line: quoted strings unquoted, braces kept as one field."""
    out = []
    for quoted, braces, bare in _FIELD.findall(line):
        if braces:
            out.append(braces)
        elif bare:
            out.append(bare)
        else:
            out.append(quoted.replace('\\"', '"'))
    return out


def check_sie(data: bytes) -> None:
    """InputError unless the file looks like SIE (#FLAGGA first, #SIETYP given): checked
    before anything else, so a stray file can never replace an outcome."""
    if len(data) > MAX_BYTES:
        raise InputError(f"Filen är större än {MAX_BYTES // (1024 * 1024)} MB.")
    if b"\x00" in data:
        raise InputError(NOT_SIE)
    lines = decode(data).splitlines()
    labels = [line.split(maxsplit=1)[0].upper() for line in lines if line.strip()]
    if not labels or labels[0] != "#FLAGGA" or "#SIETYP" not in labels[:50]:
        raise InputError(NOT_SIE)


def parse_sie(data: bytes) -> SieFile:
    """Read an SIE 4 file; InputError (Swedish, with the line number) when a line is wrong."""
    sie = SieFile()
    verification: tuple[date, str] | None = None
    in_block = False
    for number, raw in enumerate(decode(data).splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        if line == "{":
            if verification is None:
                raise InputError("”{” utan föregående #VER.", row=number)
            in_block = True
            continue
        if line == "}":
            in_block, verification = False, None
            continue
        parts = fields(line)
        label = parts[0].upper()
        if in_block and label == "#TRANS" and verification is not None:
            sie.transactions.append(_transaction(parts, verification, number))
        elif label == "#VER":
            verification = _verification(parts, number)
            sie.verifications += 1
        else:
            _header(sie, label, parts, number)
    if in_block:
        raise InputError("Filen slutar inne i en verifikation (”}” saknas).")
    return sie


def _header(sie: SieFile, label: str, parts: list[str], number: int) -> None:
    if label == "#FNAMN":
        sie.company = _stored_text(_at(parts, 1, number, "företagsnamn"), number, 300)
    elif label == "#ORGNR":
        sie.org_number = _at(parts, 1, number, "organisationsnummer")
    elif label == "#KONTO":
        name = _stored_text(_at(parts, 2, number, "kontonamn"), number, 200)
        sie.accounts[_account(parts, 1, number)] = name
    elif label == "#RAR" and _at(parts, 1, number, "årsnummer") == "0":
        sie.year_start = _date(_at(parts, 2, number, "startdatum"), number)
        sie.year_end = _date(_at(parts, 3, number, "slutdatum"), number)
    elif label in ("#IB", "#UB", "#RES") and _at(parts, 1, number, "årsnummer") in YEARS:
        opening, closing, results = sie.figures(int(parts[1]))
        target = {"#IB": opening, "#UB": closing, "#RES": results}[label]
        account = _account(parts, 2, number)
        target[account] = _amount(_at(parts, 3, number, "belopp"), number)


def _stored_text(text: str, number: int, limit: int) -> str:
    """A text Samordna keeps (company and account names): never with a personnummer, and no
    longer than its column (`limit` characters, as the database holds it)."""
    if len(text) > limit:
        raise InputError(f"Namnet får vara högst {limit} tecken (här {len(text)}).", row=number)
    found = find_identities(text)
    if found:
        raise InputError(
            f"{describe(found).capitalize()} i ett namn som sparas. Samordna får inte lagra "
            "personnummer eller samordningsnummer: ta bort numret ur filen.",
            row=number,
        )
    return text


def _verification(parts: list[str], number: int) -> tuple[date, str]:
    day = _date(_at(parts, 3, number, "verifikationsdatum"), number)
    return day, parts[4] if len(parts) > 4 else ""


def _transaction(parts: list[str], verification: tuple[date, str], number: int) -> Transaction:
    account = _account(parts, 1, number)
    amount = _amount(_at(parts, 3, number, "belopp"), number)
    day = _date(parts[4], number) if len(parts) > 4 and parts[4] else verification[0]
    text = parts[5] if len(parts) > 5 else verification[1]
    return Transaction(account, amount, day, text)


def _at(parts: list[str], index: int, number: int, what: str) -> str:
    if len(parts) <= index:
        raise InputError(f"{parts[0]} saknar {what}.", row=number)
    return parts[index]


def _account(parts: list[str], index: int, number: int) -> str:
    account = _at(parts, index, number, "kontonummer")
    if not _ACCOUNT.fullmatch(account):
        raise InputError(f"”{account}” är inte ett kontonummer.", row=number)
    return account


def _amount(text: str, number: int) -> int:
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise InputError(f"”{text}” är inte ett belopp.", row=number) from None
    if value.is_finite() and abs(value) > MAX_KRONOR:
        raise InputError(f"”{text[:40]}” är större än något belopp som kan sparas.", row=number)
    if not value.is_finite() or value != value.quantize(Decimal("0.01")):
        raise InputError(f"”{text}” är inte ett belopp i kronor och ören.", row=number)
    return int(value * 100)


def _date(text: str, number: int) -> date:
    if not re.fullmatch(r"\d{8}", text):
        raise InputError(f"”{text}” är inte ett datum (ÅÅÅÅMMDD).", row=number)
    try:
        return date(int(text[:4]), int(text[4:6]), int(text[6:]))
    except ValueError:
        raise InputError(f"”{text}” är inte ett datum.", row=number) from None


def monthly_sums(sie: SieFile, year: int) -> dict[str, dict[int, int]]:
    """Per account and month of `year`, the sum of its transactions (öre, as in the file).

    A file without verifications gives each #RES account its whole-year figure in
    December, so a year-end export still shows the year's outcome.
    """
    sums: dict[str, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    for transaction in sie.transactions:
        if transaction.day.year == year:
            sums[transaction.account][transaction.day.month] += transaction.amount
    if not sie.transactions:
        for account, amount in sie.results.items():
            sums[account][12] += amount
    return {account: dict(months) for account, months in sums.items()}


@dataclass(frozen=True)
class Ratios:
    """Key figures from the closing balances (BAS): None when a denominator is zero."""

    current_assets: int  # 15xx–19xx
    current_liabilities: int  # 24xx–29xx, as a positive amount
    equity: int  # 20xx, as a positive amount
    total_assets: int  # 1xxx

    @property
    def liquidity(self) -> Decimal | None:
        """Omsättningstillgångar / kortfristiga skulder, in percent."""
        return _percent(self.current_assets, self.current_liabilities)

    @property
    def solidity(self) -> Decimal | None:
        """Eget kapital / totala tillgångar, in percent."""
        return _percent(self.equity, self.total_assets)


def ratios(balances: dict[str, int]) -> Ratios:
    """Liquidity and solidity from balances per BAS account (debit positive, as in SIE)."""

    def total(low: int, high: int) -> int:
        return sum(v for k, v in balances.items() if low <= int(k[:2]) <= high)

    return Ratios(
        current_assets=total(15, 19),
        current_liabilities=-total(24, 29),
        equity=-total(20, 20),
        total_assets=total(10, 19),
    )


def _percent(part: int, whole: int) -> Decimal | None:
    if not whole:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"))
