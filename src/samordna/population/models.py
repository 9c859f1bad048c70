"""The förbund's försörjningsmått and population 16–64 for a year, with the whole country's,
as finsam.se's file gives them (the inputs of the state's allocation model)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from samordna.associations.models import Association


class SupportMeasure(models.Model):
    association = models.ForeignKey(
        Association, on_delete=models.CASCADE, related_name="support_measures"
    )
    year = models.PositiveIntegerField(_("år"))
    support = models.PositiveIntegerField(_("försörjningsmått"))
    support_national = models.PositiveIntegerField(_("försörjningsmått, hela landet"))
    population = models.PositiveIntegerField(_("befolkning 16–64 år"), null=True, blank=True)
    population_national = models.PositiveIntegerField(
        _("befolkning 16–64 år, hela landet"), null=True, blank=True
    )
    reference_date = models.DateField(_("avser datum"))
    source = models.CharField(_("källa"), max_length=300)

    class Meta:
        ordering = ["-year"]
        verbose_name = _("försörjningsmått")
        constraints = [
            models.UniqueConstraint(fields=["association", "year"], name="one_support_measure")
        ]
