from __future__ import annotations

from typing import Any

from django import forms

from samordna.associations.forms import DateInput
from samordna.audit.history import ACTION_NAMES, Filters


class HistoryFilterForm(forms.Form):
    actor = forms.TypedChoiceField(label="Vem", required=False, coerce=int, empty_value=None)
    kind = forms.ChoiceField(label="Slag av uppgift", required=False)
    action = forms.ChoiceField(
        label="Händelse", required=False, choices=[("", "Alla"), *ACTION_NAMES.items()]
    )
    since = forms.DateField(label="Från och med", required=False, widget=DateInput())
    until = forms.DateField(label="Till och med", required=False, widget=DateInput())

    def __init__(
        self, *args: Any, actors: list[tuple[int, str]], kinds: list[tuple[str, str]], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["actor"].choices = [("", "Alla"), *actors]  # type: ignore[attr-defined]
        self.fields["kind"].choices = [("", "Alla"), *kinds]  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("since") and data.get("until") and data["since"] > data["until"]:
            raise forms.ValidationError("Från-datumet måste vara före till-datumet.")
        return data

    def filters(self) -> Filters:
        data = self.cleaned_data
        return Filters(data["actor"], data["kind"], data["action"], data["since"], data["until"])
