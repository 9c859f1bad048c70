"""Forms of the budget pages."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from samordna.associations.forms import DateInput, NoIdentityMixin, not_in_future
from samordna.core.budget import SECTION_CHOICES
from samordna.core.budget_file import UNITS, names_members_money
from samordna.core.contribution_check import MARKED


class BudgetForm(NoIdentityMixin, forms.Form):
    name = forms.CharField(label=_("Namn"), max_length=200)
    first_year = forms.IntegerField(label=_("Budgetår"), min_value=2004, max_value=2100)
    plan_years = forms.IntegerField(
        label=_("Antal planår"),
        min_value=0,
        max_value=9,
        initial=2,
        help_text=_("Planerna visar oftast budgetåret och två planår."),
    )
    unit = forms.ChoiceField(
        label=_("Belopp skrivs och visas i"), choices=[("kr", "kr"), ("tkr", "tkr")], initial="kr"
    )
    first_month = forms.IntegerField(
        label=_("Första månaden budgetåret"),
        min_value=1,
        max_value=12,
        initial=1,
        help_text=_("1 för helt år; till exempel 9 när förbundet bildas i september."),
    )


class ImportForm(NoIdentityMixin, forms.Form):
    file = forms.FileField(
        label=_("Budgetfil (CSV eller XLSX)"),
        help_text=_("Kolumnerna avsnitt, rad och ett år per kolumn; se Filformat för budget."),
    )
    name = forms.CharField(label=_("Namn"), max_length=200, required=False)
    is_forecast = forms.BooleanField(
        label=_("Filen är en prognos för ett pågående år (inte en budget)"), required=False
    )
    unit = forms.ChoiceField(
        label=_("Enhet"),
        choices=[("", _("enligt årsrubrikerna (annars kr)")), *((u, u) for u in UNITS)],
        required=False,
    )


class LineForm(NoIdentityMixin, forms.Form):
    section = forms.ChoiceField(label=_("Avsnitt"), choices=SECTION_CHOICES)
    label = forms.CharField(label=_("Ny rad"), max_length=300)
    is_contribution = forms.BooleanField(
        label=MARKED,
        required=False,
        help_text=_(
            "För en intäktsrad med medlemmarnas bidrag: taket för eget kapital räknas på den. "
            "En rad vars text nämner medlemmarna eller parterna markeras ändå."
        ),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("is_contribution") and data.get("section") != "income":
            self.add_error("is_contribution", NOT_INCOME)
        return data

    def marked(self) -> bool:
        """Ticked, or an income line whose text names the members' money (the file's rule)."""
        data = self.cleaned_data
        named = data["section"] == "income" and names_members_money(data["label"])
        return bool(data.get("is_contribution")) or named


NOT_INCOME = _("Bara en intäktsrad kan räknas som medlemsbidrag.")


class DecisionForm(NoIdentityMixin, forms.Form):
    date = forms.DateField(label=_("Beslutsdatum"), widget=DateInput())

    def clean_date(self) -> Any:
        return not_in_future(self.cleaned_data.get("date"))

    paragraph = forms.CharField(
        label=_("Paragraf"),
        max_length=20,
        required=False,
        help_text=_("Till exempel §34. Tomt när paragrafen inte är känd."),
    )
    decided_by = forms.CharField(label=_("Beslutat av"), max_length=200, initial=_("Styrelsen"))
    text = forms.CharField(
        label=_("Beslutstext"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class ScenarioForm(NoIdentityMixin, forms.Form):
    note = forms.CharField(
        label=_("Antagande"),
        max_length=500,
        initial=_("Statens bidrag minskar med 10 %"),
    )
    percent = forms.DecimalField(
        label=_("Förändring av statens medlemsbidrag (%)"),
        max_digits=5,
        decimal_places=1,
        initial=-10,
        help_text=_("Negativt för en minskning, till exempel −10."),
    )
    from_year = forms.IntegerField(label=_("Från och med år"))
    include_others = forms.BooleanField(
        label=_("Regionen och kommunerna följer staten (de matchar statens andel)"),
        required=False,
        initial=True,
    )


POOL = "pott"


class LinkForm(forms.Form):
    """One choice per insats line of a version: an insats, a pool, or neither."""

    def __init__(self, lines: list[Any], insatser: list[Any], *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lines = lines
        for line in lines:
            own = [(str(i.pk), i.name) for i in insatser if i.kind == line.section]
            self.fields[f"line-{line.pk}"] = forms.ChoiceField(
                label=line.label,
                choices=[("", _("Ingen insats")), (POOL, _("Pott för nya insatser")), *own],
                required=False,
                initial=link_value(line) or _same_name(line, insatser),
            )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        seen: dict[str, str] = {}
        for line in self.lines:
            chosen = data.get(f"line-{line.pk}", "")
            if chosen and chosen != POOL and chosen in seen:
                message = f"Insatsen är redan vald på raden ”{seen[chosen]}”: välj den en gång."
                self.add_error(f"line-{line.pk}", message)
            seen.setdefault(chosen, line.label)
        return data

    def links(self) -> dict[int, str]:
        return {line.pk: self.cleaned_data.get(f"line-{line.pk}", "") for line in self.lines}


def _same_name(line: Any, insatser: list[Any]) -> str:
    """A suggestion the chef confirms by saving: the insats whose name the line carries."""
    wanted = line.label.strip().casefold()
    found = [i for i in insatser if i.kind == line.section and i.name.casefold() == wanted]
    return str(found[0].pk) if len(found) == 1 else ""


def link_value(line: Any) -> str:
    if line.is_pool:
        return POOL
    return str(line.intervention_id) if line.intervention_id else ""
