"""Bulk writes the app makes, recorded as the single saves are (Django sends no signals for
`bulk_create` and `QuerySet.update`)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypeVar

from auditlog.context import auditlog_disabled
from auditlog.diff import model_instance_diff
from django.db import models, transaction

from samordna.audit.models import Change

M = TypeVar("M", bound=models.Model)


def bulk_create(model: type[M], objects: Iterable[M]) -> list[M]:
    """`model.objects.bulk_create(objects)`, each new object on record."""
    created = model._default_manager.bulk_create(list(objects))
    if not auditlog_disabled.get():
        for instance in created:
            _record(Change.Action.CREATE, instance, model_instance_diff(None, instance))
    return created


@transaction.atomic
def update(queryset: models.QuerySet[Any], **values: Any) -> int:
    """`queryset.update(**values)`, each changed object on record with before and after."""
    before = list(queryset)
    count = queryset.update(**values)
    if not auditlog_disabled.get():
        for old in before:
            new = queryset.model._default_manager.get(pk=old.pk)
            changes = model_instance_diff(old, new, fields_to_check=list(values))
            if changes:
                _record(Change.Action.UPDATE, new, changes)
    return count


def _record(action: int, instance: models.Model, changes: Any) -> None:
    Change.objects.log_create(instance, action=action, changes=changes)
