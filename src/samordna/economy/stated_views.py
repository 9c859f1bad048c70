"""The plan's own per-member amounts beside the computed split, with the reason for each
deviation (economy.services.save_stated)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from samordna.associations.access import EDITORS, association_view
from samordna.associations.forms import NoIdentityMixin
from samordna.associations.models import Association
from samordna.core.money import format_amount
from samordna.economy import services
from samordna.economy.forms import AmountField
from samordna.economy.models import ContributionYear


class StatedForm(NoIdentityMixin, forms.Form):
    """Per member: the amount the plan (or förbundsordning) states, and why it differs."""

    def __init__(self, contributions: list[Any], *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.contributions = contributions
        for c in contributions:
            name = c.member.name
            self.fields[f"amount-{c.member_id}"] = AmountField(
                label=f"{name}: belopp enligt planen",
                required=False,
                initial=c.stated_amount if c.stated_amount is None else _kronor(c.stated_amount),
            )
            self.fields[f"reason-{c.member_id}"] = forms.CharField(
                label=f"{name}: skäl till avvikelsen",
                required=False,
                max_length=300,
                initial=c.stated_reason,
            )

    def stated(self) -> dict[int, tuple[int | None, str]]:
        data = self.cleaned_data
        return {
            c.member_id: (data[f"amount-{c.member_id}"], data[f"reason-{c.member_id}"].strip())
            for c in self.contributions
        }


def _kronor(ore: int) -> str:
    return format_amount(ore)


@association_view(*EDITORS)
def contribution_stated(request: HttpRequest, association: Association, year: int) -> HttpResponse:
    saved = get_object_or_404(ContributionYear, association=association, year=year)
    contributions = list(saved.contributions.select_related("member"))
    form = StatedForm(contributions, request.POST or None)
    back = reverse("contribution", args=[association.slug, year])
    if request.method == "POST" and form.is_valid():
        changed = services.save_stated(saved, form.stated())
        messages.success(request, f"Planens belopp för {year} är sparade ({changed} ändrade).")
        return redirect(back)
    title = f"Planens belopp per medlem {year}"
    context = {"association": association, "form": form, "title": title, "back": back}
    status = 400 if request.method == "POST" else 200
    return render(request, "form_page.html", context, status=status)
