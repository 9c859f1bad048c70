"""The delårsrapport's pages: the preview with its period choice and findings, the downloads,
and the chef's forecast per budget line with the period's comment."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from samordna.associations.access import EDITORS, MemberRequest, association_view
from samordna.associations.forms import NoIdentityMixin
from samordna.associations.models import Association
from samordna.core import interim as core
from samordna.core.budget import SECTION_LABELS
from samordna.core.calendar import year_from
from samordna.core.money import format_amount
from samordna.documents import common, interim, outputs, render_html
from samordna.documents.outputs import CONTENT_TYPES
from samordna.downloads import file_response
from samordna.economy.forms import AmountField
from samordna.pages import form_page


def period_or_404(text: str) -> core.Period:
    try:
        return core.parse_period(text)
    except core.PeriodError as error:
        raise Http404(str(error)) from error


def year_or_404(year: int) -> int:
    if not common.plausible(year):
        raise Http404("Året finns inte.")
    return year


def _chosen(request: HttpRequest, association: Association) -> tuple[int, core.Period]:
    years = interim.report_years(association)
    booked = [y for y in years if interim.has_books(association, y)]
    year = year_from(request.GET.get("ar", "")) or next(iter(booked or years), None)
    if year is None:
        raise Http404("Förbundet har varken budget eller bokföring ännu.")
    asked = request.GET.get("period", "")
    period = period_or_404(asked) if asked else interim.default_period(association, year)
    return year, period


@association_view()
def interim_preview(request: MemberRequest, association: Association) -> HttpResponse:
    if not interim.report_years(association):
        return render(request, "documents/interim_empty.html", {"association": association})
    year, period = _chosen(request, association)
    document = interim.build(association, year, period)
    context = {
        "association": association,
        "document": document,
        "body": render_html.body(document),
        "year": year,
        "period": period,
        "years": interim.report_years(association),
        "periods": interim.PERIOD_CHOICES,
        "can_edit": request.membership.role in EDITORS,
    }
    return render(request, "documents/interim_preview.html", context)


@association_view()
def interim_download(
    request: HttpRequest, association: Association, year: int, period: str, fmt: str
) -> HttpResponse:
    if fmt not in CONTENT_TYPES:
        raise Http404("Okänt filformat.")
    document = interim.build(association, year_or_404(year), period_or_404(period))
    data = outputs.render(document, fmt, common.word_template(association))
    return file_response(data, f"{document.filename}.{fmt}", CONTENT_TYPES[fmt])


class ForecastForm(NoIdentityMixin, forms.Form):
    """One amount per budget line (empty: the linear forecast) and the period's comment."""

    def __init__(self, *args: Any, figures: interim.InterimFigures, text: str, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.keys: dict[str, core.LineKey] = {}
        typed = {(f.section.value, f.label) for f in figures.lines if f.source == core.TYPED}
        for index, line in enumerate(figures.lines):
            name = f"rad_{index}"
            key = (line.section.value, line.label)
            self.keys[name] = key
            self.fields[name] = AmountField(
                label=f"{line.label} ({SECTION_LABELS[line.section].lower()})",
                required=False,
                help_text=_help(line, figures),
                initial=format_amount(line.forecast, suffix=False) if key in typed else "",
            )
        self.fields["kommentar"] = forms.CharField(
            label="Förbundschefens kommentar",
            required=False,
            initial=text,
            help_text=interim.TEXT_HELP,
            widget=forms.Textarea(attrs={"rows": 8}),
        )

    def amounts(self) -> dict[core.LineKey, int | None]:
        return {key: self.cleaned_data[name] for name, key in self.keys.items()}


def _help(line: core.InterimLine, figures: interim.InterimFigures) -> str:
    linear = core.linear_forecast(line.outcome_to_date, figures.period.through, figures.first_month)
    shown = format_amount(line.budget_year if linear is None else linear)
    return (
        f"Budget {format_amount(line.budget_year)}, utfall hittills "
        f"{format_amount(line.outcome_to_date)}. Lämna tomt för linjär prognos ({shown})."
    )


@association_view(*EDITORS)
def interim_forecast(
    request: MemberRequest, association: Association, year: int, period: str
) -> HttpResponse:
    chosen = period_or_404(period)
    figures = interim.figures(association, year_or_404(year), chosen)
    text = interim.text_of(association, year, chosen)
    form = ForecastForm(request.POST or None, figures=figures, text=text)
    back = f"{reverse('interim', args=[association.slug])}?ar={year}&period={chosen.code}"
    form.save = lambda: _save(association, year, chosen, form, request.user)  # type: ignore[attr-defined]
    title = f"Prognos och kommentar, delårsrapport {chosen.name} {year}"
    return form_page(request, form, title, redirect(back), back=back, association=association)


@transaction.atomic
def _save(
    association: Association, year: int, period: core.Period, form: ForecastForm, user: Any
) -> None:
    interim.save_forecasts(association, year, period, form.amounts(), user)
    interim.save_text(association, year, period, form.cleaned_data["kommentar"], user)
