"""Columns found by their Swedish or English titles, and words read as stored codes."""

from __future__ import annotations

from samordna.core.table import Row, Table, word_lookup

HEADERS = {"name": ("namn", "name"), "kind": ("typ", "kind"), "region": ("region",)}


def test_each_field_gets_its_column_and_its_title_as_written():
    table = Table(("Kind", " NAMN "), (Row(2, ("kommun", "Vänersborg")),))
    index, title = table.columns(HEADERS)
    assert index == {"name": 1, "kind": 0, "region": None}
    assert title == {"name": " NAMN ", "kind": "Kind", "region": "region"}


def test_a_word_is_read_by_its_code_or_its_label_in_any_case():
    lookup = word_lookup({"lon_stod": "Lön med stöd", "ingen": "Ingen"})
    assert lookup["lön med stöd"] == "lon_stod" and lookup["lon_stod"] == "lon_stod"
    assert lookup["ingen"] == "ingen" and "Lön" not in lookup
