"""Django's form renderer, with the lists' options written in the list's own template.

Django renders each option of a <select> through two template includes (select_option.html
and attrs.html); the participant form's eight lists have about seventy options, so its widgets
took most of the page's time. `templates/django/forms/widgets/select.html` writes the option
in place and gives the same HTML; every other widget is Django's own.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import django.forms
from django.forms.renderers import DjangoTemplates
from django.utils.functional import cached_property

OWN = Path(__file__).parent / "templates"
DJANGO = Path(django.forms.__file__).parent / "templates"


class FormRenderer(DjangoTemplates):
    @cached_property
    def engine(self) -> Any:
        return self.backend(
            {"APP_DIRS": True, "DIRS": [OWN, DJANGO], "NAME": "djangoforms", "OPTIONS": {}}
        )
