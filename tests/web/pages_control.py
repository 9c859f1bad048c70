"""Persona table of Kontroll och revision: the chef edits, the board and the revisor read, the
revisor also attaches the auditors' reports ("attach"), insats staff see none of it."""

from __future__ import annotations

from datetime import date

from samordna.control.models import (
    Auditor,
    AuditReport,
    ControlPlan,
    ControlResult,
    DelegationMatter,
    Discharge,
    Risk,
)
from samordna.interventions.models import Decision, Meeting

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def _risk(association):
    return {"pk": Risk.objects.get(plan__association=association).pk}


def _year(association):
    return {"year": 2026}


def _pk(model):
    return lambda association: {"pk": model.objects.get(association=association).pk}


PAGES = {
    "control": ("read", lambda a: {}),
    "control_plan": ("read", _year),
    "control_plan_xlsx": ("read", _year),
    "control_plan_edit": ("edit", _year),
    "risk_new": ("edit", _year),
    "risk_edit": ("edit", _risk),
    "risk_delete": ("edit", _risk),
    "result_new": ("edit", _risk),
    "result_delete": (
        "edit",
        lambda a: {"pk": ControlResult.objects.get(risk__plan__association=a).pk},
    ),
    "audit": ("read", _year),
    "auditor_new": ("edit", _year),
    "auditor_edit": ("edit", _pk(Auditor)),
    "auditor_delete": ("edit", _pk(Auditor)),
    "audit_report_new": ("attach", _year),
    "audit_report": ("read", _pk(AuditReport)),
    "audit_report_delete": ("edit", _pk(AuditReport)),
    "discharge_new": ("edit", _year),
    "discharge_edit": ("edit", _pk(Discharge)),
    "discharge_delete": ("edit", _pk(Discharge)),
    "minutes": ("read", lambda a: {}),
    "minutes_edit": ("edit", lambda a: {"pk": Meeting.objects.get(association=a).pk}),
    "delegation": ("read", lambda a: {}),
    "delegation_new": ("edit", lambda a: {}),
    "delegation_edit": ("edit", _pk(DelegationMatter)),
    "delegation_delete": ("edit", _pk(DelegationMatter)),
    "delegation_use": (
        "edit",
        lambda a: {"pk": Decision.objects.get(association=a, by_delegation=True).pk},
    ),
}


def furnish(association):
    """A plan with one followed-up risk, an auditor, a report, a discharge, a delegation point
    and a decision taken under it. The board meeting comes from the insats table."""
    plan = ControlPlan.objects.create(association=association, year=2026)
    risk = Risk.objects.create(
        plan=plan,
        name="Felaktiga utbetalningar",
        likelihood=2,
        consequence=4,
        control="Stickprov på fem fakturor",
        responsible="Ekonom",
        frequency="tertial",
    )
    ControlResult.objects.create(risk=risk, date=date(2026, 4, 30), outcome="ok")
    fk = association.members.get(kind="fk")
    Auditor.objects.create(association=association, year=2026, name="Anna Revisor", appointed_by=fk)
    AuditReport.objects.create(
        association=association,
        year=2026,
        title="Revisionsberättelse 2026",
        file=PDF,
        filename="revisionsberattelse.pdf",
        size=len(PDF),
    )
    Discharge.objects.create(
        association=association,
        year=2026,
        member=fk,
        decided_on=date(2026, 4, 20),
        outcome="beviljad",
    )
    matter = DelegationMatter.objects.create(
        association=association,
        text="Avtal om lokaler",
        limit=10_000_000,
        valid_from=date(2026, 1, 1),
    )
    assert matter.pk
    Decision.objects.create(
        association=association,
        date=date(2026, 2, 1),
        kind="delegation",
        text="Hyresavtal för kansliet",
        by_delegation=True,
    )
