"""What a busy office sees: two people saving one budget grid, and a database that stays busy."""

from __future__ import annotations

import pytest
from django.db import OperationalError

from samordna.budgets import services
from samordna.budgets.models import BudgetAmount
from samordna.followup.models import Episode
from tests.browser.conftest import check_page, sign_in

pytestmark = pytest.mark.browser
TROLLHATTAN = "trollhattan-lilla-edet-grastorp"


def _signed_in(page) -> None:
    sign_in(page, "chef")
    page.get_by_role("heading", name="Dina förbund").wait_for()


def test_the_second_saver_of_a_budget_grid_reads_what_the_first_saved(page, demo):
    _signed_in(page)
    budget = services.create(demo[TROLLHATTAN], services.NewBudget("Budget 2027", 2027), None)
    version = budget.versions.get()
    line = services.add_line(version, "administration", "Kansli")
    page.goto(f"{page.base_url}/forbund/{TROLLHATTAN}/budget/{budget.pk}/version/1/")
    page.get_by_label("Kansli 2027").fill("750 000")
    services.set_amounts(version, {(line.pk, 2027): 800_000_00})  # a colleague saves first

    page.get_by_role("button", name="Spara").click()
    alert = page.get_by_role("alert").filter(has_text="Någon annan sparade")
    alert.wait_for()
    assert "Kansli 2027: 800 000 kr" in alert.inner_text().replace("\u00a0", " ")
    assert page.get_by_label("Kansli 2027").input_value() == "750 000"  # mine still typed in
    check_page(page, "budget-tva-redigerare")
    assert BudgetAmount.objects.get(line=line, year=2027).amount == 800_000_00


def test_a_save_that_finds_the_database_busy_gets_a_try_again_page(page, demo, monkeypatch):
    def locked(*args, **kwargs):
        raise OperationalError("database is locked")  # what SQLite says after its wait

    episode = Episode.objects.filter(intervention__association=demo[TROLLHATTAN]).first()
    _signed_in(page)
    page.goto(f"{page.base_url}/forbund/{TROLLHATTAN}/uppfoljning/deltagare/{episode.pk}/")
    monkeypatch.setattr(Episode, "save", locked)
    page.get_by_role("button", name="Spara").first.click()
    page.get_by_role("heading", name="Databasen är upptagen – försök igen").wait_for()
    assert "Ingenting av det du skickade har sparats" in page.content()
    check_page(page, "databasen-upptagen")
