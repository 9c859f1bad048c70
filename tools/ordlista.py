"""The stored codes of docs/ordlista.md, written from the models' choices.

    python tools/ordlista.py           rewrite the tables between the markers (make docs)

tests/docs/test_ordlista.py fails when the page and the models differ, so a new code or a
changed label cannot go undocumented.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from pathlib import Path

PAGE = Path(__file__).resolve().parents[1] / "docs" / "ordlista.md"
START = "<!-- koder: skrivs av make docs (tools/ordlista.py) -->"
END = "<!-- /koder -->"


def _fields() -> Iterable[tuple[str, str, tuple[tuple[str, str], ...]]]:
    from django.apps import apps

    for model in apps.get_models():
        if not model.__module__.startswith("samordna."):
            continue
        for field in model._meta.fields:
            if getattr(field, "choices", None):
                title = str(field.verbose_name)
                codes = tuple((str(c), str(label)) for c, label in field.flatchoices if c != "")
                yield f"{model.__name__}.{field.name}", title, codes


def tables() -> str:
    """One table per distinct list of codes, naming every model field that stores it."""
    groups: dict[tuple[tuple[str, str], ...], list[tuple[str, str]]] = {}
    for where, title, codes in _fields():
        groups.setdefault(codes, []).append((where, title))
    parts = []
    for codes, places in groups.items():
        title = places[0][1][:1].upper() + places[0][1][1:]
        fields = ", ".join(f"`{where}`" for where, _ in places)
        rows = "\n".join(f"| `{code}` | {label} |" for code, label in codes)
        heading = f"### {title} ({places[0][0]})"
        parts.append(f"{heading}\n\nLagras i {fields}.\n\n| kod | betyder |\n|---|---|\n{rows}")
    return "\n\n".join(parts)


def page_with(text: str, generated: str) -> str:
    before, rest = text.split(START, 1)
    _old, after = rest.split(END, 1)
    return f"{before}{START}\n\n{generated}\n\n{END}{after}"


def main() -> int:
    sys.path.insert(0, str(PAGE.parents[1] / "src"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samordna.settings")
    import django

    django.setup()
    text = PAGE.read_text(encoding="utf-8")
    PAGE.write_text(page_with(text, tables()), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
