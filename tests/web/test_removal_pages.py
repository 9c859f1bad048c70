"""Nothing is lost with one click: every removal asks first, names what it affects, and the
message that follows offers "Ångra". A member still in use is refused with the reason."""

from __future__ import annotations

import re

from django.urls import reverse

from samordna.associations.models import BoardSeat, Member, Officer, Population
from samordna.economy import services


def _undo_token(page: str) -> str:
    match = re.search(r'name="token" value="([^"]+)"', page)
    assert match, "no Ångra button in the message"
    return match.group(1)


def test_removing_a_population_asks_first_and_names_the_split_that_uses_it(
    client, chef, association
):
    services.save(
        association,
        services.AllocationRequest(2020, 1_000_000_00, "total", 100, "split", 2018),
        user=None,
    )
    population = Population.objects.get(member__name="Grästorps kommun")
    client.force_login(chef)
    page = client.get(reverse("population_delete", args=[association.slug, population.pk]))
    text = page.content.decode()
    assert page.status_code == 200
    assert "Befolkningen för 2018 används i fördelningen för 2020" in text
    assert 'href="/forbund/trollhattan/medlemmar/">Avbryt' in text
    assert Population.objects.filter(pk=population.pk).exists()


def test_a_removed_population_comes_back_with_angra(client, chef, association):
    population = Population.objects.get(member__name="Grästorps kommun")
    client.force_login(chef)
    url = reverse("population_delete", args=[association.slug, population.pk])
    page = client.post(url, follow=True).content.decode()
    assert "Invånarna 2018 för Grästorps kommun är borttagna." in page
    assert not Population.objects.filter(pk=population.pk).exists()
    undo = reverse("undo", args=[association.slug])
    page = client.post(undo, {"token": _undo_token(page)}, follow=True).content.decode()
    assert "Ångrat" in page
    back = Population.objects.get(pk=population.pk)
    assert (back.year, back.count, back.source) == (2018, 5600, "SCB 2018")


def test_a_member_with_a_board_seat_is_refused_with_the_reason(client, chef, association):
    member = Member.objects.get(name="Arbetsförmedlingen")
    BoardSeat.objects.create(association=association, member=member, seat="regular")
    client.force_login(chef)
    url = reverse("member_delete", args=[association.slug, member.pk])
    text = client.get(url).content.decode()
    assert "kan inte tas bort" in text and "1 plats i styrelsen" in text
    assert "<button" not in text.split("<main", 1)[1].split("</main>")[0]
    assert client.post(url).status_code == 409
    assert Member.objects.filter(pk=member.pk).exists()


def test_a_region_with_municipalities_is_refused(client, chef, association):
    region = association.members.get(kind="region")
    client.force_login(chef)
    response = client.post(reverse("member_delete", args=[association.slug, region.pk]))
    assert "3 kommuner som hör till regionen" in response.content.decode()
    assert Member.objects.filter(pk=region.pk).exists()


def test_a_member_and_its_populations_come_back_with_angra(client, chef, association):
    member = Member.objects.get(name="Grästorps kommun")
    client.force_login(chef)
    url = reverse("member_delete", args=[association.slug, member.pk])
    assert "Invånaruppgifterna tas bort med medlemmen" in client.get(url).content.decode()
    page = client.post(url, follow=True).content.decode()
    assert not Member.objects.filter(pk=member.pk).exists()
    client.post(reverse("undo", args=[association.slug]), {"token": _undo_token(page)})
    back = Member.objects.get(pk=member.pk)
    assert back.region.name == "Västra Götalandsregionen"
    assert back.populations.get().count == 5600


def test_angra_with_a_wrong_token_changes_nothing(client, chef, association):
    seat = BoardSeat.objects.create(
        association=association, member=association.members.first(), seat="regular"
    )
    client.force_login(chef)
    client.post(reverse("seat_delete", args=[association.slug, seat.pk]))
    page = client.post(
        reverse("undo", args=[association.slug]), {"token": "fel"}, follow=True
    ).content.decode()
    assert "Det finns inget att ångra." in page
    assert not BoardSeat.objects.exists()


def test_a_board_member_cannot_undo(client, chef, board, association):
    officer = Officer.objects.create(association=association, group="office", title="Förbundschef")
    client.force_login(chef)
    page = client.post(
        reverse("officer_delete", args=[association.slug, officer.pk]), follow=True
    ).content.decode()
    client.force_login(board)
    response = client.post(reverse("undo", args=[association.slug]), {"token": _undo_token(page)})
    assert response.status_code == 403
    assert not Officer.objects.exists()


def test_removing_a_seat_names_the_meetings_it_attended(client, chef, association):
    from samordna.interventions.models import Attendance, Meeting

    seat = BoardSeat.objects.create(
        association=association, member=association.members.first(), seat="regular"
    )
    meeting = Meeting.objects.create(association=association, body="styrelse", date="2025-03-01")
    Attendance.objects.create(meeting=meeting, seat=seat, present_as="ledamot")
    client.force_login(chef)
    url = reverse("seat_delete", args=[association.slug, seat.pk])
    assert "Närvaron på 1 möte tas bort med platsen." in client.get(url).content.decode()
    page = client.post(url, follow=True).content.decode()
    client.post(reverse("undo", args=[association.slug]), {"token": _undo_token(page)})
    assert Attendance.objects.get().seat_id == seat.pk


def test_avbryt_goes_back_where_the_user_came_from(client, chef, association):
    client.force_login(chef)
    url = reverse("seat_create", args=[association.slug])
    text = client.get(url).content.decode()
    assert 'href="/forbund/trollhattan/organisation/">Avbryt' in text
    came_from = "http://testserver/forbund/trollhattan/medlemmar/"
    text = client.get(url, HTTP_REFERER=came_from).content.decode()
    assert 'href="/forbund/trollhattan/medlemmar/">Avbryt' in text
    text = client.get(url, HTTP_REFERER="https://elsewhere.example/x/").content.decode()
    assert 'href="/forbund/trollhattan/organisation/">Avbryt' in text
