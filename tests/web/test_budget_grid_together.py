"""Two people saving the same budget grid: the later one sees what changed, nothing is lost."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse

from samordna.budgets import services
from samordna.budgets.models import BudgetAmount
from tests.conftest import make_user
from tests.web.saves_at_once import saves_at_once


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


def test_a_save_while_the_grid_is_being_opened_is_never_overwritten(
    client, chef, association, monkeypatch
):
    """The colleague's save lands while my grid is being written out (after its cells are read,
    before the snapshot was taken, in the old order): my save of another cell must keep the
    colleague's amount, or tell me, never write back the amount my page showed before."""
    from samordna.budgets import views

    budget = services.create(association, services.NewBudget("Budget 2021", 2021), user=None)
    version = budget.versions.get()
    office = services.add_line(version, "administration", "Kansli")
    rent = services.add_line(version, "administration", "Lokaler")
    services.set_amounts(version, {(office.pk, 2021): 800_000_00, (rent.pk, 2021): 90_000_00})
    real_seen = views.seen

    def colleague_saves_then_seen(opened_version):
        services.set_amounts(opened_version, {(rent.pk, 2021): 95_000_00})
        return real_seen(opened_version)

    monkeypatch.setattr(views, "seen", colleague_saves_then_seen)
    url = reverse("budget_edit", args=[association.slug, budget.pk, 1])
    client.force_login(chef)
    mine = _opened(client, url)
    monkeypatch.setattr(views, "seen", real_seen)

    response = client.post(url, {**mine, f"a-{office.pk}-2021": "810 000"})
    assert BudgetAmount.objects.get(line=rent, year=2021).amount == 95_000_00
    if response.status_code == 400:  # told instead
        assert "Lokaler 2021: 95 000 kr" in _text(response)


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


@pytest.mark.django_db(transaction=True)
def test_two_saves_at_the_same_moment_never_both_succeed_unseen(monkeypatch):
    """Both open the grid, then save at once: the first one's check has passed and it is about to
    save when the second one's save arrives. The second must wait and be told (or be asked to try
    again), never be told "sparad" while the first one's save overwrites it."""
    from samordna.budgets import views
    from tests.conftest import make_association

    association = make_association()
    budget = services.create(association, services.NewBudget("Budget 2021", 2021), user=None)
    line = services.add_line(budget.versions.get(), "administration", "Kansli")
    url = reverse("budget_edit", args=[association.slug, budget.pk, 1])
    first, second = Client(raise_request_exception=False), Client(raise_request_exception=False)
    first.force_login(make_user("chef", association, "chef"))
    second.force_login(make_user("ekonom", association, "chef"))
    opened = [_opened(first, url), _opened(second, url)]
    answers, _ = saves_at_once(
        monkeypatch,
        views,
        "changed_since",
        lambda: first.post(url, {**opened[0], f"a-{line.pk}-2021": "700 000"}),
        lambda: second.post(url, {**opened[1], f"a-{line.pk}-2021": "900 000"}),
    )

    statuses = sorted(answer.status_code for answer in answers.values())
    assert statuses in ([302, 400], [302, 503]), statuses  # one saved; the other told
    saved = "first" if answers["first"].status_code == 302 else "second"
    stored = BudgetAmount.objects.get(line=line, year=2021).amount
    assert stored == {"first": 700_000_00, "second": 900_000_00}[saved]
