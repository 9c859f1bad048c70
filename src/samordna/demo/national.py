"""A national-size database for measuring: many förbund, ten years, many invented episodes.

`build(episodes, associations, years)` fills an empty database with förbund of very different
sizes (a few large, many small, as in the country), each with individual and structural
insatser, budgets per year, the 15 indicator slots with answers, and `episodes` participant
episodes spread over the years. Everything is drawn from a random generator with a fixed seed,
so the same call always gives the same database. Every episode is marked `synthetic`.

Rows are written with `bulk_create` in large batches: a million episodes take a minute or two.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from auditlog.context import disable_auditlog

from samordna.associations.models import Association
from samordna.core.followup import END_REASONS, INCOMES
from samordna.followup.models import CODE_ALPHABET, Episode, IndicatorResponse, StepChange
from samordna.followup.services import ensure_indicators
from samordna.interventions.models import Intervention, InterventionBudget

SEED = 19
BATCH = 5000
FIRST_YEAR = 2017


@dataclass(frozen=True)
class Built:
    associations: int
    interventions: int
    episodes: int
    largest: str  # the slug of the förbund with the most episodes


def build(episodes: int, associations: int = 80, years: int = 10, largest: int = 30) -> Built:
    """Fill the database (empty of these slugs) with the national-size data set; the largest
    förbund has `largest` insatser, the others 4–20."""
    with disable_auditlog():  # invented rows for measuring: nobody changed anything
        return _build(random.Random(SEED), episodes, associations, years, largest)


def _build(rng: random.Random, episodes: int, associations: int, years: int, largest: int) -> Built:
    weights = _sizes(rng, associations)
    made = [_association(rng, n, years, largest) for n in range(associations)]
    shares = [round(episodes * w / sum(weights)) for w in weights]
    shares[0] += episodes - sum(shares)
    index = 0
    for (_association_obj, insatser), count in zip(made, shares, strict=True):
        individual = [i for i in insatser if i.kind == "individual"]
        index = _episodes(rng, individual, count, years, index)
    total = sum(len(i) for _a, i in made)
    return Built(associations, total, episodes, made[0][0].slug)


def _sizes(rng: random.Random, count: int) -> list[float]:
    """Relative sizes: the first is the largest, the rest fall off like municipal populations."""
    return [1.0] + [rng.uniform(0.03, 0.5) for _ in range(count - 1)]


def _association(
    rng: random.Random, number: int, years: int, largest: int
) -> tuple[Association, list[Intervention]]:
    association = Association.objects.create(
        slug=f"matforbund-{number + 1:02d}", name=f"Samordningsförbundet Mätort {number + 1}"
    )
    count = largest if number == 0 else rng.randint(4, 20)
    insatser = Intervention.objects.bulk_create(
        Intervention(
            association=association,
            name=f"Insats {n + 1}",
            kind="structural" if n % 5 == 4 else "individual",
            status="pagaende",
            start=date(FIRST_YEAR, 1, 1),
        )
        for n in range(count)
    )
    InterventionBudget.objects.bulk_create(
        InterventionBudget(intervention=i, year=FIRST_YEAR + y, amount=rng.randint(5, 40) * 10**7)
        for i in insatser
        for y in range(years)
    )
    _answers(rng, association, years)
    return association, insatser


def _answers(rng: random.Random, association: Association, years: int) -> None:
    """Five answers per indicator and year."""
    indicators = list(ensure_indicators(association, date(FIRST_YEAR + years - 1, 12, 31)))
    IndicatorResponse.objects.bulk_create(
        (
            IndicatorResponse(
                indicator=indicator,
                year=FIRST_YEAR + y,
                score=rng.randint(1, indicator.scale_max),
                sex=rng.choice(("kvinna", "man", "")),
            )
            for indicator in indicators
            for y in range(years)
            for _ in range(5)
        ),
        batch_size=BATCH,
    )


def _episodes(
    rng: random.Random, insatser: list[Intervention], count: int, years: int, index: int
) -> int:
    """`count` episodes over the insatser; returns the next free code number."""
    last = date(FIRST_YEAR + years - 1, 12, 31)
    batch: list[Episode] = []
    for n in range(count):
        batch.append(_episode(rng, rng.choice(insatser), index + n, years, last))
        if len(batch) == BATCH:
            _store(rng, batch)
            batch = []
    _store(rng, batch)
    return index + count


def _episode(
    rng: random.Random, insats: Intervention, number: int, years: int, last: date
) -> Episode:
    start = date(FIRST_YEAR, 1, 1) + timedelta(days=rng.randrange(365 * years))
    end: date | None = start + timedelta(days=rng.randint(30, 700))
    if end is not None and end > last:
        end = None
    finished = end is not None
    return Episode(
        intervention=insats,
        code=_code(number),
        sex=rng.choice(("kvinna", "man")),
        birth_year=start.year - rng.randint(16, 64),
        start=start,
        end=end,
        income_start=rng.choice(list(INCOMES)),
        income_end=rng.choice(list(INCOMES)) if finished and rng.random() < 0.9 else "",
        end_reason=rng.choice(list(END_REASONS)) if finished else "",
        quality_start=rng.randint(0, 10),
        quality_end=rng.randint(0, 10) if finished and rng.random() < 0.8 else None,
        synthetic=True,
    )


def _code(number: int) -> str:
    """A unique code per number, in the alphabet of real codes."""
    letters = []
    for _ in range(8):
        number, digit = divmod(number, len(CODE_ALPHABET))
        letters.append(CODE_ALPHABET[digit])
    return "".join(letters)


def _store(rng: random.Random, batch: list[Episode]) -> None:
    saved = Episode.objects.bulk_create(batch, batch_size=BATCH)
    StepChange.objects.bulk_create(_steps(rng, saved), batch_size=BATCH)


def _steps(rng: random.Random, episodes: list[Episode]) -> Iterator[StepChange]:
    """A step change for about a third of the episodes, some with two."""
    for episode in episodes:
        for _ in range(rng.choice((0, 0, 0, 0, 1, 1, 2))):
            yield StepChange(episode=episode, date=episode.start + timedelta(days=20))
