"""Every channel that publishes follow-up figures publishes the cells the attacker's audit
reads (tests/privacy/test_attacker_audit.py), and nothing else: the API, the network page, its
Excel, the open data and the API's shared figures carry the förbund's own protected report and
its exits by reason and sex, cell for cell. So a network user who sees several förbund side by
side learns no cell the förbund's board could not already read, and the audit covers them all.
A figure derived from a count (cost per participant) is hidden whenever the count is."""

from __future__ import annotations

import io

import openpyxl
import pytest

from samordna.api import tokens
from samordna.core.followup import as_data
from samordna.followup import services
from samordna.network import national
from samordna.network.models import Network
from tests.conftest import make_user

pytestmark = pytest.mark.usefixtures("db")

SHARED = {"trollhattan-lilla-edet-grastorp": 2020, "sodra-roslagen": 2016}
SEX = {"Kvinnor": "kvinnor", "Män": "man"}


@pytest.fixture
def network_token(demo):
    user = make_user("kanal-natverk")
    Network.objects.get(slug="nns-demo").memberships.create(user=user)
    return user, tokens.create(user, "Kanaler")[1]


def _api(client, path, token):
    return client.get(f"/api/v1{path}", headers={"Authorization": f"Bearer {token}"}).json()


@pytest.mark.parametrize(("slug", "year"), sorted(SHARED.items()))
def test_the_api_gives_the_chef_the_audited_report_cell_for_cell(client, demo, slug, year):
    token = tokens.create(make_user(f"kanal-chef-{slug}", demo[slug], "chef"), "Rapport")[1]
    found = _api(client, f"/forbund/{slug}/uppfoljning/{year}", token)
    assert found == as_data(services.report(demo[slug], year))


@pytest.mark.parametrize(("slug", "year"), sorted(SHARED.items()))
def test_the_network_channels_carry_the_forbunds_own_exits_by_sex(
    client, demo, network_token, slug, year
):
    user, token = network_token
    matrix = services.outcomes_by_sex(demo[slug], year)
    expected = {col: t.shown for col, t in zip(matrix.columns, matrix.column_totals, strict=True)}
    shared = next(
        f for f in _api(client, f"/natverk/nns-demo/{year}", token) if f["forbund"] == slug
    )
    assert shared["avslutade_per_kon"] == {**expected, "Totalt": matrix.total.shown}
    assert shared["deltagare"] == services.report(demo[slug], year).participants.shown
    rows = _api(client, f"/natverk/nns-demo/{year}/oppna-data", token)
    opened = {
        r["kon"]: r["varde"]
        for r in rows
        if r["forbund"] == slug and r["indikator"] == "avslutade_deltagare"
    }
    assert opened == {**{SEX[c]: v for c, v in expected.items()}, "totalt": matrix.total.shown}
    client.force_login(user)
    book = client.get(f"/natverk/nns-demo/{year}/excel/").content
    shown = [
        (reason, *(c.shown for c in line), total.shown) for reason, line, total in matrix.lines()
    ]
    assert _sheet_rows(book, demo[slug].name, set(matrix.rows)) == shown


def _sheet_rows(book: bytes, name: str, reasons: set[str]) -> list[tuple]:
    """The förbund's rows of the network's table of exits by reason and sex, as shown."""
    workbook = openpyxl.load_workbook(io.BytesIO(book))
    return [
        tuple(row[1:])
        for sheet in workbook.worksheets
        for row in sheet.iter_rows(values_only=True)
        if row and row[0] == name and len(row) == 5 and row[1] in reasons
    ]


@pytest.mark.parametrize("year", [2015, 2016, 2017, 2020, 2021])
def test_cost_per_participant_is_hidden_whenever_the_count_is(demo, year):
    for found in national.shared_figures(year):
        if not found.participants.is_shown:
            assert found.cost_per_participant is None
    rows = national.open_data(year)
    for slug in {r[1] for r in rows}:
        mine = {r[0]: r[4] for r in rows if r[1] == slug}
        if mine.get("deltagare") in ("<5", "x"):
            assert "kostnad_per_deltagare_kr" not in mine
