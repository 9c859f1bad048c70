"""E-mail to people: invitations (Swedish text, a one-time link)."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse

from samordna.accounts.models import Invitation


def send_invitation(invitation: Invitation, token: str) -> None:
    link = settings.BASE_URL + reverse("invitation", kwargs={"token": token})
    context = {"invitation": invitation, "link": link, "days": settings.INVITATION_DAYS}
    send_mail(
        f"Inbjudan till {invitation.association.name} i Samordna",
        render_to_string("accounts/invitation_email.txt", context),
        None,
        [invitation.email],
    )
