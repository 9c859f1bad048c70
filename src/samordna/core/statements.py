"""Resultaträkning, balansräkning and kassaflödesanalys from the books, with the year before.

The books are plain values per account (öre, debit positive, as SIE has them): the
opening and closing balances and the year's result. Each account belongs to a line
through the dated mapping in `core/params/statement_accounts.toml` (the longest
matching prefix of the account number) or the förbund's own exception. An account
no line takes is never dropped: it is shown on a line of its own ("Konton utan
rad") and named in a finding.

Signs as a kommunal årsredovisning prints them: income positive, costs negative,
assets and equity and liabilities positive. The result of the year comes from the
result accounts; when the closing balances do not yet hold it (most exports are
taken before the result is booked against equity), the balance sheet adds it to
equity, so that both ways give the same balance sheet.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

from samordna.core.findings import Finding
from samordna.core.money import format_amount
from samordna.core.params import load

RR, BR = "rr", "br"
UNMAPPED_RR, UNMAPPED_BR = "utan_rad_rr", "utan_rad_br"
BOOKED_RESULT = "arets_resultat"  # the closing entry (89xx): not a line of its own

# code -> (statement, label, side) where side is "assets" or "claims" for the balance sheet.
LINES: dict[str, tuple[str, str, str]] = {
    "intakter": (RR, "Verksamhetens intäkter", ""),
    "kostnader": (RR, "Verksamhetens kostnader", ""),
    "avskrivningar": (RR, "Avskrivningar", ""),
    "finansiella_intakter": (RR, "Finansiella intäkter", ""),
    "finansiella_kostnader": (RR, "Finansiella kostnader", ""),
    "extraordinara": (RR, "Extraordinära poster", ""),
    BOOKED_RESULT: (RR, "Årets resultat (bokslutspost)", ""),
    UNMAPPED_RR: (RR, "Resultatkonton utan rad", ""),
    "immateriella": (BR, "Immateriella anläggningstillgångar", "assets"),
    "materiella": (BR, "Materiella anläggningstillgångar", "assets"),
    "finansiella_anl": (BR, "Finansiella anläggningstillgångar", "assets"),
    "forrad": (BR, "Förråd", "assets"),
    "fordringar": (BR, "Fordringar", "assets"),
    "placeringar": (BR, "Kortfristiga placeringar", "assets"),
    "kassa": (BR, "Kassa och bank", "assets"),
    UNMAPPED_BR: (BR, "Balanskonton utan rad", "assets"),
    "eget_kapital": (BR, "Eget kapital", "claims"),
    "avsattningar": (BR, "Avsättningar", "claims"),
    "langfristiga": (BR, "Långfristiga skulder", "claims"),
    "kortfristiga": (BR, "Kortfristiga skulder", "claims"),
}
FIXED_ASSETS = ("immateriella", "materiella", "finansiella_anl")
CURRENT_ASSETS = ("forrad", "fordringar", "placeringar", "kassa")
LIQUID = ("placeringar", "kassa")


def line_label(code: str) -> str:
    return LINES[code][1] if code in LINES else code


def line_choices() -> list[tuple[str, str]]:
    """The lines an account can be put on (the closing entry and 'without a line' excluded)."""
    hidden = {UNMAPPED_RR, UNMAPPED_BR}
    return [(code, label) for code, (_, label, _) in LINES.items() if code not in hidden]


@dataclass(frozen=True)
class YearBooks:
    """One year's books per account, öre, debit positive."""

    year: int
    opening: Mapping[str, int]
    closing: Mapping[str, int]
    results: Mapping[str, int]
    movements: Mapping[str, int] | None = None  # the vouchers' sum per account, when known


@dataclass(frozen=True)
class AccountMap:
    """Account → line: the förbund's exceptions first, then the longest matching prefix."""

    prefixes: Mapping[str, str]
    exceptions: Mapping[str, str] = field(default_factory=dict)
    names: Mapping[str, str] = field(default_factory=dict)

    def line(self, account: str) -> str:
        if account in self.exceptions:
            return self.exceptions[account]
        for length in range(len(account), 0, -1):
            if account[:length] in self.prefixes:
                return self.prefixes[account[:length]]
        return UNMAPPED_BR if account[:1] in "12" else UNMAPPED_RR

    def named(self, account: str) -> str:
        name = self.names.get(account, "")
        return f"{account} {name}".strip()


def default_prefixes(when: date) -> dict[str, str]:
    """Kommun-Bas prefixes in force on `when` (core/params/statement_accounts.toml)."""
    values = load("statement_accounts").at(when)
    return {entry["prefix"]: entry["line"] for entry in values["accounts"]}


