"""Two people saving the same budget grid: the later one sees what changed, nothing is lost."""

from __future__ import annotations

import re

from django.urls import reverse

from samordna.budgets import services
from samordna.budgets.models import BudgetAmount
from tests.conftest import make_user


def _text(response) -> str:
    return response.content.decode().replace("\u00a0", " ")


def _opened(client, url) -> dict[str, str]:
    """The grid's fields as the browser got them."""
    page = client.get(url).content.decode()
    fields = dict(re.findall(r'name="([^"]+)" value="([^"]*)"', page))
    fields.pop("csrfmiddlewaretoken", None)
    return fields


def test_the_later_save_shows_what_the_other_saved_and_keeps_both(client, chef, association):
    budget = services.create(association, services.NewBudget("Budget 2021", 2021), user=None)
    version = budget.versions.get()
    line = services.add_line(version, "administration", "Kansli")
    cell = f"a-{line.pk}-2021"
    url = reverse("budget_edit", args=[association.slug, budget.pk, 1])
    client.force_login(chef)
    mine = _opened(client, url)
    colleague = make_user("ekonom", association, "chef")
    other = client.__class__()
    other.force_login(colleague)
    theirs = _opened(other, url)
    assert other.post(url, {**theirs, cell: "800 000"}).status_code == 302

    response = client.post(url, {**mine, cell: "750 000"})
    page = _text(response)
    assert response.status_code == 400
    assert "Någon annan sparade ändringar i budgeten medan du skrev" in page
    assert "Kansli 2021: 800 000 kr" in page
    assert 'value="750 000"' in page  # my figure still in the grid
    assert BudgetAmount.objects.get(line=line, year=2021).amount == 800_000_00

    again = dict(re.findall(r'name="(seen)" value="([^"]*)"', page))
    assert client.post(url, {**mine, **again, cell: "750 000"}).status_code == 302
    assert BudgetAmount.objects.get(line=line, year=2021).amount == 750_000_00


def test_a_new_row_and_amounts_are_saved_together(client, chef, association):
    budget = services.create(association, services.NewBudget("Budget 2021", 2021), user=None)
    version = budget.versions.get()
    line = services.add_line(version, "administration", "Kansli")
    url = reverse("budget_edit", args=[association.slug, budget.pk, 1])
    client.force_login(chef)
    fields = _opened(client, url)
    data = {**fields, f"a-{line.pk}-2021": "100 000", "new-section": "income", "new-label": "Ränta"}
    assert client.post(url, data).status_code == 302
    assert version.lines.filter(label="Ränta", section="income").exists()
    assert BudgetAmount.objects.get(line=line, year=2021).amount == 100_000_00
