"""Two people editing the same thing: the second saver is told what changed, nothing is lost.

Optimistic locking without a version column: a form for a stored object carries a signed
snapshot of the values it was opened with (`seen`). On save, the values stored now are compared
with that snapshot; if someone else saved in between, the form is not saved but shown again
with the fields the other person changed and their new values, and a fresh snapshot, so the
second saver decides: save again (their values win) or take over the stored ones.
A post without a snapshot (a script, an older page) is saved as before.

The comparison is made twice: in `clean()` against the object as the request read it (so the
message comes with the form's other errors), and again in `save()`, inside the save's
transaction with the row locked (PostgreSQL: `select_for_update`; SQLite: `BEGIN IMMEDIATE`
already holds the database's write lock). Two saves at the same moment queue there, and the
later one is refused with the same message (`EditedMeanwhile`, which `saved()` turns into the
form's error), never told "sparad" while the other overwrites it.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.core import signing
from django.db import models, transaction

SALT = "samordna.concurrency"


def _plain(value: Any) -> str:
    if isinstance(value, list | tuple | set):
        return ",".join(sorted(str(getattr(item, "pk", item)) for item in value))
    return "" if value is None else str(getattr(value, "pk", value))


class EditedMeanwhile(forms.ValidationError):
    """Someone else saved the object after this form was opened; nothing was saved."""


def saved(form: Any) -> Any | None:
    """`form.save()`, or None with the form's error when someone else saved in between."""
    try:
        return form.save()
    except EditedMeanwhile as error:
        form.add_error(None, error)
        return None


def snapshot(instance: models.Model, names: list[str]) -> dict[str, str]:
    """The stored values of `names` as text (many-to-many as sorted keys)."""
    opts = instance._meta
    values = {}
    for name in names:
        field: Any = opts.get_field(name)
        raw = field.value_from_object(instance)
        values[name] = _plain(raw)
    return values


class ConcurrentEditMixin:
    """For a ModelForm: refuse to overwrite what someone else saved after the form was opened."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        form: Any = self
        if form.instance.pk:
            form.fields["seen"] = forms.CharField(widget=forms.HiddenInput, required=False)
            form.initial["seen"] = signing.dumps(self._stored_now(), salt=SALT)

    def _stored_now(self, instance: models.Model | None = None) -> dict[str, str]:
        form: Any = self
        stored = form.instance if instance is None else instance
        model_fields = {f.name for f in stored._meta.get_fields()}
        return snapshot(stored, [name for name in form.fields if name in model_fields])

    def _opened(self) -> dict[str, str] | None:
        """The values the form was opened with, or None (a new object, no or a bad snapshot)."""
        form: Any = self
        seen = (form.data or {}).get("seen") if form.instance.pk else None
        if not seen:
            return None
        try:
            return dict(signing.loads(seen, salt=SALT))
        except signing.BadSignature:
            return None

    def clean(self) -> Any:
        cleaned = super().clean()  # type: ignore[misc]
        form: Any = self
        opened = self._opened()
        if opened is not None:
            self._refuse_lost_update(opened, form.instance)
        return cleaned

    def save(self, commit: bool = True) -> Any:
        """Save; with a snapshot, compare again with the row locked in the save's transaction."""
        opened = self._opened()
        if not commit or opened is None:
            return super().save(commit)  # type: ignore[misc]
        with transaction.atomic():
            self._refuse_lost_update(opened, locked(getattr(self, "instance")))  # noqa: B009
            return super().save(commit)  # type: ignore[misc]

    def _refuse_lost_update(self, opened: dict[str, str], instance: models.Model) -> None:
        form: Any = self
        stored = self._stored_now(instance)
        changed = [name for name, value in stored.items() if opened.get(name, value) != value]
        if not changed:
            return
        form.data = form.data.copy()
        form.data["seen"] = signing.dumps(stored, salt=SALT)
        shown = "; ".join(f"{form.fields[n].label}: {_shown(instance, n)}" for n in changed)
        raise EditedMeanwhile(
            "Någon annan sparade ändringar medan du skrev, så inget är sparat ännu. "
            f"Nu sparat: {shown}. Kontrollera fälten och spara igen om dina uppgifter ska gälla."
        )


def locked(instance: models.Model) -> models.Model:
    """`instance` as stored now, its row held until the transaction ends."""
    manager: Any = type(instance)._base_manager
    return manager.select_for_update().get(pk=instance.pk)


def _shown(instance: models.Model, name: str) -> str:
    field: Any = instance._meta.get_field(name)
    value = field.value_from_object(instance)
    if isinstance(value, list | tuple | set):
        return ", ".join(str(item) for item in value) or "(tomt)"
    display = getattr(instance, f"get_{name}_display", None)
    text = display() if callable(display) else value
    return "(tomt)" if text in (None, "") else str(text)
