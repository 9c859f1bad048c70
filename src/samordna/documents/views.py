"""Document pages: the list of documents, a preview of each as a web page with its downloads
(PDF, Word, Excel), the year's own texts, and the förbund's logo and Word template."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.core import signing
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from samordna.associations.access import EDITORS, MemberRequest, association_view
from samordna.associations.forms import NoIdentityMixin
from samordna.associations.models import Association, Member
from samordna.budgets.plan_version import (
    chosen_version,
    findings_of_year,
    version_label,
    versions_of_year,
)
from samordna.closing import services as closing
from samordna.concurrency import SALT
from samordna.core import document as doc
from samordna.documents import (
    annual_report,
    common,
    followup_doc,
    images,
    interim,
    notice,
    outputs,
    plan,
    render_docx,
    render_html,
    texts,
)
from samordna.documents.models import DocumentLayout
from samordna.documents.outputs import CONTENT_TYPES
from samordna.downloads import file_response
from samordna.economy.models import ContributionYear
from samordna.followup.models import Episode
from samordna.upload_names import kept_name

BUILDERS: dict[str, Callable[..., doc.Document]] = {
    "plan": plan.build,
    "berattelse": followup_doc.build,
    "medlemsbidrag": notice.build,
    "arsredovisning": annual_report.build,
}
NOT_BUILT = (notice.NoticeError, annual_report.NoBooks)  # shown as a page that says why
LOGO_LIMIT = 2 * 1024 * 1024
TEMPLATE_LIMIT = 5 * 1024 * 1024


@association_view()
def document_list(request: MemberRequest, association: Association) -> HttpResponse:
    budget_years = sorted(
        set(association.budgets.filter(is_forecast=False).values_list("first_year", flat=True)),
        reverse=True,
    )
    episode_years = {
        e.start.year
        for e in Episode.objects.filter(intervention__association=association).only("start")
    }
    context = {
        "association": association,
        "plan_years": [(y, findings_of_year(association, y)) for y in budget_years],
        "followup_years": sorted(set(budget_years) | episode_years, reverse=True),
        "notice_years": list(
            ContributionYear.objects.filter(association=association).values_list("year", flat=True)
        ),
        "can_edit": request.membership.role in EDITORS,
        **interim.choice(association),
        "book_years": [
            (y, len(closing.closing_findings(association, y)))
            for y in closing.book_years(association)
        ],
    }
    return render(request, "documents/list.html", context)


def _build(
    association: Association, kind: str, year: int, member: int | None, picked: str | None = None
) -> doc.Document:
    if kind not in BUILDERS or not common.plausible(year):
        raise Http404("Dokumentet finns inte.")
    if kind == "medlemsbidrag":
        chosen = get_object_or_404(Member, association=association, pk=member) if member else None
        return notice.build(association, year, chosen)
    if kind == "plan":
        return plan.build(association, year, chosen_version(association, year, picked))
    return BUILDERS[kind](association, year)


def _missing(request: HttpRequest, association: Association, error: Exception) -> HttpResponse:
    title = "Årsredovisning" if isinstance(error, annual_report.NoBooks) else "Medlemsbidrag"
    context = {"association": association, "error": str(error), "title": title}
    return render(request, "documents/missing.html", context, status=404)


@association_view()
def document_preview(
    request: MemberRequest,
    association: Association,
    kind: str,
    year: int,
    member: int | None = None,
) -> HttpResponse:
    picked = request.GET.get("version")
    try:
        document = _build(association, kind, year, member, picked)
    except NOT_BUILT as error:
        return _missing(request, association, error)
    context = {
        "association": association,
        "document": document,
        **_version_choice(association, kind, year, picked),
        "body": render_html.body(document),
        "kind": kind,
        "year": year,
        "member": member,
        "members": _notice_members(association, kind, year),
        "can_edit": request.membership.role in EDITORS,
    }
    return render(request, "documents/preview.html", context)


def _version_choice(
    association: Association, kind: str, year: int, picked: str | None
) -> dict[str, Any]:
    """The budget versions a plan can be built from, and the one shown (as a query string)."""
    if kind != "plan":
        return {"versions": [], "query": ""}
    shown = chosen_version(association, year, picked)
    versions = [(v.pk, version_label(v)) for v in versions_of_year(association, year)]
    query = f"?version={shown.pk}" if shown and picked else ""
    return {"versions": versions, "shown_version": shown.pk if shown else None, "query": query}


def _notice_members(association: Association, kind: str, year: int) -> list[Any]:
    if kind != "medlemsbidrag":
        return []
    saved = ContributionYear.objects.filter(association=association, year=year).first()
    return [c.member for c in saved.contributions.select_related("member")] if saved else []


@association_view()
def document_download(
    request: HttpRequest,
    association: Association,
    kind: str,
    year: int,
    fmt: str,
    member: int | None = None,
) -> HttpResponse:
    if fmt not in CONTENT_TYPES:
        raise Http404("Okänt filformat.")
    try:
        document = _build(association, kind, year, member, request.GET.get("version"))
    except NOT_BUILT as error:
        return _missing(request, association, error)
    data = outputs.render(document, fmt, common.word_template(association))
    return file_response(data, f"{document.filename}.{fmt}", CONTENT_TYPES[fmt])


class TextsForm(NoIdentityMixin, forms.Form):
    """The year's texts, with a signed snapshot of what was shown (samordna.concurrency's
    way): if someone else saved a text in between, nothing is saved and the form says which."""

    def __init__(
        self,
        *args: Any,
        shown: dict[str, texts.YearText],
        association: Association | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.shown = shown
        self.association = association
        for key, found in shown.items():
            self.fields[key] = forms.CharField(
                label=found.passage.heading,
                help_text=found.passage.help,
                required=False,
                initial=found.text,
                widget=forms.Textarea(attrs={"rows": 6}),
            )
        self.fields["seen"] = forms.CharField(widget=forms.HiddenInput, required=False)
        self.initial["seen"] = self._snapshot()

    def _snapshot(self) -> str:
        return signing.dumps({k: t.text for k, t in self.shown.items()}, salt=SALT)

    def _refuse_unknown_images(self, data: dict[str, Any]) -> None:
        """A text may only place images that are uploaded: the error names the number."""
        assert self.association is not None
        for key in self.shown:
            missing = images.unknown_images(self.association, data.get(key) or "")
            if missing:
                numbers = ", ".join(str(n) for n in missing)
                self.add_error(
                    key,
                    f"Texten visar bild {numbers}, som inte finns. Ladda upp bilden under "
                    "Bilder i texterna eller ändra numret.",
                )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.association is not None:
            self._refuse_unknown_images(data)
        try:
            opened = signing.loads(self.data.get("seen", ""), salt=SALT)
        except signing.BadSignature:
            return data
        changed = [t.passage.heading for k, t in self.shown.items() if opened.get(k) != t.text]
        if changed:
            posted: Any = self.data
            self.data = posted.copy()
            posted = self.data
            posted["seen"] = self._snapshot()
            raise forms.ValidationError(
                "Någon annan sparade texter medan du skrev, så inget är sparat ännu. Ändrat: "
                f"{', '.join(changed)}. Läs deras text och spara igen om din ska gälla."
            )
        return data


@association_view(*EDITORS)
def document_texts(request: HttpRequest, association: Association, year: int) -> HttpResponse:
    if not common.plausible(year):
        raise Http404("Året finns inte.")
    shown = texts.texts_for(association, year)
    form = TextsForm(request.POST or None, shown=shown, association=association)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            texts.save_texts(association, year, form.cleaned_data, request.user)
        messages.success(request, f"Texterna för {year} är sparade.")
        return redirect(reverse("document_texts", args=[association.slug, year]))
    inherited = sorted({t.from_year for t in shown.values() if t.inherited(year) and t.from_year})
    context = {"association": association, "year": year, "form": form, "inherited": inherited}
    return render(request, "documents/texts.html", context)


class LayoutForm(forms.Form):
    logo = forms.FileField(
        label="Logotyp (PNG eller JPEG)",
        required=False,
        help_text="Visas på försättsbladet och på aviseringarna. Högst 2 MB.",
    )
    word_template = forms.FileField(
        label="Word-mall (.docx)",
        required=False,
        help_text="Ladda ner standardmallen, ändra formatmallarna i Word och ladda upp den här.",
    )
    remove_logo = forms.BooleanField(label="Ta bort logotypen", required=False)
    remove_template = forms.BooleanField(label="Använd standardmallen igen", required=False)

    def clean_logo(self) -> bytes | None:
        upload = self.cleaned_data.get("logo")
        if not upload:
            return None
        data = upload.read(LOGO_LIMIT + 1)
        if len(data) > LOGO_LIMIT:
            raise forms.ValidationError("Logotypen är större än 2 MB.")
        if not (data.startswith(b"\x89PNG") or data.startswith(b"\xff\xd8")):
            raise forms.ValidationError("Logotypen måste vara en PNG- eller JPEG-bild.")
        error = render_docx.logo_error(data)
        if error:
            raise forms.ValidationError(error)
        return data

    def clean_word_template(self) -> bytes | None:
        upload = self.cleaned_data.get("word_template")
        if not upload:
            return None
        data = upload.read(TEMPLATE_LIMIT + 1)
        if len(data) > TEMPLATE_LIMIT:
            raise forms.ValidationError("Mallen är större än 5 MB.")
        error = render_docx.template_error(data)
        if error:
            raise forms.ValidationError(error)
        return data


@association_view(*EDITORS)
def document_layout(request: HttpRequest, association: Association) -> HttpResponse:
    layout, _ = DocumentLayout.objects.get_or_create(association=association)
    form = LayoutForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        _save_layout(layout, form, request)
        messages.success(request, "Layouten är sparad.")
        return redirect(reverse("document_layout", args=[association.slug]))
    stored = bytes(layout.word_template) if layout.word_template else None
    problem = render_docx.template_error(stored) if stored else None
    context = {"association": association, "form": form, "layout": layout, "problem": problem}
    return render(request, "documents/layout.html", context)


def _file_name(request: HttpRequest, field: str) -> str:
    upload = request.FILES.get(field)
    return kept_name(upload.name) if upload is not None else ""


def _save_layout(layout: DocumentLayout, form: LayoutForm, request: HttpRequest) -> None:
    data = form.cleaned_data
    if data["logo"]:
        layout.logo, layout.logo_name = data["logo"], _file_name(request, "logo")
    elif data["remove_logo"]:
        layout.logo, layout.logo_name = None, ""
    if data["word_template"]:
        layout.word_template = data["word_template"]
        layout.word_template_name = _file_name(request, "word_template")
    elif data["remove_template"]:
        layout.word_template, layout.word_template_name = None, ""
    layout.save()


@association_view(*EDITORS)
def standard_template(request: HttpRequest, association: Association) -> HttpResponse:
    data = common.word_template(association) or render_docx.standard_template()
    return file_response(data, "samordna-mall.docx", CONTENT_TYPES["docx"])
