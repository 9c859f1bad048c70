"""The year's outcome (utfall) from the accounting: accounts, amounts per month, balances,
and the förbund's mapping of accounts to budget lines."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from samordna.associations.models import Association
from samordna.core.budget import SECTION_CHOICES


class Account(models.Model):
    association = models.ForeignKey(Association, on_delete=models.CASCADE, related_name="accounts")
    number = models.CharField(_("konto"), max_length=10)
    name = models.CharField(_("kontonamn"), max_length=200)

    class Meta:
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["association", "number"], name="unique_account")
        ]


class AccountMapping(models.Model):
    """Which budget line (section and label) an account's amounts belong to."""

    association = models.ForeignKey(
        Association, on_delete=models.CASCADE, related_name="account_mappings"
    )
    account = models.CharField(_("konto"), max_length=10)
    section = models.CharField(_("avsnitt"), max_length=20, choices=SECTION_CHOICES)
    label = models.CharField(_("budgetrad"), max_length=300)

    class Meta:
        ordering = ["account"]
        constraints = [
            models.UniqueConstraint(fields=["association", "account"], name="unique_mapping")
        ]


class ActualAmount(models.Model):
    """The sum of an account's transactions in one month, as the file has it (öre, debit +)."""

    association = models.ForeignKey(Association, on_delete=models.CASCADE, related_name="actuals")
    year = models.PositiveIntegerField(_("år"))
    month = models.PositiveSmallIntegerField(_("månad"))
    account = models.CharField(_("konto"), max_length=10)
    amount = models.BigIntegerField(_("belopp (öre)"))

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["association", "year", "month", "account"], name="unique_actual"
            )
        ]


class Balance(models.Model):
    association = models.ForeignKey(Association, on_delete=models.CASCADE, related_name="balances")
    year = models.PositiveIntegerField(_("år"))
    account = models.CharField(_("konto"), max_length=10)
    opening = models.BigIntegerField(_("ingående balans (öre)"), default=0)
    closing = models.BigIntegerField(_("utgående balans (öre)"), default=0)
    # The year's result on a result account (#RES, or the vouchers' sum when the file has no
    # #RES), öre, debit positive; 0 on a balance account.
    result = models.BigIntegerField(_("årets resultat (öre)"), default=0)


class ActualImport(models.Model):
    association = models.ForeignKey(
        Association, on_delete=models.CASCADE, related_name="actual_imports"
    )
    year = models.PositiveIntegerField(_("år"))
    filename = models.CharField(_("fil"), max_length=300)
    company = models.CharField(_("företag enligt filen"), max_length=300, blank=True)
    accounts = models.PositiveIntegerField(default=0)
    transactions = models.PositiveIntegerField(default=0)
    vouchers = models.PositiveIntegerField(default=0)
    imported_at = models.DateTimeField(auto_now_add=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True
    )

    class Meta:
        ordering = ["-imported_at"]
