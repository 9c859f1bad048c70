"""The chef's forecast for the year per budget line, kept per delårsrapport (year and period)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from samordna.associations.models import Association
from samordna.core.budget import SECTION_CHOICES


class InterimForecast(models.Model):
    """A forecast the chef typed for one budget line in the delårsrapport of a period."""

    association = models.ForeignKey(
        Association, on_delete=models.CASCADE, related_name="interim_forecasts"
    )
    year = models.PositiveIntegerField(_("år"))
    period = models.CharField(_("period"), max_length=4)  # T1, H1, T2 or a month 1–12
    section = models.CharField(_("avsnitt"), max_length=20, choices=SECTION_CHOICES)
    label = models.CharField(_("budgetrad"), max_length=300)
    amount = models.BigIntegerField(_("prognos för året (öre)"))
    saved_at = models.DateTimeField(auto_now=True)
    saved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True
    )

    class Meta:
        ordering = ["association", "year", "period", "section", "label"]
        constraints = [
            models.UniqueConstraint(
                fields=["association", "year", "period", "section", "label"],
                name="one_interim_forecast_per_line",
            )
        ]

    def __str__(self) -> str:
        return f"Prognos {self.label} {self.year} {self.period}"
