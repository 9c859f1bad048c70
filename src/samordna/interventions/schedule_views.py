"""The meetings a year will have before their dates are set: write, change and remove the plan.

Dated meetings stay on the meetings page (`board_views`); the plan document prints both.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse

from samordna import confirm
from samordna.associations.access import EDITORS, association_view
from samordna.associations.models import Association
from samordna.interventions.forms import MeetingPlanForm
from samordna.interventions.models import MeetingPlan
from samordna.pages import form_page


@association_view(*EDITORS)
def meeting_plan_edit(
    request: HttpRequest, association: Association, pk: int | None = None
) -> HttpResponse:
    instance = (
        get_object_or_404(MeetingPlan, association=association, pk=pk)
        if pk
        else MeetingPlan(association=association)
    )
    form = MeetingPlanForm(request.POST or None, instance=instance)
    title = f"Planerade sammanträden: {instance}" if pk else "Planerade sammanträden"
    back = redirect("meetings", slug=association.slug)
    return form_page(request, form, title, back, association=association)


@association_view(*EDITORS)
def meeting_plan_delete(request: HttpRequest, association: Association, pk: int) -> HttpResponse:
    plan = get_object_or_404(MeetingPlan, association=association, pk=pk)
    about = confirm.Removal(
        f"Planen för {plan.get_body_display().lower()}s sammanträden {plan.year}",
        ["Sammanträden med datum påverkas inte."],
    )
    label = f"Planen för {plan.get_body_display().lower()}s sammanträden {plan.year} är borttagen."
    back = reverse("meetings", kwargs={"slug": association.slug})
    return confirm.confirm(request, association, plan, about, label, back)
