"""axe-core in the page under test: put in once per document, run with the library's options.

axe_playwright_python's `Axe().run(page)` sends axe.min.js (572 kB) over Playwright's pipe and
evaluates it on every call, also when the document already has it (check_page runs axe at 1280
and then at 390 px on the same document). Here the script goes in only when the document lacks
it, and the run uses the library's options (`resultTypes: ["violations"]`).

check_page reports only serious and critical findings. axe-core gives every finding of a rule
the rule's own impact (`rule.impact`, set on each check result when the results are put
together), so a rule whose impact is minor or moderate can never add to what is reported; those
rules are left out of the run. test_axe_in_browser.py compares the result with the library's.
"""

from __future__ import annotations

from axe_playwright_python.base import AXE_SCRIPT
from axe_playwright_python.sync_playwright import DEFAULT_OPTIONS

REPORTED = ("serious", "critical")
RUN = """async ([options, reported]) => {
  const rules = {};
  for (const rule of axe._audit.rules) {
    if (rule.impact && !reported.includes(rule.impact)) rules[rule.id] = {enabled: false};
  }
  return (await axe.run({...options, rules})).violations;
}"""


def serious_violations(page) -> list[dict]:
    """axe-core's serious and critical violations on the page as it stands."""
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.evaluate(AXE_SCRIPT)
    violations = page.evaluate(RUN, [DEFAULT_OPTIONS, list(REPORTED)])
    return [v for v in violations if v.get("impact") in REPORTED]
