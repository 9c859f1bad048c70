"""Downloads of confidential figures on record: who took which file, when and from where.

The exact participant counts of the Uppföljning Finsam report are covered by secrecy
(offentlighets- och sekretesslagen); every copy that leaves the app is a line in Historik.
"""

from __future__ import annotations

from typing import Any

from django.contrib.contenttypes.models import ContentType

from samordna.associations.models import Association
from samordna.audit.models import Change


def record_download(association: Association, what: str, user: Any, address: str | None) -> None:
    Change.objects.create(
        content_type=ContentType.objects.get_for_model(Association),
        object_pk=str(association.pk),
        object_id=association.pk,
        object_repr=what,
        action=Change.Action.ACCESS,
        event=Change.Event.CONFIDENTIAL_DOWNLOAD,
        actor=user,
        association_pk=association.pk,
        remote_addr=address or None,
    )
