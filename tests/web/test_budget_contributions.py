"""Member contributions in a budget are known from the file's avsnitt Medlemsbidrag, an income
line whose text names the members' money (read once, by the documented rule, and stored), or the
members' own lines; the budget import goes through the one import
pipeline: every row checked, every bad cell named, nothing stored unless everything is."""

from __future__ import annotations

from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from samordna.budgets import projection, services
from samordna.budgets.models import Budget, BudgetLine
from samordna.cli import main
from samordna.core.budget_file import budget_from_table
from samordna.tables import table_from_bytes

PLAN = """avsnitt;rad;2027;2028
Medlemsbidrag;Bidrag från parterna;5 000 000;5 000 000
Intäkter;Bidrag från ESF;1 000 000;1 000 000
Kansli;Kansli;6 000 000;7 000 000
"""
LONG = "Samverkansinsats" * 20  # 320 characters: more than a budget line holds


def _import(association, text: str) -> Budget:
    table = table_from_bytes(text.encode(), "plan.csv")
    return services.import_budget(association, budget_from_table(table), "Budget 2027", None)


def test_the_equity_cap_counts_the_members_contributions_and_not_other_grants(association):
    budget = _import(association, PLAN)
    budget.opening_equity = 2_000_000_00
    budget.save()
    years = projection.projection_of(budget)
    assert [year.contributions for year in years] == [5_000_000_00, 5_000_000_00]
    assert [year.cap.amount for year in years] == [1_000_000_00, 1_000_000_00]  # 20 %


def test_an_income_line_whose_text_names_the_members_money_holds_the_contributions(
    association,
):
    budget = _import(association, PLAN.replace("Medlemsbidrag;", "Intäkter;"))
    budget.opening_equity = 2_000_000_00
    budget.save()
    assert [year.contributions for year in projection.projection_of(budget)] == [
        5_000_000_00,
        5_000_000_00,
    ]


def test_an_income_line_that_does_not_name_the_members_holds_no_contributions(association):
    plan = PLAN.replace("Medlemsbidrag;Bidrag från parterna", "Intäkter;Statsbidrag")
    budget = _import(association, plan)
    budget.opening_equity = 2_000_000_00
    budget.save()
    assert [year.contributions for year in projection.projection_of(budget)] == [0, 0]


def test_a_revision_keeps_which_line_holds_the_contributions(association):
    budget = _import(association, PLAN)
    revision = services.revise(budget.versions.get(), None)
    marked = revision.lines.filter(is_contribution=True).values_list("label", flat=True)
    assert list(marked) == ["Bidrag från parterna"]


def test_a_label_too_long_for_a_line_is_named_by_row_and_nothing_is_stored(
    client, chef, association
):
    text = PLAN + f"Kansli;{LONG};1;1\nKansli;Hyra;1;1\nKansli;{LONG};1;1\n"
    client.force_login(chef)
    response = client.post(
        reverse("budget_import", args=[association.slug]),
        {"file": SimpleUploadedFile("plan.csv", text.encode()), "name": "", "unit": ""},
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "rad 5, kolumn rad: rad får vara högst 300 tecken (här 320)" in page
    assert "rad 7, kolumn rad" in page and "Ingenting har importerats." in page
    assert not Budget.objects.exists() and not BudgetLine.objects.exists()


def test_the_command_refuses_a_too_long_label_with_exit_2(capsys, tmp_path, association):
    path = tmp_path / "plan.csv"
    path.write_text(PLAN + f"Kansli;{LONG};1;1\n", encoding="utf-8")
    code = main(["budget", "import", str(path), "--association", association.slug])
    out, err = capsys.readouterr()
    assert code == 2 and out == ""
    assert "rad 5, kolumn rad: rad får vara högst 300 tecken" in err
    assert "Ingenting har importerats" in err
    assert not Budget.objects.exists()


def test_lines_stored_before_are_marked_once_by_the_words_the_guess_used(association):
    from importlib import import_module

    migration = import_module("samordna.budgets.migrations.0008_contribution_lines")
    budget = _import(association, PLAN.replace("Medlemsbidrag;", "Intäkter;"))
    version = budget.versions.get()
    services.add_line(version, "income", "Medlemmarnas insatser")
    services.add_line(version, "individual", "Bidrag till Samverkansteam")
    migration.mark_contribution_lines(apps, None)
    marked = version.lines.filter(is_contribution=True).values_list("label", flat=True)
    assert sorted(marked) == ["Bidrag från ESF", "Bidrag från parterna", "Medlemmarnas insatser"]
