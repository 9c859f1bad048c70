"""Verksamhetsplan och budget YEAR (med plan YEAR+1–YEAR+2), built once from the data.

The order follows the plans the förbund publish (DOMAIN.md section 9, seeds 000,
002 and 004): introduction, mission, organisation, target groups, insatser, goals,
financial goals, follow-up, internal control, member contributions, the budget
and the three-year budget, and equity against the cap.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from fractions import Fraction

from samordna.associations.models import Association, BoardSeat, Member, Officer
from samordna.budgets import plan_version
from samordna.budgets import services as budgets
from samordna.budgets.models import Budget, BudgetVersion
from samordna.budgets.projection import bands_for, goal_rows_of, projection
from samordna.core import document as doc
from samordna.core.allocation import format_percent, law_title, shares_text
from samordna.core.budget import Budget as CoreBudget
from samordna.core.budget import Section
from samordna.core.budget_check import BudgetCheck, check_budget
from samordna.core.budget_print import display_rows, error_summary
from samordna.core.calendar import part_year_text, year_label
from samordna.core.contribution_check import years_without_contributions
from samordna.core.document import AMOUNT, PERCENT, TEXT, Block, Row
from samordna.core.equity import EquityYear
from samordna.core.followup import MEASURES
from samordna.core.meeting_schedule import joined
from samordna.core.money import format_amount
from samordna.documents import charts_data, common, images, plan_register
from samordna.documents.stated import stated_blocks
from samordna.documents.texts import texts_for
from samordna.economy.models import ContributionYear
from samordna.followup.models import FollowupTarget, IndicatorTarget
from samordna.interventions.models import Intervention


@common.in_swedish
def build(
    association: Association, year: int, version: BudgetVersion | None = None
) -> doc.Document:
    """The plan for `year`, its budget from `version` (by default the decided one)."""
    version = version or plan_version.default_version(association, year)
    budget = version.budget if version else None
    core = budgets.to_core(version) if version else None
    check = check_budget(core) if core else None
    last = year + (budget.plan_years if budget else 2)
    texts = {key: t.text for key, t in texts_for(association, year).items()}
    blocks: list[Block] = []
    blocks += common.section("Inledning", [_facts(association, year)], texts["inledning"])
    blocks += common.section("Uppdraget", [], texts["uppdrag"])
    blocks += common.section("Organisation och arbetssätt", [], texts["organisation"])
    blocks += _organisation(association)
    blocks += plan_register.meetings(association, [year])
    blocks += common.section("Målgrupper", [], texts["malgrupper"])
    blocks += _interventions(association, year, last, check)
    blocks += _goals(association, year, texts["inriktningsmal"])
    blocks += common.section("Finansiella mål", [], texts["finansiella_mal"])
    blocks += _financial_goals(version, check, year)
    blocks += common.section("Uppföljning och utvärdering", [], texts["uppfoljning"])
    blocks += common.section("Intern kontroll", [], texts["intern_kontroll"])
    blocks += [doc.PageBreak(), *_contributions(association, year)]
    blocks += _budget(version, core, check, year)
    return doc.Document(
        kind="plan",
        title=f"Verksamhetsplan och budget {year}",
        subtitle=f"med plan för {common.span(range(year + 1, last + 1))}" if last > year else "",
        association=association.name,
        year=year,
        cover_lines=common.cover_lines(association, plan_version.cover_status(version)),
        blocks=tuple(images.with_images(association, blocks)),
        filename=f"verksamhetsplan-{association.slug}-{year}",
        logo=common.logo(association),
        findings=tuple(error_summary(core, check)) if core and check else (),
    )


def _facts(association: Association, year: int) -> doc.Paragraph:
    members = [m.name for m in association.members.all()]
    formed = (
        f"Den {doc.long_date(association.formed_on)} bildades {association.name}"
        if association.formed_on
        else f"{association.name} är bildat"
    )
    listed = f" Medlemmar är {common.joined(members)}." if members else ""
    law = law_title(date(year, 1, 1))
    return doc.Paragraph(f"{formed} i enlighet med {law}.{listed}")


def _organisation(association: Association) -> list[Block]:
    seats = BoardSeat.objects.filter(association=association).select_related("member")
    rows = []
    for member in association.members.all():
        own = [s for s in seats if s.member_id == member.pk]
        regular = [_seat_name(s) for s in own if s.seat == BoardSeat.Seat.REGULAR]
        deputy = [_seat_name(s) for s in own if s.seat == BoardSeat.Seat.DEPUTY]
        rows.append((member.name, "\n".join(regular), "\n".join(deputy)))
    blocks: list[Block] = [doc.Heading("Styrelsen", 2)]
    if not seats:
        blocks.append(doc.Paragraph("Styrelsens ledamöter och ersättare är inte inskrivna ännu."))
    else:
        columns = (("Medlem", TEXT), ("Ledamot", TEXT), ("Ersättare", TEXT))
        blocks.append(doc.table("Styrelsens ledamöter och ersättare", columns, rows))
    officers = Officer.objects.filter(association=association)
    for group, label in Officer.Group.choices:
        people = [_officer_name(o) for o in officers if o.group == group]
        if people:
            blocks += [doc.Heading(str(label), 2), doc.Bullets(tuple(people))]
    return blocks


def _seat_name(seat: BoardSeat) -> str:
    """ "Anna Berg (S), ordförande": the name, the party when given, the role."""
    name = seat.person_name or "(namnet är inte inskrivet)"
    party = f" ({seat.party.strip()})" if seat.party.strip() else ""
    role = f", {seat.get_role_display().lower()}" if seat.role else ""
    return f"{name}{party}{role}"


def _officer_name(officer: Officer) -> str:
    member = f" ({officer.member.name})" if officer.member_id and officer.member else ""
    name = f"{officer.person_name}, " if officer.person_name else ""
    return f"{name}{officer.title}{member}"


def _interventions(
    association: Association, year: int, last: int, check: BudgetCheck | None
) -> list[Block]:
    first_day, last_day = date(year, 1, 1), date(last, 12, 31)
    chosen = [
        i
        for i in association.interventions.prefetch_related("members", "budget_years")
        if i.status not in {"ide", "ansokan"}
        and (i.start is None or i.start <= last_day)
        and (i.end is None or i.end >= first_day)
    ]
    years = list(range(year, last + 1))
    blocks: list[Block] = [doc.Heading(f"Insatser {common.span(years)}")]
    for kind, label in (("individual", "Individinriktade"), ("structural", "Strukturövergripande")):
        own = [i for i in chosen if i.kind == kind]
        blocks.append(doc.Heading(f"{label} insatser", 2))
        if not own:
            blocks.append(doc.Paragraph("Inga beviljade insatser under perioden."))
            continue
        caption = f"{label} insatser {common.span(years)}"
        table = _intervention_table(caption, own, years)
        blocks.append(_lumps_in_budget(table, kind, years, check))
    return blocks + plan_register.ideas(association, years)


def _lumps_in_budget(
    table: doc.Table, kind: str, years: list[int], check: BudgetCheck | None
) -> doc.Table:
    """A plan year the budget gives as one sum for the section, with no amount per insats:
    the sum row prints the budget's lump (not 0 kr) and the note says so."""
    section = Section(kind)
    lumped = [y for y in years if check and y in check.totals and section in check.totals[y].lumped]
    if not lumped:
        return table
    first = len(table.columns) - len(years)
    cells = list(table.rows[-1].cells)
    for year in lumped:
        index = first + years.index(year)
        if all(row.cells[index] is None for row in table.rows[:-1]):
            cells[index] = check.totals[year].of([section]) if check else None
    when = common.joined(str(y) for y in lumped)
    note = (
        f"{when}: budgeten anger insatserna som en summa för avsnittet; "
        "beloppet per insats är inte fördelat än."
    )
    rows = (*table.rows[:-1], Row(tuple(cells), "sum"))
    return replace(table, rows=rows, note=f"{table.note} {note}".strip())