@dataclass(frozen=True)
class StatementRow:
    label: str
    current: int | None
    previous: int | None
    style: str = ""  # "" | heading | sum | result
    accounts: tuple[str, ...] = ()
    # Per account on the line, for the notes: ("3511 Medlemsbidrag …", this year, last year).
    details: tuple[tuple[str, int, int | None], ...] = ()


@dataclass(frozen=True)
class Statements:
    year: int
    income: tuple[StatementRow, ...]
    balance: tuple[StatementRow, ...]
    cash_flow: tuple[StatementRow, ...]
    result: int
    previous_result: int | None
    equity: int
    findings: tuple[Finding, ...]

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.is_error]


# --- per line ---------------------------------------------------------------------------


def _by_line(amounts: Mapping[str, int], accounts: AccountMap, statement: str) -> dict[str, int]:
    """Each line's sum as printed: RR income +, costs −; BR both sides positive."""
    lines: dict[str, int] = {}
    for account, amount in amounts.items():
        code = accounts.line(account)
        if LINES.get(code, (RR,))[0] != statement:
            continue
        side = LINES.get(code, (RR, "", "claims"))[2]
        printed = amount if side == "assets" else -amount
        lines[code] = lines.get(code, 0) + printed
    return lines


def _accounts_on(amounts: Iterable[str], accounts: AccountMap, code: str) -> tuple[str, ...]:
    return tuple(sorted(a for a in amounts if accounts.line(a) == code))


@dataclass(frozen=True)
class _Year:
    """One year's lines: RR from the results, BR at opening and at closing."""

    result_lines: dict[str, int]
    opening: dict[str, int]
    closing: dict[str, int]
    result: int
    booked: bool

    def equity(self, at_close: bool = True) -> int:
        if not at_close:
            return self.opening.get("eget_kapital", 0)
        unbooked = 0 if self.booked else self.result
        return self.closing.get("eget_kapital", 0) + unbooked

    def side(self, names: Iterable[str], at_close: bool = True) -> int:
        lines = self.closing if at_close else self.opening
        return sum(lines.get(code, 0) for code in names)

    def assets(self, at_close: bool = True) -> int:
        return self.side([c for c, v in LINES.items() if v[2] == "assets"], at_close)

    def claims(self, at_close: bool = True) -> int:
        others = [c for c, v in LINES.items() if v[2] == "claims" and c != "eget_kapital"]
        return self.equity(at_close) + self.side(others, at_close)


def _year(books: YearBooks, accounts: AccountMap) -> _Year:
    lines = _by_line(books.results, accounts, RR)
    booked = lines.pop(BOOKED_RESULT, 0) != 0
    return _Year(
        result_lines=lines,
        opening=_by_line(books.opening, accounts, BR),
        closing=_by_line(books.closing, accounts, BR),
        result=sum(lines.values()),
        booked=booked,
    )


# --- the statements ---------------------------------------------------------------------


def statements(
    current: YearBooks,
    previous: YearBooks | None,
    accounts: AccountMap,
) -> Statements:
    """The three statements with the year before beside them, and what the checks found.

    `previous` is last year as Samordna holds it (its own import, or the year before in this
    year's file); the opening balances are checked against its closing ones.
    """
    now = _year(current, accounts)
    before = _year(previous, accounts) if previous else None
    findings = [
        *_unmapped(current, accounts),
        *_balance_checks(current, now, accounts),
        *_equity_check(current, now, accounts),
        *_voucher_check(current, accounts),
    ]
    if before is not None and previous is not None:
        findings += _balance_checks(previous, before, accounts)
        findings += _opening_check(current, previous.closing, accounts)
        findings += opening_equity_check(current, now.equity(False), before.equity(), accounts)
    flow = _cash_flow(now, before)
    findings += _cash_check(now, flow, current.year)
    return Statements(
        year=current.year,
        income=_income_rows((current, previous), now, before, accounts),
        balance=_balance_rows((current, previous), now, before, accounts),
        cash_flow=tuple(flow),
        result=now.result,
        previous_result=before.result if before else None,
        equity=now.equity(),
        findings=tuple(findings),
    )


Pair = tuple[YearBooks, YearBooks | None]


