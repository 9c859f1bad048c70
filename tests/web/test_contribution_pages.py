"""Member contributions on the page: compute, explain, save for the budget."""

from __future__ import annotations

from django.urls import reverse

from samordna.economy.models import ContributionYear

FORM = {
    "year": 2020,
    "amount": "7 156 000 kr",
    "amount_is": "total",
    "round_to": 1000,
    "state_shown": "split",
    "population_year": 2018,
    "note": "",
}


def _text(response) -> str:
    return response.content.decode().replace("\u00a0", " ")


def test_computing_shows_the_table_as_the_plan_prints_it_without_saving(client, chef, association):
    client.force_login(chef)
    response = client.post(
        reverse("contribution_new", args=[association.slug]), {**FORM, "preview": "1"}
    )
    page = _text(response)
    for amount in ("1 789 000 kr", "1 341 000 kr", "323 000 kr", "125 000 kr", "7 156 000 kr"):
        assert amount in page
    assert "2003:1210" in page
    assert not ContributionYear.objects.exists()


def test_saving_keeps_the_year_for_the_budget(client, chef, association):
    client.force_login(chef)
    response = client.post(
        reverse("contribution_new", args=[association.slug]), {**FORM, "save": "1"}
    )
    assert response.status_code == 302
    year = ContributionYear.objects.get(association=association, year=2020)
    amounts = {c.member.name: c.amount for c in year.contributions.all()}
    assert amounts["Trollhättans Stad"] == 134_100_000
    assert sum(amounts.values()) == 715_600_000
    page = _text(client.get(reverse("contribution", args=[association.slug, 2020])))
    assert "Medlemsbidrag 2020" in page and "1 341 000 kr" in page


def test_the_state_half_gives_the_whole(client, chef, association):
    client.force_login(chef)
    data = {**FORM, "amount": "3 578 000", "amount_is": "state", "save": "1"}
    client.post(reverse("contribution_new", args=[association.slug]), data)
    assert ContributionYear.objects.get(year=2020).total == 715_600_000


def test_the_combined_state_share_is_paid_by_fk(client, chef, association):
    client.force_login(chef)
    data = {**FORM, "state_shown": "combined", "save": "1"}
    client.post(reverse("contribution_new", args=[association.slug]), data)
    amounts = {
        c.member.kind: c.amount for c in ContributionYear.objects.get(year=2020).contributions.all()
    }
    assert amounts["fk"] == 357_800_000 and "af" not in amounts


def test_a_bad_amount_is_refused_in_swedish_and_nothing_is_saved(client, chef, association):
    client.force_login(chef)
    response = client.post(
        reverse("contribution_new", args=[association.slug]),
        {**FORM, "amount": "sju miljoner", "save": "1"},
    )
    assert response.status_code == 400
    assert "är inte ett belopp" in _text(response)
    assert not ContributionYear.objects.exists()


def test_without_populations_the_page_says_what_is_missing(client, chef, association):
    association.members.filter(kind="municipality").update(agreed_share=None)
    client.force_login(chef)
    response = client.post(
        reverse("contribution_new", args=[association.slug]),
        {**FORM, "population_year": 2030, "save": "1"},
    )
    assert response.status_code == 400
    assert "Trollhättans Stad" in _text(response)
    assert not ContributionYear.objects.exists()


def test_saving_a_year_again_replaces_it(client, chef, association):
    client.force_login(chef)
    url = reverse("contribution_new", args=[association.slug])
    client.post(url, {**FORM, "save": "1"})
    client.post(url, {**FORM, "amount": "8 000 000", "save": "1"})
    assert list(ContributionYear.objects.values_list("total", flat=True)) == [800_000_000]


def test_the_state_model_estimate_explains_its_parts(client, chef, association):
    client.force_login(chef)
    response = client.get(
        reverse("state_model", args=[association.slug]),
        {
            "year": 2019,
            "appropriation": "300 mkr",
            "associations": 100,
            "support": 1000,
            "support_national": 100000,
            "population": 20000,
            "population_national": 1000000,
        },
    )
    page = _text(response)
    assert "Uppskattning 2019: 3 650 000 kr" in page  # 400 000 + 1 950 000 + 1 300 000
    assert "Grundbelopp 400 000 kr." in page
