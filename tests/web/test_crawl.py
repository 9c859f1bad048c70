"""No dead ends: every link each demo persona is shown leads to a page that persona may open.

The crawl starts at the start page and follows every link (menus, tables, buttons,
downloads) within Samordna; a link that answers 403, 404 or 500 is a dead end the user
should never have been offered. On the way it checks that no page removes anything with
one click: a "Ta bort" button sits only on a confirmation page.
"""

from __future__ import annotations

import re

import pytest
from django.utils.text import capfirst

from tests.web.crawl import Crawl, crawl, pattern

# The chef's crawl is the longest; the Swedish-forms test reads the same pages. Both run in one
# worker (make test-fast: --dist loadgroup) and the crawl is made once per module there.
SHARED = pytest.mark.xdist_group("chef-crawl")
PERSONAS = [
    pytest.param("chef", marks=SHARED),
    "styrelse",
    "insatspersonal",
    "revisor",
    "natverk",
]


@pytest.fixture(scope="module")
def crawls() -> dict[str, Crawl]:
    """Each persona's crawl of the demo, kept for the module (with the pages' HTML)."""
    return {}


def _crawl_as(client, crawls: dict[str, Crawl], username: str) -> Crawl:
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.get(username=username))
    if username not in crawls:
        crawls[username] = crawl(client, keep=username == "chef")
    return crawls[username]


@pytest.mark.parametrize("username", PERSONAS)
def test_every_link_a_persona_sees_leads_somewhere(client, demo, db, crawls, username):
    result = _crawl_as(client, crawls, username)
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


ENGLISH = (
    "This field is required",
    "Enter a valid",
    "Select a valid choice",
    "Ensure this value",
    "Enter a whole number",
    "Meeting",
    "Intervention",
)
SAME_IN_SWEDISH = {"Start", "Region", "Status"}
LABEL = re.compile(r'<label for="id_([a-z0-9_]+)">([^<]*)')


def _english(html: str) -> list[str]:
    """Django's English defaults on a page: its messages, and labels made from field names."""
    found = [word for word in ENGLISH if word in html]
    for name, label in LABEL.findall(html):
        text = label.strip()
        if text not in SAME_IN_SWEDISH and text == capfirst(name.replace("_", " ")):
            found.append(f"etikett ”{text}”")
    return found


@SHARED
def test_every_form_speaks_swedish_empty_and_refused(client, demo, db, crawls):
    result = _crawl_as(client, crawls, "chef")
    first_of_each: dict[str, str] = {}
    for url in result.pages():
        first_of_each.setdefault(pattern(url), url)
    forms = [
        url
        for url in first_of_each.values()
        if "/ta-bort/" not in url and ">Spara</button>" in result.bodies[url]
    ]
    assert len(forms) > 20
    english = {}
    for url in forms:
        shown = _english(result.bodies[url])
        refused = _english(client.post(url, {}).content.decode())
        if shown or refused:
            english[url] = shown + refused
    assert english == {}