def _details(
    code: str, pair: Pair, accounts: AccountMap, amounts_of: str
) -> tuple[tuple[str, ...], tuple[tuple[str, int, int | None], ...]]:
    """The accounts on a line and each one's printed amount this year and last year."""
    current, previous = pair
    side = -1 if LINES.get(code, (RR, "", ""))[2] != "assets" else 1
    now_amounts = getattr(current, amounts_of)
    past_amounts = getattr(previous, amounts_of) if previous else {}
    numbers = sorted(a for a in set(now_amounts) | set(past_amounts) if accounts.line(a) == code)
    details = tuple(
        (
            accounts.named(a),
            side * now_amounts.get(a, 0),
            side * past_amounts.get(a, 0) if previous else None,
        )
        for a in numbers
    )
    return tuple(a for a in numbers if a in now_amounts), details


def _income_rows(
    pair: Pair, now: _Year, before: _Year | None, accounts: AccountMap
) -> tuple[StatementRow, ...]:
    def row(code: str) -> StatementRow:
        past = before.result_lines.get(code, 0) if before else None
        names, details = _details(code, pair, accounts, "results")
        current = now.result_lines.get(code, 0)
        return StatementRow(line_label(code), current, past, "", names, details)

    def total(label: str, codes: tuple[str, ...], style: str = "sum") -> StatementRow:
        past = sum(before.result_lines.get(c, 0) for c in codes) if before else None
        return StatementRow(label, sum(now.result_lines.get(c, 0) for c in codes), past, style)

    operating = ("intakter", "kostnader", "avskrivningar")
    financial = (*operating, "finansiella_intakter", "finansiella_kostnader")
    rows = [row(c) for c in operating]
    rows.append(total("Verksamhetens nettokostnader", operating))
    rows += [row("finansiella_intakter"), row("finansiella_kostnader")]
    rows.append(total("Resultat efter finansiella poster", financial))
    rows.append(row("extraordinara"))
    if now.result_lines.get(UNMAPPED_RR) or (before and before.result_lines.get(UNMAPPED_RR)):
        rows.append(row(UNMAPPED_RR))
    rows.append(total("Årets resultat", tuple(LINES), "result"))
    return tuple(r for r in rows if r.style or r.current or r.previous)


def _balance_rows(
    pair: Pair, now: _Year, before: _Year | None, accounts: AccountMap
) -> tuple[StatementRow, ...]:
    def row(code: str) -> StatementRow:
        past = before.closing.get(code, 0) if before else None
        names, details = _details(code, pair, accounts, "closing")
        return StatementRow(line_label(code), now.closing.get(code, 0), past, "", names, details)

    def total(label: str, codes: tuple[str, ...]) -> StatementRow:
        past = before.side(codes) if before else None
        return StatementRow(label, now.side(codes), past, "sum")

    def heading(label: str) -> StatementRow:
        return StatementRow(label, None, None, "heading")

    rows = [heading("Tillgångar"), heading("Anläggningstillgångar")]
    rows += [row(c) for c in FIXED_ASSETS]
    rows.append(total("Summa anläggningstillgångar", FIXED_ASSETS))
    rows.append(heading("Omsättningstillgångar"))
    rows += [row(c) for c in CURRENT_ASSETS]
    rows.append(total("Summa omsättningstillgångar", CURRENT_ASSETS))
    if now.closing.get(UNMAPPED_BR) or (before and before.closing.get(UNMAPPED_BR)):
        rows.append(row(UNMAPPED_BR))
    rows.append(StatementRow("Summa tillgångar", now.assets(), _past(before, "assets"), "result"))
    rows.append(heading("Eget kapital, avsättningar och skulder"))
    equity_accounts, _ = _details("eget_kapital", pair, accounts, "closing")
    past_equity = before.equity() if before else None
    rows.append(StatementRow("Eget kapital", now.equity(), past_equity, "", equity_accounts))
    past_result = before.result if before else None
    rows.append(StatementRow("därav årets resultat", now.result, past_result))
    rows.append(row("avsattningar"))
    rows.append(heading("Skulder"))
    rows += [row("langfristiga"), row("kortfristiga")]
    rows.append(total("Summa skulder", ("langfristiga", "kortfristiga")))
    rows.append(
        StatementRow(
            "Summa eget kapital, avsättningar och skulder",
            now.claims(),
            _past(before, "claims"),
            "result",
        )
    )
    return tuple(r for r in rows if r.style or r.current or r.previous or r.label == "Eget kapital")


def _past(before: _Year | None, side: str) -> int | None:
    if before is None:
        return None
    return before.assets() if side == "assets" else before.claims()


