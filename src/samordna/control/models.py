"""Closing the year's control: the internkontrollplan, the auditors and their reports, the
members' discharge, the board's minutes and the delegationsordning.

People named here are the förbund's own (officers, auditors, board members), never
participants; every text field is checked for personnummer like all others.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from samordna.associations.models import Association, Member
from samordna.core.internal_control import CONSEQUENCE, LIKELIHOOD, RiskLevel, risk_level
from samordna.interventions.models import Decision, Meeting

YEAR = [MinValueValidator(2004), MaxValueValidator(2100)]


class ControlPlan(models.Model):
    """The year's internkontrollplan, decided by the board."""

    association = models.ForeignKey(
        Association, on_delete=models.CASCADE, related_name="control_plans"
    )
    year = models.PositiveIntegerField(_("år"), validators=YEAR)
    decision = models.ForeignKey(
        Decision,
        verbose_name=_("styrelsens beslut i beslutsregistret"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_on = models.DateField(_("beslutsdatum"), null=True, blank=True)
    paragraph = models.CharField(_("paragraf"), max_length=20, blank=True)
    note = models.TextField(_("kommentar"), blank=True)

    class Meta:
        ordering = ["-year"]
        constraints = [
            models.UniqueConstraint(fields=["association", "year"], name="one_control_plan_a_year")
        ]

    def __str__(self) -> str:
        return f"Internkontrollplan {self.year}"

    @property
    def decided(self) -> str:
        """ "2015-11-11 §7", from the register or as typed; "" when not decided."""
        if self.decision is not None:
            return self.decision.citation
        if self.decided_on is None:
            return ""
        paragraph = f" §{self.paragraph.lstrip('§ ')}" if self.paragraph else ""
        return f"{self.decided_on.isoformat()}{paragraph}"


class Risk(models.Model):
    class Frequency(models.TextChoices):
        ONGOING = "ongoing", _("Löpande")
        MONTHLY = "monthly", _("Varje månad")
        QUARTERLY = "quarterly", _("Varje kvartal")
        TERTIAL = "tertial", _("Varje tertial")
        HALF_YEAR = "half_year", _("Varje halvår")
        YEARLY = "yearly", _("En gång om året")

    plan = models.ForeignKey(ControlPlan, on_delete=models.CASCADE, related_name="risks")
    name = models.CharField(_("risk"), max_length=200)
    likelihood = models.PositiveSmallIntegerField(
        _("sannolikhet"), choices=sorted(LIKELIHOOD.items())
    )
    consequence = models.PositiveSmallIntegerField(
        _("konsekvens"), choices=sorted(CONSEQUENCE.items())
    )
    control = models.TextField(_("kontroll"))
    responsible = models.CharField(
        _("ansvarig"),
        max_length=200,
        help_text=_("En funktion (förbundschef, ekonom) eller en tjänstemans namn."),
    )
    frequency = models.CharField(_("hur ofta"), max_length=12, choices=Frequency.choices)

    class Meta:
        ordering = ["plan", "id"]

    def __str__(self) -> str:
        return self.name

    @property
    def level(self) -> RiskLevel:
        return risk_level(self.likelihood, self.consequence)


class ControlResult(models.Model):
    """A control carried out and followed up: when, what it showed."""

    class Outcome(models.TextChoices):
        OK = "ok", _("Utan anmärkning")
        REMARK = "remark", _("Brister, åtgärd behövs")
        NOT_DONE = "not_done", _("Inte genomförd")

    risk = models.ForeignKey(Risk, on_delete=models.CASCADE, related_name="results")
    date = models.DateField(_("datum"))
    outcome = models.CharField(_("resultat"), max_length=10, choices=Outcome.choices)
    comment = models.TextField(_("kommentar"), blank=True)

    class Meta:
        ordering = ["date", "id"]

    def __str__(self) -> str:
        return f"{self.date} {self.get_outcome_display()}"


class Auditor(models.Model):
    association = models.ForeignKey(Association, on_delete=models.CASCADE, related_name="auditors")
    year = models.PositiveIntegerField(_("år"), validators=YEAR)
    name = models.CharField(_("namn"), max_length=200)
    appointed_by = models.ForeignKey(
        Member,
        verbose_name=_("utsedd av"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        help_text=_("Tomt: gemensam revisor för flera medlemmar."),
    )
    authorised = models.BooleanField(_("auktoriserad revisor"), default=False)

    class Meta:
        ordering = ["year", "appointed_by__position", "id"]

    def __str__(self) -> str:
        return self.name


class AuditReport(models.Model):
    """A report from the auditors (revisionsberättelse, granskningsrapport) as its PDF."""

    association = models.ForeignKey(
        Association, on_delete=models.CASCADE, related_name="audit_reports"
    )
    year = models.PositiveIntegerField(_("år"), validators=YEAR)
    title = models.CharField(_("rubrik"), max_length=200)
    file = models.BinaryField(_("fil"))
    filename = models.CharField(_("filnamn"), max_length=200)
    size = models.PositiveIntegerField(_("storlek (byte)"))
    uploaded_at = models.DateTimeField(auto_now_add=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["year", "uploaded_at", "id"]

    def __str__(self) -> str:
        return self.title


class Discharge(models.Model):
    """A member's decision on the board's discharge (ansvarsfrihet) for a year."""

    class Outcome(models.TextChoices):
        GRANTED = "beviljad", _("Beviljad")
        REFUSED = "inte_beviljad", _("Inte beviljad")

    association = models.ForeignKey(
        Association, on_delete=models.CASCADE, related_name="discharges"
    )
    year = models.PositiveIntegerField(_("år"), validators=YEAR)
    member = models.ForeignKey(Member, verbose_name=_("medlem"), on_delete=models.PROTECT)
    decided_on = models.DateField(_("medlemmens beslutsdatum"))
    outcome = models.CharField(_("beslut"), max_length=16, choices=Outcome.choices)
    note = models.CharField(_("kommentar"), max_length=300, blank=True)

    class Meta:
        ordering = ["year", "member__position", "member_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["association", "year", "member"], name="one_discharge_per_member_year"
            )
        ]

    def __str__(self) -> str:
        return f"{self.member} {self.year}"


class Minutes(models.Model):
    """The minutes of a board meeting: who checks them (justerare) and when they did."""

    meeting = models.OneToOneField(Meeting, on_delete=models.CASCADE, related_name="minutes")
    adjusters = models.CharField(
        _("justerare"),
        max_length=300,
        help_text=_("Namnen på de ledamöter som justerar, åtskilda med komma."),
    )
    adjusted_on = models.DateField(_("justerat den"), null=True, blank=True)
    note = models.CharField(_("kommentar"), max_length=300, blank=True)

    class Meta:
        ordering = ["-meeting__date"]

    def __str__(self) -> str:
        return f"Protokoll {self.meeting}"


class DelegationMatter(models.Model):
    """A point of the delegationsordning: what the chef may decide, and up to which amount."""

    association = models.ForeignKey(
        Association, on_delete=models.CASCADE, related_name="delegation_matters"
    )
    text = models.CharField(_("ärende"), max_length=300)
    limit = models.BigIntegerField(_("högsta belopp (öre)"), null=True, blank=True)
    valid_from = models.DateField(_("gäller från"))
    valid_to = models.DateField(_("gäller till"), null=True, blank=True)
    decision = models.ForeignKey(
        Decision,
        verbose_name=_("styrelsens beslut om delegationen"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["valid_from", "id"]

    def __str__(self) -> str:
        return self.text


class DelegationUse(models.Model):
    """What a delegation decision in the register was taken under, and its amount."""

    decision = models.OneToOneField(Decision, on_delete=models.CASCADE, related_name="delegation")
    matter = models.ForeignKey(
        DelegationMatter,
        verbose_name=_("punkt i delegationsordningen"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="uses",
    )
    amount = models.BigIntegerField(_("belopp (öre)"), null=True, blank=True)

    def __str__(self) -> str:
        return f"Delegation {self.decision.citation}"
