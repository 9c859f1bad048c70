"""Reading the trail: a förbund's entries for a period with filters, and one object's entries
(its own and those of everything under it, e.g. a budget's lines and amounts)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q, QuerySet
from django.utils import timezone

from samordna.associations.models import Association, Membership
from samordna.audit import labels
from samordna.audit.models import Change

SIGN_IN_EVENTS = [Change.Event.SIGN_IN, Change.Event.SIGN_IN_FAILED]
ACTIONS = {
    "skapad": Q(action=Change.Action.CREATE),
    "andrad": Q(action=Change.Action.UPDATE),
    "borttagen": Q(action=Change.Action.DELETE),
    "inloggning": Q(event=Change.Event.SIGN_IN),
    "misslyckad": Q(event=Change.Event.SIGN_IN_FAILED),
    "konto": Q(action=Change.Action.ACCESS) & ~Q(event__in=SIGN_IN_EVENTS),
}
ACTION_NAMES = {
    "skapad": "Skapad",
    "andrad": "Ändrad",
    "borttagen": "Borttagen",
    "inloggning": "Inloggning",
    "misslyckad": "Misslyckad inloggning",
    "konto": "Lösenord och tvåstegsverifiering",
}


@dataclass
class Filters:
    actor: int | None = None
    kind: str = ""
    action: str = ""
    since: date | None = None
    until: date | None = None  # inclusive, as a reader types it


@dataclass
class Row:
    change: Change
    when: datetime
    who: str
    kind: str
    what: str
    action: str
    fields: list[tuple[str, str, str]] = field(default_factory=list)


def for_association(association: Association) -> QuerySet[Change]:
    """Every entry of the förbund: its objects' changes and its people's sign-ins."""
    people = Membership.objects.filter(association=association).values("user_id")
    accounts = ContentType.objects.get_for_model(get_user_model())
    return Change.objects.filter(
        Q(association_pk=association.pk)
        | Q(content_type=accounts, object_id__in=people, action=Change.Action.ACCESS)
    )


def for_object(association: Association, label: str, pk: int) -> QuerySet[Change]:
    app_label, model = label.split(".")
    own = Q(content_type__app_label=app_label, content_type__model=model, object_pk=str(pk))
    entries = Change.objects.filter(association_pk=association.pk)
    if label == "associations.association":  # the förbund's own details, not all it holds
        return entries.filter(own)
    return entries.filter(own | Q(within__contains=f" {label}:{pk} "))


def filtered(entries: QuerySet[Change], filters: Filters) -> QuerySet[Change]:
    if filters.actor:
        entries = entries.filter(actor_id=filters.actor)
    if filters.kind:
        app_label, _, model = filters.kind.partition(".")
        entries = entries.filter(content_type__app_label=app_label, content_type__model=model)
    if filters.action in ACTIONS:
        entries = entries.filter(ACTIONS[filters.action])
    if filters.since:
        entries = entries.filter(timestamp__gte=_start_of(filters.since))
    if filters.until:
        entries = entries.filter(timestamp__lt=_start_of(filters.until + timedelta(days=1)))
    return entries


def _start_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def rows(entries: QuerySet[Change]) -> list[Row]:
    changes = entries.select_related("actor", "content_type").order_by("-timestamp", "-pk")
    return [row(change) for change in changes]


def row(change: Change) -> Row:
    model = change.content_type.model_class()
    return Row(
        change=change,
        when=timezone.localtime(change.timestamp),
        who=who(change),
        kind=labels.kind_name(
            model, f"{change.content_type.app_label}.{change.content_type.model}"
        ),
        what=change.object_repr,
        action=action_name(change),
        fields=field_changes(model, change.changes or {}),
    )


def who(change: Change) -> str:
    if change.actor is not None:
        return str(change.actor.get_username())
    return change.actor_label or "ej inloggad"


def action_name(change: Change) -> str:
    if change.event:
        return str(Change.Event(change.event).label)
    names = {Change.Action.CREATE: "skapad", Change.Action.UPDATE: "andrad"}
    return ACTION_NAMES[names.get(change.action, "borttagen")]


def field_changes(model: Any, changes: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(field, before, after) in Swedish, values as the pages show them."""
    found = [_field_change(model, name, values) for name, values in changes.items()]
    return [f for f in found if f[1:] != (labels.EMPTY, labels.EMPTY)]


def _field_change(model: Any, name: str, values: Any) -> tuple[str, str, str]:
    label = labels.field_label(model, name)
    if isinstance(values, dict):  # many-to-many: who was added or removed
        objects = ", ".join(values.get("objects", []))
        if values.get("operation") == "add":
            return label, labels.EMPTY, f"lade till {objects}"
        return label, f"tog bort {objects}", labels.EMPTY
    before, after = values
    return label, labels.value_text(model, name, before), labels.value_text(model, name, after)


def kind_choices(entries: QuerySet[Change]) -> list[tuple[str, str]]:
    """The kinds of object that occur in the förbund's trail, by Swedish name."""
    types = ContentType.objects.filter(
        pk__in=entries.order_by().values("content_type_id").distinct()
    )
    choices = {
        f"{t.app_label}.{t.model}": labels.kind_name(t.model_class(), t.model) for t in types
    }
    return sorted(choices.items(), key=lambda item: item[1])


def actor_choices(association: Association) -> list[tuple[int, str]]:
    people = get_user_model().objects.filter(memberships__association=association)
    return sorted(((u.pk, u.get_username()) for u in people), key=lambda item: item[1])
