"""Contribution notices: one per member for the coming year, with the amount, the share, how it
was computed and the payment terms; one member's or all members' in one document."""

from __future__ import annotations

from datetime import date

from samordna.associations.models import Association, Member
from samordna.core import document as doc
from samordna.core.allocation import format_percent, shares_text
from samordna.core.document import AMOUNT, PERCENT, TEXT, Block, Row
from samordna.core.money import format_amount
from samordna.documents import common
from samordna.documents.texts import texts_for
from samordna.economy.models import Contribution, ContributionYear


class NoticeError(LookupError):
    """No allocation for the year, or no such member; the message is Swedish."""


@common.in_swedish
def build(association: Association, year: int, member: Member | None = None) -> doc.Document:
    saved = ContributionYear.objects.filter(association=association, year=year).first()
    if saved is None:
        raise NoticeError(
            f"Medlemsbidragen för {year} är inte fördelade ännu. "
            "Fördela dem under Medlemsbidrag först."
        )
    contributions = list(saved.contributions.select_related("member"))
    if member is not None:
        contributions = [c for c in contributions if c.member_id == member.pk]
        if not contributions:
            raise NoticeError(f"{member.name} har inget medlemsbidrag för {year}.")
    terms = texts_for(association, year)["betalning"].text
    blocks: list[Block] = []
    for index, contribution in enumerate(contributions):
        if index:
            blocks.append(doc.PageBreak())
        blocks += _notice(saved, contribution, terms)
    who = member.name if member else "alla medlemmar"
    slug = f"-{member.pk}" if member else ""
    return doc.Document(
        kind="notice",
        title=f"Medlemsbidrag {year}",
        subtitle=f"Avisering till {who}",
        association=association.name,
        year=year,
        cover_lines=common.cover_lines(association, ""),
        blocks=tuple(blocks),
        filename=f"medlemsbidrag-{association.slug}-{year}{slug}",
        logo=common.logo(association),
        cover=False,
    )


def _notice(saved: ContributionYear, contribution: Contribution, terms: str) -> list[Block]:
    member = contribution.member
    share = format_percent(common.fraction(contribution.percent), 2, trim=True)
    amount = format_amount(contribution.amount)
    blocks: list[Block] = [
        doc.Heading(f"Avisering av medlemsbidrag {saved.year}: {member.name}"),
        doc.Paragraph(
            f"{member.name} betalar {amount} i medlemsbidrag till "
            f"{saved.association.name} för {saved.year}. Det är {share} av förbundets "
            f"medlemsbidrag på {format_amount(saved.total)}."
        ),
        doc.table(
            f"Medlemsbidrag {saved.year}: {member.name}",
            (("Medlem", TEXT), ("Andel", PERCENT), ("Belopp", AMOUNT)),
            [
                Row((member.name, common.fraction(contribution.percent), contribution.amount)),
            ],
        ),
        doc.Heading("Så har beloppet räknats", 2),
        doc.Paragraph(contribution.basis),
        doc.Paragraph(shares_text(date(saved.year, 1, 1), common.regions(saved.association))),
        common.contribution_table(saved),
    ]
    return [*blocks, doc.Heading("Betalning", 2), *doc.blocks_from_text(terms)]
