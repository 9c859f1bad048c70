"""The förbund's people (chef only): who has which role, invitations, two-factor policy."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from samordna.accounts import services
from samordna.accounts.forms import InvitationForm, RoleForm
from samordna.accounts.mail import send_invitation
from samordna.accounts.models import Invitation
from samordna.associations.access import EDITORS, association_view
from samordna.associations.models import Association, Membership
from samordna.confirm import Removal, confirm


@association_view(*EDITORS)
def people(request: HttpRequest, association: Association) -> HttpResponse:
    context = {
        "association": association,
        "people": services.people(association),
        "invitations": [i for i in Invitation.objects.filter(association=association) if i.is_open],
        "require_mfa": services.mfa_policy(association),
    }
    return render(request, "accounts/people.html", context)


@association_view(*EDITORS)
def invite(request: HttpRequest, association: Association) -> HttpResponse:
    form = InvitationForm(request.POST or None, association=association)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        invitation, token = services.new_invitation(
            association, data["email"], data["role"], data["interventions"], request.user
        )
        send_invitation(invitation, token)
        messages.success(request, f"En inbjudan har skickats till {invitation.email}.")
        return redirect("people", slug=association.slug)
    return _form(request, association, form, "Bjud in en person")


def _form(request: HttpRequest, association: Association, form: object, title: str) -> HttpResponse:
    context = {"association": association, "form": form, "title": title}
    status = 400 if request.method == "POST" else 200
    return render(request, "accounts/person_form.html", context, status=status)


@association_view(*EDITORS)
def person_role(request: HttpRequest, association: Association, pk: int) -> HttpResponse:
    membership = get_object_or_404(Membership, pk=pk, association=association)
    current = {
        "role": membership.role,
        "interventions": association.interventions.filter(staff=membership.user),
    }
    form = RoleForm(request.POST or None, initial=current, association=association)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.grant(membership.user, association, data["role"], data["interventions"])
        except services.AccountError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, f"Rollen för {_who(membership)} är sparad.")
            return redirect("people", slug=association.slug)
    return _form(request, association, form, f"Roll för {_who(membership)}")


def _who(membership: Membership) -> str:
    return str(membership.user.email or membership.user.username)


@association_view(*EDITORS)
def person_remove(request: HttpRequest, association: Association, pk: int) -> HttpResponse:
    """Asks first: names the person, the role and the insatser the access goes with."""
    membership = get_object_or_404(Membership, pk=pk, association=association)
    who = _who(membership)
    blockers = services.removal_blockers(membership)
    if request.method == "POST" and not blockers:
        services.revoke(membership.user, association)
        messages.success(request, f"{who} har inte längre tillgång till förbundet.")
        return redirect("people", slug=association.slug)
    staffed = association.interventions.filter(staff=membership.user).values_list("name", flat=True)
    effects = [f"{who} kan inte längre öppna {association.name}s sidor."]
    if staffed:
        effects.append(f"Kopplingen till insatserna {', '.join(staffed)} tas bort.")
    about = Removal(f"Tillgången för {who} ({membership.get_role_display()})", effects, blockers)
    back = reverse("people", kwargs={"slug": association.slug})
    context = {"association": association, "about": about, "back": back, "undoable": False}
    status = 409 if request.method == "POST" else 200
    return render(request, "confirm_delete.html", context, status=status)


@association_view(*EDITORS)
def invitation_withdraw(request: HttpRequest, association: Association, pk: int) -> HttpResponse:
    """Asks first; afterwards the message offers "Ångra", which makes the same link work again."""
    invitation = get_object_or_404(Invitation, pk=pk, association=association)
    about = Removal(
        f"Inbjudan till {invitation.email} ({invitation.get_role_display()})",
        [f"Länken i e-brevet till {invitation.email} slutar fungera."],
    )
    label = f"Inbjudan till {invitation.email} är återkallad."
    back = reverse("people", kwargs={"slug": association.slug})
    return confirm(request, association, invitation, about, label, back)


@require_POST
@association_view(*EDITORS)
def mfa_policy(request: HttpRequest, association: Association) -> HttpResponse:
    required = request.POST.get("require_mfa") == "1"
    services.set_mfa_policy(association, required)
    state = "krävs nu" if required else "krävs inte längre"
    messages.success(request, f"Tvåstegsverifiering {state} för förbundschefer.")
    return redirect("people", slug=association.slug)
