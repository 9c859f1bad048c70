"""The demo förbund, loaded once per test that asks for it."""

from __future__ import annotations

import pytest

from samordna.associations.models import Association
from samordna.demo import load_demo


@pytest.fixture
def demo(db):
    load_demo()
    return {a.slug: a for a in Association.objects.all()}


@pytest.fixture
def trollhattan(demo):
    return demo["trollhattan-lilla-edet-grastorp"]
