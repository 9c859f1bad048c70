"""A national-size database for measuring: many förbund, ten years, many invented episodes.

`build(episodes, associations, years)` fills an empty database with förbund of very different
sizes (a few large, many small, as in the country), each with individual and structural
insatser, budgets per year, the 15 indicator slots with answers, and `episodes` participant
episodes spread over the years. Everything is drawn from a random generator with a fixed seed,
so the same call always gives the same database. Every episode is marked `synthetic`.

The förbund, insatser and answers are written with `bulk_create`; the episodes and their step
changes, nearly all of the rows, as plain tuples through the cursor's `executemany` with their
ids given (no model instances, no signals, no history: it is data for measuring), and the id
sequences reset afterwards, so a million episodes take minutes, not an hour.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from auditlog.context import disable_auditlog
from django.core.management.color import no_style
from django.db import connection, transaction
from django.db.models import Max
from django.utils import timezone

from samordna.associations.models import Association
from samordna.core.followup import END_REASONS, INCOMES
from samordna.followup.models import CODE_ALPHABET, Episode, IndicatorResponse, StepChange
from samordna.followup.services import ensure_indicators
from samordna.interventions.models import Intervention, InterventionBudget

SEED = 19
BATCH = 5000
EPISODE_COLUMNS = (
    'id, intervention_id, code, sex, birth_year, start, "end", income_start, income_end, '
    "occupation_start, occupation_end, end_reason, quality_start, quality_end, synthetic, "
    "updated_at"
)
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
    with disable_auditlog(), transaction.atomic():  # invented rows: nobody changed anything
        built = _build(random.Random(SEED), episodes, associations, years, largest)
        _reset_sequences()
    return built


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
    batch: list[tuple[Any, ...]] = []
    for n in range(count):
        batch.append(_episode(rng, rng.choice(insatser).pk, index + n, years, last))
        if len(batch) == BATCH:
            _store(rng, batch)
            batch = []
    _store(rng, batch)
    return index + count


def _episode(
    rng: random.Random, insats: int, number: int, years: int, last: date
) -> tuple[Any, ...]:
    """One episode's row in EPISODE_COLUMNS order, without its id."""
    start = date(FIRST_YEAR, 1, 1) + timedelta(days=rng.randrange(365 * years))
    end: date | None = start + timedelta(days=rng.randint(30, 700))
    if end is not None and end > last:
        end = None
    finished = end is not None
    sex = rng.choice(("kvinna", "man"))
    birth_year = start.year - rng.randint(16, 64)
    income_start = rng.choice(list(INCOMES))
    income_end = rng.choice(list(INCOMES)) if finished and rng.random() < 0.9 else ""
    end_reason = rng.choice(list(END_REASONS)) if finished else ""
    quality_start = rng.randint(0, 10)
    quality_end = rng.randint(0, 10) if finished and rng.random() < 0.8 else None
    return (
        insats,
        _code(number),
        sex,
        birth_year,
        start,
        end,
        income_start,
        income_end,
        "",
        "",
        end_reason,
        quality_start,
        quality_end,
        True,
    )


def _code(number: int) -> str:
    """A unique code per number, in the alphabet of real codes."""
    letters = []
    for _ in range(8):
        number, digit = divmod(number, len(CODE_ALPHABET))
        letters.append(CODE_ALPHABET[digit])
    return "".join(letters)


def _store(rng: random.Random, batch: list[tuple[Any, ...]]) -> None:
    """The episodes and their step changes, written as rows (the database's own types) with
    the ids following the largest there is."""
    if not batch:
        return
    date_value = connection.ops.adapt_datefield_value
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    first = (Episode.objects.aggregate(last=Max("pk"))["last"] or 0) + 1
    rows = [
        (first + n, *row[:4], date_value(row[4]), date_value(row[5]), *row[6:], now)
        for n, row in enumerate(batch)
    ]
    marks = ", ".join(["%s"] * len(rows[0]))
    steps = [(episode, date_value(day)) for episode, day in _steps(rng, batch, first)]
    with connection.cursor() as cursor:
        table = Episode._meta.db_table
        cursor.executemany(f"INSERT INTO {table} ({EPISODE_COLUMNS}) VALUES ({marks})", rows)
        if steps:
            table = StepChange._meta.db_table
            sql = f"INSERT INTO {table} (episode_id, date, note) VALUES (%s, %s, '')"
            cursor.executemany(sql, steps)


def _steps(
    rng: random.Random, batch: list[tuple[Any, ...]], first: int
) -> Iterator[tuple[int, date]]:
    """A step change for about a third of the episodes, some with two."""
    for n, row in enumerate(batch):
        for _ in range(rng.choice((0, 0, 0, 0, 1, 1, 2))):
            yield first + n, row[4] + timedelta(days=20)


def _reset_sequences() -> None:
    """After ids given by hand, the next episode saved the ordinary way gets a free id."""
    statements = connection.ops.sequence_reset_sql(no_style(), [Episode, StepChange])
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)
