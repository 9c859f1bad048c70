"""The year's episodes counted by month for the delårsrapport (`core.followup_so_far`): one
GROUP BY per förbund and year, whatever the number of episodes."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.db.models import Case, Count, IntegerField, Q, Value, When
from django.db.models.functions import ExtractMonth

from samordna.core.followup_so_far import NOT_ENDED, SoFar
from samordna.followup.models import Episode
from samordna.interventions.models import Intervention


def so_far_counts(interventions: Iterable[Intervention], year: int) -> dict[int, SoFar]:
    """Each insats's episodes that ran during the year, by the month they count from (January
    for one begun earlier), sex and the month they ended (NOT_ENDED when not this year).
    Episodes removed by retention are not here: they are in the year's figures only."""
    interventions = list(interventions)  # read once (a query set), in its order
    first, last = date(year, 1, 1), date(year, 12, 31)
    ran = Episode.objects.filter(intervention__in=interventions, start__lte=last).filter(
        Q(end=None) | Q(end__gte=first)
    )
    rows = (
        ran.annotate(
            begun=Case(
                When(start__lt=first, then=Value(1)),
                default=ExtractMonth("start"),
                output_field=IntegerField(),
            ),
            left=Case(
                When(end__lte=last, then=ExtractMonth("end")),
                default=Value(NOT_ENDED),
                output_field=IntegerField(),
            ),
        )
        .order_by()
        .values_list("intervention_id", "sex", "begun", "left")
        .annotate(n=Count("pk"))
    )
    begun: dict[int, dict[tuple[int, str], int]] = {}
    ended: dict[int, dict[int, int]] = {}
    for pk, sex, month, left, n in rows:
        mine = begun.setdefault(pk, {})
        mine[(month, sex)] = mine.get((month, sex), 0) + n
        exits = ended.setdefault(pk, {})
        exits[left] = exits.get(left, 0) + n
    return {pk: SoFar(begun.get(pk, {}), ended.get(pk, {})) for pk in (i.pk for i in interventions)}
