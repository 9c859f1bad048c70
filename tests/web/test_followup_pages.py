"""Follow-up pages: staff keep to their own insats, no personnummer gets in, imports are all or
nothing, the board sees only hidden small groups, and the anonymous form takes one answer."""

from __future__ import annotations

import io
import re
from datetime import date, timedelta
from pathlib import Path

import pytest
import time_machine
from django.core.cache import cache
from django.urls import reverse
from openpyxl import load_workbook

from samordna.followup.models import (
    Episode,
    Indicator,
    IndicatorResponse,
    StepChange,
    SurveyLink,
    SurveyTicket,
)
from samordna.interventions.models import Intervention
from tests.conftest import TODAY, make_user

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "deltagare"


@pytest.fixture
def teams(association):
    members = list(association.members.all())
    own = Intervention.objects.create(
        association=association, name="Deltagarteam", kind="individual"
    )
    other = Intervention.objects.create(association=association, name="Jobbspår", kind="individual")
    for insats in (own, other):
        insats.members.set(members[:2])
    return own, other


@pytest.fixture
def staff(association, teams):
    user = make_user("personal", association, "insatspersonal")
    teams[0].staff.add(user)
    return user


def _episode(insats, **extra):
    values = dict(sex="kvinna", birth_year=1990, start=date(2026, 1, 10))
    values.update(extra)
    return Episode.objects.create(intervention=insats, **values)


def _ticket(page):
    return re.search(r'name="ticket" value="([^"]+)"', page.content.decode()).group(1)


def _url(name, association, **kwargs):
    return reverse(name, kwargs={"slug": association.slug, **kwargs})


def test_staff_see_and_change_only_their_own_insats(client, association, teams, staff):
    mine, theirs = _episode(teams[0]), _episode(teams[1])
    client.force_login(staff)
    page = client.get(_url("episodes", association)).content.decode()
    assert mine.code in page and theirs.code not in page
    assert client.get(_url("episode", association, pk=theirs.pk)).status_code == 404
    response = client.post(
        _url("episode_new", association),
        {"intervention": teams[1].pk, "sex": "man", "birth_year": 1985, "start": "2026-03-01"},
    )
    assert response.status_code == 400
    assert Episode.objects.count() == 2


def test_a_new_episode_gets_a_code_and_a_consent_for_two_years(client, association, teams, chef):
    client.force_login(chef)
    response = client.post(
        _url("episode_new", association),
        {
            "intervention": teams[0].pk,
            "sex": "man",
            "birth_year": 1985,
            "start": "2026-03-01",
            "consent_given": "2026-03-01",
        },
    )
    episode = Episode.objects.get()
    assert response.status_code == 302
    assert len(episode.code) == 8 and episode.consent_expires == date(2028, 3, 1)


