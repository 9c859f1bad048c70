"""Two people saving the same participant or insats at the same moment: never both "sparad".

The form compares the opened values with the stored ones twice: while it is cleaned, and again
in the save's own transaction with the row locked. These tests make two saves meet exactly in
the gap between the two: the first has passed its locked comparison and is about to write when
the second arrives (its first comparison has passed too, as nothing is written yet). The second
must wait and then be told what the first saved (or be asked to try again); the stored values
are the first one's.
"""

from __future__ import annotations

import html
import re
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from samordna import concurrency
from samordna.followup.models import Episode
from samordna.interventions.models import Intervention
from tests.conftest import make_association, make_user
from tests.web.saves_at_once import saves_at_once


def _seen(client: Client, url: str) -> str:
    page = client.get(url).content.decode()
    return html.unescape(re.search(r'name="seen" value="([^"]+)"', page)[1])


def _participant(association) -> tuple[str, dict, Episode]:
    insats = Intervention.objects.create(association=association, name="Team", kind="individual")
    episode = Episode.objects.create(
        intervention=insats, sex="kvinna", birth_year=1990, start=date(2026, 1, 10)
    )
    url = reverse("episode", args=[association.slug, episode.pk])
    data = {"intervention": insats.pk, "sex": "kvinna", "birth_year": 1990, "start": "2026-01-10"}
    return url, data, episode


def _insats(association) -> tuple[str, dict, Intervention]:
    insats = Intervention.objects.create(association=association, name="Team", kind="individual")
    members = list(association.members.order_by("position")[:2])
    insats.members.set(members)
    url = reverse("intervention_edit", args=[association.slug, insats.pk])
    data = {"name": "Team", "kind": "individual", "members": [m.pk for m in members]}
    return url, data, insats


# (what is edited, its page and data, the field each person changes, the stored value read back)
CASES = {
    "deltagare": (_participant, "birth_year", (1991, 1992), lambda o: o.birth_year),
    "insats": (_insats, "name", ("Team Väst", "Team Öst"), lambda o: o.name),
}


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("case", sorted(CASES))
def test_two_saves_at_the_same_moment_never_both_succeed_unseen(monkeypatch, case):
    opened, field, values, stored = CASES[case]
    association = make_association()
    url, data, edited = opened(association)
    first, second = Client(raise_request_exception=False), Client(raise_request_exception=False)
    first.force_login(make_user("chef", association, "chef"))
    second.force_login(make_user("kollega", association, "chef"))
    seen = {"first": _seen(first, url), "second": _seen(second, url)}
    answers, checked = saves_at_once(
        monkeypatch,
        concurrency,
        "locked",
        lambda: first.post(url, {**data, field: values[0], "seen": seen["first"]}),
        lambda: second.post(url, {**data, field: values[1], "seen": seen["second"]}),
    )

    assert checked, "the first save reached its locked comparison"
    statuses = {name: answer.status_code for name, answer in answers.items()}
    assert statuses["first"] == 302, statuses  # the first saved
    assert statuses["second"] in (400, 503), statuses  # the second was told, not "sparad"
    if statuses["second"] == 400:
        text = html.unescape(answers["second"].content.decode())
        assert "Någon annan sparade ändringar medan du skrev" in text
        assert str(values[0]) in text.split("Nu sparat:")[1]  # what the first one saved
    edited.refresh_from_db()
    assert stored(edited) == values[0]
