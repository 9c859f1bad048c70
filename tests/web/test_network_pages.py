"""The national picture: a network user sees the förbund that share, side by side, and never a
participant; a förbund's chef decides to share (recorded in the history) and can stop."""

from __future__ import annotations

import io

import openpyxl
import pytest
from django.urls import reverse

from samordna.associations.models import Association
from samordna.audit.models import Change
from samordna.budgets import services as budget_services
from samordna.budgets.models import Budget
from samordna.followup.models import Episode
from samordna.network import services
from samordna.network.models import Network, Sharing
from tests.conftest import make_user

TROLLHATTAN = "trollhattan-lilla-edet-grastorp"


@pytest.fixture
def network(demo):
    return Network.objects.get(slug="nns-demo")


@pytest.fixture
def reader(network):
    user = make_user("nns-lasare")
    services.add_user(network, user)
    return user


def _page(client, user, year=2020):
    client.force_login(user)
    return client.get(reverse("network", kwargs={"slug": "nns-demo"}), {"ar": year})


def test_a_network_user_sees_only_the_forbund_that_share(client, demo, reader):
    html = _page(client, reader).content.decode()
    assert demo[TROLLHATTAN].name in html
    assert demo["sodra-roslagen"].name in html
    assert demo["vanersborg-mellerud"].name not in html  # has not decided to share
    assert "7 156 000 kr" in html  # Trollhättan's member contributions 2020


def test_a_forbund_that_stops_sharing_disappears_from_the_network(client, demo, reader):
    services.set_sharing(demo["sodra-roslagen"], False, None)
    html = _page(client, reader).content.decode()
    assert demo["sodra-roslagen"].name not in html
    assert demo[TROLLHATTAN].name in html


def test_the_network_never_sees_a_participant(client, demo, reader):
    html = _page(client, reader).content.decode()
    codes = Episode.objects.values_list("code", flat=True)
    assert codes and not [code for code in codes if code in html]
    assert "/deltagare/" not in html


def test_small_counts_are_protected_on_the_network_page(client, demo, reader):
    """Södra Roslagen's 2016 exits by sex include groups under five: shown as <5 or x."""
    html = _page(client, reader, 2016).content.decode()
    assert "&lt;5" in html


def test_a_forbund_chef_cannot_see_the_network_page(client, demo, network):
    client.force_login(make_user("bara-chef", demo[TROLLHATTAN], "chef"))
    response = client.get(reverse("network", kwargs={"slug": network.slug}))
    assert response.status_code == 404
    assert demo["sodra-roslagen"].name not in response.content.decode()


@pytest.mark.parametrize("name", ["network", "network_xlsx", "network_open_data"])
def test_outsiders_and_anonymous_visitors_see_nothing(client, demo, network, name):
    kwargs = {"slug": network.slug} | ({"year": 2020} if name != "network" else {})
    url = reverse(name, kwargs=kwargs)
    anonymous = client.get(url)
    assert anonymous.status_code == 302 and "/logga-in/" in anonymous["Location"]
    client.force_login(make_user("nagon-annan"))
    assert client.get(url).status_code == 404


def test_the_excel_file_has_the_sharing_forbund_side_by_side(client, demo, reader):
    client.force_login(reader)
    url = reverse("network_xlsx", kwargs={"slug": "nns-demo", "year": 2020})
    response = client.get(url)
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    first = book.worksheets[0]
    names = [row[0] for row in first.iter_rows(values_only=True)]
    assert demo[TROLLHATTAN].name in names and demo["sodra-roslagen"].name in names
    assert demo["vanersborg-mellerud"].name not in names
    row = next(r for r in first.iter_rows(values_only=True) if r[0] == demo[TROLLHATTAN].name)
    assert row[1] == 7156000


def test_open_data_is_one_figure_per_row(client, demo, reader):
    client.force_login(reader)
    url = reverse("network_open_data", kwargs={"slug": "nns-demo", "year": 2020})
    lines = client.get(url).content.decode("utf-8-sig").splitlines()
    assert lines[0] == "indikator;forbund;ar;kon;varde"
    assert f"medlemsbidrag_kr;{TROLLHATTAN};2020;totalt;7156000" in lines
    assert not [line for line in lines if "vanersborg" in line]


def test_the_chef_decides_to_share_and_the_history_records_it(client, demo):
    association = demo["vanersborg-mellerud"]
    chef = make_user("vm-chef", association, "chef")
    client.force_login(chef)
    url = reverse("sharing", kwargs={"slug": association.slug})
    assert "delar inte sina siffror" in client.get(url).content.decode()
    client.post(url, {"shares": "ja"})
    assert Sharing.objects.get(association=association).shares
    assert Association.objects.filter(sharing__shares=True, pk=association.pk).exists()
    client.post(url, {"shares": "nej"})
    assert not Sharing.objects.get(association=association).shares
    recorded = Change.objects.filter(association_pk=association.pk, content_type__model="sharing")
    assert [c.changes_dict["shares"][1] for c in recorded.order_by("timestamp")] == [
        "True",
        "False",
    ]
    assert "delar inte sina siffror" in client.get(url).content.decode()


