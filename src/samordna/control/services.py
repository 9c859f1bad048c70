"""The control pages' data: a year's internkontrollplan with its matrix, the audit year, the
board's minutes and the delegation check, read once and handed to pages, Excel and documents."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Prefetch, Q, QuerySet

from samordna.associations.models import Association, Member
from samordna.control.models import (
    Auditor,
    AuditReport,
    ControlPlan,
    ControlResult,
    DelegationMatter,
    Discharge,
    Risk,
)
from samordna.core.findings import Finding
from samordna.core.internal_control import (
    CONSEQUENCE,
    LIKELIHOOD,
    DelegatedDecision,
    MatrixCell,
    Matter,
    delegation_findings,
    risk_matrix,
)
from samordna.downloads import NUMBER, TEXT, Sheet, workbook_bytes
from samordna.interventions.models import Decision, Meeting

PDF_LIMIT = 10 * 1024 * 1024  # docs/filformat/granser.md


def pdf_error(data: bytes) -> str | None:
    """Why `data` cannot be kept as an audit report, or None: a PDF starts with %PDF-."""
    if len(data) > PDF_LIMIT:
        return "Filen är större än 10 MB."
    if not data.startswith(b"%PDF-"):
        return "Filen är inte en PDF-fil (den börjar inte med %PDF-)."
    return None


def plan_for(association: Association, year: int) -> ControlPlan | None:
    return (
        ControlPlan.objects.select_related("decision")
        .prefetch_related(Prefetch("risks", Risk.objects.prefetch_related("results")))
        .filter(association=association, year=year)
        .first()
    )


def risks_of(plan: ControlPlan | None) -> list[Risk]:
    return list(plan.risks.all()) if plan is not None else []


def latest(risk: Risk) -> ControlResult | None:
    results = list(risk.results.all())
    return results[-1] if results else None


def matrix(risks: list[Risk]) -> list[list[MatrixCell]]:
    numbered = [
        (f"{n}. {risk.name}", risk.likelihood, risk.consequence) for n, risk in _numbered(risks)
    ]
    return risk_matrix(numbered)


def labelled_matrix(risks: list[Risk]) -> list[tuple[str, list[MatrixCell]]]:
    """The matrix's rows with their heading ("4 Sannolik")."""
    rows = matrix(risks)
    return [(f"{row[0].likelihood} {LIKELIHOOD[row[0].likelihood]}", row) for row in rows]


def _numbered(risks: list[Risk]) -> list[tuple[int, Risk]]:
    return list(enumerate(risks, start=1))


@dataclass(frozen=True)
class FollowUp:
    """How far the year's controls have been followed up."""

    risks: int
    followed: int
    ok: int
    remarks: int
    not_done: int


def follow_up(risks: list[Risk]) -> FollowUp:
    outcomes = [result.outcome for risk in risks if (result := latest(risk)) is not None]
    return FollowUp(
        len(risks),
        len(outcomes),
        outcomes.count(ControlResult.Outcome.OK),
        outcomes.count(ControlResult.Outcome.REMARK),
        outcomes.count(ControlResult.Outcome.NOT_DONE),
    )


PLAN_HEADER = (
    "Nr",
    "Risk",
    "Sannolikhet (1–4)",
    "Konsekvens (1–4)",
    "Riskvärde",
    "Risknivå",
    "Kontroll",
    "Ansvarig",
    "Hur ofta",
    "Senast uppföljd",
    "Resultat",
    "Kommentar",
)


def plan_rows(risks: list[Risk]) -> list[list[Any]]:
    rows = []
    for number, risk in _numbered(risks):
        result = latest(risk)
        rows.append(
            [
                number,
                risk.name,
                risk.likelihood,
                risk.consequence,
                risk.level.score,
                risk.level.word,
                risk.control,
                risk.responsible,
                risk.get_frequency_display(),
                result.date.isoformat() if result else "Inte uppföljd",
                result.get_outcome_display() if result else "",
                result.comment if result else "",
            ]
        )
    return rows


