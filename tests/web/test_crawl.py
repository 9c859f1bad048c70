"""No dead ends: every link each demo persona is shown leads to a page that persona may open.

The crawl starts at the start page and follows every link (menus, tables, buttons,
downloads) within Samordna; a link that answers 403, 404 or 500 is a dead end the user
should never have been offered. On the way it checks that no page removes anything with
one click: a "Ta bort" button sits only on a confirmation page.
"""

from __future__ import annotations

import pytest

from samordna.demo import load_demo
from tests.web.crawl import crawl

PERSONAS = ["chef", "styrelse", "insatspersonal", "revisor"]


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        load_demo()
    yield
    with django_db_blocker.unblock():
        from django.core.management import call_command

        call_command("flush", interactive=False)


@pytest.mark.parametrize("username", PERSONAS)
def test_every_link_a_persona_sees_leads_somewhere(client, demo, db, username):
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.get(username=username))
    result = crawl(client)
    assert result.dead() == []
    assert result.one_click_deletes == []
    assert len(result.pages()) > 5


def test_a_new_empty_forbund_offers_the_first_action_everywhere(client, other_chef):
    client.force_login(other_chef)
    overview = client.get("/forbund/annat/").content.decode()
    assert 'href="/forbund/annat/medlemmar/ny/">Lägg till den första medlemmen' in overview
    assert 'href="/forbund/annat/budget/ny/">Gör en ny budget' in overview
    assert 'href="/forbund/annat/insatser/ny/">Registrera den första insatsen' in overview
    members = client.get("/forbund/annat/medlemmar/").content.decode()
    assert "Lägg till den första medlemmen" in members
    result = crawl(client, "/forbund/annat/")
    assert result.dead() == []
