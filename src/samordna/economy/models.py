"""Money of a förbund: the member contributions of a year (budgets follow in this app)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from samordna.associations.models import Association, Member


class ContributionYear(models.Model):
    """A saved allocation of a year's member contributions, kept for the budget."""

    class StateShown(models.TextChoices):
        SPLIT = "split", _("Försäkringskassan och Arbetsförmedlingen var för sig")
        COMBINED = "combined", _("Statens samlade andel, betalas av Försäkringskassan")

    association = models.ForeignKey(
        Association, on_delete=models.CASCADE, related_name="contribution_years"
    )
    year = models.PositiveIntegerField(_("år"))
    total = models.BigIntegerField(_("totalt (öre)"))
    unit = models.PositiveIntegerField(_("avrundning (öre)"), default=100)
    state_shown = models.CharField(
        _("statens andel visas"), max_length=10, choices=StateShown.choices, default="split"
    )
    population_year = models.PositiveIntegerField(_("invånare per år"), null=True, blank=True)
    note = models.TextField(_("kommentar"), blank=True)
    saved_at = models.DateTimeField(auto_now=True)
    saved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True
    )

    class Meta:
        ordering = ["-year"]
        constraints = [
            models.UniqueConstraint(fields=["association", "year"], name="unique_contribution_year")
        ]


class Contribution(models.Model):
    """One member's part of a saved contribution year."""

    contribution_year = models.ForeignKey(
        ContributionYear, on_delete=models.CASCADE, related_name="contributions"
    )
    member = models.ForeignKey(Member, on_delete=models.PROTECT)
    amount = models.BigIntegerField(_("belopp (öre)"))
    percent = models.DecimalField(_("andel (%)"), max_digits=9, decimal_places=4)
    basis = models.TextField(_("beräkning"))
    stated_amount = models.BigIntegerField(_("belopp enligt plan (öre)"), null=True, blank=True)
    stated_reason = models.CharField(_("skäl till avvikelsen"), max_length=300, blank=True)

    @property
    def deviation(self) -> int | None:
        """The plan's amount less the computed one (öre), None when the plan states none."""
        return None if self.stated_amount is None else self.stated_amount - self.amount

    class Meta:
        ordering = ["member__position", "member_id"]


class Frame(models.Model):
    """A year's financial frame: what the förbund requested (äskning) and what the state allocated.

    The regions and municipalities match the state's half, so the state's allocation
    decides the whole frame; equity carried from earlier years is added on top.
    """

    association = models.ForeignKey(Association, on_delete=models.CASCADE, related_name="frames")
    year = models.PositiveIntegerField(_("år"))
    requested_total = models.BigIntegerField(_("begärd äskning, hela medlemsbidraget (öre)"))
    requested_carried = models.BigIntegerField(
        _("överskott vid äskningen (öre)"), null=True, blank=True
    )
    allocated_state = models.BigIntegerField(
        _("statens tilldelning enligt fördelningsmodellen (öre)"), null=True, blank=True
    )
    carried_equity = models.BigIntegerField(
        _("överskott från tidigare år (öre)"), null=True, blank=True
    )
    note = models.TextField(_("kommentar"), blank=True)

    class Meta:
        ordering = ["-year"]
        constraints = [
            models.UniqueConstraint(fields=["association", "year"], name="unique_frame_year")
        ]
