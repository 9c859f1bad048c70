"""Forms of the control pages: plan, risks and their follow-up, auditors, reports, discharge,
minutes and the delegationsordning. Dates of what has happened cannot lie in the future."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from samordna.associations.forms import DateInput, NoIdentityMixin, not_in_future
from samordna.associations.models import Association
from samordna.concurrency import ConcurrentEditMixin
from samordna.control.models import (
    Auditor,
    ControlPlan,
    ControlResult,
    DelegationMatter,
    DelegationUse,
    Discharge,
    Minutes,
    Risk,
)
from samordna.control.services import PDF_LIMIT, pdf_error
from samordna.core.money import format_amount
from samordna.economy.forms import AmountField


class KronorField(AmountField):
    """An amount stored in öre, shown in the form as "50 000 kr" and read back the same way."""

    def prepare_value(self, value: Any) -> Any:
        return format_amount(value) if isinstance(value, int) else value


def _decisions(form: forms.ModelForm, association: Association, name: str) -> None:
    field: Any = form.fields[name]
    field.queryset = association.decisions.all()
    field.empty_label = "(inget beslut i registret)"


class ControlPlanForm(ConcurrentEditMixin, NoIdentityMixin, forms.ModelForm):
    class Meta:
        model = ControlPlan
        fields = ["decision", "decided_on", "paragraph", "note"]
        widgets = {"decided_on": DateInput(), "note": forms.Textarea(attrs={"rows": 3})}
        help_texts = {
            "decision": _(
                "Välj styrelsens beslut om planen ur beslutsregistret, om det finns där."
            ),
            "decided_on": _("Annars: datum och paragraf för styrelsens beslut."),
        }

    def __init__(self, *args: Any, association: Association, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _decisions(self, association, "decision")

    def clean_decided_on(self) -> Any:
        return not_in_future(self.cleaned_data.get("decided_on"))

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("decision") is not None and data.get("decided_on"):
            self.add_error(
                "decided_on",
                _("Ange antingen ett beslut ur registret eller ett datum, inte båda."),
            )
        return data


class RiskForm(ConcurrentEditMixin, NoIdentityMixin, forms.ModelForm):
    class Meta:
        model = Risk
        fields = ["name", "likelihood", "consequence", "control", "responsible", "frequency"]
        widgets = {
            "likelihood": forms.RadioSelect,
            "consequence": forms.RadioSelect,
            "control": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "control": _("Hur risken kontrolleras, till exempel ”Stickprov på fem fakturor”."),
        }


class ResultForm(NoIdentityMixin, forms.ModelForm):
    class Meta:
        model = ControlResult
        fields = ["date", "outcome", "comment"]
        widgets = {
            "date": DateInput(),
            "outcome": forms.RadioSelect,
            "comment": forms.Textarea(attrs={"rows": 3}),
        }

    def clean_date(self) -> Any:
        return not_in_future(self.cleaned_data.get("date"))


class AuditorForm(ConcurrentEditMixin, NoIdentityMixin, forms.ModelForm):
    class Meta:
        model = Auditor
        fields = ["name", "appointed_by", "authorised"]

    def __init__(self, *args: Any, association: Association, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["appointed_by"]
        field.queryset = association.members.all()
        field.empty_label = "Gemensam för flera medlemmar"


class AuditReportForm(NoIdentityMixin, forms.Form):
    title = forms.CharField(
        label=_("Rubrik"),
        max_length=200,
        help_text=_("Till exempel ”Revisionsberättelse 2025” eller ”Granskningsrapport”."),
    )
    file = forms.FileField(label=_("Fil (PDF)"), help_text=_("En PDF-fil, högst 10 MB."))

    def clean_file(self) -> bytes:
        upload = self.cleaned_data["file"]
        data = upload.read(PDF_LIMIT + 1)
        error = pdf_error(data)
        if error:
            raise forms.ValidationError(error)
        return bytes(data)


class DischargeForm(ConcurrentEditMixin, NoIdentityMixin, forms.ModelForm):
    class Meta:
        model = Discharge
        fields = ["member", "outcome", "decided_on", "note"]
        widgets = {"decided_on": DateInput(), "outcome": forms.RadioSelect}

    def __init__(self, *args: Any, association: Association, year: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.association, self.year = association, year
        field: Any = self.fields["member"]
        field.queryset = association.members.all()

    def clean_decided_on(self) -> Any:
        return not_in_future(self.cleaned_data.get("decided_on"))

    def clean_member(self) -> Any:
        member = self.cleaned_data["member"]
        others = Discharge.objects.filter(association=self.association, year=self.year)
        if others.filter(member=member).exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(
                _("%(member)s har redan ett beslut om ansvarsfrihet för %(year)s.")
                % {"member": member.name, "year": self.year}
            )
        return member


class MinutesForm(ConcurrentEditMixin, NoIdentityMixin, forms.ModelForm):
    class Meta:
        model = Minutes
        fields = ["adjusters", "adjusted_on", "note"]
        widgets = {"adjusted_on": DateInput()}

    def clean_adjusted_on(self) -> Any:
        day = not_in_future(self.cleaned_data.get("adjusted_on"))
        if day is not None and day < self.instance.meeting.date:
            raise forms.ValidationError(
                _("Protokollet kan inte justeras före sammanträdet (%(date)s).")
                % {"date": self.instance.meeting.date.isoformat()}
            )
        return day


class DelegationMatterForm(ConcurrentEditMixin, NoIdentityMixin, forms.ModelForm):
    limit = KronorField(
        label=_("Högsta belopp"),
        required=False,
        help_text=_("Till exempel 100 000 kr. Tomt: ingen beloppsgräns."),
    )

    class Meta:
        model = DelegationMatter
        fields = ["text", "limit", "valid_from", "valid_to", "decision"]
        widgets = {"valid_from": DateInput(), "valid_to": DateInput()}

    def __init__(self, *args: Any, association: Association, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _decisions(self, association, "decision")

    def clean_limit(self) -> Any:
        limit = self.cleaned_data.get("limit")
        if limit is not None and limit < 0:
            raise forms.ValidationError(_("Beloppet kan inte vara negativt."))
        return limit

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        start, end = data.get("valid_from"), data.get("valid_to")
        if start and end and end < start:
            self.add_error("valid_to", _("Slutdatumet ligger före startdatumet."))
        return data


class DelegationUseForm(ConcurrentEditMixin, forms.ModelForm):
    amount = KronorField(
        label=_("Belopp"), required=False, help_text=_("Beslutets belopp, till exempel 45 000 kr.")
    )

    class Meta:
        model = DelegationUse
        fields = ["matter", "amount"]

    def __init__(self, *args: Any, association: Association, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["matter"]
        field.queryset = association.delegation_matters.all()
        field.empty_label = "(ingen punkt: beslutet ligger utanför delegationsordningen)"

    def clean_amount(self) -> Any:
        amount = self.cleaned_data.get("amount")
        if amount is not None and amount < 0:
            raise forms.ValidationError(_("Beloppet kan inte vara negativt."))
        return amount
