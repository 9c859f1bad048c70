"""A network and its users, and a förbund's decision to share its figures with the networks.

A network user has no membership in any förbund: what they see is the figures of the förbund
that share, as those förbund publish them (small counts protected), never a participant row.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samordna.associations.models import Association


class Network(models.Model):
    slug = models.SlugField(_("kortnamn"), max_length=60, unique=True)
    name = models.CharField(_("namn"), max_length=200)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("nätverk")

    def __str__(self) -> str:
        return self.name


class NetworkMembership(models.Model):
    """A user of a network: reads the shared figures of every förbund that shares."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="network_memberships"
    )
    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="memberships")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "network"], name="unique_network_membership")
        ]

    def __str__(self) -> str:
        return f"{self.user} ({self.network})"


class Sharing(models.Model):
    """The chef's decision that the förbund's figures are shown to the networks (or not)."""

    association = models.OneToOneField(
        Association, on_delete=models.CASCADE, related_name="sharing"
    )
    shares = models.BooleanField(_("delar sina siffror med nätverken"), default=False)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("beslutat av"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    decided_at = models.DateTimeField(_("beslutat"), default=timezone.now)

    class Meta:
        verbose_name = _("delning")

    def __str__(self) -> str:
        return f"{self.association}: {'delar' if self.shares else 'delar inte'}"
