"""Insatser, applications, meetings and decisions: the board's year.

Every funded thing cites its decision; a decision links to what it decided.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from samordna.associations.models import Association, BoardSeat, Member
from samordna.core.intervention_status import STATUSES


class Kind(models.TextChoices):
    INDIVIDUAL = "individual", _("Individinriktad")
    STRUCTURAL = "structural", _("Strukturinriktad")


class Meeting(models.Model):
    class Body(models.TextChoices):
        BOARD = "styrelse", _("Styrelsen")
        PREPARATORY = "beredning", _("Beredningsgruppen")

    association = models.ForeignKey(Association, on_delete=models.CASCADE, related_name="meetings")
    body = models.CharField(_("organ"), max_length=10, choices=Body.choices, default="styrelse")
    date = models.DateField(_("datum"))
    note = models.TextField(_("anteckning"), blank=True)

    class Meta:
        ordering = ["-date"]

    def __str__(self) -> str:
        return f"{self.get_body_display()} {self.date}"


class MeetingPlan(models.Model):
    """How often a body meets in a year before the dates are set: "styrelsen sammanträder
    6 gånger 2027", or in which months ("mars, juni, september"). Dated meetings are `Meeting`.
    """

    association = models.ForeignKey(
        Association, on_delete=models.CASCADE, related_name="meeting_plans"
    )
    year = models.PositiveIntegerField(_("år"))
    body = models.CharField(
        _("organ"), max_length=10, choices=Meeting.Body.choices, default="styrelse"
    )
    count = models.PositiveSmallIntegerField(_("antal sammanträden"), null=True, blank=True)
    months = models.CharField(_("månader"), max_length=40, blank=True)  # "3,6,9"
    note = models.CharField(_("tillägg"), max_length=200, blank=True)

    class Meta:
        ordering = ["year", "body"]
        constraints = [
            models.UniqueConstraint(
                fields=["association", "year", "body"], name="unique_meeting_plan_year_body"
            )
        ]

    @property
    def month_numbers(self) -> list[int]:
        return [int(m) for m in self.months.split(",") if m.strip().isdecimal()]

    def __str__(self) -> str:
        return f"{self.get_body_display()} {self.year}"


class Attendance(models.Model):
    class PresentAs(models.TextChoices):
        REGULAR = "ledamot", _("Ledamot")
        DEPUTY = "ersattare", _("Ersättare")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendance")
    seat = models.ForeignKey(BoardSeat, on_delete=models.CASCADE)
    present_as = models.CharField(_("närvarande som"), max_length=10, choices=PresentAs.choices)


class Decision(models.Model):
    class DecisionKind(models.TextChoices):
        GRANTED = "beviljad", _("Insats beviljad")
        EXTENDED = "forlangd", _("Insats förlängd")
        ENDED = "avslutad", _("Insats avslutad")
        REJECTED = "avslag", _("Ansökan avslagen")
        BUDGET = "budget", _("Budget beslutad eller reviderad")
        DELEGATION = "delegation", _("Delegation")
        OTHER = "ovrigt", _("Övrigt")

    association = models.ForeignKey(Association, on_delete=models.CASCADE, related_name="decisions")
    meeting = models.ForeignKey(
        Meeting, on_delete=models.SET_NULL, null=True, blank=True, related_name="decisions"
    )
    date = models.DateField(_("datum"))
    paragraph = models.CharField(_("paragraf"), max_length=20, blank=True)
    kind = models.CharField(_("slag"), max_length=12, choices=DecisionKind.choices)
    text = models.TextField(_("beslut"))
    intervention = models.ForeignKey(
        "Intervention", on_delete=models.SET_NULL, null=True, blank=True, related_name="decisions"
    )
    budget_version = models.ForeignKey(
        "budgets.BudgetVersion",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="decisions",
        verbose_name=_("budgetversion"),
    )
    by_delegation = models.BooleanField(_("fattat på delegation"), default=False)
    reported_at = models.ForeignKey(
        Meeting,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reported_decisions",
        verbose_name=_("anmält vid sammanträde"),
    )

    class Meta:
        ordering = ["-date", "-id"]

    @property
    def citation(self) -> str:
        """ "2024-03-11 §34", as plans cite decisions."""
        paragraph = f" §{self.paragraph.lstrip('§ ')}" if self.paragraph else ""
        return f"{self.date.isoformat()}{paragraph}"

    def __str__(self) -> str:
        return f"{self.citation} {self.text[:60]}"


class Intervention(models.Model):
    association = models.ForeignKey(
        Association, on_delete=models.CASCADE, related_name="interventions"
    )
    name = models.CharField(_("namn"), max_length=200)
    kind = models.CharField(_("slag"), max_length=12, choices=Kind.choices)
    status = models.CharField(
        _("status"), max_length=20, choices=list(STATUSES.items()), default="ide"
    )
    members = models.ManyToManyField(
        Member,
        blank=True,
        verbose_name=_("utförande medlemmar"),
        help_text=_("Minst två parter från ansökan; en idé kan sparas innan parterna är klara."),
    )
    target_group = models.TextField(_("målgrupp"), blank=True)
    start = models.DateField(_("start"), null=True, blank=True)
    end = models.DateField(_("slut"), null=True, blank=True)
    granted_start = models.DateField(
        _("finansiering beviljad från"),
        null=True,
        blank=True,
        help_text=_("Början på den första beviljade perioden; treårsgränsen räknas härifrån."),
    )
    planned_participants = models.PositiveIntegerField(
        _("planerat antal deltagare"), null=True, blank=True
    )
    esf = models.BooleanField(_("ESF-finansierad"), default=False)
    cofinancing = models.CharField(_("medfinansiering"), max_length=300, blank=True)
    contact = models.CharField(_("kontaktperson"), max_length=200, blank=True)
    staff = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, verbose_name=_("insatspersonal med tillgång")
    )

    class Meta:
        ordering = ["kind", "name"]

    def __str__(self) -> str:
        return self.name


class StatusChange(models.Model):
    intervention = models.ForeignKey(
        Intervention, on_delete=models.CASCADE, related_name="status_changes"
    )
    status = models.CharField(_("status"), max_length=20, choices=list(STATUSES.items()))
    date = models.DateField(_("datum"))
    decision = models.ForeignKey(Decision, on_delete=models.SET_NULL, null=True, blank=True)

    class Meta:
        ordering = ["date", "id"]


class InterventionGoal(models.Model):
    intervention = models.ForeignKey(Intervention, on_delete=models.CASCADE, related_name="goals")
    text = models.CharField(_("mål"), max_length=300)
    indicator = models.CharField(_("indikator"), max_length=300, blank=True)
    target = models.CharField(_("målvärde"), max_length=100, blank=True)


class InterventionBudget(models.Model):
    intervention = models.ForeignKey(
        Intervention, on_delete=models.CASCADE, related_name="budget_years"
    )
    year = models.PositiveIntegerField(_("år"))
    amount = models.BigIntegerField(_("belopp (öre)"))

    class Meta:
        ordering = ["year"]
        constraints = [
            models.UniqueConstraint(fields=["intervention", "year"], name="unique_insats_year")
        ]


class StructuralActivity(models.Model):
    """Volume of a structural insats: participants per member organisation and activity."""

    intervention = models.ForeignKey(
        Intervention, on_delete=models.CASCADE, related_name="activities"
    )
    year = models.PositiveIntegerField(_("år"))
    member = models.ForeignKey(Member, on_delete=models.CASCADE, verbose_name=_("organisation"))
    activity = models.CharField(_("aktivitet"), max_length=300)
    participants = models.PositiveIntegerField(_("deltagare"))


class AnnualReport(models.Model):
    intervention = models.ForeignKey(Intervention, on_delete=models.CASCADE, related_name="reports")
    year = models.PositiveIntegerField(_("år"))
    how_it_went = models.TextField(_("hur gick det"), blank=True)
    obstacles = models.TextField(_("hinder"), blank=True)
    success_factors = models.TextField(_("vad fick det att fungera"), blank=True)
    goal_fulfilment = models.TextField(_("måluppfyllelse"), blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["intervention", "year"], name="unique_report_year")
        ]


class Application(models.Model):
    class Status(models.TextChoices):
        FILED = "inlamnad", _("Inlämnad")
        PREPARED = "beredd", _("Beredd")
        GRANTED = "beviljad", _("Beviljad")
        PARTLY = "delvis", _("Delvis beviljad")
        REJECTED = "avslagen", _("Avslagen")

    association = models.ForeignKey(
        Association, on_delete=models.CASCADE, related_name="applications"
    )
    title = models.CharField(_("insatsens namn"), max_length=200)
    kind = models.CharField(_("slag"), max_length=12, choices=Kind.choices, default="individual")
    applicants = models.ManyToManyField(Member, verbose_name=_("sökande medlemmar"))
    description = models.TextField(_("beskrivning"))
    target_group = models.TextField(_("målgrupp"))
    goals = models.TextField(_("mål"))
    start = models.DateField(_("önskad start"))
    end = models.DateField(_("önskat slut"))
    requested = models.BigIntegerField(_("sökt belopp totalt (öre)"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default="inlamnad"
    )
    filed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    filed_at = models.DateTimeField(auto_now_add=True)
    preparation = models.TextField(_("beredningsgruppens kommentar"), blank=True)
    recommendation = models.CharField(_("rekommendation"), max_length=200, blank=True)
    decision = models.ForeignKey(Decision, on_delete=models.SET_NULL, null=True, blank=True)
    intervention = models.ForeignKey(Intervention, on_delete=models.SET_NULL, null=True, blank=True)

    class Meta:
        ordering = ["-filed_at"]


class ApplicationBudget(models.Model):
    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="budget_years"
    )
    year = models.PositiveIntegerField(_("år"))
    amount = models.BigIntegerField(_("belopp (öre)"))

    class Meta:
        ordering = ["year"]