def _intervention_table(caption: str, chosen: list[Intervention], years: list[int]) -> doc.Table:
    everyone = set(
        Member.objects.filter(association=chosen[0].association_id).values_list("pk", flat=True)
    )
    columns = [("Insats", TEXT), ("Utförare", TEXT), ("Period", TEXT)]
    columns += [(f"Budget {y}", AMOUNT) for y in years]
    rows: list[Row] = []
    for insats in chosen:
        by_year = {b.year: b.amount for b in insats.budget_years.all()}
        period = common.period(insats.start, insats.end)
        amounts = (by_year.get(y) for y in years)
        rows.append(Row((insats.name, _performers(insats, everyone), period, *amounts)))
    return doc.with_sum(doc.table(caption, columns, rows))


def _performers(insats: Intervention, everyone: set[int]) -> str:
    members = list(insats.members.all())
    if everyone and {m.pk for m in members} == everyone:
        return "Alla medlemmar"
    return ", ".join(m.name for m in members)


def _goals(association: Association, year: int, direction: str) -> list[Block]:
    blocks: list[Block] = [doc.Heading("Mål"), doc.Heading("Inriktningsmål", 2)]
    blocks += doc.blocks_from_text(direction)
    targets = FollowupTarget.objects.filter(association=association, year=year)
    blocks.append(doc.Heading("Delmål", 2))
    if targets:
        items = [
            f"Minst {t.part} av {t.of} deltagare som avslutas: {MEASURES[t.measure].lower()}"
            for t in targets
        ]
        blocks.append(doc.Bullets(tuple(items)))
    else:
        blocks.append(doc.Paragraph(f"Inga delmål är satta för {year}."))
    indicator_targets = IndicatorTarget.objects.filter(
        indicator__association=association, year=year
    ).select_related("indicator")
    if indicator_targets:
        rows = [
            (
                str(t.indicator.number),
                t.indicator.text or "(lydelsen är inte inskriven)",
                t.indicator.get_group_display(),
                common.fraction(t.percent),
            )
            for t in indicator_targets
        ]
        columns = (("Nr", TEXT), ("Indikator", TEXT), ("Svarsgrupp", TEXT), ("Mål", PERCENT))
        blocks += [
            doc.Heading("Mål för indikatorerna", 2),
            doc.table(f"Mål för indikatorerna {year}: andel som instämmer", columns, rows),
        ]
    return blocks


