"""Budgets with their plan years, versions and lines.

A decided version never changes: the guard is in the model and its querysets, so
no page, command or import can alter one.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from samordna.associations.models import Association, Member
from samordna.core.budget import SECTION_CHOICES


class ImmutableError(Exception):
    """An attempt to change a decided budget version."""

    def __init__(self) -> None:
        super().__init__(
            "En beslutad budgetversion kan inte ändras. "
            "Skapa en revidering som hänvisar till beslutet."
        )


class Budget(models.Model):
    association = models.ForeignKey(Association, on_delete=models.CASCADE, related_name="budgets")
    name = models.CharField(_("namn"), max_length=200)
    first_year = models.PositiveIntegerField(_("budgetår"))
    plan_years = models.PositiveSmallIntegerField(_("antal planår"), default=2)
    unit = models.CharField(
        _("visas i"), max_length=3, choices=[("kr", "kr"), ("tkr", "tkr")], default="kr"
    )
    first_month = models.PositiveSmallIntegerField(
        _("första månaden budgetåret"),
        default=1,
        help_text=_("1 för helt år; till exempel 9 när förbundet bildas i september."),
    )
    scenario_of = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="scenarios"
    )
    scenario_note = models.TextField(_("antagande"), blank=True)
    opening_equity = models.BigIntegerField(
        _("eget kapital vid årets början (öre)"), null=True, blank=True
    )
    is_forecast = models.BooleanField(
        _("prognos"),
        default=False,
        help_text=_("En prognos för ett pågående år, i samma form som en budget."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-first_year", "scenario_of_id", "id"]

    def __str__(self) -> str:
        return self.name

    @property
    def years(self) -> list[int]:
        return list(range(self.first_year, self.first_year + self.plan_years + 1))

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        if self.versions.exclude(status=BudgetVersion.Status.PROPOSAL).exists():
            raise ImmutableError()
        return super().delete(*args, **kwargs)

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk and self._changes_decided_equity():
            raise ImmutableError()
        super().save(*args, **kwargs)

    def _changes_decided_equity(self) -> bool:
        """The opening equity of a decided budget is part of the decision: it may be filled in
        when the board decided without it, never changed."""
        stored = type(self).objects.filter(pk=self.pk).values_list("opening_equity", flat=True)
        before = stored.first()
        if before is None or before == self.opening_equity:
            return False
        return self.versions.exclude(status=BudgetVersion.Status.PROPOSAL).exists()


class VersionQuerySet(models.QuerySet):
    def update(self, **kwargs: Any) -> int:
        if self.exclude(status=BudgetVersion.Status.PROPOSAL).exists() and set(kwargs) - {
            "superseded"
        }:
            raise ImmutableError()
        return super().update(**kwargs)

    def delete(self) -> tuple[int, dict[str, int]]:
        if self.exclude(status=BudgetVersion.Status.PROPOSAL).exists():
            raise ImmutableError()
        return super().delete()


class BudgetVersion(models.Model):
    class Status(models.TextChoices):
        PROPOSAL = "forslag", _("Förslag")
        DECIDED = "beslutad", _("Beslutad")
        REVISED = "reviderad", _("Reviderad")

    budget = models.ForeignKey(Budget, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("version"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default="forslag")
    revises = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="revisions"
    )
    decision_date = models.DateField(_("beslutsdatum"), null=True, blank=True)
    decision_paragraph = models.CharField(_("paragraf"), max_length=20, blank=True)
    decided_by = models.CharField(_("beslutat av"), max_length=200, blank=True)
    decision_text = models.TextField(_("beslut"), blank=True)
    superseded = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True
    )

    objects = VersionQuerySet.as_manager()

    class Meta:
        ordering = ["budget_id", "number"]
        constraints = [
            models.UniqueConstraint(fields=["budget", "number"], name="unique_version_number")
        ]

    @property
    def is_locked(self) -> bool:
        return self.status != self.Status.PROPOSAL

    @property
    def decision(self) -> str:
        """ "2015-11-11 §5" as plans cite decisions."""
        if not self.decision_date:
            return ""
        paragraph = f" §{self.decision_paragraph.lstrip('§ ')}" if self.decision_paragraph else ""
        return f"{self.decision_date.isoformat()}{paragraph}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk and self._stored_status() != self.Status.PROPOSAL:
            raise ImmutableError()
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        if self.is_locked:
            raise ImmutableError()
        return super().delete(*args, **kwargs)

    def _stored_status(self) -> str | None:
        return type(self).objects.filter(pk=self.pk).values_list("status", flat=True).first()


class LockedQuerySet(models.QuerySet):
    """Lines and amounts of a decided version cannot be updated or deleted in bulk either."""

    version_path = "version"

    def _touches_locked(self) -> bool:
        field = f"{self.version_path}__status__in"
        return self.filter(**{field: ["beslutad", "reviderad"]}).exists()

    def update(self, **kwargs: Any) -> int:
        if self._touches_locked():
            raise ImmutableError()
        return super().update(**kwargs)

    def delete(self) -> tuple[int, dict[str, int]]:
        if self._touches_locked():
            raise ImmutableError()
        return super().delete()


class AmountQuerySet(LockedQuerySet):
    version_path = "line__version"


class RowKind(models.TextChoices):
    """What a row is: a line with amounts, or a figure the plan states (kept to be checked)."""

    LINE = "line", _("Rad")
    SUM = "sum", _("Summa")
    INCOME_SUM = "income_sum", _("Summa intäkter")
    COST_SUM = "cost_sum", _("Summa kostnader")
    RESULT = "result", _("Resultat")


class BudgetLine(models.Model):
    version = models.ForeignKey(BudgetVersion, on_delete=models.CASCADE, related_name="lines")
    kind = models.CharField(_("typ av rad"), max_length=12, choices=RowKind.choices, default="line")
    section = models.CharField(_("avsnitt"), max_length=20, choices=SECTION_CHOICES, blank=True)
    label = models.CharField(_("rad"), max_length=300)
    position = models.PositiveIntegerField(default=0)
    member = models.ForeignKey(Member, on_delete=models.PROTECT, null=True, blank=True)
    intervention = models.ForeignKey(
        "interventions.Intervention",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="budget_lines",
        verbose_name=_("insats"),
    )
    is_pool = models.BooleanField(
        _("pott för insatser som inte är beslutade"),
        default=False,
        help_text=_("Beviljade insatser tar sina belopp ur potten i stället för att läggas till."),
    )
    is_contribution = models.BooleanField(
        _("medlemsbidrag"),
        default=False,
        help_text=_("Intäktsraden är medlemmarnas bidrag (avsnittet Medlemsbidrag i budgetfilen)."),
    )

    objects = LockedQuerySet.as_manager()

    class Meta:
        ordering = ["version_id", "position", "id"]

    def save(self, *args: Any, **kwargs: Any) -> None:
        if BudgetVersion.objects.get(pk=self.version_id).is_locked:
            raise ImmutableError()
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        if self.version.is_locked:
            raise ImmutableError()
        return super().delete(*args, **kwargs)


class BudgetAmount(models.Model):
    line = models.ForeignKey(BudgetLine, on_delete=models.CASCADE, related_name="amounts")
    year = models.PositiveIntegerField()
    amount = models.BigIntegerField()  # öre

    objects = AmountQuerySet.as_manager()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["line", "year"], name="unique_line_year")]

    def save(self, *args: Any, **kwargs: Any) -> None:
        if BudgetLine.objects.select_related("version").get(pk=self.line_id).version.is_locked:
            raise ImmutableError()
        super().save(*args, **kwargs)


class EquityBand(models.Model):
    """A band of Nationella rådet's equity cap entered by the förbund, with its source.

    It replaces the unconfirmed bands of the parameter file (params/equity_cap.toml).
    """

    association = models.ForeignKey(
        Association, on_delete=models.CASCADE, related_name="equity_bands"
    )
    up_to = models.BigIntegerField(
        _("medlemsbidrag upp till (öre)"), null=True, blank=True, help_text=_("Tomt: ingen gräns.")
    )
    percent = models.DecimalField(
        _("högst procent av medlemsbidragen"), max_digits=5, decimal_places=2
    )
    source = models.CharField(_("källa"), max_length=300)

    class Meta:
        ordering = ["up_to"]


class FinancialGoal(models.Model):
    """A financial goal the förbund set for a year, with its target (core.goals evaluates it).

    Only the goals written here are judged and printed: a förbund with no goal of a kind
    gets no verdict on it.
    """

    class Measure(models.TextChoices):
        RESULT = "balance", _("Årets resultat minst ett belopp")
        EQUITY_CAP = "equity_vs_cap", _("Eget kapital inom taket")
        EQUITY_BAND = "equity_band", _("Eget kapital inom ett intervall (kr)")
        ADMIN = "admin_share", _("Administrationen högst en andel av kostnaderna")
        INSATSER = "insats_share", _("Insatserna minst en andel av kostnaderna")
        MANUAL = "manual", _("Fritt formulerat mål som bedöms för hand")

    class Verdict(models.TextChoices):
        NONE = "", _("Inte bedömt")
        MET = "met", _("Uppfyllt")
        UNMET = "unmet", _("Inte uppfyllt")

    association = models.ForeignKey(
        Association, on_delete=models.CASCADE, related_name="financial_goals"
    )
    year = models.PositiveIntegerField(_("år"))
    measure = models.CharField(_("slag av mål"), max_length=20, choices=Measure.choices)
    low_amount = models.BigIntegerField(_("lägst (öre)"), null=True, blank=True)
    high_amount = models.BigIntegerField(_("högst (öre)"), null=True, blank=True)
    low_percent = models.DecimalField(
        _("lägst procent"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    high_percent = models.DecimalField(
        _("högst procent"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    text = models.TextField(_("målet med förbundets ord"), blank=True)
    verdict = models.CharField(
        _("bedömning"), max_length=5, choices=Verdict.choices, blank=True, default=""
    )

    class Meta:
        ordering = ["year", "id"]
