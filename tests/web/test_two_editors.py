"""Two people editing the same participant or member: the second saver is told, nothing is lost."""

from __future__ import annotations

import html
import re
from datetime import date

from django.test import Client
from django.urls import reverse

from samordna.followup.models import Episode
from samordna.interventions.models import Intervention
from tests.conftest import make_user


def _seen(response) -> str:
    return html.unescape(re.search(r'name="seen" value="([^"]+)"', response.content.decode())[1])


def _episode(association) -> Episode:
    insats = Intervention.objects.create(association=association, name="Team", kind="individual")
    return Episode.objects.create(
        intervention=insats, sex="kvinna", birth_year=1990, start=date(2026, 1, 10)
    )


def _data(episode, seen, **changes):
    data = {
        "intervention": episode.intervention_id,
        "sex": "kvinna",
        "birth_year": 1990,
        "start": "2026-01-10",
        "seen": seen,
    }
    data.update(changes)
    return data


def test_the_second_saver_sees_what_changed_and_decides(association, chef):
    episode = _episode(association)
    url = reverse("episode", args=[association.slug, episode.pk])
    first, second = Client(), Client()
    first.force_login(chef)
    second.force_login(make_user("kollega", association, "chef"))
    seen_first = _seen(first.get(url))
    seen_second = _seen(second.get(url))
    assert second.post(url, _data(episode, seen_second, end="2026-06-30")).status_code == 302
    refused = first.post(url, _data(episode, seen_first, birth_year=1991))
    text = html.unescape(refused.content.decode())
    assert refused.status_code == 400
    assert "Någon annan sparade ändringar medan du skrev" in text
    assert "Slutdatum: 2026-06-30" in text or "2026-06-30" in text.split("Nu sparat:")[1]
    episode.refresh_from_db()
    assert episode.end == date(2026, 6, 30) and episode.birth_year == 1990
    decided = first.post(url, _data(episode, _seen(refused), birth_year=1991, end="2026-06-30"))
    assert decided.status_code == 302
    episode.refresh_from_db()
    assert (episode.end, episode.birth_year) == (date(2026, 6, 30), 1991)


def test_saving_twice_from_the_same_page_is_not_a_conflict(client, association, chef):
    episode = _episode(association)
    url = reverse("episode", args=[association.slug, episode.pk])
    client.force_login(chef)
    seen = _seen(client.get(url))
    assert client.post(url, _data(episode, seen, birth_year=1991)).status_code == 302


def test_two_people_editing_a_member(association, chef):
    member = association.members.get(name="Lilla Edets kommun")
    url = reverse("member_edit", args=[association.slug, member.pk])
    first, second = Client(), Client()
    first.force_login(chef)
    second.force_login(make_user("kollega", association, "chef"))
    seen_first, seen_second = _seen(first.get(url)), _seen(second.get(url))
    base = {"name": member.name, "kind": "municipality", "region": member.region_id, "position": 4}
    assert second.post(url, {**base, "agreed_share": "20", "seen": seen_second}).status_code == 302
    refused = first.post(
        url, {**base, "name": "Lilla Edet", "seen": seen_first, "agreed_share": "18.05"}
    )
    assert refused.status_code == 400
    member.refresh_from_db()
    assert member.name == "Lilla Edets kommun" and str(member.agreed_share).startswith("20")
