"""The read API: a personal token reads with its owner's roles and never more; participant
figures are protected exactly as on the pages; tokens are shown once and stored hashed."""

from __future__ import annotations

import pytest
from django.urls import reverse

from samordna.accounts.models import token_digest
from samordna.api import tokens
from samordna.api.models import ApiToken
from samordna.network import services
from samordna.network.models import Network
from samordna.privacy.guard import machine_made
from tests.conftest import make_user

TROLLHATTAN = "trollhattan-lilla-edet-grastorp"


def _get(client, path, token=None):
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return client.get(f"/api/v1{path}", headers=headers)


@pytest.fixture
def chef_token(demo):
    user = make_user("api-chef", demo[TROLLHATTAN], "chef")
    return tokens.create(user, "Rapport")[1]


def test_the_schema_is_published_at_a_stable_address(client, db):
    response = client.get("/api/v1/openapi.json")
    schema = response.json()
    assert schema["info"]["version"] == "1"
    assert "/api/v1/forbund/{slug}/budget/{year}" in schema["paths"]


def test_without_a_valid_token_nothing_is_read(client, demo):
    assert _get(client, f"/forbund/{TROLLHATTAN}").status_code == 401
    response = _get(client, f"/forbund/{TROLLHATTAN}", "smd_fel")
    assert response.status_code == 401
    assert response.json()["detail"] == "Nyckeln saknas eller gäller inte."


def test_a_chef_reads_the_own_forbund_budget(client, demo, chef_token):
    found = _get(client, f"/forbund/{TROLLHATTAN}/budget/2020", chef_token).json()
    assert found["ar"] == 2020
    assert found["kostnader_kr"] > 0


def test_a_token_never_reads_another_forbund(client, demo, chef_token):
    response = _get(client, "/forbund/sodra-roslagen/budget/2016", chef_token)
    assert response.status_code == 404
    assert "Roslagen" not in response.content.decode()


def test_a_role_reads_through_the_api_what_it_reads_on_the_pages(client, demo):
    staff = make_user("api-personal", demo[TROLLHATTAN], "insatspersonal")
    token = tokens.create(staff, "Min nyckel")[1]
    assert _get(client, f"/forbund/{TROLLHATTAN}/budget/2020", token).status_code == 403


def test_followup_through_the_api_is_protected_like_the_page(client, demo, chef_token):
    page_user = make_user("sidans-chef", demo["sodra-roslagen"], "chef")
    token = tokens.create(page_user, "Jämför")[1]
    found = _get(client, "/forbund/sodra-roslagen/uppfoljning/2016", token).json()
    client.force_login(page_user)
    page = client.get(reverse("followup", kwargs={"slug": "sodra-roslagen"}), {"ar": 2016})
    counts = [
        *found["by_sex"].values(),
        *found["by_age"].values(),
        *found["outcomes"].values(),
        found["participants"],
        found["exits"],
    ]
    assert "<5" in counts
    assert not [c for c in counts if isinstance(c, int) and 0 < c < 5]
    html = page.content.decode()
    assert found["outcomes"] == page.context["report"].outcomes.as_data()
    assert "&lt;5" in html


def test_a_network_user_reads_only_the_shared_figures(client, demo):
    network = Network.objects.get(slug="nns-demo")
    user = make_user("api-natverk")
    services.add_user(network, user)
    token = tokens.create(user, "NNS")[1]
    rows = _get(client, "/natverk/nns-demo/2020", token).json()
    assert {r["forbund"] for r in rows} == {TROLLHATTAN, "sodra-roslagen"}
    assert _get(client, f"/forbund/{TROLLHATTAN}", token).status_code == 404
    long = _get(client, "/natverk/nns-demo/2020/oppna-data", token).json()
    assert {
        "indikator": "medlemsbidrag_kr",
        "forbund": TROLLHATTAN,
        "ar": 2020,
        "kon": "totalt",
        "varde": 7156000,
    } in long


def test_a_forbund_user_cannot_read_the_network_figures(client, demo, chef_token):
    assert _get(client, "/natverk/nns-demo/2020", chef_token).status_code == 404


def test_me_names_the_roles_and_networks_of_the_token(client, demo, chef_token):
    found = _get(client, "/jag", chef_token).json()
    assert found["forbund"] == [
        {"slug": TROLLHATTAN, "namn": demo[TROLLHATTAN].name, "roll": "chef"}
    ]
    assert found["natverk"] == []


def test_a_token_is_shown_once_and_stored_only_as_its_hash(client, demo):
    user = make_user("nyckelagare")
    client.force_login(user)
    page = client.post(reverse("api_tokens"), {"name": "Regionens rapport"}).content.decode()
    stored = ApiToken.objects.get(user=user)
    token = next(word for word in page.replace('"', " ").split() if word.startswith("smd_"))
    assert stored.token_hash == token_digest(token)
    assert token not in client.get(reverse("api_tokens")).content.decode()
    assert "token_hash" in machine_made(ApiToken)


def test_a_revoked_token_stops_working(client, demo, chef_token):
    row = ApiToken.objects.get(token_hash=token_digest(chef_token))
    client.force_login(row.user)
    client.post(reverse("api_token_revoke", kwargs={"pk": row.pk}))
    assert _get(client, "/jag", chef_token).status_code == 401


def test_a_token_needs_a_name(client, db):
    client.force_login(make_user("utan-namn"))
    response = client.post(reverse("api_tokens"), {"name": "  "})
    assert response.status_code == 400
    assert not ApiToken.objects.exists()
