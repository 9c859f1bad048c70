"""Årsredovisning YEAR, built once from the books, the follow-up and the förbund's own texts.

The order follows the annual reports förbund publish (Nationella rådets mall):
förvaltningsberättelse (the year's events, the activity and its results, the
economy, the financial goals on the outcome, equity against the cap, expected
development), resultaträkning, balansräkning and kassaflödesanalys with the year
before beside them, noter, redovisningsprinciper and the board's signatures.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from fractions import Fraction

from samordna.actuals import services as actuals
from samordna.associations.models import Association, BoardSeat
from samordna.budgets.financial_goals import goals_for
from samordna.closing import services as closing
from samordna.control import sections as control_sections
from samordna.core import document as doc
from samordna.core import equity, goals
from samordna.core.budget import Section, YearTotals, year_totals
from samordna.core.document import AMOUNT, TEXT, Block, Row
from samordna.core.money import format_amount
from samordna.core.statements import StatementRow, Statements, line_label
from samordna.core.suppression import Cell
from samordna.documents import common, images
from samordna.documents.texts import texts_for
from samordna.followup import services as followup_services

# Sections other areas add to the förvaltningsberättelse, after equity and before the expected
# development: the internal control's follow-up and the auditors' records (issue 18, items 5
# and 6). Each takes the förbund and the year and returns blocks.
EXTRA_SECTIONS: list[Callable[[Association, int], Sequence[Block]]] = [
    control_sections.annual_report_sections
]


class NoBooks(LookupError):
    """The year has no books (no SIE import): there is nothing to report on."""


def no_books_message(association: Association, year: int) -> str:
    return (
        f"{association.name} har ingen bokföring för {year}. Importera årets SIE-fil under "
        "Utfall först; årsredovisningen byggs av den."
    )


@common.in_swedish
def build(association: Association, year: int) -> doc.Document:
    found = closing.closing_of(association, year)
    if found is None:
        raise NoBooks(no_books_message(association, year))
    books = found.statements
    texts = {key: t.text for key, t in texts_for(association, year).items()}
    blocks: list[Block] = [doc.Heading("Förvaltningsberättelse"), _facts(association, year)]
    blocks += common.section("Årets viktigaste händelser", [], texts["arets_handelser"], 2)
    blocks += _activity(association, year)
    blocks += _economy(books, found.vouchers)
    blocks += _financial_goals(association, year, books)
    blocks += _equity(association, year, books)
    for extra in EXTRA_SECTIONS:
        blocks += extra(association, year)
    blocks += common.section("Förväntad utveckling", [], texts["forvantad_utveckling"], 2)
    notes = _notes(books)
    blocks += [doc.PageBreak(), *_statement_tables(books, notes)]
    blocks += _note_blocks(books, notes)
    blocks += common.section("Redovisningsprinciper", [], texts["redovisningsprinciper"])
    blocks += [doc.PageBreak(), *_signatures(association, year)]
    return doc.Document(
        kind="annual_report",
        title=f"Årsredovisning {year}",
        subtitle=f"Räkenskapsåret {year}-01-01 – {year}-12-31",
        association=association.name,
        year=year,
        cover_lines=common.cover_lines(association, ""),
        blocks=tuple(images.with_images(association, blocks)),
        filename=f"arsredovisning-{association.slug}-{year}",
        logo=common.logo(association),
        findings=tuple(f.message for f in found.findings),
    )


def _facts(association: Association, year: int) -> doc.Paragraph:
    members = common.joined(m.name for m in association.members.all())
    listed = f" Medlemmar är {members}." if members else ""
    org = f" (organisationsnummer {association.org_number})" if association.org_number else ""
    return doc.Paragraph(
        f"Styrelsen för {association.name}{org} lämnar här årsredovisningen för "
        f"räkenskapsåret {year}. Förbundet bedriver finansiell samordning enligt lagen "
        f"(2003:1210) om finansiell samordning av rehabiliteringsinsatser.{listed}"
    )


def _activity(association: Association, year: int) -> list[Block]:
    """Participants and insatser from the follow-up, as protected as the follow-up prints them."""
    found = followup_services.report(association, year)
    running = [
        i
        for i in association.interventions.all()
        if i.status not in {"ide", "ansokan"}
        and (i.start is None or i.start <= date(year, 12, 31))
        and (i.end is None or i.end >= date(year, 1, 1))
    ]
    individual = sum(1 for i in running if i.kind == "individual")
    structural = len(running) - individual
    sentences = [
        f"Under {year} finansierade förbundet {len(running)} "
        f"{'insats' if len(running) == 1 else 'insatser'}: {individual} "
        f"{'individinriktad' if individual == 1 else 'individinriktade'} och {structural} "
        f"{'strukturövergripande'}."
    ]
    if found.participants.count:
        sentences.append(
            f"{_people(found.participants)} deltog i de individinriktade insatserna och "
            f"{_people(found.exits)} avslutade sin insats under året."
        )
    else:
        sentences.append(f"Inga deltagare är registrerade för {year}.")
    sentences.append("Resultaten per insats och mål redovisas i verksamhetsberättelsen.")
    return [doc.Heading("Verksamheten och måluppfyllelse", 2), doc.Paragraph(" ".join(sentences))]


def _people(cell: Cell) -> str:
    """A protected count in a sentence: "18 personer", "färre än 5 personer" or, for a count
    hidden to protect another, words instead of the table's "x"."""
    if cell.small:
        return "färre än 5 personer"
    if cell.hidden:
        return "ett antal personer som inte redovisas för att skydda små grupper"
    return f"{cell.count} {'person' if cell.count == 1 else 'personer'}"


