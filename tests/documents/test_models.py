"""The document models agree with the app's own figures, to the krona."""

from __future__ import annotations

from fractions import Fraction

import pytest

from samordna.budgets import services as budgets
from samordna.core import document as doc
from samordna.core.money import format_amount
from samordna.documents import followup_doc, notice, plan
from samordna.economy.models import ContributionYear
from samordna.followup import services as followup_services


def _table(document, caption):
    return next(t for t in document.tables() if t.caption == caption)


def _column(table, heading):
    return [c.heading for c in table.columns].index(heading)


def test_the_plan_holds_the_contributions_the_app_allocated(trollhattan):
    document = plan.build(trollhattan, 2020)
    saved = ContributionYear.objects.get(association=trollhattan, year=2020)
    table = _table(document, "Medlemsbidrag 2020")
    amount = _column(table, "Belopp")
    found = {row.cells[0]: row.cells[amount] for row in table.rows}
    expected = {c.member.name: c.amount for c in saved.contributions.all()}
    assert found == {**expected, "Summa": saved.total}
    assert sum(expected.values()) == saved.total == 715_600_000
    assert "7 156 000 kr" in document.text()


def test_the_plan_budget_and_three_year_budget_are_the_budget_in_the_app(trollhattan):
    document = plan.build(trollhattan, 2020)
    budget = budgets.latest_of_year(trollhattan, 2020)
    totals = budgets.check_version(budgets.current_version(budget)).totals
    three = _table(document, "Budget 2020 och plan 2021–2022")
    assert [c.heading for c in three.columns] == ["Budgetpost", "2020", "2021", "2022"]
    result = next(row for row in three.rows if row.style == "result")
    assert list(result.cells[1:]) == [totals[y].result for y in (2020, 2021, 2022)]
    assert result.cells[1] == -26_900_000  # the seed's "Resultat -269 000"
    one = _table(document, "Budget 2020")
    assert [c.heading for c in one.columns] == ["Budgetpost", "2020"]


def test_the_plan_follows_the_published_order_with_the_law_and_the_formed_date(trollhattan):
    document = plan.build(trollhattan, 2020)
    headings = [b.text for b in document.blocks if isinstance(b, doc.Heading) and b.level == 1]
    assert headings[:4] == ["Inledning", "Uppdraget", "Organisation och arbetssätt", "Målgrupper"]
    for later in ("Insatser 2020–2022", "Mål", "Finansiella mål", "Medlemsbidrag 2020"):
        assert later in headings
    assert headings.index("Intern kontroll") < headings.index("Budget 2020")
    text = document.text()
    assert "Den 1 januari 2009 bildades Samordningsförbundet Trollhättan" in text
    assert "(2003:1210)" in text
    assert document.subtitle == "med plan för 2021–2022"


def test_the_plan_lists_individual_and_structural_insatser_with_budgets(trollhattan):
    document = plan.build(trollhattan, 2020)
    individual = _table(document, "Individinriktade insatser 2020–2022")
    names = [row.cells[0] for row in individual.rows]
    assert "ALL-IN" in names and names[-1] == "Summa"
    all_in = next(row for row in individual.rows if row.cells[0] == "ALL-IN")
    assert all_in.cells[_column(individual, "Budget 2020")] == 1_180_000_000


def test_the_budget_chart_draws_the_cost_sections_and_prints_them_beside(trollhattan):
    document = plan.build(trollhattan, 2020)
    chart = next(b for b in document.blocks if isinstance(b, doc.Chart))
    assert chart.categories == ("2020", "2021", "2022")
    summed = [sum(s.values[i] or 0 for s in chart.series) for i in range(3)]
    costs = next(row for row in chart.table.rows if row.cells[0] == "Summa kostnader")
    assert list(costs.cells[1:]) == summed == [2_002_500_000, 1_895_000_000, 783_000_000]


def test_the_follow_up_counts_the_participants_of_the_report_page(trollhattan):
    found = followup_services.report(trollhattan, 2021)
    document = followup_doc.build(trollhattan, 2021)
    by_sex = _table(document, "Deltagare 2021 per kön")
    assert by_sex.rows[0].cells[-1] == found.by_sex.total.shown == found.participants.count
    text = document.text()
    assert f"deltog {found.participants.shown} personer" in text
    assert "påhittade" in text  # the demo's invented participants say so


def test_the_follow_up_never_shows_a_count_between_one_and_four(trollhattan):
    for year in (2020, 2021, 2022):
        document = followup_doc.build(trollhattan, year)
        for table in document.tables():
            for row in table.rows:
                for value, column in zip(row.cells, table.columns, strict=True):
                    if column.kind == doc.COUNT:
                        assert not (isinstance(value, int) and 1 <= value <= 4), table.caption


def test_the_follow_up_sets_budget_against_outcome_and_equity_against_the_cap(demo):
    roslagen = demo["sodra-roslagen"]
    document = followup_doc.build(roslagen, 2016)
    table = _table(document, "Budget och utfall 2016 per rad")
    assert [c.heading for c in table.columns][1] == "Budget 2016"
    budget = budgets.latest_of_year(roslagen, 2016)
    totals = budgets.check_version(budgets.current_version(budget)).totals
    result = next(row for row in table.rows if row.style == "result")
    assert result.cells[1] == totals[2016].result
    equity = _table(document, "Eget kapital 2016 mot taket")
    assert equity.rows[0].cells[1] == budget.opening_equity
    assert "Möten och beslut" in document.text()


def test_a_notice_per_member_and_all_together(trollhattan):
    saved = ContributionYear.objects.get(association=trollhattan, year=2020)
    everyone = notice.build(trollhattan, 2020)
    headings = [b.text for b in everyone.blocks if isinstance(b, doc.Heading) and b.level == 1]
    assert len(headings) == saved.contributions.count() == 6
    grastorp = trollhattan.members.get(name="Grästorps kommun")
    one = notice.build(trollhattan, 2020, grastorp)
    text = one.text()
    assert "Grästorps kommun betalar 125 000 kr" in text
    assert "1,75 %" in text and "Betalning" in text
    assert sum(isinstance(b, doc.PageBreak) for b in one.blocks) == 0
    with pytest.raises(notice.NoticeError, match="inte fördelade"):
        notice.build(trollhattan, 2031)


def test_cells_are_written_through_the_one_format_function():
    column = doc.Column("Belopp", doc.AMOUNT)
    assert doc.cell_text(715_600_000, column) == format_amount(715_600_000) == "7 156 000 kr"
    assert doc.cell_text(Fraction("18.7395"), doc.Column("Andel", doc.PERCENT)) == "18,74 %"
    assert doc.cell_text("<5", doc.Column("Antal", doc.COUNT)) == "<5"
    assert doc.cell_text(12_500, doc.Column("Antal", doc.COUNT)) == "12 500"


def test_the_laws_shares_are_read_from_the_dated_parameter_file(trollhattan):
    from datetime import date

    from samordna.core.allocation import shares_text

    text = shares_text(date(2020, 1, 1))
    assert "Staten betalar 1/2, regionen 1/4 och kommunerna 1/4" in text
    assert "2003:1210" in text and "5 §" in text
    assert text in notice.build(trollhattan, 2020).text()


def test_a_plan_with_one_plan_year_names_that_year_once(demo):
    document = plan.build(demo["sodra-roslagen"], 2016)
    assert document.subtitle == "med plan för 2017"
