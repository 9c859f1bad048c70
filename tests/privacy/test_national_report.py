"""The Uppföljning Finsam report: exact counts for Försäkringskassan, marked as confidential,
the förbundschef's alone, every download in Historik, and never in a published document."""

from __future__ import annotations

import io
from datetime import date

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from samordna.audit.models import Change
from samordna.documents import followup_doc, national
from samordna.followup.models import Episode
from samordna.interventions.models import Intervention, InterventionBudget, StructuralActivity
from tests.conftest import make_user
from tests.documents.test_outputs import _pdf_text


@pytest.fixture
def insatser(association):
    """Three women and nine men in one insats: the women are a small group everywhere else."""
    team = Intervention.objects.create(
        association=association,
        name="Deltagarteam",
        kind="individual",
        target_group="Unga vuxna",
        planned_participants=20,
        esf=True,
    )
    InterventionBudget.objects.create(intervention=team, year=2026, amount=150_000_000)
    for sex, count in (("kvinna", 3), ("man", 9)):
        for _ in range(count):
            Episode.objects.create(
                intervention=team, sex=sex, birth_year=1990, start=date(2026, 2, 1)
            )
    network = Intervention.objects.create(
        association=association, name="Nätverksträffar", kind="structural"
    )
    StructuralActivity.objects.create(
        intervention=network,
        year=2026,
        member=association.members.first(),
        activity="Frukostmöte",
        participants=3,
    )
    return team, network


def _download(client, association, fmt):
    url = reverse("national_report_download", args=[association.slug, 2026, fmt])
    return client.get(url)


def test_the_chef_downloads_exact_counts_marked_as_confidential(
    client, association, chef, insatser
):
    client.force_login(chef)
    response = _download(client, association, "xlsx")
    assert response.status_code == 200
    assert "sekretess" in response["Content-Disposition"]
    book = load_workbook(io.BytesIO(response.content))
    for sheet in book.worksheets:
        assert sheet["A1"].value.startswith("SEKRETESS")
        assert "SEKRETESS" in sheet.oddHeader.center.text
    rows = [[c.value for c in row] for row in book["Deltagare 2026 per insats och k"].iter_rows()]
    assert ["Deltagarteam", 20, 3, 9, 12, 12, 0] in rows  # three women: no "<5" here
    described = [[c.value for c in r] for r in book["Individinriktade insatser 2026"].iter_rows()]
    assert ["Deltagarteam", "ja", "Unga vuxna", 1_500_000, None] in described
    structural = [[c.value for c in r] for r in book.worksheets[-2].iter_rows()]
    assert ["Nätverksträffar", 3] in structural


def test_the_pdf_says_sekretess_on_every_page(client, association, chef, insatser, tmp_path):
    client.force_login(chef)
    text = _pdf_text(_download(client, association, "pdf").content, tmp_path)
    pages = text.split("\f")
    assert all("SEKRETESS" in page for page in pages if page.strip())
    assert "Deltagarteam" in text and "Uppföljning Finsam 2026" in text


def test_every_download_is_in_the_history_with_who_and_what(client, association, chef, insatser):
    client.force_login(chef)
    _download(client, association, "xlsx")
    _download(client, association, "pdf")
    entries = Change.objects.filter(event=Change.Event.CONFIDENTIAL_DOWNLOAD)
    assert sorted(e.object_repr for e in entries) == [
        "Uppföljning Finsam 2026 (Excel)",
        "Uppföljning Finsam 2026 (PDF)",
    ]
    assert {e.actor for e in entries} == {chef}
    page = client.get(reverse("history", args=[association.slug]) + "?action=sekretess")
    text = page.content.decode()
    assert "Nedladdning med sekretess" in text and "Uppföljning Finsam 2026 (PDF)" in text


@pytest.mark.parametrize("role", ["styrelse", "revisor", "insatspersonal"])
def test_no_other_role_gets_the_report_and_nothing_is_recorded(client, association, insatser, role):
    user = make_user(role, association, role)
    insatser[0].staff.add(user)
    client.force_login(user)
    assert _download(client, association, "xlsx").status_code == 403
    assert client.get(reverse("national_report", args=[association.slug])).status_code == 403
    assert not Change.objects.filter(event=Change.Event.CONFIDENTIAL_DOWNLOAD).exists()


def test_the_board_is_told_who_downloads_it_and_gets_no_link(client, association, board, insatser):
    client.force_login(board)
    page = client.get(reverse("followup", args=[association.slug]) + "?ar=2026").content.decode()
    assert "Förbundschefen laddar ned det" in page
    assert reverse("national_report", args=[association.slug]) not in page


def test_published_documents_never_carry_the_exact_figures(client, association, chef, insatser):
    published = followup_doc.build(association, 2026)
    assert "SEKRETESS" not in published.text() and not published.marking
    women = [t for t in published.tables() if t.caption == "Deltagare 2026 per kön"][0]
    assert women.rows[0].cells[1] == "<5"
    exact = national.build(association, 2026)
    assert exact.marking.startswith("SEKRETESS")
    client.force_login(chef)
    listing = client.get(reverse("documents", args=[association.slug])).content.decode()
    assert "finsam" not in listing.casefold()
    unknown = reverse("document", args=[association.slug, "national", 2026])
    assert client.get(unknown).status_code == 404


def test_the_report_page_offers_no_unrecorded_table_download(client, association, chef, insatser):
    client.force_login(chef)
    url = reverse("national_report", args=[association.slug]) + "?ar=2026"
    page = client.get(url)
    assert "Deltagarteam" in page.content.decode()
    assert "sidans tabeller" not in page.content.decode()
    tables = client.get(url + "&tabeller=xlsx")
    assert tables["Content-Type"].startswith("text/html")
    assert not Change.objects.filter(event=Change.Event.CONFIDENTIAL_DOWNLOAD).exists()