def _financial_goals(
    version: BudgetVersion | None, check: BudgetCheck | None, year: int
) -> list[Block]:
    """The förbund's own goals, judged on the version the plan prints; none written, none judged."""
    rows = []
    if version is not None and check is not None:
        judged = goal_rows_of(version.budget, check.totals, _projection(version, check))
        rows = [(label, *(cell.text for cell in cells)) for label, cells, _outcome in judged]
    if version is None or not rows:
        return [doc.Paragraph(f"Förbundet har inte satt några finansiella mål för {year}.")]
    years = version.budget.years
    columns = [("Mål", TEXT)] + [(str(y), TEXT) for y in years]
    return [doc.table(f"Finansiella mål {common.span(years)}", columns, rows)]


def _contributions(association: Association, year: int) -> list[Block]:
    blocks: list[Block] = [doc.Heading(f"Medlemsbidrag {year}")]
    saved = ContributionYear.objects.filter(association=association, year=year).first()
    if saved is None:
        return [*blocks, doc.Paragraph(f"Medlemsbidragen för {year} är inte fördelade ännu.")]
    blocks.append(
        doc.Paragraph(
            f"Förbundets medlemsbidrag uppgår {year} till {format_amount(saved.total)}. "
            f"{shares_text(date(year, 1, 1), common.regions(association))} "
            "Medlemsbidraget fördelas enligt nedan."
        )
    )
    blocks.append(common.contribution_table(saved))
    return [*blocks, *stated_blocks(saved)]


