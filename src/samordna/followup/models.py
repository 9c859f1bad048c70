"""Participants' episodes (pseudonymous), the förbund's sub-goal targets, support costs for the
socio-economic estimate, indicators with their targets and answers, and anonymous survey links.

No model holds a name, a personnummer, an address or anything else that identifies a person;
free text is searched for personnummer before it is saved (see forms and imports).
"""

from __future__ import annotations

import secrets

from django.db import models
from django.utils.translation import gettext_lazy as _

from samordna.associations.models import Association, Member
from samordna.core.followup import END_REASONS, INCOMES, MEASURES, OCCUPATIONS, SEX_CHOICES
from samordna.core.indicators import GROUPS
from samordna.core.socioeconomic import ACTORS
from samordna.interventions.models import Intervention

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(8))


def new_token() -> str:
    return secrets.token_urlsafe(16)


def _choices(words: dict[str, str]) -> list[tuple[str, str]]:
    return list(words.items())


class Episode(models.Model):
    intervention = models.ForeignKey(
        Intervention, on_delete=models.CASCADE, related_name="episodes", verbose_name=_("insats")
    )
    code = models.CharField(_("kod"), max_length=12, unique=True, default=new_code)
    sex = models.CharField(_("kön"), max_length=6, choices=_choices(SEX_CHOICES))
    birth_year = models.PositiveIntegerField(_("födelseår"))
    start = models.DateField(_("start"))
    end = models.DateField(_("slut"), null=True, blank=True)
    main_referrer = models.ForeignKey(
        Member,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("huvudremitterande"),
    )
    co_referrers = models.ManyToManyField(
        Member, blank=True, related_name="+", verbose_name=_("medremitterande")
    )
    income_start = models.CharField(
        _("försörjning vid start"), max_length=24, choices=_choices(INCOMES), blank=True
    )
    income_end = models.CharField(
        _("försörjning vid avslut"), max_length=24, choices=_choices(INCOMES), blank=True
    )
    occupation_start = models.CharField(
        _("sysselsättning vid start"), max_length=24, choices=_choices(OCCUPATIONS), blank=True
    )
    occupation_end = models.CharField(
        _("sysselsättning vid avslut"), max_length=24, choices=_choices(OCCUPATIONS), blank=True
    )
    end_reason = models.CharField(
        _("avslutsorsak"), max_length=24, choices=_choices(END_REASONS), blank=True
    )
    quality_start = models.PositiveSmallIntegerField(
        _("livskvalitet vid start (0–10)"), null=True, blank=True
    )
    quality_end = models.PositiveSmallIntegerField(
        _("livskvalitet vid avslut (0–10)"), null=True, blank=True
    )
    consent_given = models.DateField(_("samtycke lämnat"), null=True, blank=True)
    consent_expires = models.DateField(_("samtycke gäller till"), null=True, blank=True)
    consent_revoked = models.DateField(_("samtycke återkallat"), null=True, blank=True)
    synthetic = models.BooleanField(_("påhittad (demodata)"), default=False, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-start", "code"]
        verbose_name = _("deltagare")

    def __str__(self) -> str:
        return self.code


class StepChange(models.Model):
    episode = models.ForeignKey(Episode, on_delete=models.CASCADE, related_name="steps")
    date = models.DateField(_("datum"))
    note = models.CharField(_("vad som hände"), max_length=200, blank=True)

    class Meta:
        ordering = ["date"]


class FollowupTarget(models.Model):
    association = models.ForeignKey(
        Association, on_delete=models.CASCADE, related_name="followup_targets"
    )
    year = models.PositiveIntegerField(_("år"))
    measure = models.CharField(_("delmål"), max_length=20, choices=_choices(MEASURES))
    part = models.PositiveIntegerField(_("minst"))
    of = models.PositiveIntegerField(_("av"), default=10)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["association", "year", "measure"], name="one_target_per_measure"
            )
        ]


class SupportCost(models.Model):
    """The förbund's own monthly cost of a support type for one actor, from a date."""

    association = models.ForeignKey(
        Association, on_delete=models.CASCADE, related_name="support_costs"
    )
    valid_from = models.DateField(_("gäller från"))
    income = models.CharField(_("försörjning"), max_length=24, choices=_choices(INCOMES))
    actor = models.CharField(_("aktör"), max_length=8, choices=_choices(ACTORS))
    amount = models.BigIntegerField(_("kostnad per månad (öre)"))
    source = models.CharField(_("källa"), max_length=300)

    class Meta:
        ordering = ["-valid_from", "income", "actor"]


class Indicator(models.Model):
    association = models.ForeignKey(
        Association, on_delete=models.CASCADE, related_name="indicators"
    )
    number = models.PositiveSmallIntegerField(_("nummer"))
    text = models.TextField(_("frågans lydelse"), blank=True)
    group = models.CharField(_("svarsgrupp"), max_length=24, choices=_choices(GROUPS))
    scale_max = models.PositiveSmallIntegerField(_("skalans högsta steg"), default=7)
    top_steps = models.PositiveSmallIntegerField(
        _("antal översta steg som räknas som uppfyllt"), default=2
    )
    by_sex = models.BooleanField(_("redovisas per kön"), default=False)

    class Meta:
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["association", "number"], name="one_indicator_number")
        ]

    def __str__(self) -> str:
        return f"Indikator {self.number}"


