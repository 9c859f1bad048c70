"""A förbund that types its budget in the grid marks the line that holds the members'
contributions ("Räknas som medlemsbidrag"): the equity cap follows from it, the mark is kept
in the history and locked with a decided version, and a budget with income but no marked
line says so on the budget page and the equity page instead of a cap of 0 kr."""

from __future__ import annotations

from datetime import date

from django.urls import reverse

from samordna.audit.models import Change
from samordna.budgets import projection, services
from samordna.budgets.grid import seen
from samordna.budgets.models import BudgetAmount, BudgetLine
from samordna.core.contribution_check import NONE_MARKED


def _text(response) -> str:
    return response.content.decode().replace("\u00a0", " ")


def _typed_budget(association):
    """A budget as a newcomer types it: the pre-filled "Medlemsbidrag" line removed, the members'
    money on a line of their own words, an ESF grant and the kansli."""
    budget = services.create(association, services.NewBudget("Budget 2027", 2027), user=None)
    version = budget.versions.get()
    version.lines.get(label="Medlemsbidrag").delete()
    state = services.add_line(version, "income", "Statens bidrag via FK")
    esf = services.add_line(version, "income", "Bidrag från ESF")
    kansli = services.add_line(version, "administration", "Kansli")
    amounts = {(state.pk, 2027): 2_000_000_00, (state.pk, 2028): 2_000_000_00}
    amounts |= {(esf.pk, 2027): 500_000_00, (esf.pk, 2029): 500_000_00}
    amounts |= {(kansli.pk, 2027): 2_500_000_00}
    services.set_amounts(version, amounts)
    budget.opening_equity = 1_000_000_00
    budget.save()
    return budget, version, state, kansli


