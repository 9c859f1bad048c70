"""Follow-up on the database: who sees which episodes, the year's report, consents, targets,
support costs and the indicator slots of a förbund."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Max, Q, QuerySet

from samordna.actuals import services as actuals
from samordna.actuals.services import LineKey
from samordna.associations.models import Association
from samordna.core import disclosure, followup, followup_so_far, indicators, socioeconomic
from samordna.core.followup_disclosure import (
    ALL,
    Scope,
    hidden_cells,
    linked_set,
    protect_reports,
)
from samordna.core.params import ParameterError
from samordna.core.stored_tally import from_json
from samordna.followup import aggregates
from samordna.followup.models import (
    Episode,
    FollowupTarget,
    Indicator,
    IndicatorResponse,
    RemovedTally,
    SupportCost,
)
from samordna.followup.protection_store import STORE
from samordna.followup.so_far import so_far_counts
from samordna.interventions import reports as insats_reports
from samordna.interventions.models import Intervention

EXPIRING_DAYS = 30
EPISODE_ROLES = ("chef", "insatspersonal")


def own_interventions(association: Association, membership: Any) -> QuerySet[Intervention]:
    """The insatser whose episodes the member may see and change: all for chef, own for staff."""
    interventions = association.interventions.all()
    if membership.role == "chef":
        return interventions
    if membership.role == "insatspersonal":
        return interventions.filter(staff=membership.user)
    raise PermissionDenied("Bara förbundschefen och insatsens personal ser deltagarna.")


def episodes_for(association: Association, membership: Any) -> QuerySet[Episode]:
    return Episode.objects.filter(
        intervention__in=own_interventions(association, membership)
    ).select_related("intervention", "main_referrer")


def facts(episode: Episode) -> followup.EpisodeFacts:
    return followup.EpisodeFacts(
        sex=episode.sex,
        birth_year=episode.birth_year,
        start=episode.start,
        end=episode.end,
        income_start=episode.income_start,
        income_end=episode.income_end,
        end_reason=episode.end_reason,
        quality_start=episode.quality_start,
        quality_end=episode.quality_end,
        steps=len(episode.steps.all()),
    )


def all_facts(episodes: Iterable[Episode]) -> list[followup.EpisodeFacts]:
    return [facts(e) for e in episodes]


def targets(association: Association, year: int) -> dict[str, followup.Target]:
    return {
        t.measure: followup.Target(t.part, t.of)
        for t in FollowupTarget.objects.filter(association=association, year=year)
    }


def report(
    association: Association, year: int, interventions: Iterable[Intervention] | None = None
) -> followup.Report:
    """The year's report over `interventions` (every individual insats when None), with the
    cells hidden that protect the förbund's whole follow-up of the year (see `published`)."""
    reports, _matrix = published(association, year, interventions)
    individual = [k for k in reports if isinstance(k, int)]  # each individual insats's own
    scope = _scope([i.pk for i in interventions] if interventions is not None else individual)
    return reports[ALL if scope == _scope(individual) else scope]


def outcomes_by_sex(association: Association, year: int) -> followup.Matrix:
    """The förbund's exits of the year by reason and sex, protected with everything else."""
    _reports, matrix = published(association, year)
    assert matrix is not None
    return matrix


def published(
    association: Association, year: int, extra: Iterable[Intervention] | None = None
) -> tuple[dict[Scope, followup.Report], followup.Matrix | None]:
    """Every follow-up table of the year that some role can see, protected as one linked set:
    the förbund's, each individual insats's, each insats staff member's own insatser together
    (and `extra`, a further set of insatser, when a page asks for one), and the delårsrapport's
    participants so far in each month (`so_far`)."""
    return _protected(association, year, extra)[:2]


def so_far(association: Association, year: int, month: int) -> followup_so_far.Figures:
    """The delårsrapport's participants from January to the end of `month`, protected with
    the year's tables and every other month's (January–December is the year's report)."""
    reports, _matrix, linked, hidden = _protected(association, year)
    if month >= 12:
        return followup_so_far.year_figures(reports, ALL)
    insatser = [k for k in reports if isinstance(k, int)]
    return followup_so_far.figures(linked, hidden, month, insatser)


