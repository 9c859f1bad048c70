"""Staff register several participants at once and print the insats's codes for their records."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from samordna.followup.models import Episode
from samordna.interventions.models import Intervention
from tests.conftest import make_user


@pytest.fixture
def insats(association):
    insats = Intervention.objects.create(
        association=association, name="Friska vindar", kind="individual"
    )
    insats.members.set(association.members.filter(kind__in=["fk", "municipality"]))
    return insats


@pytest.fixture
def staff(association, insats):
    user = make_user("handledare", association, "insatspersonal")
    insats.staff.add(user)
    return user


def _rows(*rows: dict) -> dict:
    data = {"form-TOTAL_FORMS": "10", "form-INITIAL_FORMS": "0"}
    for number, row in enumerate(rows):
        data.update({f"form-{number}-{key}": value for key, value in row.items()})
    return data


def test_staff_register_three_participants_at_once_and_see_their_codes(
    client, staff, association, insats
):
    client.force_login(staff)
    url = reverse("episode_batch", args=[association.slug, insats.pk])
    rows = _rows(
        {"sex": "kvinna", "birth_year": "1990", "start": "2026-02-01"},
        {"sex": "man", "birth_year": "1985", "start": "2026-02-03", "income_start": ""},
        {"sex": "kvinna", "birth_year": "2001", "start": "2026-02-10"},
    )
    response = client.post(url, rows)
    assert response.status_code == 302
    episodes = Episode.objects.filter(intervention=insats).order_by("start")
    assert [e.birth_year for e in episodes] == [1990, 1985, 2001]
    codes = client.get(response["Location"]).content.decode()
    for episode in episodes:
        assert episode.code in codes and episode.start.isoformat() in codes
    assert "3 deltagare sparade" in codes


def test_one_bad_row_saves_no_row_and_names_row_and_column(client, staff, association, insats):
    client.force_login(staff)
    url = reverse("episode_batch", args=[association.slug, insats.pk])
    rows = _rows(
        {"sex": "kvinna", "birth_year": "1990", "start": "2026-02-01"},
        {"sex": "man", "birth_year": "1890", "start": "2026-02-03"},
    )
    response = client.post(url, rows)
    text = response.content.decode()
    assert response.status_code == 400
    assert "Rad 2, födelseår: Födelseåret 1890 ger en orimlig ålder vid start." in text
    assert not Episode.objects.exists()


def test_an_empty_table_saves_nothing_and_says_so(client, staff, association, insats):
    client.force_login(staff)
    url = reverse("episode_batch", args=[association.slug, insats.pk])
    response = client.post(url, _rows())
    assert response.status_code == 400 and "Fyll i minst en rad." in response.content.decode()


def test_staff_of_another_insats_get_neither_the_table_nor_the_codes(client, association, insats):
    Episode.objects.create(intervention=insats, sex="man", birth_year=1980, start=date(2026, 1, 5))
    client.force_login(make_user("annan", association, "insatspersonal"))
    for name in ("episode_batch", "episode_codes"):
        response = client.get(reverse(name, args=[association.slug, insats.pk]))
        assert response.status_code == 404


def test_the_insats_page_links_to_batch_registration_and_codes(client, staff, association, insats):
    client.force_login(staff)
    page = client.get(reverse("intervention", args=[association.slug, insats.pk])).content.decode()
    assert reverse("episode_batch", args=[association.slug, insats.pk]) in page
    assert reverse("episode_codes", args=[association.slug, insats.pk]) in page
