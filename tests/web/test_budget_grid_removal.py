"""Removing a row in the budget grid asks first, keeps what was typed, and never blocks the
amounts; a new row that cannot be added says why while the amounts are saved."""

from __future__ import annotations

import re

from django.urls import reverse

from samordna.budgets import services
from samordna.budgets.models import BudgetAmount, BudgetLine


def _text(response) -> str:
    return response.content.decode().replace("\u00a0", " ")


def _fields(page: str) -> dict[str, str]:
    fields = dict(re.findall(r'name="([^"]+)" value="([^"]*)"', page))
    fields.pop("csrfmiddlewaretoken", None)
    fields.pop("radera", None)
    return fields


def _grid(association):
    budget = services.create(association, services.NewBudget("Budget 2027", 2027), user=None)
    version = budget.versions.get()
    office = services.add_line(version, "administration", "Kansli")
    rent = services.add_line(version, "administration", "Lokaler")
    services.set_amounts(version, {(office.pk, 2027): 800_000_00, (rent.pk, 2027): 90_000_00})
    return budget, office, rent


def test_a_ticked_row_is_removed_only_after_the_chef_confirms(client, chef, association):
    budget, office, rent = _grid(association)
    url = reverse("budget_edit", args=[association.slug, budget.pk, 1])
    client.force_login(chef)
    typed = {**_fields(client.get(url).content.decode()), f"a-{office.pk}-2027": "820 000"}
    asked = client.post(url, {**typed, f"delete-{rent.pk}": "on"})
    page = _text(asked)
    assert asked.status_code == 200 and "Ta bort den här raden med sina belopp?" in page
    assert "Lokaler (2027: 90 000 kr; " not in page and "Lokaler (2027: 90 000 kr)" in page
    assert 'value="820 000"' in page and f'id="delete-{rent.pk}" aria-label' in page
    assert re.search(rf'id="delete-{rent.pk}"[^>]*checked', page)
    assert BudgetLine.objects.filter(pk=rent.pk).exists()
    assert BudgetAmount.objects.get(line=office, year=2027).amount == 800_000_00

    done = client.post(url, {**_fields(page), f"delete-{rent.pk}": "on", "radera": "ja"})
    assert done.status_code == 302
    assert not BudgetLine.objects.filter(pk=rent.pk).exists()
    assert BudgetAmount.objects.get(line=office, year=2027).amount == 820_000_00
    shown = _text(client.get(done["Location"]))
    assert "Budgeten är sparad. Raden ”Lokaler” är borttagen." in shown


def test_keeping_the_rows_still_saves_the_amounts(client, chef, association):
    budget, office, rent = _grid(association)
    url = reverse("budget_edit", args=[association.slug, budget.pk, 1])
    client.force_login(chef)
    typed = {**_fields(client.get(url).content.decode()), f"a-{office.pk}-2027": "810 000"}
    kept = client.post(url, {**typed, f"delete-{rent.pk}": "on", "radera": "nej"})
    assert kept.status_code == 302
    assert BudgetLine.objects.filter(pk=rent.pk).exists()
    assert BudgetAmount.objects.get(line=office, year=2027).amount == 810_000_00


def test_a_new_row_that_cannot_be_added_says_so_and_the_amounts_are_saved(
    client, chef, association
):
    budget, office, _rent = _grid(association)
    url = reverse("budget_edit", args=[association.slug, budget.pk, 1])
    client.force_login(chef)
    typed = {**_fields(client.get(url).content.decode()), f"a-{office.pk}-2027": "805 000"}
    response = client.post(
        url, {**typed, "new-section": "administration", "new-label": "x" * 301}, follow=True
    )
    page = _text(response)
    assert "Den nya raden lades inte till" in page and "Beloppen är sparade." in page
    assert BudgetAmount.objects.get(line=office, year=2027).amount == 805_000_00
    assert not BudgetLine.objects.filter(label__startswith="xxx").exists()