def _cash_flow(now: _Year, before: _Year | None) -> list[StatementRow]:
    """Kassaflödesanalys by the indirect method: the result, adjusted, and the balance changes."""
    del before  # the previous year's flow needs the year before it; only this year is shown

    def change(code: str) -> int:
        return now.closing.get(code, 0) - now.opening.get(code, 0)

    depreciation = now.result_lines.get("avskrivningar", 0)  # negative, as printed
    other_equity = now.equity() - now.equity(at_close=False) - now.result
    operating = [
        ("Årets resultat", now.result),
        ("Justering för avskrivningar", -depreciation),
        ("Justering för avsättningar", change("avsattningar")),
        ("Ökning (−) eller minskning (+) av förråd", -change("forrad")),
        ("Ökning (−) eller minskning (+) av fordringar", -change("fordringar")),
        ("Ökning (+) eller minskning (−) av kortfristiga skulder", change("kortfristiga")),
        ("Förändring av balanskonton utan rad", -change(UNMAPPED_BR)),
    ]
    investing = [("Nettoinvesteringar", -sum(change(c) for c in FIXED_ASSETS) + depreciation)]
    financing = [
        ("Förändring av långfristiga skulder", change("langfristiga")),
        ("Övriga förändringar av eget kapital", other_equity),
    ]
    rows: list[StatementRow] = []
    total = 0
    for heading, items, label in (
        ("Den löpande verksamheten", operating, "Kassaflöde från den löpande verksamheten"),
        ("Investeringsverksamheten", investing, "Kassaflöde från investeringsverksamheten"),
        ("Finansieringsverksamheten", financing, "Kassaflöde från finansieringsverksamheten"),
    ):
        rows.append(StatementRow(heading, None, None, "heading"))
        rows += [StatementRow(text, amount, None) for text, amount in items if amount]
        part = sum(amount for _, amount in items)
        rows.append(StatementRow(label, part, None, "sum"))
        total += part
    start, end = now.side(LIQUID, at_close=False), now.side(LIQUID)
    rows.append(StatementRow("Årets kassaflöde", total, None, "result"))
    rows.append(StatementRow("Likvida medel vid årets början", start, None))
    rows.append(StatementRow("Likvida medel vid årets slut", end, None, "sum"))
    return rows


# --- the checks ---------------------------------------------------------------------------


def _kr(amount: int) -> str:
    return format_amount(amount)


def _listed(accounts: AccountMap, numbers: Iterable[str]) -> str:
    return ", ".join(accounts.named(n) for n in numbers)


def _unmapped(books: YearBooks, accounts: AccountMap) -> list[Finding]:
    found = []
    for source, code in ((books.results, UNMAPPED_RR), (books.closing, UNMAPPED_BR)):
        for number in sorted(a for a, v in source.items() if v and accounts.line(a) == code):
            found.append(
                Finding(
                    "warning",
                    "account_without_line",
                    f"Konto {accounts.named(number)} ({_kr(source[number])}) hör inte till någon "
                    "rad i resultat- eller balansräkningen. Det står på raden "
                    f"”{line_label(code)}” tills kontot får en rad.",
                    year=books.year,
                    stated=source[number],
                )
            )
    return found


def _balance_checks(books: YearBooks, year: _Year, accounts: AccountMap) -> list[Finding]:
    """Assets equal equity plus liabilities; the culprits are the accounts whose closing
    balance is not the opening balance plus the vouchers."""
    assets, claims = year.assets(), year.claims()
    if assets == claims:
        return []
    culprits = _disagreeing(books)
    where = (
        f" Kontona där utgående balans inte är ingående balans plus verifikationerna: "
        f"{_listed(accounts, culprits)}."
        if culprits
        else " Kontrollera #UB och #RES i filen."
    )
    return [
        Finding(
            "error",
            "balance_sheet_unbalanced",
            f"Balansräkningen {books.year} går inte ihop: tillgångarna är {_kr(assets)} men eget "
            f"kapital, avsättningar och skulder är {_kr(claims)} (skillnad "
            f"{_kr(assets - claims)}).{where}",
            year=books.year,
            stated=assets,
            computed=claims,
        )
    ]


def _disagreeing(books: YearBooks) -> list[str]:
    if not books.movements:
        return []
    balance_accounts = set(books.opening) | set(books.closing)
    return sorted(
        a
        for a in balance_accounts
        if books.opening.get(a, 0) + books.movements.get(a, 0) != books.closing.get(a, 0)
    )


def _equity_check(books: YearBooks, year: _Year, accounts: AccountMap) -> list[Finding]:
    """The result equals the change in equity."""
    change = year.equity() - year.equity(at_close=False)
    if change == year.result:
        return []
    moved = sorted(
        a
        for a in set(books.opening) | set(books.closing)
        if accounts.line(a) == "eget_kapital" and books.opening.get(a, 0) != books.closing.get(a, 0)
    )
    named = f" Konton: {_listed(accounts, moved)}." if moved else ""
    return [
        Finding(
            "error",
            "result_differs_from_equity_change",
            f"Årets resultat {_kr(year.result)} är inte förändringen av eget kapital "
            f"{_kr(change)} (skillnad {_kr(change - year.result)}).{named}",
            year=books.year,
            stated=change,
            computed=year.result,
        )
    ]


