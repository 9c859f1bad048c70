"""The förbund's rules for participants' data and retention: which rule is in force, when a
consent given on a day ends, which ended episodes are due, and removing them after counting.

Removal is all or nothing: the counts per insats, year of end, sex and end reason are saved
(`RemovedEpisodes`, on record in the history with who ran the removal), and so is every count
the year's follow-up is made of, per insats and year the episodes ran (`RemovedTally`), so that
a year's reports read the same after the removal; then the episodes and their step changes are
deleted. The history keeps who changed a removed episode and when, but
no longer what it held: a trail that kept the values would keep the episode itself.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from auditlog.context import disable_auditlog
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.db.models import QuerySet

from samordna.associations.models import Association
from samordna.audit.bulk import bulk_create
from samordna.audit.models import Change
from samordna.core.followup import EpisodeFacts, consent_expiry, tally
from samordna.core.retention import DEFAULT_CONSENT_MONTHS, months_earlier, next_removal
from samordna.core.stored_tally import as_json
from samordna.followup.models import (
    Episode,
    ParticipantRule,
    RemovedEpisodes,
    RemovedTally,
    StepChange,
)
from samordna.followup.services import facts
from samordna.interventions.models import Intervention

FORGOTTEN = "Gallrad deltagare"


def rule_on(association: Association, day: date) -> ParticipantRule | None:
    """The rule in force on `day`: the latest one from that day or before."""
    return association.participant_rules.filter(valid_from__lte=day).first()


def consent_months(association: Association, given: date) -> int:
    rule = rule_on(association, given)
    return rule.consent_months if rule else DEFAULT_CONSENT_MONTHS


def consent_end(association: Association, given: date | None) -> date | None:
    """When a consent given on `given` ends, by the förbund's rule in force that day."""
    return consent_expiry(given, consent_months(association, given)) if given else None


def cutoff(association: Association, today: date) -> date | None:
    """Episodes that ended before this day are due; None when the förbund keeps them all."""
    rule = rule_on(association, today)
    if rule is None or rule.retention_months is None:
        return None
    return months_earlier(today, rule.retention_months)


def ended_before(association: Association, before: date) -> QuerySet[Episode]:
    return Episode.objects.filter(
        intervention__association=association, end__isnull=False, end__lt=before
    ).select_related("intervention")


def next_due(association: Association, today: date) -> date | None:
    """The day the next ended episode that is not yet due becomes due under today's rule."""
    rule = rule_on(association, today)
    if rule is None or rule.retention_months is None:
        return None
    not_yet = months_earlier(today, rule.retention_months)
    ends = Episode.objects.filter(intervention__association=association, end__gte=not_yet)
    return next_removal([e for e in ends.values_list("end", flat=True) if e], rule.retention_months)


@dataclass(frozen=True)
class Removal:
    before: date
    by_year: dict[int, int]  # episodes per year of end

    @property
    def total(self) -> int:
        return sum(self.by_year.values())


def plan(association: Association, before: date) -> Removal:
    years = Counter(e.end.year for e in ended_before(association, before) if e.end)
    return Removal(before, dict(sorted(years.items())))


@transaction.atomic
def remove(association: Association, before: date, today: date) -> Removal:
    """Count the ended episodes before `before` into `RemovedEpisodes`, then delete them."""
    episodes = list(ended_before(association, before).prefetch_related("steps"))
    groups = Counter(
        (e.intervention_id, e.intervention.name, e.end.year, e.sex, e.end_reason)
        for e in episodes
        if e.end
    )
    bulk_create(
        RemovedEpisodes,
        [
            RemovedEpisodes(
                association=association,
                intervention_id=insats,
                intervention_name=name,
                year=year,
                sex=sex,
                end_reason=reason,
                count=count,
                removed_on=today,
            )
            for (insats, name, year, sex, reason), count in sorted(groups.items())
        ],
    )
    _keep_tallies(association, episodes, today)
    done = plan(association, before)
    steps = list(StepChange.objects.filter(episode__in=episodes).values_list("pk", flat=True))
    pks = [e.pk for e in episodes]  # a deleted object forgets its pk
    with disable_auditlog():
        for episode in episodes:
            episode.delete()
    _forget(Episode, pks)
    _forget(StepChange, steps)
    return done


def _keep_tallies(association: Association, episodes: list[Episode], today: date) -> None:
    """Each insats's follow-up counts of the removed episodes, for every year they ran."""
    by_insats: dict[Intervention, list[EpisodeFacts]] = {}
    for episode in episodes:
        by_insats.setdefault(episode.intervention, []).append(facts(episode))
    kept = []
    for insats, found in by_insats.items():
        first = min(f.start.year for f in found)
        last = max(f.end.year for f in found if f.end)
        for year in range(first, last + 1):
            counted = tally(found, year)
            if counted.ran:
                kept.append(
                    RemovedTally(
                        association=association,
                        intervention=insats,
                        year=year,
                        counts={**as_json(counted), "started": _started(found, year)},
                        removed_on=today,
                    )
                )
    bulk_create(RemovedTally, kept)


def _started(found: list[EpisodeFacts], year: int) -> int:
    """How many began in `year` (Uppföljning Finsam asks for the new ones of the year)."""
    return sum(1 for f in found if f.start.year == year)


def _forget(model: type[models.Model], pks: list[int]) -> None:
    """Empty what the history says about removed rows: who and when stay, the values go."""
    kind = ContentType.objects.get_for_model(model)
    entries = Change.objects.filter(content_type=kind, object_pk__in=[str(pk) for pk in pks])
    entries.update(changes=None, changes_text="", serialized_data=None, object_repr=FORGOTTEN)
