"""Asking before removing, and "Ångra" after: the mechanics every removal page shares.

The confirmation page (confirm_delete.html) names what goes (`Removal.what`), what it affects
(`effects`) and what stops it (`blockers`). What is removed is kept in the session as Django's
own serialization, so the message that follows can offer "Ångra" and put the very same rows back.
What a particular removal affects is the area's business (`samordna.removal` for the förbund's
members, populations and organisation).
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from typing import Any

from django.contrib import messages
from django.core import serializers
from django.db import models, transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from samordna.associations.models import Association

UNDO_KEY = "samordna_undo"


@dataclass(frozen=True)
class Removal:
    """What the confirmation page says before anything is removed."""

    what: str
    effects: list[str] = field(default_factory=list)
    blockers: list[str] = field(default_factory=list)


def _collected(obj: models.Model) -> list[models.Model]:
    """`obj` and every row a delete of it cascades to (populations, attendance)."""
    from django.db.models.deletion import Collector

    collector = Collector(using="default")
    collector.collect([obj])
    rows: list[models.Model] = []
    for instances in collector.data.values():
        rows.extend(instances)
    for qs in collector.fast_deletes:
        rows.extend(qs)
    # Parents first, so that the undo saves a member before its populations.
    return sorted(rows, key=lambda row: 0 if row is obj else 1)


def remove(request: HttpRequest, association: Association, obj: models.Model, label: str) -> None:
    """Delete `obj` (and what cascades) and keep it in the session for "Ångra"."""
    rows = _collected(obj)
    data = serializers.serialize("json", rows)
    with transaction.atomic():
        obj.delete()
    request.session[UNDO_KEY] = {
        "token": secrets.token_urlsafe(16),
        "association": association.pk,
        "label": label,
        "data": data,
    }


def offer(request: HttpRequest) -> dict[str, Any] | None:
    return request.session.get(UNDO_KEY)


def undo(request: HttpRequest, association: Association, token: str) -> str | None:
    """Put back what was removed last; the label on success, None if there is nothing to undo.

    Raises IntegrityError when the rows cannot come back (the same thing was added again).
    """
    saved = request.session.get(UNDO_KEY)
    if not saved or saved["token"] != token or saved["association"] != association.pk:
        return None
    with transaction.atomic():
        for row in serializers.deserialize("json", saved["data"]):
            row.save()
    del request.session[UNDO_KEY]
    return str(saved["label"])


def confirm(
    request: HttpRequest,
    association: Association,
    obj: models.Model,
    about: Removal,
    label: str,
    back_url: str,
) -> HttpResponse:
    """GET: say what goes and what it affects; POST: remove it and offer "Ångra"."""
    if request.method == "POST" and not about.blockers:
        remove(request, association, obj, label)
        messages.success(request, label, extra_tags="undo")
        return redirect(back_url)
    context = {"association": association, "about": about, "back": back_url, "undoable": True}
    status = 409 if request.method == "POST" else 200
    return render(request, "confirm_delete.html", context, status=status)
