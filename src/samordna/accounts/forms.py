"""Forms of the account pages. Labels and messages are Swedish."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.text import slugify

from samordna.accounts.services import STAFF_ROLE
from samordna.associations.models import Association, Membership
from samordna.core.orgnr import OrgNumberError, normalize_org_number
from samordna.interventions.models import Intervention


class RoleForm(forms.Form):
    role = forms.ChoiceField(label="Roll", choices=Membership.Role.choices)
    interventions: forms.ModelMultipleChoiceField = forms.ModelMultipleChoiceField(
        label="Insatser (för insatspersonal)",
        queryset=Intervention.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, association: Association, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["interventions"]
        assert isinstance(field, forms.ModelMultipleChoiceField)
        field.queryset = association.interventions.order_by("name")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("interventions") and data.get("role") != STAFF_ROLE:
            self.add_error("interventions", "Insatser ges bara till rollen insatspersonal.")
        return data


class InvitationForm(RoleForm):
    email = forms.EmailField(label="E-postadress")
    field_order = ["email", "role", "interventions"]


class CodeForm(forms.Form):
    code = forms.CharField(
        label="Kod",
        max_length=16,
        help_text="Sex siffror från appen, eller en av dina reservkoder.",
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code"}),
    )


class FirstCodeForm(CodeForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["code"].help_text = "Sex siffror från appen."


class NewAssociationForm(forms.Form):
    name = forms.CharField(label="Förbundets namn", max_length=200)
    org_number = forms.CharField(label="Organisationsnummer", max_length=11)
    slug = forms.SlugField(
        label="Kortnamn i adresser",
        required=False,
        help_text="Skapas ur namnet om du lämnar det tomt.",
    )
    chef_email = forms.EmailField(label="Förbundschefens e-postadress")

    def clean_org_number(self) -> str:
        try:
            return normalize_org_number(self.cleaned_data["org_number"])
        except OrgNumberError as error:
            raise forms.ValidationError(str(error)) from error

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        slug = data.get("slug") or slugify(data.get("name", ""))
        if Association.objects.filter(slug=slug).exists():
            self.add_error("slug", f"Det finns redan ett förbund med kortnamnet ”{slug}”.")
        data["slug"] = slug
        return data


class ChefInvitationForm(forms.Form):
    email = forms.EmailField(label="Förbundschefens e-postadress")
