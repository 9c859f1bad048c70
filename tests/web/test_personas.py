"""Every page checks who is asking: the chef, the board (reads only), another förbund's chef,
a logged-in outsider and an anonymous visitor. The pages come from tests/web/pages_*.py."""

from __future__ import annotations

import importlib
import pkgutil

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import get_resolver, reverse

import tests.web
from samordna.associations.models import Association
from samordna.economy.models import ContributionYear
from tests.conftest import kept_for_module, make_association, make_user

AREAS = [
    importlib.import_module(f"tests.web.{info.name}")
    for info in pkgutil.iter_modules(tests.web.__path__)
    if info.name.startswith("pages_")
]
PAGES = {name: page for area in AREAS for name, page in area.PAGES.items()}
STAFF_PAGES = {name for area in AREAS for name in getattr(area, "STAFF_PAGES", ())}


PERSONAS = {
    "chef": "chef",
    "ledamot": "styrelse",
    "insatspersonal": "insatspersonal",
    "revisorn": "revisor",
}
SESSIONS: dict[str, str] = {}  # username -> the session key of their sign-in, made once


@pytest.fixture(scope="module")
def _furnished_once(django_db_setup, django_db_blocker):
    """The förbund with every area furnished and its personas, each signed in once (the session
    as Django's `login` makes it), created once for the module."""
    with kept_for_module(django_db_blocker):
        association = make_association()
        for area in AREAS:
            area.furnish(association)
        for username, role in PERSONAS.items():
            make_user(username, association, role)
        other = Association.objects.create(
            slug="annat", name="Annat förbund", org_number="222000-2733"
        )
        make_user("annan-chef", other, "chef")
        make_user("utomstaende")
        for username in [*PERSONAS, "annan-chef", "utomstaende"]:
            SESSIONS[username] = _signed_in(Client(), _user(username))
        yield
        SESSIONS.clear()


def _user(username: str):
    return get_user_model().objects.get(username=username)


def _signed_in(client: Client, user) -> str:
    client.force_login(user)
    return client.cookies[settings.SESSION_COOKIE_NAME].value


def _sign_in(client: Client, username: str) -> None:
    """`client` signed in as `username`, with the session their sign-in made for the module:
    a sign-in writes the session, the history and the lock-out's reset, a page view nothing."""
    client.cookies[settings.SESSION_COOKIE_NAME] = SESSIONS[username]


@pytest.fixture
def association(_furnished_once, db):
    return Association.objects.get(slug="trollhattan")


@pytest.fixture
def furnished(association):
    return association


@pytest.fixture
def chef(association):
    return _user("chef")


@pytest.fixture
def board(association):
    return _user("ledamot")


@pytest.fixture
def other_chef(association):
    return _user("annan-chef")


@pytest.fixture
def outsider(association):
    return _user("utomstaende")


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
    _sign_in(client, chef.username)
    response = _ask(client, name, furnished)
    assert response.status_code in (200, 302)
    if response.status_code == 302:
        assert "/logga-in/" not in response["Location"]


@pytest.mark.parametrize("name", sorted(PAGES))
def test_the_board_reads_but_does_not_edit(client, board, furnished, name):
    _sign_in(client, board.username)
    response = _ask(client, name, furnished)
    expected = 200 if PAGES[name][0] == "read" else 403
    assert response.status_code == expected
    if expected == 403:
        assert "behörighet" in response.content.decode()


@pytest.mark.parametrize("name", sorted(PAGES))
def test_another_associations_chef_sees_nothing(client, other_chef, furnished, name):
    _sign_in(client, other_chef.username)
    response = _ask(client, name, furnished)
    assert response.status_code == 404
    assert furnished.name not in response.content.decode()


@pytest.mark.parametrize("name", sorted(PAGES))
def test_an_outsider_sees_nothing(client, outsider, furnished, name):
    _sign_in(client, outsider.username)
    assert _ask(client, name, furnished).status_code == 404


@pytest.mark.parametrize("name", sorted(PAGES))
def test_an_anonymous_visitor_is_sent_to_log_in(client, furnished, name):
    response = _ask(client, name, furnished)
    assert response.status_code == 302 and "/logga-in/" in response["Location"]
    assert ContributionYear.objects.filter(association=furnished).count() == 1


@pytest.mark.parametrize("name", sorted(set(PAGES) - STAFF_PAGES))
def test_insats_staff_see_only_what_is_theirs(client, association, furnished, name):
    _sign_in(client, "insatspersonal")
    response = _ask(client, name, furnished)
    assert response.status_code == 403


@pytest.mark.parametrize("name", sorted(PAGES))
def test_the_auditor_reads_everything_and_edits_nothing(client, association, furnished, name):
    _sign_in(client, "revisorn")
    response = _ask(client, name, furnished)
    # "attach": the revisor's one write right, attaching the auditors' reports to the year.
    expected = 200 if PAGES[name][0] in ("read", "audit", "attach") else 403
    assert response.status_code == expected
