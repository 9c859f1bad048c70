"""check_page's axe-core run finds what axe_playwright_python's finds, serious and critical.

tests/browser/axe.py puts axe.min.js in once per document and leaves out the rules whose
findings are only minor or moderate; on a page with faults of every impact the serious and
critical findings must be the library's own, element for element.
"""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.axe import serious_violations
from tests.browser.conftest import check_page

pytestmark = pytest.mark.browser

FAULTY = """<!DOCTYPE html><html lang="sv"><head><title>Fel</title></head><body>
<h3>Rubrik på fel nivå</h3><h1></h1>
<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
<input type="text" id="belopp">
<p style="color:#bbb;background:#fff">Svag text</p>
<a href="#"></a>
<ul><div>fel barn</div></ul>
</body></html>"""


def _found(violations: list[dict]) -> dict[str, list]:
    return {v["id"]: [(v["impact"], node["target"]) for node in v["nodes"]] for v in violations}


def test_the_serious_and_critical_findings_are_the_librarys(page):
    page.set_content(FAULTY)
    everything = Axe().run(page).response["violations"]
    library = [v for v in everything if v["impact"] in ("serious", "critical")]
    mild = {v["id"] for v in everything} - {v["id"] for v in library}
    assert {"region", "empty-heading", "landmark-one-main"} <= mild  # left out of our run
    ours = serious_violations(page)
    assert {"image-alt", "label", "color-contrast", "link-name", "list"} <= set(_found(ours))
    assert _found(ours) == _found(library)
    assert _found(serious_violations(page)) == _found(library)  # again, axe already in place


def test_check_page_names_the_serious_findings_at_both_widths(page):
    page.set_content(FAULTY)
    with pytest.raises(AssertionError) as failed:
        check_page(page, "fel")
    assert "1280 px: image-alt (critical)" in str(failed.value)
    assert "390 px: image-alt (critical)" in str(failed.value)
    assert "heading-order" not in str(failed.value)
