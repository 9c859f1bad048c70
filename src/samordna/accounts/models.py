"""Invitations to a förbund and the förbund's sign-in policy. Plain fields, ordinary saves."""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samordna.associations.models import Association, Membership


def token_digest(token: str) -> str:
    """What is stored of a one-time token: its SHA-256, never the token itself."""
    return hashlib.sha256(token.encode()).hexdigest()


class Invitation(models.Model):
    """An e-mailed, one-time, expiring offer of a role in a förbund."""

    association = models.ForeignKey(
        Association, on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField(_("e-postadress"))
    role = models.CharField(_("roll"), max_length=20, choices=Membership.Role.choices)
    interventions = models.ManyToManyField(
        "interventions.Intervention", verbose_name=_("insatser"), blank=True
    )
    token_hash = models.CharField(max_length=64, unique=True)
    machine_made_fields = ("token_hash",)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True
    )
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.email} ({self.association})"

    @property
    def is_open(self) -> bool:
        return self.accepted_at is None and self.expires_at > timezone.now()


class SignInPolicy(models.Model):
    """What the förbund demands of sign-in: two-factor for its chefs when turned on."""

    association = models.OneToOneField(
        Association, on_delete=models.CASCADE, related_name="sign_in_policy"
    )
    require_mfa = models.BooleanField(_("kräv tvåstegsverifiering för förbundschefer"))

    def __str__(self) -> str:
        return str(self.association)
