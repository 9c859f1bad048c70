"""Forms of the förbund pages. Labels come from the models (Swedish)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samordna.associations.models import (
    Association,
    BoardSeat,
    Member,
    Officer,
    Population,
)
from samordna.concurrency import ConcurrentEditMixin
from samordna.core.calendar import future_error
from samordna.core.money import MoneyError, parse_count
from samordna.core.orgnr import OrgNumberError, normalize_org_number
from samordna.core.personnummer import identity_error


class NoIdentityMixin:
    """Refuse any text field holding a personnummer or samordningsnummer."""

    def clean(self) -> dict[str, Any]:
        cleaned: dict[str, Any] = super().clean()  # type: ignore[misc]
        for name, value in list(cleaned.items()):
            message = identity_error(value) if isinstance(value, str) else None
            if message:
                self.add_error(name, message)  # type: ignore[attr-defined]
        return cleaned


class CountField(forms.IntegerField):
    """A count as the app prints it ("41 230"), read through `parse_count` in core.money."""

    widget = forms.TextInput(attrs={"inputmode": "numeric"})

    def to_python(self, value: object) -> int | None:
        text = str(value).strip() if value is not None else ""
        if text in self.empty_values:
            return None
        try:
            return parse_count(text)
        except MoneyError as error:
            raise forms.ValidationError(str(error)) from error

    def widget_attrs(self, widget: forms.Widget) -> dict[str, str]:
        return {}  # no min/max/step: a text field with numeric keyboard on phones


def not_in_future(day: Any) -> Any:
    """`day` unless it lies after today: what has happened cannot be dated tomorrow."""
    error = future_error(day, timezone.localdate())
    if error:
        raise forms.ValidationError(error)
    return day


class DateInput(forms.DateInput):
    """A date as the app prints it, ÅÅÅÅ-MM-DD, in a text field. Chromium's own date field
    shows the browser's format (MM/DD/YYYY in an English browser, even on a Swedish page), which
    contradicts the hint; typed text reads the same everywhere. ÅÅÅÅMMDD is read too
    (samordna.formats)."""

    input_type = "text"
    ATTRS = {"inputmode": "numeric", "autocomplete": "off", "maxlength": "10", "size": "10"}

    def __init__(self, attrs: dict[str, str] | None = None) -> None:
        super().__init__(attrs=self.ATTRS | (attrs or {}), format="%Y-%m-%d")


class AssociationForm(ConcurrentEditMixin, forms.ModelForm):
    website = forms.URLField(label=_("Webbplats"), required=False, assume_scheme="https")

    class Meta:
        model = Association
        fields = ["name", "org_number", "formed_on", "address", "website"]
        widgets = {"formed_on": DateInput(), "address": forms.Textarea(attrs={"rows": 3})}
        help_texts = {
            "org_number": _(
                "Tio siffror, NNNNNN-NNNN. Kontrollsiffran prövas. Lämna tomt om förbundet inte "
                "har fått sitt nummer än."
            )
        }

    def clean_org_number(self) -> str:
        if not self.cleaned_data["org_number"].strip():
            return ""  # a new förbund may not have its number yet
        try:
            org_number = normalize_org_number(self.cleaned_data["org_number"])
        except OrgNumberError as error:
            raise forms.ValidationError(str(error)) from error
        taken = Association.objects.filter(org_number=org_number).exclude(pk=self.instance.pk)
        if taken.exists():
            raise forms.ValidationError(
                f"Organisationsnumret {org_number} har redan förbundet {taken.first()}."
            )
        return org_number


class MemberForm(ConcurrentEditMixin, forms.ModelForm):
    class Meta:
        model = Member
        fields = ["name", "kind", "region", "agreed_share", "position"]

    def __init__(self, *args: object, association: Association, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.instance.association = association
        self.fields["region"].queryset = association.members.filter(kind=Member.Kind.REGION)  # type: ignore[attr-defined]
        self.fields["region"].help_text = _("Kommuner: den region kommunen hör till.")

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        if data.get("kind") != Member.Kind.MUNICIPALITY:
            data["region"] = None
        share = data.get("agreed_share")
        if share is not None and not 0 < share <= 100:
            self.add_error("agreed_share", _("Andelen ska vara större än 0 och högst 100 %."))
        return data


class PopulationForm(forms.ModelForm):
    count = CountField(label=_("Invånare"), min_value=0)

    class Meta:
        model = Population
        fields = ["year", "count", "reference_date", "source"]
        widgets = {"reference_date": DateInput()}
        help_texts = {"source": _("Till exempel: SCB, folkmängd 31 december 2019.")}

    def clean_reference_date(self) -> Any:
        return not_in_future(self.cleaned_data.get("reference_date"))


class BoardSeatForm(ConcurrentEditMixin, forms.ModelForm):
    class Meta:
        model = BoardSeat
        fields = ["member", "seat", "person_name", "role", "party", "term_start", "term_end"]
        widgets = {"term_start": DateInput(), "term_end": DateInput()}

    def __init__(self, *args: object, association: Association, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.instance.association = association
        self.fields["member"].queryset = association.members.all()  # type: ignore[attr-defined]


class OfficerForm(ConcurrentEditMixin, forms.ModelForm):
    class Meta:
        model = Officer
        fields = ["group", "title", "person_name", "member"]

    def __init__(self, *args: object, association: Association, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.instance.association = association
        self.fields["member"].queryset = association.members.all()  # type: ignore[attr-defined]
