"""Episodes and indicator answers from a spreadsheet, all or nothing; episodes back out as rows.

Every row is checked against the förbund (the insats exists, is individual and, for insats
staff, is their own; referrers are members; a code is not someone else's) before anything is
written, and every problem names row and column in Swedish.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from samordna.associations.models import Association, Member
from samordna.core.answer_file import AnswerRow, read_answers
from samordna.core.episode_file import EXPORT_HEADER, Columns, EpisodeRow, read_episodes
from samordna.core.findings import InputError
from samordna.core.followup import END_REASONS, INCOMES, OCCUPATIONS
from samordna.core.indicators import score_error
from samordna.core.intervention_file import match_member
from samordna.core.table import Table
from samordna.followup import services
from samordna.followup.models import Episode, Indicator, IndicatorResponse, StepChange
from samordna.followup.retention import consent_end
from samordna.interventions.imports import ImportResult
from samordna.interventions.models import Intervention
from samordna.tables import store_all_or_nothing


@dataclass
class _Checked:
    row: EpisodeRow
    intervention: Intervention
    existing: Episode | None
    main: Member | None
    co: list[Member]


def import_episodes(association: Association, table: Table, membership: Any) -> ImportResult:
    """Create or update episodes (matched by code) in the insatser the member may change."""
    columns, rows, errors = read_episodes(table)
    allowed = {i.name.casefold(): i for i in services.own_interventions(association, membership)}
    members = list(association.members.all())
    checked = store_all_or_nothing(
        rows, errors, lambda row: _check(association, row, columns, allowed, members), _store
    )
    created = sum(1 for item in checked if item.existing is None)
    return ImportResult(created, len(checked) - created)


def _check(
    association: Association,
    row: EpisodeRow,
    columns: Columns,
    allowed: dict[str, Intervention],
    members: list[Member],
) -> tuple[_Checked | None, list[InputError]]:
    errors: list[InputError] = []

    def fail(message: str, column: str) -> None:
        errors.append(InputError(message, row=row.row, column=columns.name(column)))

    intervention = allowed.get(row.insats.casefold())
    if row.insats and intervention is None:
        fail(f"”{row.insats}” är ingen insats du får registrera deltagare i.", "insats")
    elif intervention is not None and intervention.kind != "individual":
        fail(
            f"{intervention.name} är strukturinriktad: den räknar volym, inte deltagare.", "insats"
        )
    existing = Episode.objects.filter(code=row.code).first() if row.code else None
    if existing is not None and existing.intervention.association_id != association.pk:
        fail(f"koden {row.code} används redan; lämna kod tom så skapas en ny.", "code")
        existing = None
    elif existing is not None and existing.intervention.name.casefold() not in allowed:
        fail(f"koden {row.code} hör till en insats du inte får ändra.", "code")
    names = [(m.name, m.kind) for m in members]
    by_name = {m.name: m for m in members}

    def member(text: str, column: str) -> Member | None:
        try:
            return by_name[match_member(text, names)]
        except ValueError as error:
            fail(str(error), column)
            return None

    main = member(row.main_referrer, "main_referrer") if row.main_referrer else None
    co = [m for m in (member(t, "co_referrers") for t in row.co_referrers) if m is not None]
    if errors or intervention is None:
        return None, errors
    return _Checked(row, intervention, existing, main, co), errors


def _store(item: _Checked) -> None:
    row = item.row
    episode = item.existing or Episode(intervention=item.intervention)
    if row.code:
        episode.code = row.code
    episode.intervention = item.intervention
    for name in (
        "sex",
        "birth_year",
        "start",
        "end",
        "income_start",
        "income_end",
        "occupation_start",
        "occupation_end",
        "end_reason",
        "quality_start",
        "quality_end",
    ):
        setattr(episode, name, getattr(row, name))
    episode.main_referrer = item.main
    episode.consent_given = row.consent
    episode.consent_expires = consent_end(item.intervention.association, row.consent)
    episode.consent_revoked = row.revoked
    episode.save()
    episode.co_referrers.set(item.co)
    episode.steps.all().delete()
    for when in row.steps:
        StepChange.objects.create(episode=episode, date=when)


def _label(words: dict[str, str], key: str) -> str:
    return words.get(key, "").lower() if key else ""


def episode_rows(episodes: Any) -> tuple[tuple[str, ...], list[list[Any]]]:
    """Episodes as rows of the episode file (the import reads them back unchanged)."""
    rows = []
    for e in episodes.prefetch_related("steps", "co_referrers"):
        rows.append(
            [
                e.code,
                e.intervention.name,
                e.sex,
                e.birth_year,
                e.start.isoformat(),
                e.end.isoformat() if e.end else "",
                e.main_referrer.name if e.main_referrer else "",
                "; ".join(m.name for m in e.co_referrers.all()),
                _label(INCOMES, e.income_start),
                _label(INCOMES, e.income_end),
                _label(OCCUPATIONS, e.occupation_start),
                _label(OCCUPATIONS, e.occupation_end),
                _label(END_REASONS, e.end_reason),
                "" if e.quality_start is None else e.quality_start,
                "" if e.quality_end is None else e.quality_end,
                "; ".join(s.date.isoformat() for s in e.steps.all()),
                e.consent_given.isoformat() if e.consent_given else "",
                e.consent_revoked.isoformat() if e.consent_revoked else "",
            ]
        )
    return EXPORT_HEADER, rows


def import_answers(association: Association, table: Table, today: date) -> int:
    """Indicator answers from a file, all or nothing; returns how many were stored."""
    titles, rows, errors = read_answers(table)
    indicators = {i.number: i for i in services.ensure_indicators(association, today)}

    def check(row: AnswerRow) -> tuple[_Answer | None, list[InputError]]:
        return _check_answer(association, row, titles, indicators)

    return len(store_all_or_nothing(rows, errors, check, _store_answer))


_Answer = tuple[AnswerRow, Indicator, Intervention | None]


def _check_answer(
    association: Association,
    row: AnswerRow,
    titles: dict[str, str],
    indicators: dict[int, Indicator],
) -> tuple[_Answer | None, list[InputError]]:
    errors: list[InputError] = []
    indicator = indicators.get(row.number)
    insats = services.find_intervention(association, row.insats) if row.insats else None
    if indicator is None:
        message = f"indikator {row.number} finns inte (1–15)."
        errors.append(InputError(message, row=row.row, column=titles["number"]))
    elif score_error(row.score, indicator.scale_max):
        message = score_error(row.score, indicator.scale_max) or ""
        errors.append(InputError(message, row=row.row, column=titles["score"]))
    if row.insats and insats is None:
        message = f"”{row.insats}” är ingen insats i förbundet."
        errors.append(InputError(message, row=row.row, column=titles["insats"]))
    return ((row, indicator, insats) if indicator is not None else None), errors


def _store_answer(answer: _Answer) -> None:
    row, indicator, insats = answer
    IndicatorResponse.objects.create(
        indicator=indicator,
        intervention=insats,
        year=row.year,
        score=row.score,
        sex=row.sex,
        via=IndicatorResponse.Via.IMPORTED,
    )
