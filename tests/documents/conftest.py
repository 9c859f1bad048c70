"""The demo förbund that the document tests read (the demo itself: tests/conftest.py)."""

from __future__ import annotations

import pytest


@pytest.fixture
def trollhattan(demo):
    return demo["trollhattan-lilla-edet-grastorp"]
