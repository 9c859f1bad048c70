"""No N+1: a main page asks the database as many times for a large förbund as for a small one.

Each page is counted (Django's CaptureQueriesContext) on the förbund every area furnishes, then
again after the förbund has grown by more insatser (each with its decision, members and
episodes), budget lines, decisions and population figures. A page whose count grows with the
data asks once per row somewhere: that is the N+1 this test exists to catch.
"""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from samordna.associations.models import Association, Population
from samordna.budgets import services as budgets
from samordna.budgets.models import Budget, BudgetAmount
from samordna.followup.models import Episode
from samordna.interventions.models import Decision, Intervention
from tests.conftest import kept_for_module, make_association, make_user
from tests.web.test_personas import AREAS


@pytest.fixture(scope="module")
def _furnished_once(django_db_setup, django_db_blocker):
    """A small förbund with every area furnished (as in test_personas.py) and its chef."""
    with kept_for_module(django_db_blocker):
        association = make_association()
        for area in AREAS:
            area.furnish(association)
        make_user("chef", association, "chef")
        yield


@pytest.fixture
def furnished(_furnished_once, db):
    return Association.objects.get(slug="trollhattan")


GROWTH = 6

# The main pages (url name -> kwargs builder) a förbund's users open every day.
PAGES = {
    "association": lambda a: {},
    "budgets": lambda a: {},
    "budget": lambda a: {"pk": _budget(a).pk},
    "interventions": lambda a: {},
    "followup": lambda a: {},
    "documents": lambda a: {},
    "document": lambda a: {"kind": "plan", "year": 2021},
    "members": lambda a: {},
    "decisions": lambda a: {},
}


def _budget(association):
    return Budget.objects.get(association=association, scenario_of=None)


def grow(association, count: int = GROWTH) -> None:
    """`count` more of everything the main pages list."""
    members = list(association.members.all())
    version = budgets.current_version(_budget(association))
    for number in range(count):
        _grow_insats(association, members, number)
        line = budgets.add_line(version, "individual", f"Insats {number}")
        budgets.set_amounts(version, {(line.pk, 2021): 10_000_00 * (number + 1)})
    for member in members:
        for year in range(2010, 2010 + count):
            Population.objects.create(
                member=member, year=year, count=1000, reference_date=f"{year}-12-31", source="SCB"
            )


def _grow_insats(association, members, number: int) -> None:
    insats = Intervention.objects.create(
        association=association,
        name=f"Insats {number}",
        kind="individual",
        status="pagaende",
        start=date(2025, 1, 1),
        end=date(2027, 12, 31),
        granted_start=date(2025, 1, 1),
    )
    insats.members.set(members[:3])
    Decision.objects.create(
        association=association,
        date=date(2025, 1, 1 + number),
        paragraph=str(50 + number),
        kind="beviljad",
        text=f"Insats {number} beviljas.",
        intervention=insats,
    )
    for month in range(1, 4):
        Episode.objects.create(
            intervention=insats,
            sex="man" if month % 2 else "kvinna",
            birth_year=1980 + month,
            start=date(2026, month, 1),
            main_referrer=members[0],
        )


def _count(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


@pytest.mark.parametrize("name", sorted(PAGES))
def test_a_main_page_asks_as_often_for_a_large_forbund_as_for_a_small_one(client, furnished, name):
    client.force_login(furnished.memberships.get(role="chef").user)
    url = reverse(name, kwargs={"slug": furnished.slug, **PAGES[name](furnished)})
    client.get(url)  # the first request fills the caches a process keeps
    small = _count(client, url)
    grow(furnished)
    client.get(url)  # and again for the grown data (the follow-up stores its new protection)
    large = _count(client, url)
    assert large == small, f"{name}: {small} queries on a small förbund, {large} on a large one"


def _save_the_grid(version, amount: int) -> int:
    """Every amount of the version posted back as the grid posts them, one of them changed."""
    cells = {
        (a.line_id, a.year): a.amount for a in BudgetAmount.objects.filter(line__version=version)
    }
    cells[min(cells)] = amount
    with CaptureQueriesContext(connection) as queries:
        budgets.set_amounts(version, cells)
    return len(queries)


def test_saving_the_budget_grid_asks_as_often_for_a_large_budget_as_for_a_small_one(furnished):
    version = budgets.current_version(_budget(furnished))
    small = _save_the_grid(version, 1_00)
    grow(furnished)
    large = _save_the_grid(version, 2_00)
    assert large == small, f"{small} queries for the small budget, {large} for the large one"
