"""An attacker's pass over the API's tokens: every endpoint with another förbund's slug, a token
whose user lost the role, the membership or the account, tokens in the wrong place, roles
below the chef, and the network's shared figures once a förbund stops sharing."""

from __future__ import annotations

import io

import openpyxl
import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from samordna.accounts import services as accounts
from samordna.api import tokens
from samordna.api.models import ApiToken
from samordna.core.followup import as_data
from samordna.followup import services as followup
from samordna.network import services as network
from samordna.network.models import Network
from tests.conftest import make_user

TROLLHATTAN = "trollhattan-lilla-edet-grastorp"
ROSLAGEN = "sodra-roslagen"
FORBUND_PATHS = (
    "/forbund/{slug}",
    "/forbund/{slug}/budget/2016",
    "/forbund/{slug}/uppfoljning/2016",
)


def _get(client, path, token=None, **headers):
    if token is not None:
        headers["Authorization"] = f"Bearer {token}"
    return client.get(f"/api/v1{path}", headers=headers)


def _token(user):
    return tokens.create(user, "Attack")[1]


@pytest.fixture
def chef(demo):
    return make_user("attack-chef", demo[TROLLHATTAN], "chef")


@pytest.mark.parametrize("path", FORBUND_PATHS)
def test_another_forbund_answers_exactly_as_one_that_does_not_exist(client, demo, chef, path):
    """Every endpoint with a förbund in its path: another förbund's slug gets the same 404 as
    a slug no förbund has, so a token cannot even learn which förbund exist."""
    token = _token(chef)
    other = _get(client, path.format(slug=ROSLAGEN), token)
    missing = _get(client, path.format(slug="finns-inte"), token)
    assert other.status_code == missing.status_code == 404
    assert other.json() == missing.json()
    assert "Roslagen" not in other.content.decode()


def test_a_token_stops_reading_the_forbund_when_the_membership_is_removed(client, demo):
    user = make_user("attack-styrelse", demo[TROLLHATTAN], "styrelse")
    token = _token(user)
    assert _get(client, f"/forbund/{TROLLHATTAN}/budget/2020", token).status_code == 200
    accounts.revoke(user, demo[TROLLHATTAN])
    for path in FORBUND_PATHS:
        assert _get(client, path.format(slug=TROLLHATTAN), token).status_code == 404
    assert _get(client, "/jag", token).json()["forbund"] == []


def test_a_token_of_a_deactivated_account_reads_nothing(client, demo, chef):
    token = _token(chef)
    chef.is_active = False
    chef.save()
    for path in ("/jag", f"/forbund/{TROLLHATTAN}", f"/forbund/{TROLLHATTAN}/budget/2020"):
        assert _get(client, path, token).status_code == 401


def test_a_token_of_a_deleted_account_reads_nothing(client, demo, chef):
    token = _token(chef)
    chef.delete()
    assert not ApiToken.objects.exists()
    assert _get(client, "/jag", token).status_code == 401


def test_a_token_follows_the_role_when_it_is_lowered(client, demo, chef):
    """A chef made insats staff: the budget is refused at once, and the follow-up is the report
    over the staff member's own insatser, exactly as the page gives the staff member."""
    make_user("attack-other-chef", demo[TROLLHATTAN], "chef")  # the förbund keeps a chef
    token = _token(chef)
    insats = demo[TROLLHATTAN].interventions.filter(kind="individual").order_by("pk").first()
    accounts.grant(chef, demo[TROLLHATTAN], "insatspersonal", [insats])
    assert _get(client, f"/forbund/{TROLLHATTAN}/budget/2020", token).status_code == 403
    found = _get(client, f"/forbund/{TROLLHATTAN}/uppfoljning/2020", token).json()
    assert found == as_data(followup.report(demo[TROLLHATTAN], 2020, [insats]))
    assert found != as_data(followup.report(demo[TROLLHATTAN], 2020))
    roles = _get(client, "/jag", token).json()["forbund"]
    assert roles == [
        {"slug": TROLLHATTAN, "namn": demo[TROLLHATTAN].name, "roll": "insatspersonal"}
    ]


@pytest.mark.parametrize("role", ["styrelse", "revisor"])
def test_the_board_and_the_auditor_read_but_never_more_than_reading(client, demo, role):
    token = _token(make_user(f"attack-{role}", demo[TROLLHATTAN], role))
    assert _get(client, f"/forbund/{TROLLHATTAN}/budget/2020", token).status_code == 200
    assert _get(client, "/natverk/nns-demo/2020", token).status_code == 404
    assert _get(client, "/natverk/nns-demo/2020/oppna-data", token).status_code == 404


def test_insats_staff_never_read_the_network_or_the_budget(client, demo):
    staff = demo[TROLLHATTAN].memberships.get(role="insatspersonal").user
    token = _token(staff)
    assert _get(client, f"/forbund/{TROLLHATTAN}/budget/2020", token).status_code == 403
    assert _get(client, "/natverk/nns-demo/2020", token).status_code == 404


@pytest.mark.parametrize(
    ("where", "query", "headers"),
    [
        ("query token", "?token={t}", {}),
        ("query access_token", "?access_token={t}", {}),
        ("query api_key", "?api_key={t}", {}),
        ("token scheme", "", {"Authorization": "Token {t}"}),
        ("basic scheme", "", {"Authorization": "Basic {t}"}),
        ("bare header", "", {"Authorization": "{t}"}),
        ("other header", "", {"X-Api-Key": "{t}"}),
    ],
)
def test_a_token_is_read_only_from_the_bearer_header(client, demo, chef, where, query, headers):
    token = _token(chef)
    sent = {k: v.format(t=token) for k, v in headers.items()}
    response = _get(client, "/jag" + query.format(t=token), **sent)
    assert response.status_code == 401, where


