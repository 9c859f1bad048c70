"""The published plan as the board receives it: the computed bottom line, the decided version on
the cover, the findings visible before downloading, and drafts that can be deleted."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from samordna.associations.models import BoardSeat
from samordna.budgets import services
from samordna.budgets.models import Budget, BudgetVersion
from samordna.budgets.plan_version import cover_status, default_version, paragraph_text
from samordna.documents import plan
from samordna.documents.outputs import render
from tests.documents.test_outputs import _pdf_text, docx_text

FIXTURES = Path(__file__).parents[1] / "fixtures" / "budget"
KR = 100


def _typed_budget(association, name="Budget 2027"):
    """A budget made only in the pages: lines and amounts, no stated sums."""
    budget = services.create(association, services.NewBudget(name, 2027), user=None)
    version = budget.versions.get()
    income = version.lines.get(section="income")
    insats = services.add_line(version, "individual", "Jobbspåret")
    office = services.add_line(version, "administration", "Kansli")
    amounts = {}
    for year in budget.years:
        amounts[(income.pk, year)] = 4_000_000 * KR
        amounts[(insats.pk, year)] = 3_100_000 * KR
        amounts[(office.pk, year)] = 1_100_000 * KR
    services.set_amounts(version, amounts)
    return budget, version


def _decide(version, day=date(2026, 11, 20), paragraph="47"):
    return services.decide(version, services.Decision(day, paragraph, "Styrelsen"))


def _import(client, association, name, year_name=""):
    data = (FIXTURES / name).read_bytes()
    return client.post(
        reverse("budget_import", args=[association.slug]),
        {"file": SimpleUploadedFile(name, data), "name": year_name, "unit": ""},
    )


def test_a_budget_made_in_the_pages_prints_its_full_bottom_line_in_every_format(
    association, tmp_path
):
    _typed_budget(association)
    document = plan.build(association, 2027)
    pdf = "".join(_pdf_text(render(document, "pdf"), tmp_path).split())
    word = "".join(docx_text(render(document, "docx")).split())
    for text in (pdf, word):
        assert "Summakostnader4200000kr" in text
        assert "Åretsresultat(intäkter−kostnader)-200000kr" in text
        assert "Budgetbalans(intäkter+egetkapital−kostnader)-200000kr" in text
    sheets = load_workbook(io.BytesIO(render(document, "xlsx")))
    cells = [
        [cell.value for cell in row] for sheet in sheets.worksheets for row in sheet.iter_rows()
    ]
    results = [row for row in cells if row and row[0] == "Årets resultat (intäkter − kostnader)"]
    assert results and results[0][1] == -200_000


def test_the_cover_names_the_decision_with_its_paragraph(association):
    _budget, version = _typed_budget(association)
    assert plan.build(association, 2027).cover_lines[0] == "Förslag, version 1, ej beslutad"
    _decide(version)
    cover = plan.build(association, 2027).cover_lines[0]
    assert cover == "Beslutad av styrelsen den 20 november 2026, § 47"


def test_a_decision_without_a_known_paragraph_prints_without_it(association):
    _budget, version = _typed_budget(association)
    _decide(version, paragraph="")
    assert cover_status(version) == "Beslutad av styrelsen den 20 november 2026"
    assert [paragraph_text(p) for p in ("12", "§12", "§ 12", " ")] == ["§ 12"] * 3 + [""]


def test_a_test_import_after_the_decision_does_not_change_the_plan(client, chef, association):
    budget, version = _typed_budget(association)
    _decide(version)
    client.force_login(chef)
    imported = _import(client, association, "plan-year-lump.csv")
    assert imported.status_code == 302
    assert Budget.objects.filter(association=association).count() == 2
    assert default_version(association, 2027).pk == version.pk
    page = client.get(reverse("document", args=[association.slug, "plan", 2027]))
    text = page.content.decode()
    assert "Beslutad av styrelsen den 20 november 2026, § 47" in text
    assert "Jobbspåret" in text


def test_the_chef_picks_another_version_and_the_downloads_follow(client, chef, association):
    budget, version = _typed_budget(association)
    _decide(version)
    revision = services.revise(version, user=None)
    client.force_login(chef)
    url = reverse("document", args=[association.slug, "plan", 2027])
    page = client.get(url, {"version": revision.pk}).content.decode()
    assert "Förslag, version 2, ej beslutad" in page
    assert f'value="{revision.pk}" selected' in page
    download = reverse("document_download", args=[association.slug, "plan", 2027, "docx"])
    assert f"{download}?version={revision.pk}" in page
    word = docx_text(client.get(download, {"version": revision.pk}).content)
    assert "Förslag, version 2, ej beslutad" in word
    other = client.get(url, {"version": "999999"}).content.decode()
    assert "Beslutad av styrelsen den 20 november 2026, § 47" in other


def test_a_wrong_stated_sum_prints_computed_and_shows_before_download(
    client, chef, association, tmp_path
):
    client.force_login(chef)
    _import(client, association, "forecast-004-sodra-roslagen-2015.csv", "Budget 2015")
    Budget.objects.filter(association=association).update(is_forecast=False)
    preview = client.get(reverse("document", args=[association.slug, "plan", 2015]))
    page = preview.content.decode().replace("\u00a0", " ")
    assert "Budgetkontrollen hittar fel" in page
    assert "Summa kostnader totalt (rad 18), 2015" in page
    assert "angivet 2 034 000 kr, beräknat 2 054 000 kr" in page
    listing = client.get(reverse("documents", args=[association.slug])).content.decode()
    assert "Budgetkontrollen hittar 2 fel" in listing
    assert "Summa kostnader totalt (rad 18), 2015" in listing
    pdf = _pdf_text(render(plan.build(association, 2015), "pdf"), tmp_path)
    totals = [line for line in pdf.splitlines() if "Summa kostnader totalt" in line]
    assert totals and all("2 054 tkr" in line for line in totals)
    assert "2 034" not in pdf


def test_a_plan_without_errors_shows_no_finding(client, chef, association):
    _typed_budget(association)
    client.force_login(chef)
    page = client.get(reverse("document", args=[association.slug, "plan", 2027])).content.decode()
    assert "Budgetkontrollen hittar fel" not in page


def test_a_draft_is_deleted_after_confirmation_and_a_decided_version_never(
    client, chef, association
):
    budget, version = _typed_budget(association)
    _decide(version)
    revision = services.revise(version, user=None)
    client.force_login(chef)
    url = reverse("budget_version_delete", args=[association.slug, budget.pk, revision.number])
    confirm = client.get(url).content.decode()
    assert "Ta bort version 2 av Budget 2027?" in confirm
    assert BudgetVersion.objects.filter(pk=revision.pk).exists()
    assert client.post(url).status_code == 302
    assert not BudgetVersion.objects.filter(pk=revision.pk).exists()
    decided = reverse("budget_version_delete", args=[association.slug, budget.pk, 1])
    response = client.post(decided, follow=True)
    assert "En beslutad version kan aldrig tas bort." in response.content.decode()
    assert BudgetVersion.objects.filter(pk=version.pk).exists()


def test_a_scenario_and_a_lone_draft_are_deleted_whole(client, chef, association):
    budget, _version = _typed_budget(association)
    request = services.ScenarioRequest("Staten minskar 10 %", -10, 2027)
    scenario = services.make_scenario(budget, request, user=None)
    client.force_login(chef)
    url = reverse("budget_version_delete", args=[association.slug, scenario.pk, 1])
    assert "Ta bort scenariot" in client.get(url).content.decode()
    response = client.post(url)
    assert response["Location"].endswith(f"/budget/{budget.pk}/")
    assert not Budget.objects.filter(pk=scenario.pk).exists()
    lone = reverse("budget_version_delete", args=[association.slug, budget.pk, 1])
    client.post(lone)
    assert not Budget.objects.filter(association=association).exists()


def test_a_state_cut_on_one_contribution_line_cuts_the_states_half_of_it(association):
    budget, _version = _typed_budget(association)
    request = services.ScenarioRequest("Staten minskar 10 % från 2028", -10, 2028)
    scenario = services.make_scenario(budget, request, user=None)
    rows = {row.label: row for row in services.to_core(scenario.versions.get()).rows}
    assert rows["Medlemsbidrag"].amounts == {
        2027: 4_000_000 * KR,
        2028: 3_800_000 * KR,  # the state's half, 2 000 000 kr, cut by 10 %
        2029: 3_800_000 * KR,
    }
    assert rows["Kansli"].amounts[2028] == 1_100_000 * KR


def test_a_förbund_without_an_organisation_number_yet_is_created_and_printed(capsys, db):
    from samordna.associations.models import Association
    from samordna.cli import main

    assert main(["association", "create", "Samordningsförbundet Nybildat"]) == 0
    assert "organisationsnummer saknas" in capsys.readouterr().out
    created = Association.objects.get(slug="samordningsforbundet-nybildat")
    assert created.org_number == ""
    cover = plan.build(created, 2027).cover_lines
    assert not any("Organisationsnummer" in line for line in cover)


def test_the_insats_table_prints_the_budgets_lump_for_a_plan_year_not_zero(
    client, chef, association
):
    from samordna.interventions.models import Intervention, InterventionBudget

    client.force_login(chef)
    _import(client, association, "plan-year-lump.csv", "Budget 2025")
    for name, amount in (("Insats Vägen vidare", 1_500_000), ("Insats Steget", 1_000_000)):
        insats = Intervention.objects.create(
            association=association, name=name, kind="individual", status="pagaende"
        )
        InterventionBudget.objects.create(intervention=insats, year=2025, amount=amount * KR)
    document = plan.build(association, 2025)
    table = next(t for t in document.tables() if t.caption.startswith("Individinriktade"))
    assert table.rows[-1].cells[-3:] == (2_500_000 * KR, 2_600_000 * KR, 2_600_000 * KR)
    assert "2026 och 2027: budgeten anger insatserna som en summa" in table.note


def test_the_board_table_prints_each_seats_party(association):
    member = association.members.get(kind="municipality", name__startswith="Trollhättan")
    BoardSeat.objects.create(
        association=association,
        member=member,
        person_name="Anna Berg",
        seat="regular",
        role="chair",
        party="S",
    )
    BoardSeat.objects.create(
        association=association, member=member, person_name="Per Ek", seat="deputy"
    )
    document = plan.build(association, 2027)
    assert "Anna Berg (S), ordförande" in document.text()
    assert "Per Ek" in document.text() and "Per Ek (" not in document.text()
    assert "Anna Berg (S), ordförande" in docx_text(render(document, "docx"))
