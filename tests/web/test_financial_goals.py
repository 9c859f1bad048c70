"""The förbund's own financial goals: written on the page, judged, printed in the plan."""

from __future__ import annotations

from django.urls import reverse

from samordna.budgets import services
from samordna.budgets.models import FinancialGoal
from samordna.documents import plan


def _budget(association):
    budget = services.create(association, services.NewBudget("Budget 2027", 2027), user=None)
    version = budget.versions.get()
    income = version.lines.get(section="income")
    office = services.add_line(version, "administration", "Kansli")
    services.set_amounts(
        version,
        {(income.pk, y): 1_000_000_00 for y in budget.years} | {(office.pk, 2027): 400_000_00},
    )
    return budget


def test_a_förbund_without_goals_gets_no_verdict(association):
    _budget(association)
    text = plan.build(association, 2027).text()
    assert "Förbundet har inte satt några finansiella mål för 2027." in text
    assert "inte uppfyllt" not in text and "Administrationens andel" not in text


def test_the_chef_writes_a_goal_and_only_that_goal_is_judged(client, chef, association):
    budget = _budget(association)
    client.force_login(chef)
    url = reverse("financial_goal_add", args=[association.slug, 2027])
    response = client.post(url, {"measure": "admin_share", "high_percent": "30", "text": ""})
    assert response.status_code == 302
    page = client.get(reverse("budget_equity", args=[association.slug, budget.pk])).content
    text = page.decode().replace("\u00a0", " ")
    assert "Administrationens andel av kostnaderna: högst 30 %" in text
    assert "Intäkter minus kostnader" not in text and "Insatsernas andel" not in text
    printed = plan.build(association, 2027).text()
    assert "Administrationens andel av kostnaderna är 100,0 %: inte uppfyllt." in printed


def test_a_goal_without_its_target_is_refused_in_swedish(client, chef, association):
    client.force_login(chef)
    url = reverse("financial_goal_add", args=[association.slug, 2027])
    response = client.post(url, {"measure": "insats_share", "text": ""})
    assert response.status_code == 400
    assert "Ange den lägsta andelen i procent" in response.content.decode()
    response = client.post(url, {"measure": "equity_band", "low_amount": "mycket"})
    assert response.status_code == 400 and not FinancialGoal.objects.exists()


def test_a_goal_in_free_text_is_printed_with_the_verdict_given_by_hand(client, chef, association):
    _budget(association)
    client.force_login(chef)
    url = reverse("financial_goal_add", args=[association.slug, 2027])
    text = "Likviditeten ska vara 100 %."
    client.post(url, {"measure": "manual", "text": text, "verdict": "met"})
    printed = plan.build(association, 2027).text()
    assert text in printed and "Bedöms för hand: uppfyllt." in printed


def test_the_board_reads_the_goals_but_cannot_add_or_remove(client, board, association):
    goal = FinancialGoal.objects.create(association=association, year=2027, measure="equity_vs_cap")
    client.force_login(board)
    page = client.get(reverse("financial_goals", args=[association.slug, 2027]))
    assert (
        page.status_code == 200 and "Eget kapital i förhållande till taket" in page.content.decode()
    )
    assert "Lägg till målet" not in page.content.decode()
    url = reverse("financial_goal_delete", args=[association.slug, 2027, goal.pk])
    assert client.post(url).status_code == 403
    assert FinancialGoal.objects.filter(pk=goal.pk).exists()
