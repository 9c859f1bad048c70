"""The trail of every change: django-auditlog's log entry, tied to its förbund.

`association_pk` and `within` are written when the entry is made, from the changed
object itself, so the trail of a förbund stays readable after the object is gone.
Entries are only ever added: no page, command or admin edits or deletes them.
"""

from __future__ import annotations

from typing import Any

from auditlog.models import AbstractLogEntry, LogEntryManager
from django.db import models


class ChangeManager(LogEntryManager):
    def log_create(self, instance: Any, force_log: bool = False, **kwargs: Any) -> Any:
        from samordna.audit import registry

        _add_entry_fields(instance, kwargs)
        if kwargs.get("changes"):
            kwargs["changes"] = registry.readable_relations(instance, kwargs["changes"])
        return super().log_create(instance, force_log=force_log, **kwargs)

    def log_m2m_changes(
        self, changed_queryset: Any, instance: Any, *args: Any, **kwargs: Any
    ) -> Any:
        _add_entry_fields(instance, kwargs)
        return super().log_m2m_changes(changed_queryset, instance, *args, **kwargs)


def _add_entry_fields(instance: Any, kwargs: dict[str, Any]) -> None:
    from samordna.audit import registry

    for key, value in registry.entry_fields(instance).items():
        kwargs.setdefault(key, value)


class Change(AbstractLogEntry):
    class Event(models.TextChoices):
        CHANGE = "", "Ändring"
        SIGN_IN = "sign_in", "Inloggning"
        SIGN_IN_FAILED = "sign_in_failed", "Misslyckad inloggning"
        PASSWORD_CHANGED = "password_changed", "Lösenordet ändrat"
        PASSWORD_RESET = "password_reset", "Lösenordet återställt"
        MFA_ON = "mfa_on", "Tvåstegsverifiering påslagen"
        MFA_OFF = "mfa_off", "Tvåstegsverifiering borttagen"
        RECOVERY_CODES = "recovery_codes", "Nya reservkoder"

    action: models.PositiveSmallIntegerField[int, int] = models.PositiveSmallIntegerField(
        "händelse",
        db_index=True,
        choices=[
            (AbstractLogEntry.Action.CREATE, "Skapad"),
            (AbstractLogEntry.Action.UPDATE, "Ändrad"),
            (AbstractLogEntry.Action.DELETE, "Borttagen"),
            (AbstractLogEntry.Action.ACCESS, "Inloggning eller kontohändelse"),
        ],
    )
    association_pk: models.BigIntegerField[int | None, int | None] = models.BigIntegerField(
        null=True, blank=True, db_index=True
    )
    within: models.TextField[str, str] = models.TextField(
        blank=True, default=""
    )  # " app.model:pk …" of the object's parents
    actor_label: models.CharField[str, str] = models.CharField(
        max_length=200, blank=True, default=""
    )
    event: models.CharField[str, str] = models.CharField(
        "slag av kontohändelse", max_length=20, blank=True, default="", choices=Event.choices
    )

    objects = ChangeManager()

    class Meta(AbstractLogEntry.Meta):
        verbose_name = "ändring"
        verbose_name_plural = "ändringar"
        indexes = [models.Index(fields=["association_pk", "timestamp"], name="change_assoc_time")]
