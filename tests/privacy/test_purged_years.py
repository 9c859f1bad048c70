"""A year whose participants retention has removed reads the same afterwards: the year's
follow-up (every scope a role can open, the exits by reason and sex, the verksamhetsberättelse
with its tables, the network's figures, the open data, the effect per insats and the chef's
Uppföljning Finsam report) comes from the counts retention kept, cell for cell what it was
before the removal. (The API and the pages read the same `services.report`.)"""

from __future__ import annotations

from datetime import date

import pytest

from samordna.cli import main
from samordna.core.followup import as_data
from samordna.documents import followup_doc
from samordna.documents import national as finsam
from samordna.followup import services
from samordna.followup.models import Episode, ParticipantRule, RemovedTally
from samordna.network import national
from samordna.network.services import set_sharing

pytestmark = pytest.mark.usefixtures("db")

SLUG = "vanersborg-mellerud"
YEARS = (2007, 2008, 2009, 2010)


def _published(association) -> dict:
    """Everything the follow-up publishes of the förbund, year by year, as a reader sees it."""
    set_sharing(association, True, None)
    found = {}
    for year in YEARS:
        insatser = association.interventions.filter(kind="individual")
        found[year] = {
            "förbundet": as_data(services.report(association, year)),
            "insatser": [as_data(services.report(association, year, [i])) for i in insatser],
            "avslut per kön": services.outcomes_by_sex(association, year).as_data(),
            "verksamhetsberättelse": [
                (t.caption, [r.cells for r in t.rows])
                for t in followup_doc.build(association, year).tables()
            ],
            "öppna data": [r for r in national.open_data(year) if r[1] == SLUG],
            "effekt": [services.effect(association, i, year)[0] for i in insatser],
            "Uppföljning Finsam": [
                (t.caption, [r.cells for r in t.rows])
                for t in finsam.build(association, year).tables()
            ],
        }
    return found


def test_a_purged_year_publishes_what_it_published_before(demo):
    association = demo[SLUG]
    before = _published(association)
    ParticipantRule.objects.create(
        association=association, valid_from=date(2000, 1, 1), consent_months=24
    )
    removed = Episode.objects.filter(intervention__association=association, end__lt="2010-01-01")
    assert removed.count() > 20
    code = main(["privacy", "retention", "--association", SLUG, "--before", "2010-01-01"])
    assert code == 0
    assert not removed.exists()
    assert RemovedTally.objects.filter(association=association, year=2009).exists()
    after = _published(association)
    for year in YEARS:
        assert after[year] == before[year], year
