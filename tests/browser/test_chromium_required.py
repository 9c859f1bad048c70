"""Under `make test` a missing chromium fails the run instead of skipping the browser tests."""

from __future__ import annotations

import pytest

from tests.browser.conftest import stop_without_chromium


def test_a_missing_chromium_fails_with_the_command_to_run_when_required():
    with pytest.raises(pytest.fail.Exception, match="kör python3 tools/system_packages.py test"):
        stop_without_chromium(required=True)


def test_a_missing_chromium_skips_outside_make_test():
    with pytest.raises(pytest.skip.Exception, match="chromium saknas"):
        stop_without_chromium(required=False)
