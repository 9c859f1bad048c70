"""The control pages: internkontrollplan, audit year, minutes and delegationsordning.

The chef edits; the board and the revisor read; the revisor may also attach the auditors'
reports (`ATTACHERS`), nothing else. Insats staff get 403, another förbund's user 404.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header

from samordna import confirm
from samordna.associations.access import EDITORS, READERS, MemberRequest, association_view
from samordna.associations.models import Association
from samordna.confirm import Removal
from samordna.control import forms, services
from samordna.control.models import (
    Auditor,
    AuditReport,
    ControlPlan,
    ControlResult,
    DelegationMatter,
    DelegationUse,
    Discharge,
    Minutes,
    Risk,
)
from samordna.downloads import XLSX, file_response
from samordna.interventions.models import Meeting
from samordna.pages import form_page
from samordna.upload_names import kept_name

# The auditors' own write right: they attach their reports to the year, and only that.
ATTACHERS = (*EDITORS, "revisor")


def _year(year: int) -> int:
    if not 2004 <= year <= 2100:
        raise Http404("Året finns inte.")
    return year


def _url(name: str, association: Association, *args: Any) -> str:
    return reverse(name, args=[association.slug, *args])


def _save_form(
    request: HttpRequest, association: Association, form: Any, title: str, back: str
) -> HttpResponse:
    return form_page(request, form, title, redirect(back), association=association)


@association_view(*READERS)
def control(request: HttpRequest, association: Association) -> HttpResponse:
    this_year = timezone.localdate().year
    years = sorted({this_year, this_year - 1, *services.years_on_record(association)}, reverse=True)
    _, findings = services.delegation_check(association)
    context = {"association": association, "years": years, "findings": findings}
    return render(request, "control/index.html", context)


# --- internkontrollplan ---------------------------------------------------------------


@association_view(*READERS)
def control_plan(request: HttpRequest, association: Association, year: int) -> HttpResponse:
    plan = services.plan_for(association, _year(year))
    risks = services.risks_of(plan)
    context = {
        "association": association,
        "year": year,
        "plan": plan,
        "rows": [(n, risk, services.latest(risk)) for n, risk in enumerate(risks, start=1)],
        "matrix": services.labelled_matrix(risks),
        "consequences": services.CONSEQUENCE,
        "done": services.follow_up(risks),
    }
    return render(request, "control/plan.html", context)


@association_view(*READERS)
def control_plan_xlsx(request: HttpRequest, association: Association, year: int) -> HttpResponse:
    data = services.plan_workbook(association, _year(year))
    return file_response(data, f"internkontrollplan-{association.slug}-{year}.xlsx", XLSX)


@association_view(*EDITORS)
def control_plan_edit(request: HttpRequest, association: Association, year: int) -> HttpResponse:
    plan = ControlPlan.objects.filter(association=association, year=_year(year)).first()
    plan = plan or ControlPlan(association=association, year=year)
    form = forms.ControlPlanForm(request.POST or None, instance=plan, association=association)
    title = f"Styrelsens beslut om internkontrollplanen {year}"
    return _save_form(request, association, form, title, _url("control_plan", association, year))


@association_view(*EDITORS)
def risk_new(request: HttpRequest, association: Association, year: int) -> HttpResponse:
    form = forms.RiskForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        form.instance.plan, _ = ControlPlan.objects.get_or_create(
            association=association, year=_year(year)
        )
    title = f"Ny risk i internkontrollplanen {year}"
    return _save_form(request, association, form, title, _url("control_plan", association, year))


def _risk(association: Association, pk: int) -> Risk:
    return get_object_or_404(
        Risk.objects.select_related("plan"), pk=pk, plan__association=association
    )


@association_view(*EDITORS)
def risk_edit(request: HttpRequest, association: Association, pk: int) -> HttpResponse:
    risk = _risk(association, pk)
    form = forms.RiskForm(request.POST or None, instance=risk)
    back = _url("control_plan", association, risk.plan.year)
    return _save_form(request, association, form, f"Risk: {risk.name}", back)


@association_view(*EDITORS)
def risk_delete(request: HttpRequest, association: Association, pk: int) -> HttpResponse:
    risk = _risk(association, pk)
    results = risk.results.count()
    effects = [f"{results} uppföljningar av kontrollen tas bort med risken."] if results else []
    about = Removal(f"Risken ”{risk.name}” i internkontrollplanen {risk.plan.year}", effects)
    back = _url("control_plan", association, risk.plan.year)
    label = f"Risken ”{risk.name}” är borttagen."
    return confirm.confirm(request, association, risk, about, label, back)


@association_view(*EDITORS)
def result_new(request: HttpRequest, association: Association, pk: int) -> HttpResponse:
    risk = _risk(association, pk)
    form = forms.ResultForm(request.POST or None, instance=ControlResult(risk=risk))
    back = _url("control_plan", association, risk.plan.year)
    return _save_form(request, association, form, f"Uppföljning: {risk.name}", back)


@association_view(*EDITORS)
def result_delete(request: HttpRequest, association: Association, pk: int) -> HttpResponse:
    result = get_object_or_404(
        ControlResult.objects.select_related("risk__plan"),
        pk=pk,
        risk__plan__association=association,
    )
    what = f"Uppföljningen {result.date.isoformat()} av ”{result.risk.name}”"
    back = _url("control_plan", association, result.risk.plan.year)
    label = "Uppföljningen är borttagen."
    return confirm.confirm(request, association, result, Removal(what), label, back)


# --- the audit year --------------------------------------------------------------------


@association_view(*READERS)
def audit(request: MemberRequest, association: Association, year: int) -> HttpResponse:
    context = {
        "association": association,
        "year": _year(year),
        "found": services.audit_year(association, year),
        "can_attach": request.membership.role in ATTACHERS,
    }
    return render(request, "control/audit.html", context)


@association_view(*EDITORS)
def auditor_new(request: HttpRequest, association: Association, year: int) -> HttpResponse:
    auditor = Auditor(association=association, year=_year(year))
    form = forms.AuditorForm(request.POST or None, instance=auditor, association=association)
    back = _url("audit", association, year)
    return _save_form(request, association, form, f"Ny revisor {year}", back)


@association_view(*EDITORS)
def auditor_edit(request: HttpRequest, association: Association, pk: int) -> HttpResponse:
    auditor = get_object_or_404(Auditor, pk=pk, association=association)
    form = forms.AuditorForm(request.POST or None, instance=auditor, association=association)
    back = _url("audit", association, auditor.year)
    return _save_form(request, association, form, f"Revisor: {auditor.name}", back)


@association_view(*EDITORS)
def auditor_delete(request: HttpRequest, association: Association, pk: int) -> HttpResponse:
    auditor = get_object_or_404(Auditor, pk=pk, association=association)
    about = Removal(f"Revisorn {auditor.name} ({auditor.year})")
    back = _url("audit", association, auditor.year)
    return confirm.confirm(request, association, auditor, about, "Revisorn är borttagen.", back)


@association_view(*ATTACHERS)
def audit_report_new(request: HttpRequest, association: Association, year: int) -> HttpResponse:
    form = forms.AuditReportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload: Any = request.FILES["file"]
        data = form.cleaned_data["file"]
        AuditReport.objects.create(
            association=association,
            year=_year(year),
            title=form.cleaned_data["title"],
            file=data,
            filename=kept_name(upload.name) or "rapport.pdf",
            size=len(data),
            uploaded_by=request.user if request.user.is_authenticated else None,
        )
        messages.success(request, f"{form.cleaned_data['title']} är bifogad till {year}.")
        return redirect(_url("audit", association, year))
    context = {"association": association, "form": form, "year": _year(year)}
    status = 400 if request.method == "POST" else 200
    return render(request, "control/report_upload.html", context, status=status)


@association_view(*READERS)
def audit_report(request: HttpRequest, association: Association, pk: int) -> HttpResponse:
    report = get_object_or_404(AuditReport, pk=pk, association=association)
    response = file_response(bytes(report.file), "rapport.pdf", "application/pdf")
    response["Content-Disposition"] = content_disposition_header(True, report.filename) or ""
    return response


@association_view(*EDITORS)
def audit_report_delete(request: HttpRequest, association: Association, pk: int) -> HttpResponse:
    """No "Ångra" here: the file would ride along in the session; uploading it again is easy."""
    report = get_object_or_404(AuditReport.objects.defer("file"), pk=pk, association=association)
    back = _url("audit", association, report.year)
    if request.method == "POST":
        report.delete()
        messages.success(request, f"{report.title} är borttagen.")
        return redirect(back)
    about = Removal(
        f"{report.title} ({report.filename})",
        ["Filen tas bort ur Samordna och kan inte ångras; ladda upp den igen om den behövs."],
    )
    context = {"association": association, "about": about, "back": back, "undoable": False}
    return render(request, "confirm_delete.html", context)


@association_view(*EDITORS)
def discharge_new(request: HttpRequest, association: Association, year: int) -> HttpResponse:
    discharge = Discharge(association=association, year=_year(year))
    form = forms.DischargeForm(
        request.POST or None, instance=discharge, association=association, year=year
    )
    back = _url("audit", association, year)
    return _save_form(request, association, form, f"Ansvarsfrihet för {year}", back)


@association_view(*EDITORS)
def discharge_edit(request: HttpRequest, association: Association, pk: int) -> HttpResponse:
    discharge = get_object_or_404(Discharge, pk=pk, association=association)
    form = forms.DischargeForm(
        request.POST or None, instance=discharge, association=association, year=discharge.year
    )
    back = _url("audit", association, discharge.year)
    title = f"Ansvarsfrihet för {discharge.year}: {discharge.member.name}"
    return _save_form(request, association, form, title, back)


@association_view(*EDITORS)
def discharge_delete(request: HttpRequest, association: Association, pk: int) -> HttpResponse:
    discharge = get_object_or_404(Discharge, pk=pk, association=association)
    about = Removal(f"{discharge.member.name}s beslut om ansvarsfrihet för {discharge.year}")
    back = _url("audit", association, discharge.year)
    label = "Beslutet om ansvarsfrihet är borttaget."
    return confirm.confirm(request, association, discharge, about, label, back)


# --- the board's minutes --------------------------------------------------------------


@association_view(*READERS)
def minutes(request: HttpRequest, association: Association) -> HttpResponse:
    rows = [(m, getattr(m, "minutes", None)) for m in services.board_meetings(association)]
    context = {"association": association, "rows": rows}
    return render(request, "control/minutes.html", context)


@association_view(*EDITORS)
def minutes_edit(request: HttpRequest, association: Association, pk: int) -> HttpResponse:
    meeting = get_object_or_404(Meeting, pk=pk, association=association, body=Meeting.Body.BOARD)
    record = Minutes.objects.filter(meeting=meeting).first() or Minutes(meeting=meeting)
    form = forms.MinutesForm(request.POST or None, instance=record)
    title = f"Protokoll från styrelsens sammanträde {meeting.date.isoformat()}"
    return _save_form(request, association, form, title, _url("minutes", association))


# --- the delegationsordning -----------------------------------------------------------


@association_view(*READERS)
def delegation(request: HttpRequest, association: Association) -> HttpResponse:
    decisions, findings = services.delegation_check(association)
    context = {
        "association": association,
        "matters": association.delegation_matters.select_related("decision"),
        "decisions": decisions,
        "findings": findings,
    }
    return render(request, "control/delegation.html", context)


@association_view(*EDITORS)
def delegation_new(request: HttpRequest, association: Association) -> HttpResponse:
    matter = DelegationMatter(association=association)
    form = forms.DelegationMatterForm(
        request.POST or None, instance=matter, association=association
    )
    back = _url("delegation", association)
    return _save_form(request, association, form, "Ny punkt i delegationsordningen", back)


@association_view(*EDITORS)
def delegation_edit(request: HttpRequest, association: Association, pk: int) -> HttpResponse:
    matter = get_object_or_404(DelegationMatter, pk=pk, association=association)
    form = forms.DelegationMatterForm(
        request.POST or None, instance=matter, association=association
    )
    back = _url("delegation", association)
    return _save_form(request, association, form, f"Delegation: {matter.text}", back)


@association_view(*EDITORS)
def delegation_delete(request: HttpRequest, association: Association, pk: int) -> HttpResponse:
    matter = get_object_or_404(DelegationMatter, pk=pk, association=association)
    used = matter.uses.count()
    effects = (
        [
            f"{used} delegationsbeslut är fattade enligt punkten; efteråt står de som utanför "
            "delegationsordningen."
        ]
        if used
        else []
    )
    about = Removal(f"Punkten ”{matter.text}” i delegationsordningen", effects)
    back = _url("delegation", association)
    label = "Punkten är borttagen ur delegationsordningen."
    return confirm.confirm(request, association, matter, about, label, back)


@association_view(*EDITORS)
def delegation_use(request: HttpRequest, association: Association, pk: int) -> HttpResponse:
    decision = get_object_or_404(services.delegation_decisions(association), pk=pk)
    use = DelegationUse.objects.filter(decision=decision).first() or DelegationUse(
        decision=decision
    )
    form = forms.DelegationUseForm(request.POST or None, instance=use, association=association)
    title = f"Delegationsbeslut {decision.citation}"
    return _save_form(request, association, form, title, _url("delegation", association))
