"""`{% history_link object %}`: a link to the object's Historik, for those who may read it."""

from __future__ import annotations

from typing import Any

from django import template
from django.urls import reverse
from django.utils.html import format_html

register = template.Library()
HISTORY_READERS = ("chef", "revisor")


@register.simple_tag(takes_context=True)
def history_link(context: Any, obj: Any, text: str = "Historik", of: str = "") -> str:
    membership = context.get("membership")
    if obj is None or membership is None or membership.role not in HISTORY_READERS:
        return ""
    url = reverse(
        "object_history",
        args=[membership.association.slug, obj._meta.label_lower, obj.pk],
    )
    if of:
        label = f"{text} för {of}"
        return format_html(
            '<a class="history-link" href="{}" aria-label="{}">{}</a>', url, label, text
        )
    return format_html('<a class="history-link" href="{}">{}</a>', url, text)