def _voucher_check(books: YearBooks, accounts: AccountMap) -> list[Finding]:
    """A result account's #RES equals the sum of its vouchers, when the file has vouchers."""
    if not books.movements:
        return []
    found = []
    for number in sorted(set(books.results) | _result_accounts(books.movements)):
        stated, vouchers = books.results.get(number, 0), books.movements.get(number, 0)
        if stated != vouchers:
            found.append(
                Finding(
                    "error",
                    "result_differs_from_vouchers",
                    f"Konto {accounts.named(number)}: resultatet i filen (#RES) är "
                    f"{_kr(stated)} men verifikationerna summerar till {_kr(vouchers)}.",
                    year=books.year,
                    stated=stated,
                    computed=vouchers,
                )
            )
    return found


def _result_accounts(amounts: Mapping[str, int]) -> set[str]:
    return {a for a in amounts if a[:1] not in "12"}


def _opening_check(
    books: YearBooks, last_closing: Mapping[str, int], accounts: AccountMap
) -> list[Finding]:
    """Opening balances equal last year's closing ones, account by account. Equity is compared
    as a whole: last year's result is often moved between equity accounts at the turn."""
    found = []
    for number in sorted(set(books.opening) | set(last_closing)):
        if accounts.line(number) == "eget_kapital":
            continue
        opening, closing = books.opening.get(number, 0), last_closing.get(number, 0)
        if opening != closing:
            found.append(_opening_finding(books.year, accounts.named(number), opening, closing))
    return found


def _opening_finding(year: int, account: str, opening: int, closing: int) -> Finding:
    return Finding(
        "error",
        "opening_differs_from_last_closing",
        f"Konto {account}: ingående balans {year} är {_kr(opening)} men utgående balans "
        f"{year - 1} är {_kr(closing)} (skillnad {_kr(opening - closing)}).",
        year=year,
        stated=opening,
        computed=closing,
    )


def opening_equity_check(
    books: YearBooks, opening_equity: int, last_equity: int, accounts: AccountMap
) -> list[Finding]:
    """Equity at the start of the year equals equity at the end of the last (the result
    included when it was not yet booked)."""
    if opening_equity == last_equity:
        return []
    year = books.year
    named = _listed(accounts, _accounts_on(books.opening, accounts, "eget_kapital"))
    return [
        Finding(
            "error",
            "opening_equity_differs",
            f"Eget kapital vid årets början {year} är {_kr(opening_equity)} men vid slutet av "
            f"{year - 1} {_kr(last_equity)} (skillnad {_kr(opening_equity - last_equity)}). "
            f"Konton: {named}.",
            year=year,
            stated=opening_equity,
            computed=last_equity,
        )
    ]


def _cash_check(now: _Year, flow: list[StatementRow], year: int) -> list[Finding]:
    figures = {row.label: row.current or 0 for row in flow}
    start, total = figures["Likvida medel vid årets början"], figures["Årets kassaflöde"]
    end = figures["Likvida medel vid årets slut"]
    if start + total == end or now.assets() != now.claims():
        return []  # an unbalanced balance sheet is already a finding of its own
    return [
        Finding(
            "error",
            "cash_flow_differs",
            f"Kassaflödet {_kr(total)} förklarar inte förändringen av likvida medel "
            f"{_kr(end - start)}.",
            year=year,
        )
    ]


def followup_findings(
    year: int,
    result: int,
    followup_result: int,
    without_budget_line: list[tuple[str, int]],
) -> list[Finding]:
    """The result agrees with the budget follow-up's outcome (income − costs of the lines the
    accounts are mapped to); each result account without a budget line is named."""
    if result == followup_result:
        return []
    named = ", ".join(f"{number} ({_kr(amount)})" for number, amount in without_budget_line)
    accounts = f" Konton utan budgetrad: {named}." if named else ""
    return [
        Finding(
            "error",
            "result_differs_from_followup",
            f"Resultaträkningens resultat {_kr(result)} skiljer sig från budgetuppföljningens "
            f"utfall {_kr(followup_result)} (skillnad {_kr(result - followup_result)}).{accounts}",
            year=year,
            stated=result,
            computed=followup_result,
        )
    ]
