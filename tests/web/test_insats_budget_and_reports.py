"""Insats lines of the budget come from the register; the annual report and what is missing."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine
from django.urls import reverse

from samordna.budgets import register, services
from samordna.interventions.models import AnnualReport, Intervention, InterventionBudget
from tests.conftest import TODAY, make_user


def _text(response) -> str:
    return response.content.decode().replace("\u00a0", " ")


def _insats(association, name="Samverkansteam", kind="individual", status="pagaende"):
    insats = Intervention.objects.create(
        association=association, name=name, kind=kind, status=status
    )
    insats.members.set(association.members.filter(kind__in=["fk", "municipality"]))
    return insats


def _budget_years(insats, amounts):
    for year, kronor in amounts.items():
        InterventionBudget.objects.create(intervention=insats, year=year, amount=kronor * 100)


def _amounts(line):
    return {a.year: a.amount // 100 for a in line.amounts.all()}


def test_a_new_budget_lists_each_insats_by_name_with_its_register_amounts(association):
    team = _insats(association)
    _budget_years(team, {2026: 400_000, 2027: 420_000})
    forum = _insats(association, "Samverkansforum", "structural")
    _budget_years(forum, {2026: 50_000})
    budget = services.create(association, services.NewBudget("Budget 2026", 2026), user=None)
    lines = {line.label: line for line in budget.versions.get().lines.all()}
    assert lines["Samverkansteam"].section == "individual"
    assert _amounts(lines["Samverkansteam"]) == {2026: 400_000, 2027: 420_000}
    assert lines["Samverkansforum"].section == "structural"
    assert lines["Samverkansforum"].intervention == forum


def test_a_line_added_later_lands_in_its_own_section(association):
    _budget_years(_insats(association), {2026: 400_000})
    budget = services.create(association, services.NewBudget("Budget 2026", 2026), user=None)
    version = budget.versions.get()
    services.add_line(version, "income", "Ränta")
    sections = [line.section for line in version.lines.all()]
    assert sections == sorted(sections, key=["income", "individual"].index)
    assert [line.label for line in version.lines.all()][-1] == "Samverkansteam"


def test_a_register_change_after_the_decision_shows_as_a_difference(client, chef, association):
    team = _insats(association)
    _budget_years(team, {2026: 400_000})
    budget = services.create(association, services.NewBudget("Budget 2026", 2026), user=None)
    decided = budget.versions.get()
    services.decide(decided, services.Decision(date(2025, 11, 20), "12", "Styrelsen"))
    InterventionBudget.objects.filter(intervention=team, year=2026).update(amount=450_000_00)
    client.force_login(chef)
    page = _text(client.get(reverse("budget", args=[association.slug, budget.pk])))
    assert "Insatsregistret har ändrats sedan versionen beslutades" in page
    assert "400 000" in page and "450 000" in page and "50 000" in page
    line = decided.lines.get(intervention=team)
    assert _amounts(line) == {2026: 400_000}


def test_a_revision_takes_the_register_amounts_when_asked(client, chef, association):
    team = _insats(association)
    _budget_years(team, {2026: 400_000})
    budget = services.create(association, services.NewBudget("Budget 2026", 2026), user=None)
    decided = budget.versions.get()
    services.decide(decided, services.Decision(date(2025, 11, 20), "12", "Styrelsen"))
    InterventionBudget.objects.filter(intervention=team, year=2026).update(amount=450_000_00)
    revision = services.revise(decided, user=chef)
    client.force_login(chef)
    client.post(reverse("budget_from_register", args=[association.slug, budget.pk, 2]))
    assert _amounts(revision.lines.get(intervention=team)) == {2026: 450_000}
    assert register.differences(revision) == []
    compare = _text(client.get(reverse("budget_compare", args=[association.slug, budget.pk])))
    assert "Samverkansteam" in compare and "450 000" in compare


def test_a_decided_version_keeps_its_amounts_and_a_revision_takes_the_register(
    client, chef, association
):
    team = _insats(association)
    _budget_years(team, {2026: 400_000})
    budget = services.create(association, services.NewBudget("Budget 2026", 2026), user=None)
    decided = budget.versions.get()
    services.decide(decided, services.Decision(date(2025, 11, 20), "12", "Styrelsen"))
    InterventionBudget.objects.filter(intervention=team, year=2026).update(amount=450_000_00)
    client.force_login(chef)
    client.post(reverse("budget_from_register", args=[association.slug, budget.pk, 1]))
    assert _amounts(decided.lines.get(intervention=team)) == {2026: 400_000}
    revision = budget.versions.get(number=2)
    assert revision.revises == decided
    assert _amounts(revision.lines.get(intervention=team)) == {2026: 450_000}


def test_a_line_with_the_insats_name_is_suggested_and_linked_once_saved(client, chef, association):
    team = _insats(association)
    _budget_years(team, {2026: 400_000})
    budget = services.create(association, services.NewBudget("Budget 2026", 2026), user=None)
    version = budget.versions.get()
    version.lines.filter(intervention=team).update(intervention=None)
    line = version.lines.get(label="Samverkansteam")
    client.force_login(chef)
    url = reverse("budget_links", args=[association.slug, budget.pk, 1])
    form = _text(client.get(url))
    assert f'<option value="{team.pk}" selected>Samverkansteam</option>' in form
    line.refresh_from_db()
    assert line.intervention is None
    client.post(url, {f"line-{line.pk}": str(team.pk), "hamta": ""})
    assert version.lines.filter(label="Samverkansteam").count() == 1
    assert _amounts(version.lines.get(intervention=team)) == {2026: 400_000}


@pytest.fixture
def staff(association):
    return make_user("handledare", association, "insatspersonal")


@time_machine.travel(TODAY, tick=False)
def test_a_finished_year_without_a_report_is_missing_until_written(
    client, staff, board, association
):
    team = _insats(association)
    last, this = 2025, 2026
    _budget_years(team, {last: 400_000, this: 400_000})
    team.staff.add(staff)
    client.force_login(board)
    listing = _text(client.get(reverse("interventions", args=[association.slug])))
    assert "Årsrapporter som saknas" in listing and f"Samverkansteam {last}" in listing
    url = reverse("intervention_report", args=[association.slug, team.pk, last])
    refused = client.post(url, {"how_it_went": "Bra."})
    assert refused.status_code == 403 and not AnnualReport.objects.exists()
    client.force_login(staff)
    client.post(url, {"how_it_went": "Elva deltagare började, sex gick till arbete."})
    client.force_login(board)
    listing = _text(client.get(reverse("interventions", args=[association.slug])))
    assert "Årsrapporter som saknas" not in listing
    report = _text(client.get(url))
    assert "sex gick till arbete" in report and "400 000" in report
    assert "Inget utfall inläst" in report


def test_staff_cannot_write_the_report_of_another_insats(client, staff, association):
    team = _insats(association)
    _budget_years(team, {2025: 400_000})
    client.force_login(staff)
    url = reverse("intervention_report", args=[association.slug, team.pk, 2025])
    assert client.post(url, {"how_it_went": "Bra."}).status_code == 404
    assert not AnnualReport.objects.exists()


@time_machine.travel(TODAY, tick=False)
def test_the_overview_shows_the_year_of_the_insatser(client, chef, staff, association):
    from samordna.interventions.models import Decision

    today = date(2026, 6, 15)
    ending = _insats(association, "Jobbspår")
    ending.end = date(2026, 7, 15)
    ending.save()
    _budget_years(_insats(association), {2025: 400_000})
    _insats(association, "Nytt forum", "structural", "ide")
    Decision.objects.create(
        association=association,
        date=today,
        paragraph="3",
        kind="delegation",
        text="Förbundschefen beviljar 20 000 kr till en utbildningsdag.",
        by_delegation=True,
    )
    client.force_login(chef)
    page = _text(client.get(reverse("association", args=[association.slug])))
    assert "idé 1" in page and "pågående 2" in page
    assert "Jobbspår</a>: Perioden slutar 2026-07-15" in page
    assert "20 000 kr till en utbildningsdag" in page
    assert "1 årsrapport saknas" in page and "Samverkansteam 2025" in page
    client.force_login(staff)
    staff_page = _text(client.get(reverse("association", args=[association.slug])))
    assert "Jobbspår" not in staff_page and "utbildningsdag" not in staff_page
