"""Persona table of the follow-up: episodes (chef and own staff), reports, indicators, effect."""

from __future__ import annotations

from datetime import date

from samordna.followup.models import Episode, Indicator
from samordna.interventions.models import Intervention

STAFF_PAGES = {
    "followup",
    "episodes",
    "episode_new",
    "episode",
    "episode_import",
    "episode_export",
    "episode_batch",
    "episode_codes",
}


def _episode(association):
    return {"pk": Episode.objects.get(intervention__association=association).pk}


def _insats(association):
    return {"pk": Intervention.objects.get(association=association, name="Deltagarteam").pk}


def _indicator(association):
    return {"pk": Indicator.objects.get(association=association, number=1).pk}


PAGES = {
    "followup": ("read", lambda a: {}),
    "followup_targets": ("edit", lambda a: {}),
    "episodes": ("edit", lambda a: {}),
    "episode_new": ("edit", lambda a: {}),
    "episode_import": ("edit", lambda a: {}),
    "episode_export": ("edit", lambda a: {"fmt": "xlsx"}),
    "episode": ("edit", _episode),
    "episode_batch": ("edit", _insats),
    "episode_codes": ("edit", _insats),
    "data_protection": ("read", lambda a: {}),
    "participant_rule_new": ("edit", lambda a: {}),
    "effect": ("read", lambda a: {}),
    "support_cost_new": ("edit", lambda a: {}),
    "indicators": ("read", lambda a: {}),
    "indicator_targets": ("edit", lambda a: {}),
    "indicator_answers": ("edit", lambda a: {}),
    "survey_links": ("edit", lambda a: {}),
    "indicator_edit": ("edit", _indicator),
}


def furnish(association):
    members = list(association.members.all())
    insats = Intervention.objects.create(
        association=association, name="Deltagarteam", kind="individual"
    )
    insats.members.set(members[:2])
    Episode.objects.create(
        intervention=insats, sex="kvinna", birth_year=1990, start=date(2026, 2, 1)
    )
    Indicator.objects.create(association=association, number=1, group="deltagare_pagaende")
