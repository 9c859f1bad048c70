"""docs/ordlista.md holds every stored code with its label, as the models define them."""

from __future__ import annotations

from tests.conftest import load_tool

ordlista = load_tool("ordlista")


def test_the_glossary_lists_the_codes_of_the_models_run_make_docs_when_it_fails():
    text = ordlista.PAGE.read_text(encoding="utf-8")
    assert ordlista.page_with(text, ordlista.tables()) == text


def test_the_glossary_names_the_codes_a_forbund_meets_first():
    tables = ordlista.tables()
    for row in [
        "| `chef` | Förbundschef/ekonom |",
        "| `ansokan` | Ansökan |",
        "| `municipality` | Kommun |",
        "| `administration` | Administration (kansli) |",
        "| `forsorjningsstod` | Ekonomiskt bistånd |",
    ]:
        assert row in tables


def test_a_blank_choice_is_not_a_code():
    assert "| `` |" not in ordlista.tables()
