"""Forms of the follow-up: episodes, step changes, targets, support costs, indicators, answers.

Every text a user types is searched for personnummer and samordningsnummer before it is
accepted (`NoIdentityMixin`); the message says why it was refused.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from samordna.associations.forms import DateInput, NoIdentityMixin
from samordna.associations.models import Association
from samordna.choices import listed
from samordna.concurrency import ConcurrentEditMixin
from samordna.core.followup import SEX_CHOICES
from samordna.economy.forms import AmountField
from samordna.followup.models import (
    Episode,
    FollowupTarget,
    Indicator,
    IndicatorTarget,
    ParticipantRule,
    StepChange,
    SupportCost,
    SurveyLink,
)
from samordna.followup.retention import consent_end

YEAR = {"min_value": 2004, "max_value": 2100}


class EpisodeForm(ConcurrentEditMixin, NoIdentityMixin, forms.ModelForm):
    class Meta:
        model = Episode
        fields = [
            "intervention",
            "sex",
            "birth_year",
            "start",
            "end",
            "main_referrer",
            "co_referrers",
            "income_start",
            "occupation_start",
            "quality_start",
            "income_end",
            "occupation_end",
            "end_reason",
            "quality_end",
            "consent_given",
            "consent_revoked",
        ]
        widgets = {
            "start": DateInput(),
            "end": DateInput(),
            "consent_given": DateInput(),
            "consent_revoked": DateInput(),
            "co_referrers": forms.CheckboxSelectMultiple(),
        }
        help_texts = {
            "birth_year": _("Bara året; sidorna visar en åldersgrupp."),
            "consent_given": _(
                "Samtycket gäller så länge som förbundets regel säger (sidan Dataskydd)."
            ),
        }

    def __init__(self, *args: Any, association: Association, interventions: Any, **kw: Any):
        super().__init__(*args, **kw)
        self.association = association
        self.fields["intervention"].queryset = interventions.filter(kind="individual")  # type: ignore[attr-defined]
        members = association.members.all()  # listed by both referrer fields, read once
        for name in ("main_referrer", "co_referrers"):
            self.fields[name].queryset = members  # type: ignore[attr-defined]
            listed(self.fields[name], members)
        listed(self.fields["intervention"])
        for name in ("quality_start", "quality_end"):
            self.fields[name].widget.attrs.update({"min": 0, "max": 10})

    GROUPS = (
        ("Deltagaren", ("intervention", "sex", "birth_year", "start", "end")),
        ("Remittenter", ("main_referrer", "co_referrers")),
        ("Vid start", ("income_start", "occupation_start", "quality_start")),
        ("Vid avslut", ("income_end", "occupation_end", "end_reason", "quality_end")),
        ("Samtycke till sekretesslättnad", ("consent_given", "consent_revoked")),
    )

    def groups(self) -> list[tuple[str, list[Any]]]:
        """The fields in the groups the page shows them in, each under its own legend."""
        return [(legend, [self[name] for name in names]) for legend, names in self.GROUPS]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and end < start:
            self.add_error("end", "Slutet ligger före starten.")
        if cleaned.get("end_reason") and not end:
            self.add_error("end", "Skriv slutdatum när deltagaren har avslutats.")
        born = cleaned.get("birth_year")
        if born and start and not 14 <= start.year - born < 70:
            self.add_error("birth_year", f"Födelseåret {born} ger en orimlig ålder vid start.")
        for name in ("quality_start", "quality_end"):
            value = cleaned.get(name)
            if value is not None and not 0 <= value <= 10:
                self.add_error(name, "Livskvalitet är ett heltal 0–10.")
        return cleaned

    def save(self, commit: bool = True) -> Episode:
        episode: Episode = self.instance  # the cleaned values are on it already
        episode.consent_expires = consent_end(self.association, episode.consent_given)
        return super().save(commit)


class StepForm(NoIdentityMixin, forms.ModelForm):
    class Meta:
        model = StepChange
        fields = ["date", "note"]
        widgets = {"date": DateInput()}
        help_texts = {"note": _("Kort, utan namn eller hälsouppgifter: ”började praktik”.")}


class FollowupTargetForm(forms.ModelForm):
    class Meta:
        model = FollowupTarget
        fields = ["year", "measure", "part", "of"]
        help_texts = {"part": _("Målet ”minst 4 av 10” skrivs 4 och 10.")}

    def clean(self) -> dict[str, Any]:
        cleaned: dict[str, Any] = super().clean() or {}
        part, of = cleaned.get("part"), cleaned.get("of")
        if part is not None and of and part > of:
            self.add_error("part", "Delen kan inte vara större än helheten.")
        if of == 0:
            self.add_error("of", "Skriv ett tal större än noll.")
        return cleaned


class SupportCostForm(NoIdentityMixin, forms.ModelForm):
    amount = AmountField(label=_("Kostnad per månad"), help_text=_("Till exempel 9 500 kr."))

    class Meta:
        model = SupportCost
        fields = ["valid_from", "income", "actor", "amount", "source"]
        widgets = {"valid_from": DateInput()}


class IndicatorForm(ConcurrentEditMixin, NoIdentityMixin, forms.ModelForm):
    class Meta:
        model = Indicator
        fields = ["text", "group", "scale_max", "top_steps", "by_sex"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}
        help_texts = {"text": _("Skriv den officiella lydelsen från NNS indikatorhandbok.")}

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        scale, top = cleaned.get("scale_max"), cleaned.get("top_steps")
        if scale is not None and not 2 <= scale <= 10:
            self.add_error("scale_max", "Skalan ska ha 2–10 steg.")
        if scale and top is not None and not 1 <= top < scale:
            self.add_error("top_steps", f"Välj 1–{scale - 1} steg.")
        return cleaned


class IndicatorTargetForm(forms.ModelForm):
    class Meta:
        model = IndicatorTarget
        fields = ["indicator", "year", "percent"]
        labels = {"indicator": _("Indikator")}

    def __init__(self, *args: Any, association: Association, **kw: Any) -> None:
        super().__init__(*args, **kw)
        self.fields["indicator"].queryset = association.indicators.all()  # type: ignore[attr-defined]

    def clean_percent(self) -> int:
        percent: int = self.cleaned_data["percent"]
        if percent > 100:
            raise forms.ValidationError("Ett mål i procent är högst 100.")
        return percent


class AnswersForm(forms.Form):
    """Answers typed in from paper: how many gave each step."""

    indicator = forms.ModelChoiceField(queryset=Indicator.objects.none(), label=_("Indikator"))
    year = forms.IntegerField(label=_("År"), **YEAR)  # type: ignore[arg-type]
    intervention = forms.ModelChoiceField(
        queryset=Indicator.objects.none(), label=_("Insats"), required=False
    )
    score = forms.IntegerField(label=_("Svar (steg på skalan)"), min_value=1, max_value=10)
    sex = forms.ChoiceField(
        label=_("Kön"), required=False, choices=[("", "Anges inte"), *SEX_CHOICES.items()]
    )
    count = forms.IntegerField(
        label=_("Antal svar med detta steg"), min_value=1, max_value=1000, initial=1
    )

    def __init__(self, *args: Any, association: Association, **kw: Any) -> None:
        super().__init__(*args, **kw)
        self.fields["indicator"].queryset = association.indicators.all()  # type: ignore[attr-defined]
        self.fields["intervention"].queryset = association.interventions.all()  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        cleaned: dict[str, Any] = super().clean() or {}
        indicator, score = cleaned.get("indicator"), cleaned.get("score")
        if indicator and score and score > indicator.scale_max:
            self.add_error("score", f"Skalan för {indicator} går 1–{indicator.scale_max}.")
        return cleaned


class SurveyLinkForm(forms.ModelForm):
    class Meta:
        model = SurveyLink
        fields = ["intervention", "group", "year"]
        help_texts = {"intervention": _("Lämna tomt för förbundet som helhet (t.ex. styrelsen).")}

    def __init__(self, *args: Any, association: Association, **kw: Any) -> None:
        super().__init__(*args, **kw)
        self.fields["intervention"].queryset = association.interventions.all()  # type: ignore[attr-defined]


class FileForm(forms.Form):
    file = forms.FileField(label=_("Fil (CSV eller XLSX)"))


def survey_form(indicators: list[Indicator], ask_sex: bool, data: Any = None) -> forms.Form:
    """The anonymous form: one question per indicator, a step on its scale; sex when asked."""
    form = forms.Form(data)
    for indicator in indicators:
        steps = [(str(n), str(n)) for n in range(1, indicator.scale_max + 1)]
        form.fields[f"i{indicator.number}"] = forms.ChoiceField(
            label=indicator.text or f"Indikator {indicator.number}",
            choices=steps,
            widget=forms.RadioSelect,
            required=False,
            help_text=f"1 = instämmer inte alls, {indicator.scale_max} = instämmer helt.",
        )
    if ask_sex:
        form.fields["sex"] = forms.ChoiceField(
            label="Kön (frivilligt)",
            choices=[("", "Vill inte ange"), *SEX_CHOICES.items()],
            required=False,
            widget=forms.RadioSelect,
        )
    return form


class ParticipantRuleForm(NoIdentityMixin, forms.ModelForm):
    class Meta:
        model = ParticipantRule
        fields = ["valid_from", "consent_months", "retention_months", "decision"]
        widgets = {"valid_from": DateInput()}
        help_texts = {
            "consent_months": _("Hur länge ett samtycke gäller; 24 är två år."),
            "decision": _("Styrelsens beslut, till exempel ”2025-11-27 §8”."),
        }

    def __init__(self, *args: Any, association: Association, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instance.association = association
        self.fields["consent_months"].widget.attrs.update({"min": 1, "max": 120})

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        day = cleaned.get("valid_from")
        rules = self.instance.association.participant_rules
        if day and rules.filter(valid_from=day).exists():
            self.add_error("valid_from", f"Det finns redan en regel från {day.isoformat()}.")
        months = cleaned.get("consent_months")
        if months is not None and not 1 <= months <= 120:
            self.add_error("consent_months", "Ange 1–120 månader.")
        return cleaned