def plan_workbook(association: Association, year: int) -> bytes:
    """The plan as Excel: the risks, the matrix and every follow-up."""
    plan = plan_for(association, year)
    risks = risks_of(plan)
    kinds = [NUMBER, TEXT, NUMBER, NUMBER, NUMBER] + [TEXT] * 7
    caption = f"Internkontrollplan {year}, {association.name}"
    if plan is not None and plan.decided:
        caption += f", beslutad {plan.decided}"
    sheets = [
        Sheet("Internkontrollplan", PLAN_HEADER, plan_rows(risks), kinds, caption=caption),
        _matrix_sheet(risks, year),
        _results_sheet(risks),
    ]
    return workbook_bytes(sheets)


def _matrix_sheet(risks: list[Risk], year: int) -> Sheet:
    header = ["Sannolikhet", *(f"{n} {CONSEQUENCE[n]}" for n in sorted(CONSEQUENCE))]
    rows = [
        [f"{row[0].likelihood} {LIKELIHOOD[row[0].likelihood]}"]
        + [
            f"{cell.level.word} ({cell.level.score}): " + "; ".join(cell.risks)
            if cell.risks
            else f"{cell.level.word} ({cell.level.score})"
            for cell in row
        ]
        for row in matrix(risks)
    ]
    caption = f"Riskmatris {year}: sannolikhet (rader) och konsekvens (kolumner)"
    return Sheet("Riskmatris", header, rows, caption=caption)


def _results_sheet(risks: list[Risk]) -> Sheet:
    rows = [
        [number, risk.name, result.date.isoformat(), result.get_outcome_display(), result.comment]
        for number, risk in _numbered(risks)
        for result in risk.results.all()
    ]
    header = ("Nr", "Risk", "Datum", "Resultat", "Kommentar")
    return Sheet("Uppföljning", header, rows, [NUMBER, TEXT, TEXT, TEXT, TEXT])


@dataclass(frozen=True)
class AuditYear:
    auditors: list[Auditor]
    reports: list[AuditReport]
    discharges: list[Discharge]
    undecided: list[Member]  # members without a discharge decision for the year


def audit_year(association: Association, year: int) -> AuditYear:
    discharges = list(association.discharges.filter(year=year).select_related("member"))
    decided = {d.member_id for d in discharges}
    return AuditYear(
        list(association.auditors.filter(year=year).select_related("appointed_by")),
        list(association.audit_reports.filter(year=year).defer("file")),
        discharges,
        [m for m in association.members.all() if m.pk not in decided],
    )


def board_meetings(association: Association) -> QuerySet[Meeting]:
    return association.meetings.filter(body=Meeting.Body.BOARD).select_related("minutes")


def delegation_decisions(association: Association) -> QuerySet[Decision]:
    """The register's decisions taken by delegation (or of the kind "Delegation")."""
    return (
        association.decisions.filter(
            Q(by_delegation=True) | Q(kind=Decision.DecisionKind.DELEGATION)
        )
        .select_related("delegation__matter")
        .order_by("-date", "-id")
    )


def _matter(row: DelegationMatter) -> Matter:
    return Matter(row.pk, row.text, row.limit, row.valid_from, row.valid_to)


def _delegated(decision: Decision) -> DelegatedDecision:
    use = getattr(decision, "delegation", None)
    return DelegatedDecision(
        decision.citation,
        decision.date,
        decision.text,
        use.matter_id if use is not None else None,
        use.amount if use is not None else None,
    )


def delegation_check(association: Association) -> tuple[list[Decision], list[Finding]]:
    """The delegation decisions and what the check finds wrong with them."""
    decisions = list(delegation_decisions(association))
    matters = [_matter(row) for row in association.delegation_matters.all()]
    return decisions, delegation_findings(matters, [_delegated(d) for d in decisions])


def years_on_record(association: Association) -> list[int]:
    """The years with a plan, an auditor, a report or a discharge, newest first."""
    years: set[int] = set()
    for rows in (
        association.control_plans.all(),
        association.auditors.all(),
        association.audit_reports.all(),
        association.discharges.all(),
    ):
        years.update(rows.values_list("year", flat=True))
    return sorted(years, reverse=True)