def _figure(rows: tuple[StatementRow, ...], label: str) -> int:
    return next((r.current or 0 for r in rows if r.label == label), 0)


def _economy(books: Statements, vouchers: int) -> list[Block]:
    income = _figure(books.income, line_label("intakter"))
    costs = _figure(books.income, line_label("kostnader"))
    before = (
        f" (föregående år {format_amount(books.previous_result)})"
        if books.previous_result is not None
        else ""
    )
    text = (
        f"Årets resultat är {format_amount(books.result)}{before}. Verksamhetens intäkter var "
        f"{format_amount(income)} och verksamhetens kostnader {format_amount(-costs)}. "
        f"Eget kapital vid årets slut är {format_amount(books.equity)}."
    )
    if vouchers:
        text += f" Bokföringen för året har {vouchers} verifikationer."
    return [doc.Heading("Ekonomi", 2), doc.Paragraph(text)]


def _outcome_totals(association: Association, year: int) -> YearTotals:
    """The year's outcome per budget section, as the budget follow-up sums it."""
    sections: dict[str, int] = {}
    for (section, _label), months in actuals.actuals_by_line(association, year).items():
        sections[section] = sections.get(section, 0) + sum(months.values())
    return year_totals({section: sections.get(section.value, 0) for section in Section})


def _cap(association: Association, year: int) -> equity.Cap | None:
    saved = association.contribution_years.filter(year=year).first()
    contributions = saved.total if saved else None
    if contributions is None:
        return None
    return equity.cap(contributions, equity.default_bands(date(year, 12, 31)))


def _financial_goals(association: Association, year: int, books: Statements) -> list[Block]:
    written = goals_for(association, year)
    blocks: list[Block] = [doc.Heading("Finansiella mål", 2)]
    if not written:
        return [*blocks, doc.Paragraph(f"Förbundet har inga finansiella mål inskrivna för {year}.")]
    totals = _outcome_totals(association, year)
    found = _cap(association, year)
    cap = found.amount if found else None
    rows = [
        Row((goals.describe(goal), goals.evaluate(goal, totals, books.equity, cap).text))
        for goal in written
    ]
    columns = (("Mål", TEXT), (f"Utfall {year}", TEXT))
    return [*blocks, doc.table(f"Finansiella mål {year} mot utfallet", columns, rows)]


