"""The data-protection page: what is stored about participants, why and for how long, the
förbund's dated rules for consents and retention, and when the next removal is due."""

from __future__ import annotations

from django.db.models import Sum
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from samordna.associations.access import EDITORS, READERS, MemberRequest, association_view
from samordna.associations.models import Association
from samordna.core.retention import DEFAULT_CONSENT_MONTHS
from samordna.core.suppression import shown
from samordna.followup import registers, retention
from samordna.followup.forms import ParticipantRuleForm
from samordna.pages import form_page


@association_view(*READERS)
def data_protection(request: MemberRequest, association: Association) -> HttpResponse:
    today = timezone.localdate()
    cutoff = retention.cutoff(association, today)
    removed = association.removed_episodes.values("removed_on").annotate(count=Sum("count"))
    due = retention.plan(association, cutoff) if cutoff else None
    is_chef = request.membership.role in EDITORS
    context = {
        "association": association,
        "registers": registers.REGISTERS,
        "purpose": registers.PURPOSE,
        "rule": retention.rule_on(association, today),
        "rules": association.participant_rules.all(),
        "default_consent_months": DEFAULT_CONSENT_MONTHS,
        "cutoff": cutoff,
        "due": due,
        # the board and the auditor see a small count as "<5", and not the day the next
        # episode falls due (it is one participant's exit date plus the rule's months)
        "due_shown": None if due is None else (due.total if is_chef else shown(due.total)),
        "next_due": retention.next_due(association, today) if is_chef else None,
        "removed": removed.order_by("-removed_on"),
        "is_chef": is_chef,
    }
    return render(request, "followup/data_protection.html", context)


@association_view(*EDITORS)
def participant_rule_new(request: MemberRequest, association: Association) -> HttpResponse:
    form = ParticipantRuleForm(request.POST or None, association=association)
    return form_page(
        request,
        form,
        "Ny regel för deltagaruppgifter",
        redirect("data_protection", slug=association.slug),
        association=association,
    )
