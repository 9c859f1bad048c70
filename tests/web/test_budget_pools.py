"""A pool for insatser not yet decided, and budget lines linked to insatser by choice, not name.

The plan's case: a budget with "Medel för nya insatser", decided; the board grants a new insats
from it. The decided budget keeps its balance, the revision moves the grant out of the pool,
nothing is counted twice and no row lands below the result.
"""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from samordna.budgets import register, services
from samordna.budgets.models import BudgetLine
from samordna.core.budget_file import budget_from_table
from samordna.interventions.models import Intervention, InterventionBudget
from samordna.tables import table_from_bytes

PLAN = """avsnitt;rad;2027;2028
Intäkter;Medlemsbidrag;3 000 000;3 000 000
Summa;Summa intäkter;3 000 000;3 000 000
Individinriktade insatser;Samverkansteam;1 200 000;1 200 000
Individinriktade insatser;Medel för nya insatser;1 000 000;1 000 000
Summa;Summa insatser;2 200 000;2 200 000
Kansli;Kansli;800 000;800 000
Summa kostnader;Summa kostnader;3 000 000;3 000 000
Resultat;Resultat;0;0
"""


def _text(response) -> str:
    return response.content.decode().replace("\u00a0", " ")


def _insats(association, name, amounts, kind="individual"):
    insats = Intervention.objects.create(
        association=association, name=name, kind=kind, status="beviljad"
    )
    insats.members.set(association.members.filter(kind__in=["fk", "municipality"]))
    for year, kronor in amounts.items():
        InterventionBudget.objects.create(intervention=insats, year=year, amount=kronor * 100)
    return insats


def _kronor(line):
    return {a.year: a.amount // 100 for a in line.amounts.all()}


@pytest.fixture
def decided(association):
    """The imported plan, its team line linked and its pool marked on the page's terms, decided."""
    table = table_from_bytes(PLAN.encode(), "plan.csv")
    budget = services.import_budget(association, budget_from_table(table), "Budget 2027", None)
    version = budget.versions.get()
    team = _insats(association, "Samverkansteamet i Lilla Edet", {2027: 1_200_000, 2028: 1_200_000})
    links = {line.pk: "" for line in register.insats_lines(version)}
    links[version.lines.get(label="Samverkansteam").pk] = str(team.pk)
    links[version.lines.get(label="Medel för nya insatser").pk] = "pott"
    register.save_links(version, links, "pott")
    return services.decide(version, services.Decision(date(2026, 11, 20), "12", "Styrelsen"))


def test_a_grant_the_pool_covers_leaves_the_decided_balance_alone(client, chef, decided):
    association = decided.budget.association
    _insats(association, "Unga vuxna", {2027: 400_000})
    assert services.check_version(decided).register == []
    client.force_login(chef)
    page = _text(client.get(reverse("budget", args=[association.slug, decided.budget.pk])))
    assert "budgetbalansen håller: de nya insatserna ryms i potten" in page
    assert "Gör en revidering med registrets belopp" in page


def test_the_revision_moves_the_grant_from_the_pool_above_the_result(client, chef, decided):
    association = decided.budget.association
    young = _insats(association, "Unga vuxna", {2027: 400_000})
    client.force_login(chef)
    url = reverse("budget_from_register", args=[association.slug, decided.budget.pk, 1])
    client.post(url)
    revision = decided.budget.versions.get(number=2)
    assert revision.revises == decided and not revision.is_locked
    pool = revision.lines.get(is_pool=True)
    assert _kronor(pool) == {2027: 600_000, 2028: 1_000_000}
    assert _kronor(revision.lines.get(intervention=young)) == {2027: 400_000}
    labels = [line.label for line in revision.lines.all()]
    assert labels.index("Unga vuxna") < labels.index("Summa insatser") < labels.index("Resultat")
    check = services.check_version(revision)
    assert [f for f in check.findings if f.severity != "info"] == []
    assert check.totals[2027].costs == 3_000_000_00
    assert register.differences(revision) == []
    register.fill_from_register(revision)
    assert _kronor(revision.lines.get(is_pool=True)) == {2027: 600_000, 2028: 1_000_000}
    assert revision.lines.filter(intervention=young).count() == 1


def test_a_grant_beyond_the_pool_is_a_finding_with_its_size(client, chef, decided):
    association = decided.budget.association
    _insats(association, "Unga vuxna", {2028: 1_250_000})
    [finding] = services.check_version(decided).register
    assert finding.year == 2028 and finding.computed == 250_000_00
    assert "kostar 250 000 kr mer än budgetens insatsrader och potten" in finding.message
    client.force_login(chef)
    page = _text(client.get(reverse("budget", args=[association.slug, decided.budget.pk])))
    assert "Inga anmärkningar" not in page
    assert "Insatsregistret ändrar budgetbalansen" in page


def test_a_register_change_on_a_linked_line_is_a_finding(decided):
    team = decided.lines.get(label="Samverkansteam").intervention
    InterventionBudget.objects.filter(intervention=team, year=2027).update(amount=1_100_000_00)
    [finding] = services.check_version(decided).register
    assert finding.year == 2027 and finding.computed == -100_000_00
    assert "100 000 kr mindre" in finding.message


def test_a_line_is_linked_on_the_page_not_by_its_name(client, chef, association):
    table = table_from_bytes(PLAN.encode(), "plan.csv")
    budget = services.import_budget(association, budget_from_table(table), "Budget 2027", None)
    version = budget.versions.get()
    team = _insats(association, "Samverkansteamet i Lilla Edet", {2027: 1_300_000})
    line = version.lines.get(label="Samverkansteam")
    assert line.intervention is None
    client.force_login(chef)
    url = reverse("budget_links", args=[association.slug, budget.pk, 1])
    form = client.get(url)
    assert "Samverkansteamet i Lilla Edet" in _text(form)
    pool = version.lines.get(label="Medel för nya insatser")
    data = {f"line-{line.pk}": str(team.pk), f"line-{pool.pk}": "pott", "hamta": ""}
    client.post(url, data)
    line.refresh_from_db()
    assert line.intervention == team and _kronor(line) == {2027: 1_300_000}
    assert version.lines.filter(intervention=team).count() == 1
    assert BudgetLine.objects.get(pk=pool.pk).is_pool


def test_one_insats_on_two_lines_is_refused_and_nothing_is_saved(client, chef, association):
    table = table_from_bytes(PLAN.encode(), "plan.csv")
    budget = services.import_budget(association, budget_from_table(table), "Budget 2027", None)
    version = budget.versions.get()
    team = _insats(association, "Samverkansteam", {2027: 1_200_000})
    lines = register.insats_lines(version)
    client.force_login(chef)
    url = reverse("budget_links", args=[association.slug, budget.pk, 1])
    response = client.post(url, {f"line-{line.pk}": str(team.pk) for line in lines})
    assert response.status_code == 400
    assert "Insatsen är redan vald på raden ”Samverkansteam”" in _text(response)
    assert not version.lines.filter(intervention__isnull=False).exists()


def test_a_decided_version_keeps_its_links(client, chef, decided):
    association = decided.budget.association
    client.force_login(chef)
    url = reverse("budget_links", args=[association.slug, decided.budget.pk, 1])
    response = client.post(url, {})
    assert response.status_code == 302
    assert decided.lines.filter(is_pool=True).count() == 1
