"""Several participants at once: one row each in a table form, saved together or not at all.

Each row gets its random code when saved; the staff print the insats's codes with start
dates (`codes` page) for their own records, so nobody keeps codes outside Samordna.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.db import transaction

from samordna.associations.models import Association
from samordna.followup.forms import EpisodeForm
from samordna.followup.models import Episode
from samordna.interventions.models import Intervention

ROWS = 10


class RowForm(EpisodeForm):
    """One participant in the table: what is known at start. The rest is added later."""

    class Meta(EpisodeForm.Meta):
        fields = ["sex", "birth_year", "start", "main_referrer", "income_start", "occupation_start"]

    def __init__(self, *args: Any, association: Association, **kwargs: Any) -> None:
        forms.ModelForm.__init__(self, *args, **kwargs)
        self.association = association  # the förbund's rule dates the consent
        self.fields["main_referrer"].queryset = association.members.all()  # type: ignore[attr-defined]


def row_forms(data: Any, association: Association) -> Any:
    factory = forms.modelformset_factory(Episode, form=RowForm, extra=ROWS, max_num=ROWS)
    return factory(data, queryset=Episode.objects.none(), form_kwargs={"association": association})


def problems(formset: Any) -> list[str]:
    """Every error, named by row and column, for the summary above the table."""
    found: list[str] = []
    for number, form in enumerate(formset.forms, start=1):
        for name, errors in form.errors.items():
            column = form.fields[name].label if name in form.fields else "Raden"
            found.extend(f"Rad {number}, {str(column).lower()}: {error}" for error in errors)
    return found


@transaction.atomic
def save_rows(formset: Any, intervention: Intervention) -> list[Episode]:
    """Save every filled-in row to `intervention`; all rows or none."""
    saved = []
    for form in formset.forms:
        if form.has_changed():
            episode = form.save(commit=False)
            episode.intervention = intervention
            episode.save()
            saved.append(episode)
    return saved