def test_a_personnummer_in_a_step_note_is_refused(client, association, teams, chef):
    episode = _episode(teams[0])
    client.force_login(chef)
    response = client.post(
        _url("episode", association, pk=episode.pk),
        {"action": "step", "steg-date": "2026-04-01", "steg-note": "praktik, pnr 811218-9876"},
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "innehåller ett personnummer (tecken" in page
    assert StepChange.objects.count() == 0


@time_machine.travel(TODAY, tick=False)
def test_consents_running_out_are_listed_for_their_staff(client, association, teams, staff):
    in_a_week = date(2026, 6, 22)
    soon = _episode(teams[0], consent_expires=in_a_week)
    _episode(teams[0], consent_expires=in_a_week + timedelta(days=365))
    revoked = _episode(teams[0], consent_revoked=date(2026, 5, 1))
    ended = _episode(teams[0], consent_expires=date(2026, 5, 1), end=date(2026, 5, 31))
    ends_today = _episode(teams[0], consent_expires=date(2026, 5, 1), end=TODAY.date())
    client.force_login(staff)
    page = client.get(_url("episodes", association)).content.decode()
    section = page.split("Samtycken att se över")[1].split("</section>")[0]
    assert soon.code in section and revoked.code in section and ends_today.code in section
    assert ended.code not in section  # no longer enrolled: nothing to look over
    assert section.count("<tr>") == 4  # header and the three


def test_import_is_all_or_nothing_and_export_reads_back(client, association, teams, chef):
    client.force_login(chef)
    url = _url("episode_import", association)
    with open(FIXTURES / "bad.csv", "rb") as bad:
        response = client.post(url, {"file": bad})
    assert response.status_code == 400
    assert "rad 3, kolumn medremitterande" in response.content.decode()
    assert Episode.objects.count() == 0
    with open(FIXTURES / "episodes.csv", "rb") as good:
        assert client.post(url, {"file": good}).status_code == 302
    assert Episode.objects.count() == 12
    exported = client.get(_url("episode_export", association, fmt="xlsx"))
    sheet = load_workbook(io.BytesIO(exported.content)).active
    assert sheet["A1"].value == "kod" and sheet["D2"].value >= 1980  # a number, not text
    exported_file = io.BytesIO(exported.content)
    exported_file.name = "deltagare.xlsx"
    assert client.post(url, {"file": exported_file}).status_code == 302
    assert Episode.objects.count() == 12  # matched by code: updated, not doubled


def test_the_board_sees_small_groups_hidden(client, association, teams, board):
    for _ in range(3):
        _episode(teams[0], sex="kvinna", end=date(2026, 6, 1), end_reason="arbete")
    for _ in range(9):
        _episode(teams[0], sex="man", end=date(2026, 6, 1), end_reason="avbrott")
    client.force_login(board)
    page = client.get(_url("followup", association) + "?ar=2026").content.decode()
    assert "&lt;5" in page
    assert ">9<" not in page  # the men are hidden, or the women could be subtracted
    assert client.get(_url("episodes", association)).status_code == 403
    assert client.get(reverse("national_report", args=[association.slug])).status_code == 403


def test_the_anonymous_form_takes_one_answer_per_ticket(client, association, teams):
    Indicator.objects.create(
        association=association, number=1, group="deltagare_pagaende", text="Jag blev väl bemött."
    )
    link = SurveyLink.objects.create(
        association=association, intervention=teams[0], group="deltagare_pagaende", year=2026
    )
    page = client.get(f"/enkat/{link.token}/")
    assert page.status_code == 200 and "Jag blev väl bemött." in page.content.decode()
    ticket = _ticket(page)
    answer = {"ticket": ticket, "i1": "7", "sex": "kvinna"}
    assert "Tack för dina svar" in client.post(f"/enkat/{link.token}/", answer).content.decode()
    again = client.post(f"/enkat/{link.token}/", answer)
    assert again.status_code == 400
    stored = IndicatorResponse.objects.get()
    assert (stored.score, stored.year, stored.sex, stored.intervention) == (
        7,
        2026,
        "kvinna",
        teams[0],
    )
    link.open = False
    link.save()
    assert client.get(f"/enkat/{link.token}/").status_code == 404


def test_the_form_slows_down_a_flood(client, association, teams):
    cache.clear()
    Indicator.objects.create(association=association, number=1, group="styrelse")
    link = SurveyLink.objects.create(association=association, group="styrelse", year=2026)
    codes = []
    for _ in range(11):
        ticket = _ticket(client.get(f"/enkat/{link.token}/"))
        codes.append(
            client.post(f"/enkat/{link.token}/", {"ticket": ticket, "i1": "5"}).status_code
        )
    assert codes[:10] == [200] * 10 and codes[10] == 429
    assert IndicatorResponse.objects.count() == 10
    cache.clear()


def test_indicator_fulfilment_against_the_target(client, association, chef):
    client.force_login(chef)
    client.get(_url("indicators", association))  # creates the fifteen slots
    one = Indicator.objects.get(association=association, number=1)
    client.post(
        _url("indicator_targets", association), {"indicator": one.pk, "year": 2026, "percent": 80}
    )
    for score, count in ((7, 15), (6, 5), (3, 5)):
        client.post(
            _url("indicator_answers", association),
            {"indicator": one.pk, "year": 2026, "score": score, "count": count},
        )
    page = client.get(_url("indicators", association) + "?ar=2026").content.decode()
    row = page.split(">1</a>")[1].split("</tr>")[0]
    assert "80 %" in row and "Uppfyllt" in row


def test_the_effect_prints_its_assumptions(client, association, teams, board):
    for _ in range(5):
        _episode(teams[0], end=date(2026, 6, 1), income_start="forsorjningsstod", income_end="lon")
    client.force_login(board)
    page = client.get(_url("effect", association) + "?ar=2026").content.decode()
    assert "Antaganden" in page and "Exempelvärden" in page
    row = page.split("Deltagarteam")[1].split("</tr>")[0].replace("\u00a0", " ")
    assert "882 000 kr" in row  # kommun: 5 people × (9 500 + 5 200) kr × 12 months
    assert "4 410 000 kr" in row  # the same over 60 months
    assert "5 eller fler" in row and ">5<" not in row  # no count: summed over years it would
    # reveal a small group of the yearly report


def test_the_annual_insats_report_shows_its_participants(client, association, teams, board):
    for _ in range(3):
        _episode(teams[0], sex="kvinna")
    for _ in range(6):
        _episode(teams[0], sex="man")
    client.force_login(board)
    url = _url("intervention_report", association, pk=teams[0].pk, year=2026)
    page = client.get(url).content.decode()
    table = page.split("<caption>Deltagare efter kön 2026")[1].split("</table>")[0]
    assert "&lt;5" in table and ">6<" not in table and ">9<" in table


def test_a_personnummer_in_the_annual_report_is_refused(client, association, teams, chef):
    client.force_login(chef)
    url = _url("intervention_report", association, pk=teams[0].pk, year=2026)
    response = client.post(url, {"how_it_went": "Deltagare 19811218-9876 fick jobb."})
    assert response.status_code == 400 and "personnummer" in response.content.decode()
    assert not teams[0].reports.exists()


@time_machine.travel(TODAY, tick=False)
def test_the_overview_reminds_staff_of_consents(client, association, teams, staff):
    _episode(teams[0], consent_expires=date(2026, 6, 22))
    client.force_login(staff)
    page = client.get(_url("association", association)).content.decode()
    assert "Samtycken att se över" in page and "1 samtycke till" in page


def test_opening_the_form_again_and_again_never_spoils_an_open_ticket(client, association):
    Indicator.objects.create(association=association, number=8, group="styrelse")
    link = SurveyLink.objects.create(association=association, group="styrelse", year=2026)
    first = _ticket(client.get(f"/enkat/{link.token}/"))
    for _ in range(50):
        client.get(f"/enkat/{link.token}/")
    assert SurveyTicket.objects.count() == 0  # opening the form writes nothing
    answer = client.post(f"/enkat/{link.token}/", {"ticket": first, "i8": "6"})
    assert "Tack för dina svar" in answer.content.decode()
    assert IndicatorResponse.objects.count() == 1


def test_a_forged_ticket_or_one_for_another_link_is_refused(client, association):
    Indicator.objects.create(association=association, number=8, group="styrelse")
    link = SurveyLink.objects.create(association=association, group="styrelse", year=2026)
    other = SurveyLink.objects.create(association=association, group="styrelse", year=2025)
    foreign = _ticket(client.get(f"/enkat/{other.token}/"))
    for ticket in ("påhittad", foreign, foreign[:-2] + "xx"):
        answer = client.post(f"/enkat/{link.token}/", {"ticket": ticket, "i8": "6"})
        assert answer.status_code == 400
    assert IndicatorResponse.objects.count() == 0


def test_the_effect_of_an_older_year_is_counted_and_says_with_which_costs(
    client, association, teams, board
):
    for _ in range(5):
        _episode(
            teams[0],
            start=date(2020, 1, 10),
            end=date(2021, 6, 1),
            income_start="forsorjningsstod",
            income_end="lon",
        )
    client.force_login(board)
    response = client.get(_url("effect", association) + "?ar=2021")
    assert response.status_code == 200
    assert "används även för 2021" in response.content.decode()


def test_the_overview_gives_staff_no_links_they_may_not_follow(client, association, staff):
    from samordna.economy.models import ContributionYear

    ContributionYear.objects.create(association=association, year=2026, total=100_000_000)
    client.force_login(staff)
    page = client.get(_url("association", association)).content.decode()
    for href in [a.split('"')[0] for a in page.split('href="')[1:]]:
        if href.startswith(f"/forbund/{association.slug}/"):
            assert client.get(href).status_code == 200, href
