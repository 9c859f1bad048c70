"""No text the app stores may hold a personnummer: one hook on every model, not one per form.

`install()` (run when the app starts) gives every text field of every Samordna model the
identity validator, so each ModelForm shows the message at the field, and connects a check
before every save, so that an import, a command or a form that forgot still stores nothing:
it raises `IdentityRefused`, whose message names the model and field but never the value.
File names are texts too: every upload field of every form refuses a name holding one, and
the models keep names in CharFields (logo_name, filename, name), which the check covers.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django import forms
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.signals import pre_save

from samordna.core.personnummer import describe, find_identities, identity_error

TEXT_FIELDS = (models.CharField, models.TextField)


class IdentityRefused(ValidationError):
    """A save stopped because a text held a personnummer; the message has no digits."""


def samordna_models() -> Iterator[type[models.Model]]:
    for model in apps.get_models():
        if model.__module__.startswith("samordna."):
            yield model


# Secrets the libraries make: hex keys, hashed passwords, one-time codes.
LIBRARY_MADE = {
    "auth.user": ("password",),
    "otp_totp.totpdevice": ("key",),
    "otp_static.statictoken": ("token",),
}


def machine_made(model: type[models.Model]) -> frozenset[str]:
    """The text fields no person fills: hashes, tokens and keys made by code.

    A model of Samordna names them in `machine_made_fields`. They are not searched for
    personnummer: a SHA-256 in hex holds a run of ten digits that passes the checksum in a
    few invitations in a hundred, and refusing it refused the invitation, while no
    person's number can get into such a field."""
    own = getattr(model, "machine_made_fields", ())
    return frozenset((*own, *LIBRARY_MADE.get(model._meta.label_lower, ())))


def text_fields(model: type[models.Model]) -> list[models.Field[Any, Any]]:
    """The text fields a person or a file can fill."""
    made = machine_made(model)
    return [
        f for f in model._meta.concrete_fields if isinstance(f, TEXT_FIELDS) and f.name not in made
    ]


def no_identity(value: object) -> None:
    """The field validator: a Swedish message saying what was found, never the digits."""
    message = identity_error(value) if isinstance(value, str) else None
    if message:
        raise ValidationError(message, code="identity")


def no_identity_in_file_name(upload: object) -> None:
    """The validator of every uploaded file: its name is stored and shown, so it is a text."""
    found = find_identities(str(getattr(upload, "name", "") or ""))
    if found:
        raise ValidationError(
            f"Filnamnet innehåller {describe(found)}. Byt namn på filen: Samordna får inte "
            "lagra personnummer eller samordningsnummer.",
            code="identity",
        )


def refuse_identities(sender: type[models.Model], instance: models.Model, **kwargs: Any) -> None:
    for field in text_fields(sender):
        value = getattr(instance, field.attname)
        found = find_identities(value) if isinstance(value, str) else []
        if found:
            raise IdentityRefused(
                f"{field.verbose_name} ({sender._meta.verbose_name}) innehåller "
                f"{describe(found)}. Ingenting sparades.",
                code="identity",
            )


def install() -> None:
    """Add the validator to every text field (not to migrations: the list is the cached one)
    and the check before every save of a Samordna model."""
    for model in samordna_models():
        for field in text_fields(model):
            if no_identity not in field.validators:
                field.validators.append(no_identity)
        pre_save.connect(refuse_identities, sender=model, dispatch_uid=f"identity-{model}")
    if no_identity_in_file_name not in forms.FileField.default_validators:
        forms.FileField.default_validators = [
            *forms.FileField.default_validators,
            no_identity_in_file_name,
        ]