def _grid(version, **posted: str) -> dict[str, str]:
    """The grid as the page posts it: every amount as shown, and what the chef changed."""
    cells = {
        f"a-{amount.line_id}-{amount.year}": str(amount.amount // 100)
        for amount in BudgetAmount.objects.filter(line__version=version)
    }
    return cells | posted


def _edit_url(association, budget) -> str:
    return reverse("budget_edit", args=[association.slug, budget.pk, 1])


def test_a_budget_with_income_and_no_marked_line_says_the_cap_cannot_be_computed(
    client, chef, association
):
    budget, _version, _state, _kansli = _typed_budget(association)
    client.force_login(chef)
    page = _text(client.get(reverse("budget", args=[association.slug, budget.pk])))
    assert NONE_MARKED in page
    assert "kryssa i ”Räknas som medlemsbidrag”" in page
    equity = _text(client.get(reverse("budget_equity", args=[association.slug, budget.pk])))
    assert NONE_MARKED in equity
    assert "kan inte räknas" in equity
    assert "överstiger taket 0 kr" not in equity


def test_ticking_the_box_in_the_grid_makes_the_line_count_and_the_cap_follows(
    client, chef, association
):
    budget, version, state, _kansli = _typed_budget(association)
    client.force_login(chef)
    url = _edit_url(association, budget)
    grid = _text(client.get(url))
    assert f'<label for="contribution-{state.pk}">Räknas som medlemsbidrag' in grid
    ticked = {f"contribution-{state.pk}": "1", f"contribution-{state.pk}-shown": "1"}
    response = client.post(url, _grid(version, **ticked))
    assert response.status_code == 302
    state.refresh_from_db()
    assert state.is_contribution
    years = projection.projection_of(budget)
    assert [y.contributions for y in years] == [2_000_000_00, 2_000_000_00, 0]
    assert years[0].cap.amount == 400_000_00  # 20 % of 2 000 000 kr
    page = _text(client.get(reverse("budget", args=[association.slug, budget.pk])))
    assert NONE_MARKED not in page
    assert "Medlemsbidragen är 0 kr 2029" in page  # the plan year left empty says so


def test_unticking_a_marked_line_stops_it_counting_and_the_history_shows_it(
    client, chef, association
):
    budget, version, state, _kansli = _typed_budget(association)
    state.is_contribution = True
    state.save()
    client.force_login(chef)
    shown = {f"contribution-{state.pk}-shown": "1"}
    client.post(_edit_url(association, budget), _grid(version, **shown))
    state.refresh_from_db()
    assert not state.is_contribution
    changes = Change.objects.filter(object_pk=str(state.pk), content_type__model="budgetline")
    assert any("is_contribution" in (entry.changes or {}) for entry in changes)


def test_a_grid_without_the_checkbox_keeps_the_stored_mark(client, chef, association):
    budget = services.create(association, services.NewBudget("Budget 2027", 2027), user=None)
    line = budget.versions.get().lines.get(label="Medlemsbidrag")
    client.force_login(chef)
    client.post(_edit_url(association, budget), {f"a-{line.pk}-2027": "4 000 000"})
    line.refresh_from_db()
    assert line.is_contribution


def test_a_new_line_can_be_marked_when_added_and_its_words_mark_it_by_the_file_rule(
    client, chef, association
):
    budget, version, _state, _kansli = _typed_budget(association)
    client.force_login(chef)
    url = _edit_url(association, budget)
    ticked = {"new-section": "income", "new-label": "Regionens bidrag", "new-is_contribution": "on"}
    client.post(url, _grid(version) | ticked)
    client.post(
        url, _grid(version) | {"new-section": "income", "new-label": "Bidrag från parterna"}
    )
    client.post(url, _grid(version) | {"new-section": "income", "new-label": "Hyresintäkter"})
    marked = dict(version.lines.values_list("label", "is_contribution"))
    assert marked["Regionens bidrag"] and marked["Bidrag från parterna"]
    assert not marked["Hyresintäkter"]


def test_a_cost_line_cannot_be_marked_and_nothing_is_saved(client, chef, association):
    budget, version, state, kansli = _typed_budget(association)
    client.force_login(chef)
    url = _edit_url(association, budget)
    response = client.post(
        url, {f"contribution-{kansli.pk}": "1", f"a-{kansli.pk}-2027": "9 000 000"}
    )
    assert response.status_code == 400
    assert "Kansli: Bara en intäktsrad kan räknas som medlemsbidrag." in _text(response)
    kansli.refresh_from_db()
    assert not kansli.is_contribution
    assert kansli.amounts.get(year=2027).amount == 2_500_000_00
    cost = {"new-section": "administration", "new-label": "Lokaler", "new-is_contribution": "on"}
    added = client.post(url, _grid(version) | cost, follow=True)
    assert "Den nya raden lades inte till: Bara en intäktsrad kan räknas" in _text(added)
    assert not BudgetLine.objects.filter(label="Lokaler").exists()


def test_the_mark_is_locked_with_the_decided_version(client, chef, association):
    budget, version, state, _kansli = _typed_budget(association)
    services.decide(version, services.Decision(date(2026, 11, 20), "12", "Styrelsen"))
    client.force_login(chef)
    response = client.post(
        _edit_url(association, budget),
        {f"contribution-{state.pk}": "1", f"contribution-{state.pk}-shown": "1"},
    )
    assert response.status_code == 302
    state.refresh_from_db()
    assert not state.is_contribution


def test_a_mark_someone_else_saved_meanwhile_is_named_before_anything_is_saved(
    client, chef, association
):
    budget, version, state, _kansli = _typed_budget(association)
    opened = seen(version)
    state.is_contribution = True
    state.save()  # another chef ticks the box and saves first
    client.force_login(chef)
    response = client.post(
        _edit_url(association, budget),
        _grid(version, seen=opened) | {f"contribution-{state.pk}-shown": "1"},
    )
    assert response.status_code == 400
    assert "Statens bidrag via FK räknas som medlemsbidrag: ja" in _text(response)
    state.refresh_from_db()
    assert state.is_contribution
