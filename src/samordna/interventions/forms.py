"""Forms of the insats register, applications, meetings and decisions."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from samordna.associations.forms import CountField, DateInput, NoIdentityMixin, not_in_future
from samordna.associations.models import Association
from samordna.concurrency import ConcurrentEditMixin
from samordna.core.calendar import FIRST_YEAR, LAST_YEAR, MONTH_NAMES
from samordna.core.meeting_schedule import schedule_error
from samordna.economy.forms import AmountField
from samordna.interventions import services
from samordna.interventions.models import (
    AnnualReport,
    Application,
    Decision,
    Intervention,
    InterventionGoal,
    Meeting,
    MeetingPlan,
    StructuralActivity,
)


class MembersMixin:
    def limit_members(self, association: Association, field: str) -> None:
        members = self.fields[field]  # type: ignore[attr-defined]
        members.queryset = association.members.all()
        members.widget = forms.CheckboxSelectMultiple()
        members.widget.choices = members.choices

    def check_parties(self, members: Any, status: str = "ansokan") -> None:
        error = services.parties_error(members or [], status)
        if error:
            raise forms.ValidationError(error)


class InterventionForm(ConcurrentEditMixin, NoIdentityMixin, MembersMixin, forms.ModelForm):
    class Meta:
        model = Intervention
        fields = [
            "name",
            "kind",
            "members",
            "target_group",
            "start",
            "end",
            "planned_participants",
            "esf",
            "cofinancing",
            "contact",
        ]
        widgets = {
            "start": DateInput(),
            "end": DateInput(),
            "target_group": forms.Textarea(attrs={"rows": 2}),
        }
        field_classes = {"planned_participants": CountField}

    def __init__(self, *args: Any, association: Association, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.limit_members(association, "members")

    def clean_members(self) -> Any:
        members = self.cleaned_data["members"]
        self.check_parties(members, self.instance.status)
        return members

    def clean_end(self) -> Any:
        end = self.cleaned_data.get("end")
        if self.instance.pk:
            error = services.end_error(self.instance, end)
            if error:
                raise forms.ValidationError(error)
        return end


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Ny status"))
    date = forms.DateField(label=_("Datum"), widget=DateInput())
    decision = forms.ModelChoiceField(
        label=_("Beslut"),
        queryset=Decision.objects.none(),
        required=False,
        help_text=_("Krävs för att bevilja. Registrera beslutet under Möten och beslut."),
    )

    def __init__(self, *args: Any, intervention: Intervention, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from samordna.core.intervention_status import MOVES, STATUSES

        self.fields["status"].choices = [  # type: ignore[attr-defined]
            (s, STATUSES[s]) for s in sorted(MOVES[intervention.status])
        ]
        self.fields["decision"].queryset = intervention.association.decisions.all()  # type: ignore[attr-defined]

    def clean_date(self) -> Any:
        return not_in_future(self.cleaned_data.get("date"))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        decision, day = data.get("decision"), data.get("date")
        if decision and day and day < decision.date:
            self.add_error(
                "date",
                _("Statusen kan inte ändras före beslutet (%(decision)s, %(day)s).")
                % {"decision": decision.citation, "day": decision.date.isoformat()},
            )
        return data


class GoalForm(ConcurrentEditMixin, NoIdentityMixin, forms.ModelForm):
    class Meta:
        model = InterventionGoal
        fields = ["text", "indicator", "target"]


class BudgetYearForm(forms.Form):
    year = forms.IntegerField(label=_("År"), min_value=2004, max_value=2100)
    amount = AmountField(label=_("Belopp"))


class ActivityForm(ConcurrentEditMixin, NoIdentityMixin, forms.ModelForm):
    class Meta:
        model = StructuralActivity
        fields = ["year", "member", "activity", "participants"]
        field_classes = {"participants": CountField}

    def __init__(self, *args: Any, association: Association, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["member"].queryset = association.members.all()  # type: ignore[attr-defined]


class ApplicationForm(ConcurrentEditMixin, NoIdentityMixin, MembersMixin, forms.ModelForm):
    requested = AmountField(label=_("Sökt belopp totalt"))
    budget = forms.CharField(
        label=_("Budget per år"),
        help_text=_("Ett år per rad: ”2026: 400 000”."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    class Meta:
        model = Application
        fields = [
            "title",
            "kind",
            "applicants",
            "description",
            "target_group",
            "goals",
            "start",
            "end",
            "requested",
        ]
        widgets = {
            "start": DateInput(),
            "end": DateInput(),
            "description": forms.Textarea(attrs={"rows": 4}),
            "target_group": forms.Textarea(attrs={"rows": 2}),
            "goals": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args: Any, association: Association, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.limit_members(association, "applicants")

    def clean_applicants(self) -> Any:
        applicants = self.cleaned_data["applicants"]
        self.check_parties(applicants)
        return applicants

    def clean_budget(self) -> dict[int, int]:
        return read_years(self.cleaned_data["budget"])

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        error = sum_error(data.get("requested"), data.get("budget"))
        if error:
            self.add_error("budget", error)
        return data


def sum_error(total: int | None, years: dict[int, int] | None) -> str | None:
    """Swedish message when an amount differs from the sum of its years, else None."""
    from samordna.core.money import format_amount

    if total is None or not years or total == sum(years.values()):
        return None
    summed = sum(years.values())
    return (
        f"Åren summerar till {format_amount(summed)}, men sökt belopp totalt är "
        f"{format_amount(total)}: skillnaden är {format_amount(abs(summed - total))}. "
        "Ändra beloppet eller åren så att de stämmer."
    )


def read_years(text: str) -> dict[int, int]:
    """ "2026: 400 000" per line -> {2026: 40_000_000} (öre); a Swedish error names the line."""
    from samordna.core.money import MoneyError, parse_amount

    amounts = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            continue
        year, _, amount = raw.partition(":")
        try:
            amounts[int(year.strip())] = parse_amount(amount)
        except (ValueError, MoneyError) as error:
            raise forms.ValidationError(
                f"Rad {number}: skriv år och belopp som ”2026: 400 000” ({error})."
            ) from None
    if not amounts:
        raise forms.ValidationError("Ange minst ett år med belopp.")
    return amounts


class PrepareForm(ConcurrentEditMixin, NoIdentityMixin, forms.ModelForm):
    class Meta:
        model = Application
        fields = ["preparation", "recommendation"]
        widgets = {"preparation": forms.Textarea(attrs={"rows": 4})}


class DecideForm(NoIdentityMixin, forms.Form):
    outcome = forms.ChoiceField(
        label=_("Beslut"),
        choices=[
            ("beviljad", _("Beviljas")),
            ("delvis", _("Beviljas delvis")),
            ("avslagen", _("Avslås")),
        ],
        widget=forms.RadioSelect,
    )
    date = forms.DateField(label=_("Beslutsdatum"), widget=DateInput())
    paragraph = forms.CharField(
        label=_("Paragraf"),
        max_length=20,
        required=False,
        help_text=_("Tomt när paragrafen inte är känd."),
    )
    start = forms.DateField(label=_("Beviljad från"), widget=DateInput(), required=False)
    end = forms.DateField(label=_("Beviljad till"), widget=DateInput(), required=False)
    budget = forms.CharField(
        label=_("Beviljat belopp per år"),
        required=False,
        help_text=_("Ett år per rad: ”2026: 400 000”. Tomt: som ansökan."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    text = forms.CharField(
        label=_("Beslutstext"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def clean_budget(self) -> dict[int, int] | None:
        text = self.cleaned_data["budget"]
        return read_years(text) if text.strip() else None

    def clean_date(self) -> Any:
        return not_in_future(self.cleaned_data.get("date"))


class MeetingForm(NoIdentityMixin, forms.ModelForm):
    class Meta:
        model = Meeting
        fields = ["body", "date", "note"]
        widgets = {"date": DateInput(), "note": forms.Textarea(attrs={"rows": 2})}


class DecisionForm(ConcurrentEditMixin, NoIdentityMixin, forms.ModelForm):
    class Meta:
        model = Decision
        fields = [
            "meeting",
            "date",
            "paragraph",
            "kind",
            "text",
            "intervention",
            "by_delegation",
            "reported_at",
        ]
        widgets = {"date": DateInput(), "text": forms.Textarea(attrs={"rows": 3})}
        labels = {
            "meeting": _("Sammanträde"),
            "intervention": _("Insats"),
            "reported_at": _("Anmält vid sammanträde"),
        }

    def clean_date(self) -> Any:
        return not_in_future(self.cleaned_data.get("date"))

    def __init__(self, *args: Any, association: Association, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["meeting"].queryset = association.meetings.all()  # type: ignore[attr-defined]
        self.fields["reported_at"].queryset = association.meetings.all()  # type: ignore[attr-defined]
        self.fields["intervention"].queryset = association.interventions.all()  # type: ignore[attr-defined]


class AnnualReportForm(ConcurrentEditMixin, NoIdentityMixin, forms.ModelForm):
    class Meta:
        model = AnnualReport
        fields = ["how_it_went", "obstacles", "success_factors", "goal_fulfilment"]
        widgets = {name: forms.Textarea(attrs={"rows": 4}) for name in fields}


class RegisterImportForm(forms.Form):
    file = forms.FileField(
        label=_("Insatsregister (CSV eller XLSX)"),
        help_text=_(
            "Kolumnerna namn och slag, och de uppgifter du har; se Filformat för insatser."
        ),
    )


class MeetingPlanForm(NoIdentityMixin, forms.ModelForm):
    """Meetings of a year before their dates are set: a count, months, or both."""

    months = forms.TypedMultipleChoiceField(
        label=_("Månader"),
        required=False,
        coerce=int,
        choices=[(number, name) for number, name in enumerate(MONTH_NAMES, start=1)],
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Välj månaderna när de är kända; datumen skrivs in som sammanträden."),
    )

    class Meta:
        model = MeetingPlan
        fields = ["year", "body", "count", "months", "note"]
        field_classes = {"count": CountField}
        help_texts = {
            "count": _("Till exempel 6 när styrelsen sammanträder sex gånger under året."),
            "note": _("Till exempel ”och därutöver vid behov”."),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.initial["months"] = self.instance.month_numbers
        self.fields["year"] = forms.IntegerField(
            label=_("År"), min_value=FIRST_YEAR, max_value=LAST_YEAR
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        error = schedule_error(data.get("count"), data.get("months") or [])
        if error and not self.errors:
            raise forms.ValidationError(error)
        return data

    def validate_unique(self) -> None:
        year, body = self.cleaned_data.get("year"), self.cleaned_data.get("body")
        if year is None or body is None:
            return
        taken = MeetingPlan.objects.filter(
            association_id=self.instance.association_id, year=year, body=body
        ).exclude(pk=self.instance.pk)
        if taken.exists():
            self.add_error(
                "year",
                _("Det finns redan en plan för det organet det året. Ändra den i stället."),
            )

    def save(self, commit: bool = True) -> MeetingPlan:
        self.instance.months = ",".join(str(m) for m in sorted(set(self.cleaned_data["months"])))
        return super().save(commit)
