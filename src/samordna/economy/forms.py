"""Forms of the economy pages."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from samordna.core.money import MoneyError, parse_amount
from samordna.economy.models import ContributionYear


class AmountField(forms.CharField):
    """A Swedish amount ("7 864 000 kr", "3 750 tkr") read by the one parse function, as öre."""

    def to_python(self, value: object) -> int | None:  # type: ignore[override]
        text = super().to_python(value)
        if not text:
            return None
        try:
            return parse_amount(text)
        except MoneyError as error:
            raise forms.ValidationError(str(error)) from error


class AllocationForm(forms.Form):
    year = forms.IntegerField(label=_("År"), min_value=2004, max_value=2100)
    amount = AmountField(
        label=_("Belopp"), help_text=_("Till exempel 7 156 000 kr eller 3 750 tkr.")
    )
    amount_is = forms.ChoiceField(
        label=_("Beloppet avser"),
        choices=[
            ("total", _("Hela medlemsbidraget (alla parter)")),
            ("state", _("Statens andel (hälften av medlemsbidraget)")),
        ],
        widget=forms.RadioSelect,
        initial="total",
    )
    round_to = forms.TypedChoiceField(
        label=_("Avrunda varje medlems belopp till"),
        choices=[(1, _("hela kronor")), (100, _("hundratal kronor")), (1000, _("tusental kronor"))],
        coerce=int,
        initial=1000,
    )
    state_shown = forms.ChoiceField(
        label=_("Statens andel"),
        choices=ContributionYear.StateShown.choices,
        widget=forms.RadioSelect,
        initial=ContributionYear.StateShown.SPLIT,
    )
    population_year = forms.IntegerField(
        label=_("Invånare per år"),
        required=False,
        help_text=_("Vilket års folkmängd som fördelar kommunernas och regionernas andelar."),
    )
    note = forms.CharField(
        label=_("Kommentar"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
