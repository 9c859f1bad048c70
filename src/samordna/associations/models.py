"""The förbund, its members, their populations, the people of its organisation,
and who may use it."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from samordna.core.orgnr import OrgNumberError, normalize_org_number


def validate_org_number(value: str) -> None:
    try:
        normalize_org_number(value)
    except OrgNumberError as error:
        raise ValidationError(str(error)) from error


class Association(models.Model):
    slug = models.SlugField(_("kortnamn"), max_length=60, unique=True)
    name = models.CharField(_("namn"), max_length=200)
    org_number = models.CharField(
        _("organisationsnummer"),
        max_length=11,
        blank=True,
        validators=[validate_org_number],
        help_text=_("Tomt tills förbundet har fått sitt organisationsnummer."),
    )
    formed_on = models.DateField(_("bildat"), null=True, blank=True)
    address = models.TextField(_("adress"), blank=True)
    website = models.URLField(_("webbplats"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("förbund")

    def __str__(self) -> str:
        return self.name

    def save(self, *args: object, **kwargs: object) -> None:
        if self.org_number:
            self.org_number = normalize_org_number(self.org_number)
        super().save(*args, **kwargs)  # type: ignore[arg-type]


class Member(models.Model):
    class Kind(models.TextChoices):
        FK = "fk", _("Försäkringskassan")
        AF = "af", _("Arbetsförmedlingen")
        REGION = "region", _("Region")
        MUNICIPALITY = "municipality", _("Kommun")

    association = models.ForeignKey(Association, on_delete=models.CASCADE, related_name="members")
    name = models.CharField(_("namn"), max_length=200)
    kind = models.CharField(_("typ"), max_length=20, choices=Kind.choices)
    region = models.ForeignKey(
        "self",
        verbose_name=_("region"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="municipalities",
        limit_choices_to={"kind": "region"},
    )
    agreed_share = models.DecimalField(
        _("avtalad andel (%)"),
        max_digits=7,
        decimal_places=4,
        null=True,
        blank=True,
        help_text=_(
            "Andel av partens fjärdedel enligt förbundsordningen. Tomt: fördela efter invånare."
        ),
    )
    position = models.PositiveIntegerField(_("ordning"), default=0)

    class Meta:
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["association", "name"], name="unique_member_name")
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.region_id and self.kind != self.Kind.MUNICIPALITY:
            raise ValidationError({"region": _("Bara en kommun hör till en region.")})
        if self.region is not None and self.region.association_id != self.association_id:
            raise ValidationError({"region": _("Regionen måste vara medlem i samma förbund.")})


class Population(models.Model):
    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="populations")
    year = models.PositiveIntegerField(_("år"))
    count = models.PositiveIntegerField(_("invånare"))
    reference_date = models.DateField(_("avser datum"))
    source = models.CharField(_("källa"), max_length=300)

    class Meta:
        ordering = ["-year"]
        constraints = [
            models.UniqueConstraint(fields=["member", "year"], name="unique_population_year")
        ]


class BoardSeat(models.Model):
    class Seat(models.TextChoices):
        REGULAR = "regular", _("Ledamot")
        DEPUTY = "deputy", _("Ersättare")

    class Role(models.TextChoices):
        NONE = "", _("—")
        CHAIR = "chair", _("Ordförande")
        VICE_CHAIR = "vice_chair", _("Vice ordförande")

    association = models.ForeignKey(Association, on_delete=models.CASCADE, related_name="seats")
    member = models.ForeignKey(Member, verbose_name=_("medlem"), on_delete=models.CASCADE)
    person_name = models.CharField(_("namn"), max_length=200, blank=True)
    seat = models.CharField(_("uppdrag"), max_length=10, choices=Seat.choices)
    role = models.CharField(_("roll"), max_length=12, choices=Role.choices, blank=True)
    party = models.CharField(_("parti"), max_length=100, blank=True)
    term_start = models.DateField(_("mandat från"), null=True, blank=True)
    term_end = models.DateField(_("mandat till"), null=True, blank=True)

    class Meta:
        ordering = ["member__position", "member_id", "seat"]


class Officer(models.Model):
    """A person of the förbund's organisation who is not on the board."""

    class Group(models.TextChoices):
        OFFICE = "office", _("Kansli")
        PREPARATORY = "preparatory", _("Beredningsgrupp")
        AUDITOR = "auditor", _("Revisor")

    association = models.ForeignKey(Association, on_delete=models.CASCADE, related_name="officers")
    group = models.CharField(_("grupp"), max_length=12, choices=Group.choices)
    person_name = models.CharField(_("namn"), max_length=200, blank=True)
    title = models.CharField(_("befattning"), max_length=200)
    member = models.ForeignKey(
        Member, verbose_name=_("organisation"), on_delete=models.SET_NULL, null=True, blank=True
    )

    class Meta:
        ordering = ["group", "id"]


class Membership(models.Model):
    """A user's role in one förbund. Nobody sees a förbund they have no membership in."""

    class Role(models.TextChoices):
        CHEF = "chef", _("Förbundschef/ekonom")
        BOARD = "styrelse", _("Styrelse")
        STAFF = "insatspersonal", _("Insatspersonal")
        AUDITOR = "revisor", _("Revisor")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    association = models.ForeignKey(
        Association, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("roll"), max_length=20, choices=Role.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "association"], name="unique_membership")
        ]

    @property
    def can_edit(self) -> bool:
        return self.role == self.Role.CHEF
