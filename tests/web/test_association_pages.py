"""The förbund pages do what a förbundschef expects, and refuse bad input
without changing anything."""

from __future__ import annotations

import time_machine
from django.urls import reverse

from samordna.associations.models import Association, BoardSeat, Member, Officer, Population
from tests.conftest import TODAY


def test_the_chef_changes_the_forbund_details(client, chef, association):
    client.force_login(chef)
    url = reverse("association_edit", args=[association.slug])
    response = client.post(
        url,
        {
            "name": "Nytt namn",
            "org_number": "2220002733",
            "formed_on": "2009-01-01",
            "address": "Storgatan 1",
            "website": "https://example.se",
        },
    )
    assert response.status_code == 302
    association.refresh_from_db()
    assert (association.name, association.org_number) == ("Nytt namn", "222000-2733")


def test_a_wrong_org_number_is_refused_and_nothing_changes(client, chef, association):
    client.force_login(chef)
    url = reverse("association_edit", args=[association.slug])
    response = client.post(url, {"name": "Nytt namn", "org_number": "222000-2734"})
    assert response.status_code == 400
    assert "fel kontrollsiffra" in response.content.decode()
    association.refresh_from_db()
    assert association.name == "Samordningsförbundet Trollhättan"


def test_the_chef_adds_a_municipality_in_a_region(client, chef, association):
    client.force_login(chef)
    region = association.members.get(kind="region")
    response = client.post(
        reverse("member_create", args=[association.slug]),
        {"name": "Vänersborgs kommun", "kind": "municipality", "region": region.pk, "position": 9},
    )
    assert response.status_code == 302
    assert association.members.get(name="Vänersborgs kommun").region == region


def test_a_share_above_100_percent_is_refused(client, chef, association):
    client.force_login(chef)
    response = client.post(
        reverse("member_create", args=[association.slug]),
        {"name": "X kommun", "kind": "municipality", "agreed_share": "120", "position": 9},
    )
    assert response.status_code == 400
    assert "högst 100" in response.content.decode()
    assert not Member.objects.filter(name="X kommun").exists()


def test_a_population_is_recorded_with_its_source_and_replaced_for_the_same_year(
    client, chef, association
):
    client.force_login(chef)
    member = association.members.get(name="Grästorps kommun")
    url = reverse("population_add", args=[association.slug, member.pk])
    data = {"year": 2019, "count": 5700, "reference_date": "2019-12-31", "source": "SCB 2019"}
    client.post(url, data)
    client.post(url, {**data, "count": 5710})
    assert list(
        Population.objects.filter(member=member, year=2019).values_list("count", flat=True)
    ) == [5710]
    page = client.get(reverse("members", args=[association.slug])).content.decode()
    assert "5\u00a0710" in page and "SCB 2019" in page


def test_the_board_table_lists_seats_per_member(client, chef, association):
    client.force_login(chef)
    fk = association.members.get(kind="fk")
    client.post(
        reverse("seat_create", args=[association.slug]),
        {
            "member": fk.pk,
            "seat": "regular",
            "person_name": "Anna Andersson",
            "role": "chair",
            "party": "",
            "term_start": "2023-01-01",
            "term_end": "2026-12-31",
        },
    )
    client.post(
        reverse("officer_create", args=[association.slug]),
        {"group": "auditor", "title": "Sakkunnig revisor", "person_name": "Bo Berg"},
    )
    page = client.get(reverse("organisation", args=[association.slug])).content.decode()
    assert "Anna Andersson" in page and "Ordförande" in page and "2023-01-01" in page
    assert "Sakkunnig revisor" in page
    assert BoardSeat.objects.count() == 1 and Officer.objects.count() == 1


def test_a_region_with_municipalities_cannot_be_deleted(client, chef, association):
    client.force_login(chef)
    region = association.members.get(kind="region")
    response = client.post(
        reverse("member_delete", args=[association.slug, region.pk]), follow=True
    )
    assert "kan inte tas bort" in response.content.decode()
    assert Member.objects.filter(pk=region.pk).exists()


def test_home_lists_only_the_users_forbund(client, chef, association, other_association):
    from samordna.associations.models import Membership

    Membership.objects.create(user=chef, association=other_association, role="styrelse")
    Association.objects.create(slug="tredje", name="Tredje förbundet", org_number="222000-2006")
    client.force_login(chef)
    page = client.get(reverse("home")).content.decode()
    assert association.name in page and other_association.name in page
    assert "Tredje förbundet" not in page


def test_english_is_available(client, chef, association):
    response = client.get(reverse("login"), HTTP_ACCEPT_LANGUAGE="en")
    assert "Log in" in response.content.decode()
    response = client.get(reverse("login"), HTTP_ACCEPT_LANGUAGE="sv")
    assert "Logga in" in response.content.decode()


@time_machine.travel(TODAY, tick=False)
def test_the_overview_shows_the_years_budget_at_a_glance(client, chef, association):
    from django.urls import reverse

    from samordna.budgets import services

    year = 2026
    budget = services.create(association, services.NewBudget(f"Budget {year}", year), user=None)
    version = budget.versions.get()
    line = services.add_line(version, "administration", "Kansli")
    services.set_amounts(version, {(line.pk, year): 1_590_000_00})
    client.force_login(chef)
    page = client.get(reverse("association", args=[association.slug])).content.decode()
    page = page.replace("\u00a0", " ")
    assert f"Året {year}" in page and f"Budget {year}" in page
    assert "1 590 000 kr" in page and "-1 590 000 kr" in page
