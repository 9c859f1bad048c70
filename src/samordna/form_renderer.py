"""Django's form renderer, with the lists' options and the inputs' attributes written in place.

Django renders each option of a <select> through two template includes (select_option.html
and attrs.html); the participant form's eight lists have about seventy options, so its widgets
took most of the page's time. `templates/django/forms/widgets/select.html` writes the option
in place and gives the same HTML. Likewise a text, date or number field is three templates in
Django (text.html includes input.html, which includes attrs.html): here the widgets whose own
template only includes input.html get `templates/django/forms/widgets/input.html`, which writes
the attributes in place. Every other widget is Django's own.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import django.forms
from django.forms.renderers import DjangoTemplates
from django.utils.functional import cached_property

OWN = Path(__file__).parent / "templates"
DJANGO = Path(django.forms.__file__).parent / "templates"
INPUT = "django/forms/widgets/input.html"
# Django's widget templates that are nothing but an include of input.html (text, date, number …)
INPUTS = frozenset(
    f"django/forms/widgets/{path.name}"
    for path in (DJANGO / "django/forms/widgets").glob("*.html")
    if path.read_text().strip() == f'{{% include "{INPUT}" %}}'
)


class FormRenderer(DjangoTemplates):
    @cached_property
    def engine(self) -> Any:
        return self.backend(
            {"APP_DIRS": True, "DIRS": [OWN, DJANGO], "NAME": "djangoforms", "OPTIONS": {}}
        )

    def get_template(self, template_name: str) -> Any:
        return super().get_template(INPUT if template_name in INPUTS else template_name)
