"""A part-year budget from the file: the first year's column says the month it begins."""

from __future__ import annotations

import pytest

from samordna.core.budget_file import budget_from_table
from samordna.core.findings import InputError
from samordna.core.table import Row, Table


def _table(*header: str) -> Table:
    return Table(("avsnitt", "rad", *header), (Row(2, ("Kansli", "Förbundschef", "100", "400")),))


@pytest.mark.parametrize(
    "title", ["2025-09", "2025-9 (tkr)", "2025 från september", "2025 från sep (tkr)"]
)
def test_the_first_year_begins_in_the_month_its_header_names(title):
    budget = budget_from_table(_table(title, "2026"))
    assert budget.first_month == 9 and budget.years == (2025, 2026)


def test_a_whole_year_begins_in_january():
    assert budget_from_table(_table("2025", "2026")).first_month == 1


@pytest.mark.parametrize(
    ("header", "column", "message"),
    [
        (("2025", "2026-03"), "2026-03", "Bara det första året kan börja senare än januari."),
        (("2025-13", "2026"), "2025-13", "Månaden är okänd"),
        (("2025 från ma", "2026"), "2025 från ma", "Månaden är okänd"),
    ],
)
def test_a_month_that_cannot_be_is_refused_with_its_column(header, column, message):
    with pytest.raises(InputError) as raised:
        budget_from_table(_table(*header))
    assert raised.value.row == 1 and raised.value.column == column
    assert message in str(raised.value)