class IndicatorTarget(models.Model):
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="targets")
    year = models.PositiveIntegerField(_("år"))
    percent = models.PositiveSmallIntegerField(_("mål (procent)"))

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["indicator", "year"], name="one_indicator_target")
        ]


class SurveyLink(models.Model):
    """A link to the anonymous form, per insats, respondent group and year."""

    association = models.ForeignKey(
        Association, on_delete=models.CASCADE, related_name="survey_links"
    )
    intervention = models.ForeignKey(
        Intervention, on_delete=models.CASCADE, null=True, blank=True, verbose_name=_("insats")
    )
    group = models.CharField(_("svarsgrupp"), max_length=24, choices=_choices(GROUPS))
    year = models.PositiveIntegerField(_("år"))
    token = models.CharField(max_length=40, unique=True, default=new_token)
    machine_made_fields = ("token",)
    open = models.BooleanField(_("öppen för svar"), default=True)

    class Meta:
        ordering = ["-year", "group"]


class SurveyTicket(models.Model):
    """A ticket used by an answer: one answer per ticket (the form hands out signed tickets)."""

    link = models.ForeignKey(SurveyLink, on_delete=models.CASCADE, related_name="tickets")
    ticket = models.CharField(max_length=40, unique=True, default=new_token)
    machine_made_fields = ("ticket",)


class IndicatorResponse(models.Model):
    """One answer to one indicator: the step, the year and, where asked, the sex; nothing else."""

    class Via(models.TextChoices):
        TYPED = "typed", _("inskrivet")
        IMPORTED = "imported", _("importerat")
        FORM = "form", _("webbformulär")

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="responses")
    intervention = models.ForeignKey(
        Intervention, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    year = models.PositiveIntegerField(_("år"))
    score = models.PositiveSmallIntegerField(_("svar (steg)"))
    sex = models.CharField(_("kön"), max_length=6, choices=_choices(SEX_CHOICES), blank=True)
    via = models.CharField(max_length=10, choices=Via.choices, default=Via.TYPED)


class ParticipantRule(models.Model):
    """The förbund's own dated rules for participants' data, from a date on: how long a consent
    to lift secrecy holds, and how long an ended episode is kept before it is removed."""

    association = models.ForeignKey(
        Association, on_delete=models.CASCADE, related_name="participant_rules"
    )
    valid_from = models.DateField(_("gäller från"))
    consent_months = models.PositiveSmallIntegerField(_("samtycket gäller (månader)"), default=24)
    retention_months = models.PositiveSmallIntegerField(
        _("avslutade deltagare sparas (månader efter avslut)"),
        null=True,
        blank=True,
        help_text=_("Tomt: Samordna gallrar inte förrän förbundet har bestämt en tid."),
    )
    decision = models.CharField(_("beslut eller källa"), max_length=300, blank=True)

    class Meta:
        ordering = ["-valid_from"]
        verbose_name = _("regel för deltagaruppgifter")
        constraints = [
            models.UniqueConstraint(
                fields=["association", "valid_from"], name="one_participant_rule_per_day"
            )
        ]

    def __str__(self) -> str:
        return f"Regel från {self.valid_from.isoformat()}"


class RemovedEpisodes(models.Model):
    """What retention removed, aggregated: how many ended episodes of an insats, ending in a
    year, by sex and end reason. No code, no dates, no single person's row."""

    association = models.ForeignKey(
        Association, on_delete=models.CASCADE, related_name="removed_episodes"
    )
    intervention = models.ForeignKey(
        Intervention, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    intervention_name = models.CharField(_("insats"), max_length=200)
    year = models.PositiveIntegerField(_("avslutade år"))
    sex = models.CharField(_("kön"), max_length=6, choices=_choices(SEX_CHOICES))
    end_reason = models.CharField(
        _("avslutsorsak"), max_length=24, choices=_choices(END_REASONS), blank=True
    )
    count = models.PositiveIntegerField(_("antal"))
    removed_on = models.DateField(_("gallrat"))

    class Meta:
        ordering = ["-removed_on", "year", "intervention_name"]
        verbose_name = _("gallrade deltagare")


class RemovedTally(models.Model):
    """The follow-up counts that removed episodes made up for one insats and year (every year
    an episode ran), kept so that the year's reports read the same after retention. Counts
    only (`core.stored_tally`): no code, no dates."""

    association = models.ForeignKey(
        Association, on_delete=models.CASCADE, related_name="removed_tallies"
    )
    intervention = models.ForeignKey(
        Intervention, on_delete=models.CASCADE, related_name="removed_tallies"
    )
    year = models.PositiveIntegerField(_("år"))
    counts = models.JSONField(_("antal"))
    removed_on = models.DateField(_("gallrat"))

    class Meta:
        ordering = ["year", "intervention"]
        verbose_name = _("gallrade deltagares antal")
