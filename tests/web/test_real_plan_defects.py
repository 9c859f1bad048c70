"""Defects found by typing an invented plan into an empty database as a chef would: a förbund
formed in September across two regions, with a pool, a grant from it, an idea without parties
and decisions whose paragraph is not known. Each is written down here so it stays fixed."""

from __future__ import annotations

from datetime import date

from django.urls import reverse

from samordna.budgets import register, services
from samordna.budgets.models import BudgetVersion
from samordna.core.budget_file import budget_from_table
from samordna.core.calendar import part_year_text, year_label
from samordna.documents import plan
from samordna.interventions.models import Application, Intervention, InterventionBudget
from samordna.tables import table_from_bytes

PART_YEAR = """avsnitt;rad;2026-09;2027
Intäkter;Medlemsbidrag;1 200 000;3 600 000
Individinriktade insatser;Samverkansteam;400 000;1 500 000
Individinriktade insatser;Medel för nya insatser;300 000;700 000
Kansli;Kansli;460 000;1 400 000
"""


def _text(response) -> str:
    return response.content.decode().replace("\u00a0", " ")


def _imported(association):
    table = table_from_bytes(PART_YEAR.encode(), "plan.csv")
    budget = services.import_budget(association, budget_from_table(table), "Budget 2026", None)
    return budget, budget.versions.get()


def _with_pool(version):
    links = {line.pk: "" for line in register.insats_lines(version)}
    links[version.lines.get(label="Medel för nya insatser").pk] = "pott"
    register.save_links(version, links, "pott")


def test_a_budget_is_decided_on_the_page_without_a_known_paragraph(client, chef, association):
    budget, _version = _imported(association)
    client.force_login(chef)
    url = reverse("budget_decide", args=[association.slug, budget.pk, 1])
    data = {"date": "2026-11-20", "paragraph": "", "decided_by": "Styrelsen", "text": ""}
    assert client.post(url, data).status_code == 302
    decided = BudgetVersion.objects.get(budget=budget)
    assert decided.status == "beslutad" and decided.decision == "2026-11-20"
    assert (
        plan.build(association, 2026).cover_lines[0] == "Beslutad av styrelsen den 20 november 2026"
    )


def test_an_application_is_granted_without_a_known_paragraph(client, chef, association):
    application = Application.objects.create(
        association=association,
        title="Arbetsintegrerande stöd",
        description="Stöd.",
        target_group="Vuxna",
        goals="4 av 10",
        start=date(2027, 1, 1),
        end=date(2027, 12, 31),
        requested=300_000_00,
    )
    application.applicants.set(association.members.filter(kind__in=["af", "municipality"])[:2])
    application.budget_years.create(year=2027, amount=300_000_00)
    client.force_login(chef)
    url = reverse("application_decide", args=[association.slug, application.pk])
    data = {"outcome": "beviljad", "date": "2026-11-20", "paragraph": "", "budget": "", "text": ""}
    assert client.post(url, data).status_code == 302
    granted = Intervention.objects.get(name="Arbetsintegrerande stöd")
    assert granted.status == "beviljad" and granted.decisions.get().citation == "2026-11-20"


def test_an_idea_in_the_register_is_never_fetched_into_the_budget(association):
    _budget, version = _imported(association)
    _with_pool(version)
    idea = Intervention.objects.create(association=association, name="Jobbcoach", kind="individual")
    InterventionBudget.objects.create(intervention=idea, year=2027, amount=150_000_00)
    assert register.differences(version) == []
    assert not any(year.effect for year in register.balance(version))
    register.fill_from_register(version)
    assert not version.lines.filter(label="Jobbcoach").exists()
    pool = version.lines.get(label="Medel för nya insatser")
    assert pool.amounts.get(year=2027).amount == 700_000_00


def test_the_plan_says_the_first_year_is_a_part_year(association):
    _imported(association)
    document = plan.build(association, 2026)
    texts = [getattr(block, "text", "") for block in document.blocks]
    assert "Budgetåret 2026 omfattar september–december." in texts
    tables = [
        b for b in document.blocks if getattr(b, "caption", "") == "Budget 2026 och plan 2027"
    ]
    assert [c.heading for c in tables[0].columns] == ["Budgetpost", "2026 (sep–dec)", "2027"]
    chart = next(b for b in document.blocks if getattr(b, "kind", "") == "stacked")
    assert chart.categories == ("2026 (sep–dec)", "2027")
    assert chart.table.columns[1].heading == "2026 (sep–dec)"


def test_a_whole_year_reads_as_the_year_alone():
    assert year_label(2027, 2026, 9) == "2027" and year_label(2026, 2026, 1) == "2026"
    assert part_year_text(2026, 1) == ""
