"""The figures Försäkringskassan's Uppföljning Finsam asks of each insats, exact.

These counts are NOT protected: they are for the report to Försäkringskassan, which only
the förbundschef may download (see `samordna.documents.national`). No page, document or
file that others can read uses this module; they use `services.report`, which hides
small groups.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Q

from samordna.actuals import services as actuals
from samordna.associations.models import Association
from samordna.followup import aggregates
from samordna.followup.models import Episode, RemovedTally
from samordna.interventions import reports as insats_reports
from samordna.interventions.models import Intervention


@dataclass(frozen=True)
class Counts:
    """Participants of an individual insats in a year, exact."""

    women: int
    men: int
    started: int
    ended: int

    @property
    def total(self) -> int:
        return self.women + self.men

    def __add__(self, other: Counts) -> Counts:
        return Counts(
            self.women + other.women,
            self.men + other.men,
            self.started + other.started,
            self.ended + other.ended,
        )


NONE = Counts(0, 0, 0, 0)


@dataclass(frozen=True)
class InsatsFigures:
    intervention: Intervention
    budget: int | None  # öre, the insats's budget for the year
    outcome: int | None  # öre, from the bookkeeping (the budget lines linked to the insats)
    counts: Counts | None  # individual insatser
    structural: int | None  # participants in a structural insats's activities


def exact_counts(association: Association, year: int) -> dict[int, Counts]:
    """Per individual insats with participants in `year`, the exact counts: one GROUP BY per
    insats and sex, whatever the number of episodes."""
    mine = Episode.objects.filter(
        intervention__association=association, intervention__kind="individual"
    )
    rows = (
        aggregates.ran_in(mine, year)
        .order_by()
        .values("intervention_id", "sex")
        .annotate(
            n=Count("*"),
            started=Count("pk", filter=Q(start__gte=date(year, 1, 1))),
            ended=Count("pk", filter=Q(end__lte=date(year, 12, 31))),
        )
        .values_list("intervention_id", "sex", "n", "started", "ended")
    )
    found: dict[int, Counts] = {}
    for pk, sex, n, started, ended in aggregates.fetched(rows):
        here = Counts(n if sex == "kvinna" else 0, n if sex == "man" else 0, started, ended)
        found[pk] = found.get(pk, NONE) + here
    return found


def kept_counts(association: Association, year: int) -> dict[int, Counts]:
    """Per insats, the exact counts of the year that retention kept of removed participants."""
    found: dict[int, Counts] = {}
    for row in RemovedTally.objects.filter(association=association, year=year).order_by():
        counts = row.counts
        sex = counts["sex"]
        here = Counts(sex.get("kvinna", 0), sex.get("man", 0), counts["started"], counts["ended"])
        found[row.intervention_id] = found.get(row.intervention_id, NONE) + here
    return found


def insats_figures(association: Association, year: int) -> list[InsatsFigures]:
    """Every insats with a budget or participants in `year`, individual first, by name."""
    by_line = actuals.actuals_by_line(association, year)
    counted = exact_counts(association, year)
    found = []
    interventions = list(
        association.interventions.order_by("kind", "name").prefetch_related(
            "budget_years", "activities"
        )
    )
    keys = insats_reports.line_keys(interventions)
    kept = kept_counts(association, year)
    for intervention in interventions:
        budget = next((b.amount for b in intervention.budget_years.all() if b.year == year), None)
        counts = None
        structural = None
        if intervention.kind == "individual":
            counts = counted.get(intervention.pk, NONE) + kept.get(intervention.pk, NONE)
        else:
            activities = intervention.activities.all()
            structural = sum(a.participants for a in activities if a.year == year)
        if budget is None and not (counts and counts.total) and not structural:
            continue
        outcome = insats_reports.outcome_in(by_line, keys[intervention.pk])
        found.append(InsatsFigures(intervention, budget, outcome, counts, structural))
    return found
