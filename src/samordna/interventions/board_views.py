"""Applications from filing to decision, meetings with attendance, and the decisions register."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from samordna.associations.access import EDITORS, READERS, MemberRequest, association_view
from samordna.associations.models import Association
from samordna.audit import bulk
from samordna.interventions import schedule, services
from samordna.interventions.forms import (
    ApplicationForm,
    DecideForm,
    DecisionForm,
    MeetingForm,
    PrepareForm,
)
from samordna.interventions.models import Application, Attendance, Meeting
from samordna.pages import form_page

APPLICANTS = ("chef", "insatspersonal")


def _applications(request: MemberRequest, association: Association) -> Any:
    applications = association.applications.all()
    if request.membership.role == "insatspersonal":
        return applications.filter(filed_by=request.user)
    return applications


@association_view(*READERS, "insatspersonal")
def application_list(request: MemberRequest, association: Association) -> HttpResponse:
    context = {"association": association, "applications": _applications(request, association)}
    return render(request, "interventions/applications.html", context)


@association_view(*APPLICANTS)
def application_new(request: HttpRequest, association: Association) -> HttpResponse:
    form = ApplicationForm(request.POST or None, association=association)
    if request.method == "POST" and form.is_valid():
        application = form.save(commit=False)
        application.association = association
        application.filed_by = request.user
        application.save()
        form.save_m2m()
        services.file_budget(application, form.cleaned_data["budget"])
        messages.success(request, f"Ansökan {application.title} är inlämnad.")
        return redirect("application", slug=association.slug, pk=application.pk)
    context = {"association": association, "form": form, "title": "Ny projektansökan"}
    return render(
        request, "form_page.html", context, status=400 if request.method == "POST" else 200
    )


@association_view(*READERS, "insatspersonal")
def application_detail(request: MemberRequest, association: Association, pk: int) -> HttpResponse:
    application = _applications(request, association).filter(pk=pk).first()
    if application is None:
        raise Http404("Ansökan finns inte eller så har du inte tillgång till den.")
    context = {"association": association, "application": application}
    return render(request, "interventions/application_detail.html", context)


@association_view(*EDITORS)
def application_prepare(request: HttpRequest, association: Association, pk: int) -> HttpResponse:
    application = get_object_or_404(Application, association=association, pk=pk)
    form = PrepareForm(request.POST or None, instance=application)
    if request.method == "POST" and form.is_valid():
        form.instance.status = Application.Status.PREPARED
    back = redirect("application", slug=association.slug, pk=pk)
    return form_page(request, form, f"Bered {application.title}", back, association=association)


@association_view(*EDITORS)
def application_decide(request: HttpRequest, association: Association, pk: int) -> HttpResponse:
    application = get_object_or_404(Application, association=association, pk=pk)
    form = DecideForm(
        request.POST or None, initial={"start": application.start, "end": application.end}
    )
    if request.method == "POST" and form.is_valid():
        try:
            _decide(application, form.cleaned_data)
        except services.RuleError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, f"Beslut om {application.title} är registrerat.")
            return redirect("application", slug=association.slug, pk=pk)
    context = {"association": association, "form": form, "title": f"Besluta om {application.title}"}
    return render(
        request, "form_page.html", context, status=400 if request.method == "POST" else 200
    )


def _decide(application: Application, data: dict[str, Any]) -> None:
    if data["outcome"] == "avslagen":
        services.reject(application, data["date"], data["paragraph"], data["text"])
        return
    amounts = data["budget"] or {b.year: b.amount for b in application.budget_years.all()}
    grant = services.Grant(
        data["date"],
        data["paragraph"],
        data["start"] or application.start,
        data["end"] or application.end,
        amounts,
        data["outcome"] == "delvis",
        data["text"],
    )
    services.grant(application, grant)


@association_view()
def meeting_list(request: HttpRequest, association: Association) -> HttpResponse:
    meetings = association.meetings.all()
    counts: dict[int, dict[str, int]] = {}
    for meeting in meetings:
        counts.setdefault(meeting.date.year, {"styrelse": 0, "beredning": 0})[meeting.body] += 1
    context = {
        "association": association,
        "meetings": meetings,
        "counts": sorted(counts.items(), reverse=True),
        "plans": [(p, schedule.describe(p)) for p in association.meeting_plans.all()],
    }
    return render(request, "interventions/meetings.html", context)


@association_view(*EDITORS)
def meeting_new(request: HttpRequest, association: Association) -> HttpResponse:
    form = MeetingForm(request.POST or None)
    form.instance.association = association
    back = redirect("meetings", slug=association.slug)
    return form_page(request, form, "Nytt sammanträde", back, association=association)


@association_view()
def meeting_detail(request: MemberRequest, association: Association, pk: int) -> HttpResponse:
    meeting = get_object_or_404(Meeting, association=association, pk=pk)
    seats = list(association.seats.select_related("member"))
    if request.method == "POST":
        if not request.membership.can_edit:
            raise PermissionDenied("Din roll i förbundet får inte göra detta.")
        if request.POST.get("action") == "report":
            count = bulk.update(_unreported(meeting), reported_at=meeting)
            messages.success(request, f"{count} delegationsbeslut är anmälda vid {meeting}.")
            return redirect("meeting", slug=association.slug, pk=pk)
        meeting.attendance.all().delete()
        for seat in seats:
            present_as = request.POST.get(f"seat-{seat.pk}")
            if present_as in ("ledamot", "ersattare"):
                Attendance.objects.create(meeting=meeting, seat=seat, present_as=present_as)
        messages.success(request, "Närvaron är sparad.")
        return redirect("meeting", slug=association.slug, pk=pk)
    present = {a.seat_id: a.present_as for a in meeting.attendance.all()}
    rows = [(seat, present.get(seat.pk, "")) for seat in seats]
    context = {
        "association": association,
        "meeting": meeting,
        "rows": rows,
        "unreported": list(_unreported(meeting)),
    }
    return render(request, "interventions/meeting_detail.html", context)


def _unreported(meeting: Meeting) -> Any:
    """Decisions by delegation up to the meeting's date, not yet reported to the board."""
    return meeting.association.decisions.filter(
        by_delegation=True, reported_at=None, date__lte=meeting.date
    )


@association_view()
def decision_list(request: HttpRequest, association: Association) -> HttpResponse:
    decisions = association.decisions.select_related(
        "meeting", "intervention", "reported_at", "budget_version__budget"
    )
    delegated = [d for d in decisions if d.by_delegation and d.reported_at_id is None]
    context = {"association": association, "decisions": decisions, "delegated": delegated}
    return render(request, "interventions/decisions.html", context)


@association_view(*EDITORS)
def decision_new(request: HttpRequest, association: Association) -> HttpResponse:
    form = DecisionForm(request.POST or None, association=association)
    form.instance.association = association
    back = redirect("decisions", slug=association.slug)
    return form_page(request, form, "Nytt beslut", back, association=association)
