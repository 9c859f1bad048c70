"""The population import page's form: which file, and for finsam.se's file the year and date."""

from __future__ import annotations

from typing import Any

from django import forms

from samordna.core.calendar import FIRST_YEAR, LAST_YEAR

SCB, SUPPORT = "scb", "forsorjningsmatt"


class PopulationImportForm(forms.Form):
    kind = forms.ChoiceField(
        label="Vilken fil",
        choices=[
            (SCB, "SCB: folkmängd per kommun (Statistikdatabasen, XLSX)"),
            (SUPPORT, "finsam.se: försörjningsmått per samordningsförbund (XLSX)"),
        ],
        widget=forms.RadioSelect,
    )
    file = forms.FileField(label="Filen, som du laddade ned den")
    year = forms.IntegerField(
        label="År som försörjningsmåttet gäller",
        min_value=FIRST_YEAR,
        max_value=LAST_YEAR,
        required=False,
        help_text="Bara för finsam.se:s fil: året för statens fördelning.",
    )
    reference_date = forms.DateField(
        label="Avser datum",
        required=False,
        help_text="Bara för finsam.se:s fil: det datum som siffrorna avser enligt filen "
        "(ÅÅÅÅ-MM-DD).",
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("kind") == SUPPORT:
            if not data.get("year"):
                self.add_error("year", "Ange året som försörjningsmåttet gäller.")
            if not data.get("reference_date"):
                self.add_error("reference_date", "Ange vilket datum siffrorna avser.")
        return data
