"""Pieces the plan, the follow-up and the notices share: a heading with people's text, the
cover lines, the logo, and the member-contribution table."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from fractions import Fraction
from functools import wraps
from typing import ParamSpec, TypeVar

from django.utils import translation

from samordna.associations.models import Association
from samordna.core import document as doc
from samordna.core.document import AMOUNT, PERCENT, TEXT, Block, Row
from samordna.core.meeting_schedule import joined as joined
from samordna.documents.models import DocumentLayout
from samordna.economy.models import ContributionYear

P = ParamSpec("P")
R = TypeVar("R")


def in_swedish(build: Callable[P, R]) -> Callable[P, R]:
    """Documents are always Swedish, whatever language the reader's browser asks for."""

    @wraps(build)
    def built(*args: P.args, **kwargs: P.kwargs) -> R:
        with translation.override("sv"):
            return build(*args, **kwargs)

    return built


def section(heading: str, facts: Sequence[Block], text: str, level: int = 1) -> list[Block]:
    """A heading, the facts drawn from the data, then the förbund's own words."""
    return [doc.Heading(heading, level), *facts, *doc.blocks_from_text(text)]


def cover_lines(association: Association, decided: str) -> tuple[str, ...]:
    lines = [decided, association.name]
    lines += [line.strip() for line in association.address.splitlines() if line.strip()]
    if association.org_number:
        lines.append(f"Organisationsnummer: {association.org_number}")
    return tuple(line for line in lines if line)


def regions(association: Association) -> int:
    """How many regions are members (the law's wording follows: "regionen" or "regionerna")."""
    return association.members.filter(kind="region").count()


def logo(association: Association) -> bytes | None:
    layout = DocumentLayout.objects.filter(association=association).first()
    return bytes(layout.logo) if layout and layout.logo else None


def word_template(association: Association) -> bytes | None:
    """The förbund's own Word template, or None for the standard one. A template kept before
    uploads were tried on a sample document, which cannot make one, gives the standard one
    too: the Word files are still written, and the layout page says why."""
    from samordna.documents.render_docx import template_error

    stored = _stored_word_template(association)
    return stored if stored is not None and template_error(stored) is None else None


def _stored_word_template(association: Association) -> bytes | None:
    layout = DocumentLayout.objects.filter(association=association).first()
    return bytes(layout.word_template) if layout and layout.word_template else None


FIRST_YEAR, LAST_YEAR = 1990, 2100  # years a document can be asked for


def plausible(year: int) -> bool:
    return FIRST_YEAR <= year <= LAST_YEAR


def period(start: date | None, end: date | None) -> str:
    if start and end:
        return f"{doc.month_year(start)} – {doc.month_year(end)}"
    if start:
        return f"från {doc.month_year(start)}, tills vidare"
    if end:
        return f"till och med {doc.month_year(end)}"
    return "ej fastställd"


def span(years: Sequence[int]) -> str:
    """ "2020–2022", or one year alone."""
    return f"{years[0]}–{years[-1]}" if len(years) > 1 else str(years[0])


def fraction(value: object) -> Fraction:
    return Fraction(str(value))


def contribution_table(saved: ContributionYear) -> doc.Table:
    """Each member's contribution and share, with the sum, as the plans print it."""
    rows: list[Row] = [
        Row((c.member.name, fraction(c.percent), c.amount, c.basis))
        for c in saved.contributions.select_related("member")
    ]
    rows.append(Row(("Summa", Fraction(100), saved.total, ""), "sum"))
    columns = (("Medlem", TEXT), ("Andel", PERCENT), ("Belopp", AMOUNT), ("Beräkning", TEXT))
    return doc.table(f"Medlemsbidrag {saved.year}", columns, rows)