def test_a_signed_in_browser_without_a_token_reads_nothing(client, demo, chef):
    """The API never reads the session cookie, so another site cannot make a signed-in
    browser read it."""
    client.force_login(chef)
    assert _get(client, f"/forbund/{TROLLHATTAN}").status_code == 401


@pytest.mark.parametrize(
    "token", ["smd_" + "a" * 5000, "smd_ä\u00e5\u00f6", "smd_x' OR '1'='1", "smd_\t", "smd_%00"]
)
def test_odd_tokens_are_refused_not_errors(client, demo, token):
    response = _get(client, "/jag", token)
    assert response.status_code == 401
    assert response.json()["detail"] == "Nyckeln saknas eller gäller inte."


def test_a_user_cannot_revoke_another_users_token(client, demo, chef):
    _token(chef)
    row = ApiToken.objects.get(user=chef)
    client.force_login(make_user("attack-stranger"))
    client.post(reverse("api_token_revoke", kwargs={"pk": row.pk}))
    assert ApiToken.objects.filter(pk=row.pk).exists()


def test_the_page_that_shows_a_new_token_is_never_cached(client, demo, chef):
    client.force_login(chef)
    response = client.post(reverse("api_tokens"), {"name": "Regionen"})
    assert "smd_" in response.content.decode()
    assert "no-store" in response.headers.get("Cache-Control", "")


@pytest.fixture
def network_reader(demo):
    user = make_user("attack-natverk")
    network.add_user(Network.objects.get(slug="nns-demo"), user)
    return user


def test_a_removed_network_user_reads_nothing_of_the_network(client, demo, network_reader):
    token = _token(network_reader)
    assert _get(client, "/natverk/nns-demo/2020", token).status_code == 200
    network.remove_user(Network.objects.get(slug="nns-demo"), network_reader)
    assert _get(client, "/natverk/nns-demo/2020", token).status_code == 404
    assert _get(client, "/natverk/nns-demo/2020/oppna-data", token).status_code == 404


def test_a_network_that_is_not_yours_answers_as_one_that_does_not_exist(
    client, demo, network_reader
):
    Network.objects.create(slug="annat-natverk", name="Annat nätverk")
    token = _token(network_reader)
    other = _get(client, "/natverk/annat-natverk/2020", token)
    missing = _get(client, "/natverk/finns-inte/2020", token)
    assert other.status_code == missing.status_code == 404
    assert other.json() == missing.json()


def test_stopping_sharing_takes_effect_at_once_in_every_channel(client, demo, network_reader):
    token = _token(network_reader)
    network.set_sharing(demo[ROSLAGEN], False, None)
    shared = _get(client, "/natverk/nns-demo/2016", token).json()
    assert ROSLAGEN not in {f["forbund"] for f in shared}
    rows = _get(client, "/natverk/nns-demo/2016/oppna-data", token).json()
    assert rows and ROSLAGEN not in {r["forbund"] for r in rows}
    client.force_login(network_reader)
    csv = client.get(reverse("network_open_data", kwargs={"slug": "nns-demo", "year": 2016}))
    assert ROSLAGEN not in csv.content.decode("utf-8-sig")
    excel = client.get(reverse("network_xlsx", kwargs={"slug": "nns-demo", "year": 2016}))
    book = openpyxl.load_workbook(io.BytesIO(excel.content))
    cells = {
        c for sheet in book.worksheets for row in sheet.iter_rows(values_only=True) for c in row
    }
    assert demo[TROLLHATTAN].name in cells
    assert demo[ROSLAGEN].name not in cells
    page = client.get(reverse("network", kwargs={"slug": "nns-demo"}), {"ar": 2016})
    assert demo[ROSLAGEN].name not in page.content.decode()


@pytest.mark.parametrize("year", [0, 1, 9999, 99999, 2147483648])
def test_a_network_file_for_a_year_that_cannot_be_is_a_clear_refusal(
    client, demo, network_reader, year
):
    client.force_login(network_reader)
    for name in ("network_xlsx", "network_open_data"):
        response = client.get(reverse(name, kwargs={"slug": "nns-demo", "year": year}))
        assert response.status_code in (200, 404), (name, year, response.status_code)
    page = client.get(reverse("network", kwargs={"slug": "nns-demo"}), {"ar": year})
    assert page.status_code in (200, 400), (year, page.status_code)


@pytest.mark.parametrize("role", ["styrelse", "revisor", "insatspersonal"])
def test_only_the_chef_decides_to_share(client, demo, role):
    association = demo["vanersborg-mellerud"]
    client.force_login(make_user(f"attack-dela-{role}", association, role))
    url = reverse("sharing", kwargs={"slug": association.slug})
    assert client.post(url, {"shares": "ja"}).status_code == 403
    assert not network.shares(association)


def test_a_site_administrator_token_reads_no_forbund_and_no_network(client, demo):
    admin = get_user_model().objects.create_superuser("attack-admin", "admin@example.se", "x")
    token = _token(admin)
    for path in FORBUND_PATHS:
        assert _get(client, path.format(slug=TROLLHATTAN), token).status_code == 404
    assert _get(client, "/natverk/nns-demo/2020", token).status_code == 404


def test_a_token_name_with_a_personnummer_is_refused(client, demo, chef):
    client.force_login(chef)
    response = client.post(reverse("api_tokens"), {"name": "Till 19121212-1212"})
    assert response.status_code == 400
    assert not ApiToken.objects.filter(user=chef).exists()
