"""The register's rules on the database: two parties, status moves, three years, granting."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import transaction

from samordna.associations.models import Member
from samordna.core.intervention_status import (
    STATUSES,
    extension_error,
    limit_warning,
    move_error,
    needs_parties,
)
from samordna.interventions.models import (
    Application,
    ApplicationBudget,
    Decision,
    Intervention,
    InterventionBudget,
    StatusChange,
)

PARTY_NAMES = {
    "fk": "Försäkringskassan",
    "af": "Arbetsförmedlingen",
    "region": "regionen",
    "municipality": "kommunerna",
}


class RuleError(ValueError):
    """A rule of the register refuses the change; `str()` says why, in Swedish."""


def two_parties_error(members: Iterable[Member]) -> str | None:
    """At least two parties: Försäkringskassan, Arbetsförmedlingen, a region, the municipalities.

    Two municipalities are one party here: an insats is samverkan across authorities.
    """
    kinds = {member.kind for member in members}
    if len(kinds) >= 2:
        return None
    named = ", ".join(PARTY_NAMES[k] for k in sorted(kinds)) or "ingen"
    return (
        "En insats måste utföras av minst två parter (Försäkringskassan, Arbetsförmedlingen, "
        f"region, kommunerna). Nu: {named}."
    )


def parties_error(members: Iterable[Member], status: str) -> str | None:
    """The two-parties rule for an insats with `status`: an idea needs no parties yet."""
    if not needs_parties(status):
        return None
    error = two_parties_error(members)
    if error is None:
        return None
    return f"{error} Bara en {STATUSES['ide'].lower()} kan sparas med färre än två parter."


def has_extension(intervention: Intervention) -> bool:
    """Whether a decision extended the insats. Reads `decisions` through `.all()`, so the lists
    that prefetch them ask the database once for every insats, not once per insats."""
    extended = Decision.DecisionKind.EXTENDED
    return any(decision.kind == extended for decision in intervention.decisions.all())


def end_error(intervention: Intervention, new_end: date | None) -> str | None:
    return extension_error(intervention.granted_start, new_end, has_extension(intervention))


def warning(intervention: Intervention, today: date) -> str | None:
    return limit_warning(
        intervention.granted_start, intervention.end, today, has_extension(intervention)
    )


@transaction.atomic
def change_status(
    intervention: Intervention, new: str, when: date, decision: Decision | None
) -> StatusChange:
    error = move_error(intervention.status, new, decision is not None) or parties_error(
        intervention.members.all(), new
    )
    if error:
        raise RuleError(error)
    intervention.status = new
    if new == "beviljad" and intervention.granted_start is None:
        intervention.granted_start = intervention.start or when
    intervention.save()
    if decision is not None and decision.intervention_id is None:
        decision.intervention = intervention
        decision.save(update_fields=["intervention"])
    return StatusChange.objects.create(
        intervention=intervention, status=new, date=when, decision=decision
    )


@dataclass(frozen=True)
class Grant:
    decided_on: date
    paragraph: str
    start: date
    end: date
    amounts: Mapping[int, int]  # öre per year
    partly: bool = False
    text: str = ""


def refuse_second_decision(application: Application) -> None:
    """An application is decided once. The row is locked first, so two people deciding at the
    same moment cannot both pass (on SQLite the write transaction itself serialises them)."""
    locked = Application.objects.select_for_update().get(pk=application.pk)
    if locked.decision_id is not None:
        decided = Decision.objects.get(pk=locked.decision_id)
        raise RuleError(
            f"Ansökan är redan beslutad ({decided.citation}). Ett ändrat beslut registreras "
            "som ett nytt beslut på insatsen, så att ingen insats skapas två gånger."
        )


@transaction.atomic
def grant(application: Application, given: Grant) -> Intervention:
    """The board grants an application: a decision, and the insats it funds."""
    refuse_second_decision(application)
    members = list(application.applicants.all())
    error = two_parties_error(members) or extension_error(given.start, given.end, False)
    if error:
        raise RuleError(error)
    decision = Decision.objects.create(
        association=application.association,
        date=given.decided_on,
        paragraph=given.paragraph,
        kind=Decision.DecisionKind.GRANTED,
        text=given.text or f"Beviljar {application.title} {given.start}–{given.end}.",
    )
    intervention = Intervention.objects.create(
        association=application.association,
        name=application.title,
        kind=application.kind,
        status="beviljad",
        target_group=application.target_group,
        start=given.start,
        end=given.end,
        granted_start=given.start,
    )
    intervention.members.set(members)
    if application.filed_by_id:
        intervention.staff.add(application.filed_by_id)
    for year, amount in sorted(given.amounts.items()):
        InterventionBudget.objects.create(intervention=intervention, year=year, amount=amount)
    decision.intervention = intervention
    decision.save(update_fields=["intervention"])
    StatusChange.objects.create(
        intervention=intervention, status="beviljad", date=given.decided_on, decision=decision
    )
    application.status = Application.Status.PARTLY if given.partly else Application.Status.GRANTED
    application.decision = decision
    application.intervention = intervention
    application.save()
    return intervention


@transaction.atomic
def reject(application: Application, when: date, paragraph: str, text: str) -> Decision:
    refuse_second_decision(application)
    decision = Decision.objects.create(
        association=application.association,
        date=when,
        paragraph=paragraph,
        kind=Decision.DecisionKind.REJECTED,
        text=text or f"Avslår ansökan {application.title}.",
    )
    application.status = Application.Status.REJECTED
    application.decision = decision
    application.save()
    return decision


def file_budget(application: Application, amounts: Mapping[int, int]) -> None:
    ApplicationBudget.objects.filter(application=application).delete()
    for year, amount in sorted(amounts.items()):
        ApplicationBudget.objects.create(application=application, year=year, amount=amount)


def visible_to(association: Any, membership: Any) -> Any:
    """The insatser a member may see: all for chef, board and auditor; their own for staff."""
    interventions = association.interventions.all()
    if membership.role == "insatspersonal":
        return interventions.filter(staff=membership.user)
    return interventions


def budget_by_year(intervention: Intervention) -> dict[int, int]:
    return {b.year: b.amount for b in intervention.budget_years.all()}
