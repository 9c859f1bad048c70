"""Every page checks who is asking: the chef, the board (reads only), another förbund's chef,
a logged-in outsider and an anonymous visitor."""

from __future__ import annotations

import pytest
from django.urls import get_resolver, reverse

from samordna.associations.models import BoardSeat, Officer, Population
from samordna.economy import services
from samordna.economy.models import ContributionYear

# url name -> (kwargs builder, who may open it: "read" = every role, "edit" = chef only)
PAGES = {
    "association": ("read", lambda a: {}),
    "association_edit": ("edit", lambda a: {}),
    "members": ("read", lambda a: {}),
    "member_create": ("edit", lambda a: {}),
    "member_edit": ("edit", lambda a: {"pk": a.members.first().pk}),
    "member_delete": ("edit-post", lambda a: {"pk": a.members.last().pk}),
    "population_add": ("edit", lambda a: {"pk": a.members.last().pk}),
    "population_delete": ("edit-post", lambda a: {"pk": Population.objects.first().pk}),
    "organisation": ("read", lambda a: {}),
    "seat_create": ("edit", lambda a: {}),
    "seat_delete": ("edit-post", lambda a: {"pk": BoardSeat.objects.first().pk}),
    "officer_create": ("edit", lambda a: {}),
    "officer_delete": ("edit-post", lambda a: {"pk": Officer.objects.first().pk}),
    "contributions": ("read", lambda a: {}),
    "contribution_new": ("edit", lambda a: {}),
    "contribution": ("read", lambda a: {"year": 2020}),
}


@pytest.fixture
def furnished(association):
    BoardSeat.objects.create(
        association=association, member=association.members.first(), seat="regular"
    )
    Officer.objects.create(association=association, group="office", title="Förbundschef")
    request = services.AllocationRequest(2020, 715_600_000, "total", 1000, "split", 2018)
    services.save(association, request, user=None)
    return association


def _url(name: str, association) -> str:
    return reverse(name, kwargs={"slug": association.slug, **PAGES[name][1](association)})


def _ask(client, name, association):
    kind = PAGES[name][0]
    url = _url(name, association)
    return client.post(url) if kind == "edit-post" else client.get(url)


def test_every_association_page_is_in_the_persona_table():
    names = {
        page.name
        for entry in get_resolver().url_patterns
        if str(entry.pattern).startswith("forbund/")
        for page in entry.url_patterns
    }
    assert names == set(PAGES)


@pytest.mark.parametrize("name", sorted(PAGES))
def test_the_chef_opens_every_page(client, chef, furnished, name):
    client.force_login(chef)
    response = _ask(client, name, furnished)
    assert response.status_code in (200, 302)
    if response.status_code == 302:
        assert "/logga-in/" not in response["Location"]


@pytest.mark.parametrize("name", sorted(PAGES))
def test_the_board_reads_but_does_not_edit(client, board, furnished, name):
    client.force_login(board)
    response = _ask(client, name, furnished)
    expected = 200 if PAGES[name][0] == "read" else 403
    assert response.status_code == expected
    if expected == 403:
        assert "behörighet" in response.content.decode()


@pytest.mark.parametrize("name", sorted(PAGES))
def test_another_associations_chef_sees_nothing(client, other_chef, furnished, name):
    client.force_login(other_chef)
    response = _ask(client, name, furnished)
    assert response.status_code == 404
    assert furnished.name not in response.content.decode()


@pytest.mark.parametrize("name", sorted(PAGES))
def test_an_outsider_sees_nothing(client, outsider, furnished, name):
    client.force_login(outsider)
    assert _ask(client, name, furnished).status_code == 404


@pytest.mark.parametrize("name", sorted(PAGES))
def test_an_anonymous_visitor_is_sent_to_log_in(client, furnished, name):
    response = _ask(client, name, furnished)
    assert response.status_code == 302 and "/logga-in/" in response["Location"]
    assert ContributionYear.objects.filter(association=furnished).count() == 1