def test_a_network_user_lands_on_the_network_from_the_start_page(client, demo, reader):
    client.force_login(reader)
    response = client.get(reverse("home"))
    assert response.status_code == 302
    assert response["Location"] == reverse("network", kwargs={"slug": "nns-demo"})


def test_the_site_administrator_creates_a_network_and_gives_an_account_access(client, db):
    from django.contrib.auth import get_user_model
    from django_otp.oath import TOTP

    from samordna.accounts import mfa

    admin = get_user_model().objects.create_superuser("admin", "admin@example.se", "x")
    device, _ = mfa.confirm(admin, mfa.new_secret())
    client.force_login(admin)
    code = TOTP(device.bin_key).token()
    client.post("/logga-in/kod/", {"code": f"{code:06d}"})
    client.post(reverse("site_networks"), {"name": "Regionens nätverk", "slug": "regionen"})
    url = reverse("site_network_person", kwargs={"slug": "regionen"})
    response = client.post(url, {"email": "ny@region.se"}, follow=True)
    assert "Lösenordet väljs med engångslänken" in response.content.decode()
    reader = get_user_model().objects.get(email="ny@region.se")
    assert services.networks_of(reader)[0].name == "Regionens nätverk"
    remove = reverse(
        "site_network_person_remove", kwargs={"slug": "regionen", "user_id": reader.pk}
    )
    assert "Ta bort ny@region.se" in client.get(remove).content.decode()
    client.post(remove)
    assert services.networks_of(reader) == []


def test_only_the_site_administrator_opens_the_network_administration(client, db):
    client.force_login(make_user("vanlig"))
    assert client.get(reverse("site_networks")).status_code == 404


def test_the_page_title_stands_above_the_year_field_and_outside_the_preview(client, demo, reader):
    html = _page(client, reader).content.decode()
    title = html.index("<h1>Förbunden sida vid sida 2020</h1>")
    year_field = html.index('<label for="ar">År</label>')
    assert title < year_field < html.index('<article class="document"')
    assert html.count("<h1>") == 1


def test_a_forbund_without_a_budget_that_year_says_so_in_its_row(client, demo, reader):
    """Södra Roslagen has no budget for 2020: its row says so instead of standing empty; a
    budget without opening equity says that the year's closing equity is not given."""
    client.force_login(reader)
    url = reverse("network_xlsx", kwargs={"slug": "nns-demo", "year": 2020})
    book = openpyxl.load_workbook(io.BytesIO(client.get(url).content))
    rows = {r[0]: r for r in book.worksheets[0].iter_rows(values_only=True) if r[0]}
    assert rows[demo["sodra-roslagen"].name][1] == "ingen budget"
    assert rows[demo[TROLLHATTAN].name][4] == "ej angivet"
    html = _page(client, reader).content.decode()
    assert "förbundet har ingen budget för 2020 i Samordna" in html


def test_the_closing_equity_is_shown_against_the_cap_when_the_budget_has_an_opening(
    client, demo, reader
):
    """Södra Roslagen's 2016 budget states its opening equity: the year's closing equity and
    the cap stand side by side."""
    html = _page(client, reader, 2016).content.decode()
    row = html[html.index(demo["sodra-roslagen"].name) :]
    row = row[: row.index("</tr>")]
    assert "0 kr" in row and "425 600 kr" in row


def test_the_cap_is_shown_from_the_contributions_when_the_opening_equity_is_not_given(
    client, demo, reader
):
    """A budget without opening equity still has a cap, from the year's contributions;
    Trollhättan's 7 156 000 kr lie above the only band Nationella rådet has confirmed, so its
    cap says "okänt" rather than standing empty."""
    roslagen = demo["sodra-roslagen"]
    budget = budget_services.latest_of_year(roslagen, 2016)
    Budget.objects.filter(pk=budget.pk).update(opening_equity=None)  # as if never given
    client.force_login(reader)
    url = reverse("network_xlsx", kwargs={"slug": "nns-demo", "year": 2016})
    book = openpyxl.load_workbook(io.BytesIO(client.get(url).content))
    rows = {r[0]: r for r in book.worksheets[0].iter_rows(values_only=True) if r[0]}
    assert rows[roslagen.name][4] == "ej angivet"
    assert isinstance(rows[roslagen.name][5], int | float) and rows[roslagen.name][5] > 0
    url = reverse("network_xlsx", kwargs={"slug": "nns-demo", "year": 2020})
    book = openpyxl.load_workbook(io.BytesIO(client.get(url).content))
    rows = {r[0]: r for r in book.worksheets[0].iter_rows(values_only=True) if r[0]}
    assert rows[demo[TROLLHATTAN].name][5] == "okänt"
