"""Choice lists read with one plain query.

Django's ModelChoiceField reads its choices with `QuerySet.iterator()`, which on PostgreSQL is a
server-side cursor: DECLARE, FETCH and CLOSE, three round trips for a list of ten members. The
forms of pages opened all day (the participant form) read theirs as one ordinary query instead;
the lists are short, so nothing is gained by streaming them.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.forms.models import ModelChoiceIterator


class ListedChoiceIterator(ModelChoiceIterator):
    def __iter__(self) -> Iterator[Any]:
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for obj in self.queryset:
            yield self.choice(obj)


def listed(field: Any) -> None:
    """Give the model choice `field` (after its queryset is set) choices read in one query."""
    field.iterator = ListedChoiceIterator
    field.widget.choices = field.choices