def _protected(
    association: Association, year: int, extra: Iterable[Intervention] | None = None
) -> tuple[
    dict[Scope, followup.Report],
    followup.Matrix | None,
    disclosure.LinkedSet,
    frozenset[Any],
]:
    individual = association.interventions.filter(kind="individual").order_by("pk")
    chosen = list(individual)
    counted = aggregates.tallies(association, year)
    counts = {i.pk: counted.get(i.pk, followup.Tally()) for i in chosen}
    goals = targets(association, year)
    by_line = actuals.actuals_by_line(association, year)
    keys = insats_reports.line_keys(chosen)
    reports: dict[Scope, followup.Report] = {
        i.pk: followup.counted(counts[i.pk], year, goals, _outcome_cost(by_line, keys, [i]))
        for i in chosen
    }
    groups = _groups(association, [i.pk for i in chosen], extra)
    for scope, members in groups.items():
        picked = [i for i in chosen if i.pk in members]
        found = followup.total(counts[pk] for pk in members)
        cost = _outcome_cost(by_line, keys, picked)
        reports[scope] = followup.counted(found, year, goals, cost)
    matrix = followup.outcomes_by_sex(followup.total(counts.values()))
    reports = _income_for_all_only(reports)
    linked = linked_set(reports, groups, matrix)
    followup_so_far.add_months(linked, so_far_counts(chosen, year))
    hidden = hidden_cells(linked, groups, STORE)
    protected, shown = protect_reports(reports, groups, matrix, hidden=hidden)
    return protected, shown, linked, hidden


def _income_for_all_only(reports: dict[Scope, followup.Report]) -> dict[Scope, followup.Report]:
    """Income before and after is shown for the förbund as a whole only: split by insats, its
    many small cells cannot be protected across the tables without hiding nearly all."""
    empty = followup.income_matrix({})
    return {s: r if s == ALL else replace(r, income=empty) for s, r in reports.items()}


def _scope(pks: Iterable[int]) -> Scope:
    chosen = sorted(set(pks))
    return chosen[0] if len(chosen) == 1 else tuple(chosen)


def _groups(
    association: Association, individual: list[int], extra: Iterable[Intervention] | None
) -> dict[Scope, list[int]]:
    """The sums published beside single insatser: the förbund's and each staff member's."""
    groups: dict[Scope, list[int]] = {ALL: individual}
    sets: list[Iterable[int]] = list(_staff_insatser(association).values())
    if extra is not None:
        sets.append([i.pk for i in extra if i.kind == "individual"])
    for pks in sets:
        scope = _scope(pks)
        if isinstance(scope, tuple) and len(scope) > 1 and scope != _scope(individual):
            groups[scope] = list(scope)
    return groups


def _staff_insatser(association: Association) -> dict[int, list[int]]:
    """Each insats staff member's individual insatser, by user, in the order of the
    memberships: two queries, however many the staff."""
    staff = association.memberships.filter(role="insatspersonal").values_list("user_id", flat=True)
    found: dict[int, list[int]] = {user: [] for user in staff}
    if found:
        pairs = Intervention.staff.through.objects.filter(
            intervention__association=association,
            intervention__kind="individual",
            user_id__in=list(found),
        ).values_list("user_id", "intervention_id")
        for user, insats in pairs:
            found[user].append(insats)
    return found


def _outcome_cost(
    by_line: dict[LineKey, dict[int, int]],
    keys: dict[int, set[LineKey]],
    interventions: list[Intervention],
) -> int | None:
    """The insatser's outcome together, from the year's actuals read once for all of them."""
    costs = [insats_reports.outcome_in(by_line, keys[i.pk]) for i in interventions]
    known = [c for c in costs if c is not None]
    return sum(known) if known and len(known) == len(costs) else None


def find_intervention(association: Association, name: str) -> Intervention | None:
    return association.interventions.filter(name__iexact=name.strip()).first()


@dataclass(frozen=True)
class ConsentRow:
    episode: Episode
    state: str  # "upphör snart" | "har upphört" | "återkallat"


def consents(episodes: QuerySet[Episode], today: date) -> list[ConsentRow]:
    """Consents ending within 30 days, ended and revoked, of episodes still running."""
    soon = today + timedelta(days=EXPIRING_DAYS)
    rows = []
    asked = Q(consent_revoked__isnull=False) | Q(consent_expires__lte=soon)
    running = Q(end__isnull=True) | Q(end__gte=today)
    for episode in episodes.filter(asked, running):  # the many without news are left out
        if episode.consent_revoked:
            rows.append(ConsentRow(episode, "återkallat"))
        elif episode.consent_expires and episode.consent_expires < today:
            rows.append(ConsentRow(episode, "har upphört"))
        elif episode.consent_expires and episode.consent_expires <= soon:
            rows.append(ConsentRow(episode, "upphör snart"))
    return sorted(rows, key=lambda r: r.episode.consent_expires or today)


def latest_year(episodes: QuerySet[Episode], today: date) -> int:
    """The latest year up to this one in which any of the episodes ran, else this year."""
    found = episodes.aggregate(
        started=Max("start"), ended=Max("end"), running=Count("pk", filter=Q(end=None))
    )
    if found["running"] or found["started"] is None:
        return today.year
    latest = max(day for day in (found["started"], found["ended"]) if day is not None)
    return min(latest.year, today.year)