def _budget(
    version: BudgetVersion | None, core: CoreBudget | None, check: BudgetCheck | None, year: int
) -> list[Block]:
    if version is None or core is None:
        return [doc.Heading(f"Budget {year}"), doc.Paragraph(f"Det finns ingen budget för {year}.")]
    budget = version.budget
    rows = display_rows(core)
    blocks: list[Block] = [doc.Heading(f"Budget {year}")]
    if part_year_text(budget.first_year, budget.first_month):
        blocks.append(doc.Paragraph(part_year_text(budget.first_year, budget.first_month)))
    blocks.append(_budget_table(f"Budget {year}", rows, [0], budget))
    blocks.append(charts_data.budget_by_section(core, budget.unit))
    if len(budget.years) > 1:
        span, plan_span = common.span(budget.years), common.span(budget.years[1:])
        blocks.append(doc.Heading(f"Budget och plan {span}"))
        every = list(range(len(budget.years)))
        blocks.append(_budget_table(f"Budget {year} och plan {plan_span}", rows, every, budget))
    blocks += _equity(version, check)
    return blocks


ROW_STYLES = {"heading": "heading", "result": "result", "line": ""}


def _budget_table(caption: str, rows: list, indices: list[int], budget: Budget) -> doc.Table:
    columns = [("Budgetpost", TEXT)] + [
        (year_label(budget.years[i], budget.first_year, budget.first_month), AMOUNT)
        for i in indices
    ]
    built = [
        Row(
            (r.label, *(r.amounts[i] for i in indices)),
            ROW_STYLES.get(r.kind, "sum"),
            (r.note, *(r.notes[i] if r.notes else "" for i in indices)),
        )
        for r in rows
    ]
    unit_note = f"Belopp i {budget.unit}." if budget.unit != "kr" else ""
    return doc.table(caption, columns, built, unit_note, budget.unit)


def _equity(version: BudgetVersion, check: BudgetCheck | None) -> list[Block]:
    years = _projection(version, check)
    if not years or check is None:
        return []
    uncapped = years_without_contributions(check.totals, {y.year: y.contributions for y in years})
    rows = [
        (
            str(y.year),
            y.opening,
            y.result,
            y.closing,
            None if y.year in uncapped else y.cap.amount,
            "kan inte räknas" if y.year in uncapped else _percent_text(y.cap.band.percent),
        )
        for y in years
    ]
    columns = (
        ("År", TEXT),
        ("Ingående eget kapital", AMOUNT),
        ("Årets resultat", AMOUNT),
        ("Utgående eget kapital", AMOUNT),
        ("Tak", AMOUNT),
        ("Takets procentsats", TEXT),
    )
    span = common.span(version.budget.years)
    table = doc.table(f"Eget kapital mot taket {span}", columns, rows)
    said = "Taket för eget kapital följer Nationella rådets rekommendation, räknat på årets "
    said += "medlemsbidrag."
    if uncapped:
        said += f" Budgeten anger inga medlemsbidrag för {joined(map(str, uncapped))}, så taket "
        said += "kan inte räknas för de åren." if len(uncapped) > 1 else "kan inte räknas det året."
    return [
        doc.Heading("Eget kapital"),
        doc.Paragraph(said),
        charts_data.equity_against_cap(years, table),
    ]


def _projection(version: BudgetVersion, check: BudgetCheck | None) -> list[EquityYear]:
    """The equity projection of the version the plan prints (not only the budget's newest)."""
    budget = version.budget
    if check is None:
        return []
    return projection(budget, check.totals, version, bands_for(budget))


def _percent_text(value: Fraction | None) -> str:
    return format_percent(value, 1, trim=True) if value is not None else "okänd"
