"""Two people editing the same thing: the second saver is told what changed, nothing is lost.

Optimistic locking without a version column: a form for a stored object carries a signed
snapshot of the values it was opened with (`seen`). On save, the values stored now are compared
with that snapshot; if someone else saved in between, the form is not saved but shown again
with the fields the other person changed and their new values, and a fresh snapshot, so the
second saver decides: save again (their values win) or take over the stored ones.
A post without a snapshot (a script, an older page) is saved as before.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.core import signing
from django.db import models

SALT = "samordna.concurrency"


def _plain(value: Any) -> str:
    if isinstance(value, list | tuple | set):
        return ",".join(sorted(str(getattr(item, "pk", item)) for item in value))
    return "" if value is None else str(getattr(value, "pk", value))


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

    def _stored_now(self) -> dict[str, str]:
        form: Any = self
        model_fields = {f.name for f in form.instance._meta.get_fields()}
        return snapshot(form.instance, [name for name in form.fields if name in model_fields])

    def clean(self) -> Any:
        cleaned = super().clean()  # type: ignore[misc]
        form: Any = self
        seen = (form.data or {}).get("seen") if form.instance.pk else None
        if seen:
            self._refuse_lost_update(seen)
        return cleaned

    def _refuse_lost_update(self, seen: str) -> None:
        form: Any = self
        try:
            opened = signing.loads(seen, salt=SALT)
        except signing.BadSignature:
            return
        stored = self._stored_now()
        changed = [name for name, value in stored.items() if opened.get(name, value) != value]
        if not changed:
            return
        form.data = form.data.copy()
        form.data["seen"] = signing.dumps(stored, salt=SALT)
        shown = "; ".join(f"{form.fields[name].label}: {self._shown(name)}" for name in changed)
        raise forms.ValidationError(
            "Någon annan sparade ändringar medan du skrev, så inget är sparat ännu. "
            f"Nu sparat: {shown}. Kontrollera fälten och spara igen om dina uppgifter ska gälla."
        )

    def _shown(self, name: str) -> str:
        instance: Any = getattr(self, "instance")  # noqa: B009 - the ModelForm's object
        field: Any = instance._meta.get_field(name)
        value = field.value_from_object(instance)
        if isinstance(value, list | tuple | set):
            return ", ".join(str(item) for item in value) or "(tomt)"
        display = getattr(instance, f"get_{name}_display", None)
        text = display() if callable(display) else value
        return "(tomt)" if text in (None, "") else str(text)
