"""The site administrator's pages: every förbund, and a new förbund with its first chef."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.db import transaction
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from samordna.accounts import services
from samordna.accounts.forms import ChefInvitationForm, NewAssociationForm
from samordna.accounts.mail import send_invitation
from samordna.accounts.site_access import site_admin
from samordna.associations.models import Association


@site_admin
def associations(request: HttpRequest) -> HttpResponse:
    rows = Association.objects.annotate(
        chefs=Count("memberships", filter=Q(memberships__role="chef")),
        people=Count("memberships"),
    ).order_by("name")
    return render(request, "accounts/admin_associations.html", {"associations": rows})


@site_admin
def association_create(request: HttpRequest) -> HttpResponse:
    form = NewAssociationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        association = _create(form.cleaned_data, request.user)
        messages.success(
            request,
            f"{association.name} är skapat. En inbjudan har skickats till "
            f"{form.cleaned_data['chef_email']}.",
        )
        return redirect("site_associations")
    status = 400 if form.errors else 200
    context = {"form": form, "title": "Nytt förbund"}
    return render(request, "accounts/admin_new_association.html", context, status=status)


@transaction.atomic
def _create(data: dict[str, Any], user: Any) -> Association:
    association = Association(slug=data["slug"], name=data["name"], org_number=data["org_number"])
    association.save()
    invitation, token = services.new_invitation(
        association, data["chef_email"], "chef", invited_by=user
    )
    send_invitation(invitation, token)
    return association


@site_admin
def chef_invite(request: HttpRequest, slug: str) -> HttpResponse:
    """A chef for a förbund that has none (made with `samordna association create`, say)."""
    association = get_object_or_404(Association, slug=slug)
    form = ChefInvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        invitation, token = services.new_invitation(
            association, email, "chef", invited_by=request.user
        )
        send_invitation(invitation, token)
        messages.success(request, f"En inbjudan har skickats till {invitation.email}.")
        return redirect("site_associations")
    status = 400 if form.errors else 200
    context = {"form": form, "title": f"Bjud in förbundschef till {association.name}"}
    return render(request, "accounts/admin_chef_invite.html", context, status=status)
