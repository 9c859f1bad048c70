"""The förbund's own exceptions to which statement line an account stands on (dated)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render

from samordna.associations.access import EDITORS, MemberRequest, association_view
from samordna.associations.models import Association
from samordna.closing import services
from samordna.core.statements import line_choices, line_label
from samordna.pages import year_asked


class ExceptionForm(forms.Form):
    account = forms.ChoiceField(label="Konto")
    line = forms.ChoiceField(label="Rad i resultat- eller balansräkningen", choices=line_choices())
    from_year = forms.IntegerField(
        label="Gäller från år",
        min_value=1990,
        max_value=2100,
        help_text="Årsredovisningar för detta år och senare använder raden.",
    )

    def __init__(self, *args: Any, accounts: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["account"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = accounts


@association_view(*EDITORS)
def statement_accounts(request: MemberRequest, association: Association) -> HttpResponse:
    year = year_asked(request, next(iter(services.book_years(association)), None))
    accounts = list(association.accounts.all())
    choices = [(a.number, f"{a.number} {a.name}") for a in accounts]
    form = ExceptionForm(request.POST or None, accounts=choices, initial={"from_year": year})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.save_exception(
            association, data["account"], data["line"], data["from_year"], request.user
        )
        messages.success(
            request,
            f"Konto {data['account']} står på raden ”{line_label(data['line'])}” från "
            f"{data['from_year']}.",
        )
        return redirect("statement_accounts", slug=association.slug)
    mapped = services.account_map(association, year)
    own = services.exceptions_in_force(association, year)
    rows = [
        {
            "account": a,
            "line": line_label(mapped.line(a.number)),
            "own": own.get(a.number),
        }
        for a in accounts
    ]
    context = {"association": association, "year": year, "rows": rows, "form": form}
    status = 400 if request.method == "POST" else 200
    return render(request, "closing/accounts.html", context, status=status)