def _equity(association: Association, year: int, books: Statements) -> list[Block]:
    found = _cap(association, year)
    blocks: list[Block] = [doc.Heading("Eget kapital", 2)]
    text = f"Eget kapital vid årets slut är {format_amount(books.equity)}."
    if found is None or found.amount is None:
        text += (
            f" Taket för eget kapital kan inte beräknas: medlemsbidragen för {year} är inte "
            "fördelade i Samordna, eller så saknar intervallet en bekräftad procentsats."
        )
    else:
        share = Fraction(books.equity * 100, found.amount) if found.amount else None
        within = "inom" if books.equity <= found.amount else "över"
        text += (
            f" Nationella rådets rekommendation ger ett tak på {format_amount(found.amount)} "
            f"({found.band.percent} % av medlemsbidragen); det egna kapitalet är {within} taket"
            + (f" ({round(share)} % av taket)." if share is not None else ".")
        )
    blocks.append(doc.Paragraph(text))
    return blocks


# --- the statements and their notes --------------------------------------------------------


def _notes(books: Statements) -> dict[str, int]:
    """Note numbers, in reading order, for the lines with accounts behind them."""
    numbered: dict[str, int] = {}
    for row in (*books.income, *books.balance):
        if row.details and row.label not in numbered:
            numbered[row.label] = len(numbered) + 1
    return numbered


def _columns(year: int) -> tuple[tuple[str, str], ...]:
    return (("", TEXT), ("Not", TEXT), (str(year), AMOUNT), (str(year - 1), AMOUNT))


def _table(
    caption: str, rows: tuple[StatementRow, ...], year: int, notes: dict[str, int]
) -> doc.Table:
    printed = [
        Row((r.label, str(notes.get(r.label, "")), r.current, r.previous), r.style) for r in rows
    ]
    return doc.table(caption, _columns(year), printed)


def _statement_tables(books: Statements, notes: dict[str, int]) -> list[Block]:
    flow_columns = (("", TEXT), (str(books.year), AMOUNT))
    flow = [Row((r.label, r.current), r.style) for r in books.cash_flow]
    return [
        doc.Heading("Resultaträkning"),
        _table(f"Resultaträkning {books.year}", books.income, books.year, notes),
        doc.Heading("Balansräkning"),
        _table(f"Balansräkning {books.year}-12-31", books.balance, books.year, notes),
        doc.Heading("Kassaflödesanalys"),
        doc.table(f"Kassaflödesanalys {books.year}", flow_columns, flow),
    ]


def _note_blocks(books: Statements, notes: dict[str, int]) -> list[Block]:
    rows = {r.label: r for r in (*books.income, *books.balance) if r.details}
    blocks: list[Block] = [doc.Heading("Noter")]
    for label, number in notes.items():
        row = rows[label]
        per_account = [Row((name, None, now, past)) for name, now, past in row.details]
        table = doc.table(
            f"Not {number}. {label}",
            (("Konto", TEXT), ("", TEXT), (str(books.year), AMOUNT), (str(books.year - 1), AMOUNT)),
            [*per_account, Row(("Summa", None, row.current, row.previous), "sum")],
        )
        blocks.append(table)
    return blocks


def _signatures(association: Association, year: int) -> list[Block]:
    seats = BoardSeat.objects.filter(
        association=association, seat=BoardSeat.Seat.REGULAR
    ).select_related("member")
    signing = [
        s
        for s in seats
        if (s.term_start is None or s.term_start <= date(year + 1, 3, 31))
        and (s.term_end is None or s.term_end >= date(year + 1, 1, 1))
    ]
    blocks: list[Block] = [
        doc.Heading("Styrelsens underskrifter"),
        doc.Paragraph("Ort och datum: ______________________________"),
    ]
    if not signing:
        return [*blocks, doc.Paragraph("Styrelsens ledamöter är inte inskrivna i Samordna ännu.")]
    rows = [Row((_signer(s), s.member.name, "______________________________")) for s in signing]
    columns = (("Ledamot", TEXT), ("Utsedd av", TEXT), ("Underskrift", TEXT))
    return [*blocks, doc.table(f"Styrelsens underskrifter, årsredovisning {year}", columns, rows)]


def _signer(seat: BoardSeat) -> str:
    name = seat.person_name or "(namnet är inte inskrivet)"
    return f"{name}, {seat.get_role_display().lower()}" if seat.role else name
