"""Planned meetings before their dates are set: written, changed and removed on the meetings
page, printed in the plan beside the dated meetings."""

from __future__ import annotations

from datetime import date

from django.urls import reverse

from samordna.documents import plan
from samordna.documents.outputs import render
from samordna.interventions.models import Meeting, MeetingPlan
from tests.documents.test_outputs import docx_text


def _text(response) -> str:
    return response.content.decode().replace("\u00a0", " ")


def _post(client, association, pk=None, **data):
    url = (
        reverse("meeting_plan_edit", args=[association.slug, pk])
        if pk
        else reverse("meeting_plan_new", args=[association.slug])
    )
    return client.post(url, {"year": "2027", "body": "styrelse", "note": "", **data})


def test_the_chef_writes_a_count_and_months_and_the_page_says_it(client, chef, association):
    client.force_login(chef)
    response = _post(client, association, count="6", months=["3", "6", "9"])
    assert response.status_code == 302
    saved = MeetingPlan.objects.get()
    assert (saved.count, saved.month_numbers) == (6, [3, 6, 9])
    page = _text(client.get(reverse("meetings", args=[association.slug])))
    assert "Styrelsen sammanträder 6 gånger 2027, i mars, juni och september." in page
    changed = _post(client, association, saved.pk, count="4", months=["3"])
    assert changed.status_code == 302
    saved.refresh_from_db()
    assert (saved.count, saved.month_numbers) == (4, [3])


def test_a_schedule_that_says_nothing_or_too_much_is_refused(client, chef, association):
    client.force_login(chef)
    empty = _post(client, association, count="")
    assert empty.status_code == 400 and "Ange antalet sammanträden" in _text(empty)
    many = _post(client, association, count="2", months=["3", "6", "9"])
    assert many.status_code == 400 and "3 månader är valda" in _text(many)
    assert not MeetingPlan.objects.exists()
    _post(client, association, count="6")
    twice = _post(client, association, count="4")
    assert twice.status_code == 400 and "Det finns redan en plan" in _text(twice)
    assert MeetingPlan.objects.get().count == 6


def test_the_board_reads_the_schedule_but_cannot_write_it(client, board, association):
    MeetingPlan.objects.create(association=association, year=2027, count=6)
    client.force_login(board)
    page = _text(client.get(reverse("meetings", args=[association.slug])))
    assert "Styrelsen sammanträder 6 gånger 2027." in page and "Ny plan" not in page
    assert _post(client, association, count="4").status_code == 403


def test_a_plan_is_removed_after_confirmation_and_can_be_undone(client, chef, association):
    saved = MeetingPlan.objects.create(association=association, year=2027, count=6, months="3,6")
    client.force_login(chef)
    url = reverse("meeting_plan_delete", args=[association.slug, saved.pk])
    asked = client.get(url)
    assert "Planen för styrelsens sammanträden 2027" in _text(asked)
    assert MeetingPlan.objects.exists()
    done = client.post(url, follow=True)
    assert not MeetingPlan.objects.exists() and "Ångra" in _text(done)
    token = client.session["samordna_undo"]["token"]
    client.post(reverse("undo", args=[association.slug]), {"token": token})
    assert MeetingPlan.objects.get().month_numbers == [3, 6]


def test_the_plan_prints_the_schedule_and_the_dates_set(association):
    MeetingPlan.objects.create(association=association, year=2027, count=6, months="3,6,9")
    Meeting.objects.create(association=association, date=date(2027, 2, 12))
    Meeting.objects.create(association=association, body="beredning", date=date(2027, 1, 20))
    Meeting.objects.create(association=association, date=date(2026, 11, 20))
    document = plan.build(association, 2027)
    texts = [getattr(block, "text", "") for block in document.blocks]
    assert "Sammanträden" in texts
    expected = (
        "Styrelsen sammanträder 6 gånger 2027, i mars, juni och september. "
        "Bestämda datum: 12 februari. Beredningsgruppen sammanträder 2027: den 20 januari."
    )
    assert expected in texts
    assert "Styrelsen sammanträder 6 gånger 2027" in docx_text(render(document, "docx"))


def test_a_plan_without_meetings_prints_no_schedule(association):
    texts = [getattr(block, "text", "") for block in plan.build(association, 2027).blocks]
    assert "Sammanträden" not in texts
