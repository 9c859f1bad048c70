"""Shared fixtures: a förbund with its members, the personas who ask for its pages, the demo."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from types import ModuleType

import pytest
from django.contrib.auth import get_user_model
from django.db import transaction
from hypothesis import HealthCheck, settings

from samordna.associations.models import Association, Member, Membership, Population
from samordna.demo import load_demo
from tests.browser.snapshot import Snapshot, restart_keys

PASSWORD = "ett-langt-testlosenord"
TOOLS = Path(__file__).resolve().parents[1] / "tools"
# "Today" for the tests that need one: time is frozen there (time-machine), never read.
TODAY = datetime(2026, 6, 15, 12, tzinfo=UTC)

# Hypothesis: `ci` at full strength (make test, and a bare pytest); `fast` for make test-fast.
# No deadline in either: speed is measured in make bench, never asserted by a timer in a test.
# Nor the too_slow health check: it times input generation, which a loaded machine slows down.
UNTIMED = {"deadline": None, "suppress_health_check": [HealthCheck.too_slow]}
settings.register_profile("ci", **UNTIMED)
settings.register_profile("fast", max_examples=10, **UNTIMED)
settings.load_profile("ci")


def make_user(username: str, association: Association | None = None, role: str = "chef"):
    user = get_user_model().objects.create_user(username=username, password=PASSWORD)
    if association is not None:
        Membership.objects.create(user=user, association=association, role=role)
    return user


def make_association(slug: str = "trollhattan", name: str = "Samordningsförbundet Trollhättan"):
    association = Association.objects.create(slug=slug, name=name, org_number="222000-1719")
    fk = Member.objects.create(
        association=association, name="Försäkringskassan", kind="fk", position=0
    )
    Member.objects.create(association=association, name="Arbetsförmedlingen", kind="af", position=1)
    region = Member.objects.create(
        association=association, name="Västra Götalandsregionen", kind="region", position=2
    )
    for position, (name, share, people) in enumerate(
        [
            ("Trollhättans Stad", "74.96", 58000),
            ("Lilla Edets kommun", "18.05", 14000),
            ("Grästorps kommun", "6.99", 5600),
        ],
        start=3,
    ):
        member = Member.objects.create(
            association=association,
            name=name,
            kind="municipality",
            region=region,
            agreed_share=Decimal(share),
            position=position,
        )
        Population.objects.create(
            member=member, year=2018, count=people, reference_date="2018-12-31", source="SCB 2018"
        )
    assert fk.pk
    return association


@pytest.fixture
def association(db):
    return make_association()


@pytest.fixture
def other_association(db):
    return Association.objects.create(slug="annat", name="Annat förbund", org_number="222000-2733")


@pytest.fixture
def chef(association):
    return make_user("chef", association, "chef")


@pytest.fixture
def board(association):
    return make_user("ledamot", association, "styrelse")


@pytest.fixture
def other_chef(other_association):
    return make_user("annan-chef", other_association, "chef")


@pytest.fixture
def outsider(db):
    return make_user("utomstaende")


@contextmanager
def kept_for_module(django_db_blocker) -> Iterator[None]:
    """Rows created inside stay for a whole test module and are rolled back when it ends.

    Use it in a module-scoped fixture (setUpTestData style): each test then runs in its own
    savepoint (the `db` fixture), so what a test changes is gone for the next one.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        yield
        transaction.set_rollback(True)


@pytest.fixture(scope="session")
def _demo_snapshots(django_db_setup, django_db_blocker) -> tuple[Snapshot, Snapshot]:
    """The test database without and with the demo, each kept once per session (and xdist
    worker): loading the demo takes seconds, putting it back milliseconds (see snapshot.py).
    Module fixtures are torn down when their module ends, so the database holds no test's rows
    when this is first asked for. The keys start again from 1 first, so the demo has the same
    keys (and its pages the same addresses) in every worker; the browser tests use the same
    snapshot (tests/browser/conftest.py)."""
    with django_db_blocker.unblock():
        restart_keys()
        without = Snapshot.take()
        load_demo()
        with_demo = Snapshot.take()
        without.restore()
    return without, with_demo


@pytest.fixture(scope="module")
def demo_in_module(_demo_snapshots, django_db_blocker):
    """The demo, as loaded, for one test module; the database without it again at the end.
    Each test runs in its own savepoint (the `db` fixture), so what a test changes is gone for
    the next one."""
    without, with_demo = _demo_snapshots
    with django_db_blocker.unblock():
        with_demo.restore()
    yield
    with django_db_blocker.unblock():
        without.restore()


@pytest.fixture
def demo(demo_in_module, db):
    """The demo förbund by slug, for document, CLI and page tests."""
    return {a.slug: a for a in Association.objects.all()}


def load_tool(name: str) -> ModuleType:
    """A script in tools/ (outside the installed package) imported as a module."""
    spec = importlib.util.spec_from_file_location(name, TOOLS / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    """Under `--dist loadgroup` (make test, make test-fast) a module that reads the demo runs
    in one worker, so what it makes once for the module from the demo (the crawls, the counts)
    is made once. A module that groups its own tests (`xdist_group`) keeps its groups."""
    grouped = {item.module for item in items if item.get_closest_marker("xdist_group")}
    for item in items:
        if "demo_in_module" in getattr(item, "fixturenames", ()) and item.module not in grouped:
            item.add_marker(pytest.mark.xdist_group(item.module.__name__))
