"""Which models are on record, whose förbund an object belongs to, and who is acting.

Every model of Samordna's own apps is registered with django-auditlog, except the
rows that only mirror an imported file (the import itself is on record), the stored choices
of the joint protection (computed, not changed by anyone) and the one-time tickets of the
anonymous survey (recording them could tie an answer to the person who was handed the ticket).
"""

from __future__ import annotations

import contextlib
import getpass
from collections.abc import Iterator
from contextvars import ContextVar
from typing import Any

from auditlog.registry import auditlog
from django.apps import apps
from django.core.exceptions import ObjectDoesNotExist
from django.db import models

NOT_RECORDED = {
    "audit.change",
    "actuals.actualamount",  # rows of an SIE file: the ActualImport records the import
    "actuals.balance",
    "followup.surveyticket",  # one-time tickets of the anonymous form
    "followup.protectionresult",  # a computed choice kept for speed; nobody changed anything
}
SKIPPED_FIELDS = {"position", "token", "token_hash", "password", "secret"}
# Shown on the pages only as an age band: the trail says that it changed, not what it was.
HIDDEN_FIELDS = {"followup.episode": ["birth_year"]}

_acting_as: ContextVar[str | None] = ContextVar("samordna_acting_as", default=None)


@contextlib.contextmanager
def acting_as(label: str) -> Iterator[None]:
    """Record changes made inside as done by `label` (e.g. "demo") when no user is signed in."""
    token = _acting_as.set(label)
    try:
        yield
    finally:
        _acting_as.reset(token)


def actor_label() -> str:
    label = _acting_as.get()
    if label is None:
        return f"kommandoraden ({getpass.getuser()})"
    return label


def label_of(model: type[models.Model]) -> str:
    return model._meta.label_lower


def recorded_models() -> list[type[models.Model]]:
    return [
        model
        for model in apps.get_models()
        if model.__module__.startswith("samordna.") and label_of(model) not in NOT_RECORDED
    ]


def register_models() -> None:
    for model in recorded_models():
        if auditlog.contains(model):
            continue
        fields = model._meta.get_fields()
        auditlog.register(
            model,
            exclude_fields=[f.name for f in fields if _skipped(f)],
            m2m_fields={f.name for f in fields if f.many_to_many and not f.auto_created},
            mask_fields=HIDDEN_FIELDS.get(label_of(model), []),
            mask_callable="samordna.audit.registry.hidden",
        )


def hidden(value: str) -> str:
    """The value of a hidden field as the trail keeps it."""
    return "(visas inte)" if value not in ("", "None") else "None"


def _skipped(field: Any) -> bool:
    """Fields the trail leaves out: ids, reverse relations, file contents (their file name is
    kept), and "saved at" stamps (the entry has its own time)."""
    if field.auto_created or getattr(field, "primary_key", False):
        return True
    if isinstance(field, models.BinaryField):
        return True
    automatic = getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False)
    return automatic or field.name in SKIPPED_FIELDS


def readable_relations(instance: models.Model, changes: dict[str, Any]) -> dict[str, Any]:
    """Related objects as a reader knows them ("Trollhättan", not a number)."""
    readable = dict(changes)
    for field in instance._meta.concrete_fields:
        if field.is_relation and isinstance(changes.get(field.name), (list, tuple)):
            before, after = changes[field.name]
            readable[field.name] = [_related(instance, field, v) for v in (before, after)]
    return readable


def _related(instance: models.Model, field: Any, value: Any) -> str:
    from samordna.audit.labels import describe

    if value in (None, "None", ""):
        return "None"
    if str(getattr(instance, field.attname)) == str(value):
        with contextlib.suppress(ObjectDoesNotExist):
            return describe(getattr(instance, field.name))
    related = field.related_model._default_manager.filter(pk=value).first()
    return describe(related) if related is not None else f"nr {value} (borttagen)"


def parents(instance: models.Model) -> list[models.Model]:
    """The object's owners up to its förbund, nearest first (a budget amount: line, version …)."""
    chain: list[models.Model] = []
    current: models.Model | None = instance
    while current is not None and label_of(type(current)) != "associations.association":
        current = _parent(current)
        if current is not None:
            chain.append(current)
        if len(chain) > 8:
            break
    return chain


def _parent(instance: models.Model) -> models.Model | None:
    relations = [f for f in instance._meta.concrete_fields if f.many_to_one or f.one_to_one]
    named = [f for f in relations if f.name == "association"]
    for field in named or relations[:1]:
        with contextlib.suppress(ObjectDoesNotExist):
            return getattr(instance, field.name)
    return None


def entry_fields(instance: models.Model) -> dict[str, Any]:
    """What the trail stores beside auditlog's own fields for a change of `instance`."""
    chain = parents(instance)
    association = next(
        (o for o in [instance, *chain] if label_of(type(o)) == "associations.association"), None
    )
    within = " ".join(f"{label_of(type(o))}:{o.pk}" for o in chain)
    from samordna.audit.labels import describe

    return {
        "association_pk": association.pk if association is not None else None,
        "within": f" {within} " if within else "",
        "object_repr": describe(instance),
        "actor_label": actor_label(),
    }
