"""The internal control's follow-up and the audit records as blocks of a document.

`annual_report_sections(association, year)` is what the årsredovisning adds after its
statements: the plan's decision and follow-up per risk, the auditors, their reports and each
member's discharge. Every renderer (HTML, PDF, Word, Excel) draws these blocks as it draws the
rest of the document.
"""

from __future__ import annotations

from samordna.associations.models import Association
from samordna.control import services
from samordna.control.models import ControlPlan, Risk
from samordna.core.document import COUNT, TEXT, Block, Heading, Paragraph, long_date, table


def annual_report_sections(association: Association, year: int) -> tuple[Block, ...]:
    """The blocks "Intern kontroll" and "Revision och ansvarsfrihet" for `year`."""
    return (*internal_control_blocks(association, year), *audit_blocks(association, year))


def internal_control_blocks(association: Association, year: int) -> list[Block]:
    plan = services.plan_for(association, year)
    blocks: list[Block] = [Heading("Intern kontroll", 2)]
    if plan is None:
        blocks.append(Paragraph(f"Det finns ingen internkontrollplan för {year} i Samordna."))
        return blocks
    risks = services.risks_of(plan)
    blocks.append(Paragraph(_decided_sentence(plan)))
    blocks.append(Paragraph(_follow_up_sentence(services.follow_up(risks))))
    if risks:
        blocks.append(_risk_table(risks, year))
    return blocks


def _decided_sentence(plan: ControlPlan) -> str:
    day = plan.decision.date if plan.decision is not None else plan.decided_on
    if day is None:
        return f"Internkontrollplanen för {plan.year} är inte beslutad av styrelsen."
    paragraph = plan.decision.paragraph if plan.decision is not None else plan.paragraph
    cited = f", § {paragraph.lstrip('§ ')}" if paragraph else ""
    return f"Styrelsen beslutade internkontrollplanen för {plan.year} den {long_date(day)}{cited}."


def _follow_up_sentence(done: services.FollowUp) -> str:
    if done.risks == 0:
        return "Planen har inga risker."
    parts = [f"Planen har {done.risks} {'risk' if done.risks == 1 else 'risker'}"]
    parts.append(f"{done.followed} av dem är uppföljda")
    text = ", ".join(parts)
    if done.followed:
        text += (
            f": {done.ok} utan anmärkning, {done.remarks} med brister som behöver åtgärdas och "
            f"{done.not_done} där kontrollen inte genomfördes"
        )
    return text + "."


def _risk_table(risks: list[Risk], year: int) -> Block:
    rows = []
    for number, risk in enumerate(risks, start=1):
        result = services.latest(risk)
        rows.append(
            (
                number,
                risk.name,
                f"{risk.level.word} ({risk.level.score})",
                risk.control,
                risk.responsible,
                result.date.isoformat() if result else "Inte uppföljd",
                result.get_outcome_display() if result else "",
                result.comment if result else "",
            )
        )
    columns = [
        ("Nr", COUNT),
        ("Risk", TEXT),
        ("Risknivå", TEXT),
        ("Kontroll", TEXT),
        ("Ansvarig", TEXT),
        ("Uppföljd", TEXT),
        ("Resultat", TEXT),
        ("Kommentar", TEXT),
    ]
    note = "Risknivå: sannolikhet × konsekvens, var och en 1–4; 1–3 låg, 4–6 måttlig, 8–16 hög."
    return table(f"Internkontrollplanens uppföljning {year}", columns, rows, note)


def audit_blocks(association: Association, year: int) -> list[Block]:
    found = services.audit_year(association, year)
    blocks: list[Block] = [Heading("Revision och ansvarsfrihet", 2)]
    if found.auditors:
        rows = [
            (
                a.name,
                a.appointed_by.name if a.appointed_by else "Gemensam",
                "Ja" if a.authorised else "Nej",
            )
            for a in found.auditors
        ]
        columns = [("Revisor", TEXT), ("Utsedd av", TEXT), ("Auktoriserad", TEXT)]
        blocks.append(table(f"Revisorer {year}", columns, rows))
    else:
        blocks.append(Paragraph(f"Inga revisorer är registrerade för {year}."))
    blocks.append(Paragraph(_reports_sentence(found, year)))
    blocks.extend(_discharge_blocks(found, year))
    return blocks


def _reports_sentence(found: services.AuditYear, year: int) -> str:
    if not found.reports:
        return f"Revisorernas rapporter för {year} har inte kommit in än."
    titles = ", ".join(f"{r.title} ({r.uploaded_at.date().isoformat()})" for r in found.reports)
    return f"Revisorernas rapporter för {year}: {titles}."


def _discharge_blocks(found: services.AuditYear, year: int) -> list[Block]:
    rows: list[tuple[object, ...]] = [
        (d.member.name, d.get_outcome_display(), d.decided_on.isoformat()) for d in found.discharges
    ]
    rows += [(m.name, "Inget beslut registrerat", "") for m in found.undecided]
    columns = [("Medlem", TEXT), ("Ansvarsfrihet", TEXT), ("Medlemmens beslut", TEXT)]
    return [table(f"Ansvarsfrihet för {year}", columns, rows)] if rows else []