def costs_at(association: Association, on: date) -> tuple[dict[str, dict[str, int]], str]:
    """The förbund's own support costs in force on `on` where entered, else the shipped ones."""
    own = SupportCost.objects.filter(association=association, valid_from__lte=on)
    if not own.exists():
        return socioeconomic.default_costs(on)
    latest = max(c.valid_from for c in own)
    costs: dict[str, dict[str, int]] = {}
    sources = set()
    for cost in own.filter(valid_from=latest):
        costs.setdefault(cost.income, {})[cost.actor] = cost.amount
        sources.add(cost.source)
    return costs, "; ".join(sorted(sources))


def effect(association: Association, intervention: Intervention, year: int) -> Any:
    """The insats's effect for its exits through `year`, those removed by retention too."""
    episodes = Episode.objects.filter(intervention=intervention).prefetch_related("steps")
    ended = [f for f in all_facts(episodes) if f.end is not None and f.end.year <= year]
    found = socioeconomic.transitions(ended)
    for kept in RemovedTally.objects.filter(intervention=intervention, year__lte=year):
        for pair, count in from_json(kept.counts).income.items():
            found[pair] += count
    costs, source = costs_at(association, date(year, 12, 31))
    spent = [insats_reports.outcome(intervention, y) for y in _years_of(intervention, year)]
    cost = sum(c for c in spent if c) if any(c is not None for c in spent) else None
    return socioeconomic.priced(found, costs, cost), costs, source


def _years_of(intervention: Intervention, year: int) -> list[int]:
    first = intervention.start.year if intervention.start else year
    return list(range(first, year + 1))


def ensure_indicators(association: Association, on: date) -> QuerySet[Indicator]:
    """The förbund's 15 national indicator slots, created from the parameter file when missing.

    The slots are those in force on `on`; before the national indicators began there are none.
    """
    try:
        slots, _source = indicators.national_slots(on)
    except ParameterError:
        slots = ()
    have = set(association.indicators.values_list("number", flat=True))
    for slot in slots:
        if slot.number not in have:
            Indicator.objects.create(
                association=association,
                number=slot.number,
                group=slot.group,
                scale_max=slot.scale_max,
                top_steps=slot.top_steps,
            )
    return association.indicators.all()


@dataclass(frozen=True)
class IndicatorRow:
    indicator: Indicator
    fulfilment: indicators.Fulfilment
    by_sex: dict[str, indicators.Fulfilment]
    trend: list[tuple[int, int | None]]


AnswerCounts = dict[tuple[int, str, int], int]  # (year, sex, score): answers


def _measure(
    indicator: Indicator, counts: AnswerCounts, goal: int | None, **only: Any
) -> indicators.Fulfilment:
    """The fulfilment of the answers counted in `counts` with the year and sex in `only`."""
    chosen: dict[int, int] = {}
    for (year, sex, score), number in counts.items():
        if only.get("year", year) == year and only.get("sex", sex) == sex:
            chosen[score] = chosen.get(score, 0) + number
    return indicators.counted_fulfilment(chosen, indicator.scale_max, indicator.top_steps, goal)


def answer_counts(
    association: Association, intervention: Intervention | None = None
) -> dict[int, AnswerCounts]:
    """The answers per indicator, counted by year, sex and step in one GROUP BY."""
    answers = IndicatorResponse.objects.filter(indicator__association=association)
    if intervention is not None:
        answers = answers.filter(intervention=intervention)
    found: dict[int, AnswerCounts] = {}
    grouped = answers.order_by().values("indicator_id", "year", "sex", "score")
    for row in grouped.annotate(n=Count("pk")):
        key = (row["year"], row["sex"], row["score"])
        found.setdefault(row["indicator_id"], {})[key] = row["n"]
    return found


def indicator_rows(
    association: Association, year: int, intervention: Intervention | None = None
) -> list[IndicatorRow]:
    rows = []
    slots_on = date(year, 12, 31)  # the slots of the year shown
    counts = answer_counts(association, intervention)
    for indicator in ensure_indicators(association, slots_on).prefetch_related("targets"):
        found = counts.get(indicator.pk, {})
        target = next((t.percent for t in indicator.targets.all() if t.year == year), None)
        by_sex = {
            label: _measure(indicator, found, target, year=year, sex=key)
            for key, label in followup.SEXES.items()
            if indicator.by_sex
        }
        years = {y for y, _sex, _score in found}
        trend = indicators.trend({y: _measure(indicator, found, None, year=y) for y in years})
        measured = _measure(indicator, found, target, year=year)
        rows.append(IndicatorRow(indicator, measured, by_sex, trend))
    return rows
