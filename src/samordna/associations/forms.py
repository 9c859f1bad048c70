"""Forms of the förbund pages. Labels come from the models (Swedish)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from samordna.associations.models import (
    Association,
    BoardSeat,
    Member,
    Officer,
    Population,
)
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


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs: object) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)  # type: ignore[arg-type]


class AssociationForm(forms.ModelForm):
    website = forms.URLField(label=_("Webbplats"), required=False, assume_scheme="https")

    class Meta:
        model = Association
        fields = ["name", "org_number", "formed_on", "address", "website"]
        widgets = {"formed_on": DateInput(), "address": forms.Textarea(attrs={"rows": 3})}
        help_texts = {"org_number": _("Tio siffror, NNNNNN-NNNN. Kontrollsiffran prövas.")}

    def clean_org_number(self) -> str:
        try:
            return normalize_org_number(self.cleaned_data["org_number"])
        except OrgNumberError as error:
            raise forms.ValidationError(str(error)) from error


class MemberForm(forms.ModelForm):
    class Meta:
        model = Member
        fields = ["name", "kind", "region", "agreed_share", "position"]

    def __init__(self, *args: object, association: Association, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
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
    class Meta:
        model = Population
        fields = ["year", "count", "reference_date", "source"]
        widgets = {"reference_date": DateInput()}
        help_texts = {"source": _("Till exempel: SCB, folkmängd 31 december 2019.")}


class BoardSeatForm(forms.ModelForm):
    class Meta:
        model = BoardSeat
        fields = ["member", "seat", "person_name", "role", "party", "term_start", "term_end"]
        widgets = {"term_start": DateInput(), "term_end": DateInput()}

    def __init__(self, *args: object, association: Association, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.instance.association = association
        self.fields["member"].queryset = association.members.all()  # type: ignore[attr-defined]


class OfficerForm(forms.ModelForm):
    class Meta:
        model = Officer
        fields = ["group", "title", "person_name", "member"]

    def __init__(self, *args: object, association: Association, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.instance.association = association
        self.fields["member"].queryset = association.members.all()  # type: ignore[attr-defined]
