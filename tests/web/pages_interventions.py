"""Persona table of the insats register, applications, meetings and decisions."""

from __future__ import annotations

from datetime import date

from samordna.interventions.models import Application, Decision, Intervention, Meeting, MeetingPlan

STAFF_PAGES = {
    "interventions",
    "intervention",
    "intervention_report",
    "applications",
    "application",
    "application_new",
}


def _insats(association):
    return {"pk": Intervention.objects.get(association=association, name="Samverkansteam").pk}


def _application(association):
    return {"pk": Application.objects.get(association=association).pk}


PAGES = {
    "interventions": ("read", lambda a: {}),
    "intervention_new": ("edit", lambda a: {}),
    "intervention_import": ("edit", lambda a: {}),
    "intervention": ("read", _insats),
    "intervention_edit": ("edit", _insats),
    "intervention_status": ("edit", _insats),
    "intervention_goal": ("edit", _insats),
    "intervention_budget": ("edit", _insats),
    "intervention_activity": ("edit", _insats),
    "intervention_report": ("read", lambda a: {**_insats(a), "year": 2026}),
    "applications": ("read", lambda a: {}),
    "application_new": ("edit", lambda a: {}),
    "application": ("read", _application),
    "application_prepare": ("edit", _application),
    "application_decide": ("edit", _application),
    "meetings": ("read", lambda a: {}),
    "meeting_new": ("edit", lambda a: {}),
    "meeting": ("read", lambda a: {"pk": Meeting.objects.get(association=a).pk}),
    "meeting_plan_new": ("edit", lambda a: {}),
    "meeting_plan_edit": ("edit", lambda a: {"pk": MeetingPlan.objects.get(association=a).pk}),
    "meeting_plan_delete": ("edit", lambda a: {"pk": MeetingPlan.objects.get(association=a).pk}),
    "decisions": ("read", lambda a: {}),
    "decision_new": ("edit", lambda a: {}),
}


def furnish(association):
    members = list(association.members.all())
    insats = Intervention.objects.create(
        association=association, name="Samverkansteam", kind="individual"
    )
    insats.members.set(members[:2])
    application = Application.objects.create(
        association=association,
        title="Unga vuxna",
        description="Stöd till unga vuxna.",
        target_group="16–29 år",
        goals="4 av 10 i arbete",
        start=date(2026, 1, 1),
        end=date(2027, 12, 31),
        requested=80_000_000,
    )
    application.applicants.set(members[:2])
    meeting = Meeting.objects.create(association=association, date=date(2026, 3, 11))
    MeetingPlan.objects.create(association=association, year=2027, count=6, months="3,6,9")
    Decision.objects.create(
        association=association,
        meeting=meeting,
        date=date(2026, 3, 11),
        paragraph="34",
        kind="ovrigt",
        text="Protokollet justeras.",
    )
