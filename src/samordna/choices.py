"""Choice lists read with one plain query.

Django's ModelChoiceField reads its choices with `QuerySet.iterator()`, which on PostgreSQL is a
server-side cursor: DECLARE, FETCH and CLOSE, three round trips for a list of ten members. The
forms of pages opened all day (the participant form) read theirs as one ordinary query instead;
the lists are short, so nothing is gained by streaming them. Two lists of the same rows (the
main and the other referrers) can share one read: `listed(field, rows)` with one query set.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.forms.models import ModelChoiceIterator


class ListedChoiceIterator(ModelChoiceIterator):
    def __iter__(self) -> Iterator[Any]:
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        rows = getattr(self.field, "listed_rows", None)
        for obj in self.queryset if rows is None else rows:
            yield self.choice(obj)


def listed(field: Any, rows: Any = None) -> None:
    """Give the model choice `field` (after its queryset is set) choices read in one query;
    `rows`, a query set another field lists too, is read once for both (its result cache).
    The field still checks what is sent against its own queryset."""
    field.iterator = ListedChoiceIterator
    field.listed_rows = rows
    field.widget.choices = field.choices
