"""A state changes once: an application is decided once, imports follow the pages' rules."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from django.urls import reverse

from samordna.interventions.models import Application, Decision, Intervention
from tests.web.test_intervention_pages import _application

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "insatser"


def _decide(client, association, application, outcome, paragraph):
    url = reverse("application_decide", args=[association.slug, application.pk])
    return client.post(url, {"outcome": outcome, "date": "2026-03-11", "paragraph": paragraph})


def test_an_application_is_decided_once(client, chef, association):
    application = _application(association)
    client.force_login(chef)
    assert _decide(client, association, application, "beviljad", "34").status_code == 302
    again = _decide(client, association, application, "avslagen", "35")
    assert again.status_code == 400
    assert "Ansökan är redan beslutad (2026-03-11 §34)" in again.content.decode()
    third = _decide(client, association, application, "beviljad", "36")
    assert third.status_code == 400
    application.refresh_from_db()
    assert application.status == "beviljad"
    assert Decision.objects.count() == 1 and Intervention.objects.count() == 1


def test_a_rejected_application_cannot_be_granted_afterwards_by_the_form(client, chef, association):
    application = _application(association)
    client.force_login(chef)
    _decide(client, association, application, "avslagen", "35")
    assert _decide(client, association, application, "beviljad", "36").status_code == 400
    assert Application.objects.get().status == "avslagen"
    assert not Intervention.objects.exists()


def test_the_insats_import_follows_the_status_moves_of_the_pages(capsys, association):
    from samordna.cli import main

    register = FIXTURES / "register.csv"
    assert main(["insats", "import", str(register), "--association", association.slug]) == 0
    Intervention.objects.filter(name="Samverkansteam").update(status="avslutad")
    capsys.readouterr()
    assert main(["insats", "import", str(register), "--association", association.slug]) == 2
    error = capsys.readouterr().err
    assert "rad 2, kolumn status" in error
    assert "avslutad kan inte bli pågående" in error
    assert Intervention.objects.get(name="Samverkansteam").status == "avslutad"


def test_the_opening_equity_of_a_decided_budget_cannot_change(client, chef, association):
    from samordna.budgets import services as budgets
    from samordna.budgets.models import Budget

    budget = budgets.create(association, budgets.NewBudget("Budget 2026", 2026), user=None)
    url = reverse("equity_opening", args=[association.slug, budget.pk])
    client.force_login(chef)
    assert client.post(url, {"opening_equity": "2 550 tkr"}).status_code == 302
    budgets.decide(budget.versions.get(), budgets.Decision(date(2025, 11, 20), "§34", "Styrelsen"))
    response = client.post(url, {"opening_equity": "9 999 tkr"})
    assert response.status_code == 400
    assert "En beslutad budgetversion kan inte ändras" in response.content.decode()
    assert Budget.objects.get().opening_equity == 255_000_000


def test_a_second_forbund_with_an_existing_org_number_is_refused(
    capsys, client, chef, association, other_association
):
    from samordna.associations.models import Association
    from samordna.cli import main

    code = main(["association", "create", "Kopian", "--org-number", "222000-1719"])
    assert code == 2
    assert "222000-1719 har redan Samordningsförbundet Trollhättan" in capsys.readouterr().err
    client.force_login(chef)
    url = reverse("association_edit", args=[association.slug])
    response = client.post(url, {"name": association.name, "org_number": "2220002733"})
    assert response.status_code == 400
    assert "har redan förbundet Annat förbund" in response.content.decode()
    assert Association.objects.filter(org_number="222000-2733").count() == 1


def test_several_new_forbund_may_wait_for_their_org_number(db):
    from samordna.associations.models import Association
    from samordna.cli import main

    assert main(["association", "create", "Första nya förbundet"]) == 0
    assert main(["association", "create", "Andra nya förbundet"]) == 0
    assert Association.objects.filter(org_number="").count() == 2


def test_lengths_hold_on_sqlite_too(capsys, association, tmp_path):
    from samordna.cli import main

    register = tmp_path / "insatser.csv"
    register.write_text(
        f"namn;slag;medlemmar\n{'x' * 5000};individinriktad;FK, Trollhättans Stad\n",
        encoding="utf-8",
    )
    assert main(["insats", "import", str(register), "--association", association.slug]) == 2
    assert "rad 2, kolumn namn: namn får vara högst 200 tecken" in capsys.readouterr().err
    assert not Intervention.objects.exists()
    capsys.readouterr()
    long_name = [
        "association",
        "create",
        "y" * 300,
        "--slug",
        "langt",
        "--org-number",
        "2220002006",
    ]
    assert main(long_name) == 2
    assert "namn får vara högst 200 tecken (här 300)" in capsys.readouterr().err
