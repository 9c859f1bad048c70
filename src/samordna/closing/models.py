"""The förbund's own exceptions to the default mapping of accounts to statement lines."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from samordna.associations.models import Association
from samordna.core.statements import line_choices


class StatementAccount(models.Model):
    """From `from_year` on, the account's amounts stand on `line` (core.statements.LINES)."""

    association = models.ForeignKey(
        Association, on_delete=models.CASCADE, related_name="statement_accounts"
    )
    account = models.CharField(_("konto"), max_length=10)
    line = models.CharField(_("rad"), max_length=30, choices=line_choices())
    from_year = models.PositiveIntegerField(_("gäller från år"))
    changed_at = models.DateTimeField(auto_now=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True
    )

    class Meta:
        ordering = ["account", "from_year"]
        constraints = [
            models.UniqueConstraint(
                fields=["association", "account", "from_year"], name="unique_statement_account"
            )
        ]
