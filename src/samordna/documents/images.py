"""Images in the förbund's own texts: stored verified, placed by a line `![Text](bild:1)`, and
filled into a document's blocks when it is built."""

from __future__ import annotations

import io
from dataclasses import replace
from typing import Any

from django.db import transaction
from django.db.models import Max

from samordna.associations.models import Association
from samordna.core import document as doc
from samordna.documents.image_models import TextImage
from samordna.documents.models import DocumentText
from samordna.documents.render_docx import logo_error
from samordna.documents.texts import BY_KEY

IMAGE_LIMIT = 5 * 1024 * 1024  # bytes: an organisation chart as a PNG is well below


def image_error(data: bytes) -> str | None:
    """A Swedish message unless `data` is a whole PNG or JPEG within the limits."""
    if len(data) > IMAGE_LIMIT:
        return "Bilden är större än 5 MB."
    if not (data.startswith(b"\x89PNG") or data.startswith(b"\xff\xd8")):
        return "Bilden måste vara en PNG- eller JPEG-bild."
    return logo_error(data, "Bilden")


@transaction.atomic
def add_image(association: Association, data: bytes, name: str, alt: str, user: Any) -> TextImage:
    """Store a verified image under the next free number (numbers are never reused while the
    image before it exists, so a text's `bild:2` keeps meaning the same picture)."""
    from PIL import Image

    with Image.open(io.BytesIO(data)) as picture:
        width, height = picture.size
    last = association.text_images.aggregate(top=Max("number"))["top"] or 0
    return TextImage.objects.create(
        association=association,
        number=last + 1,
        alt=alt.strip(),
        data=data,
        name=name,
        width=width,
        height=height,
        saved_by=user if getattr(user, "is_authenticated", False) else None,
    )


def used_in(association: Association, number: int) -> list[str]:
    """The texts (heading and year) that place image `number`."""
    texts = DocumentText.objects.filter(association=association, text__contains="bild")
    return [
        f"{BY_KEY[t.key].heading if t.key in BY_KEY else t.key} {t.year}"
        for t in texts
        if any(found == number for found, _ in doc.image_references(t.text))
    ]


def unknown_images(association: Association, text: str) -> list[int]:
    """The image numbers a text places that the förbund has not uploaded."""
    have = set(association.text_images.values_list("number", flat=True))
    return sorted({n for n, _ in doc.image_references(text) if n not in have})


def with_images(association: Association, blocks: list[doc.Block]) -> list[doc.Block]:
    """The blocks with each placed image's data and alt text (the text's own words, else the
    stored description); an image that is not there is left out."""
    wanted = {b.number for b in blocks if isinstance(b, doc.Image)}
    if not wanted:
        return blocks
    stored = {i.number: i for i in association.text_images.filter(number__in=wanted)}
    filled: list[doc.Block] = []
    for block in blocks:
        if not isinstance(block, doc.Image):
            filled.append(block)
        elif block.number in stored:
            image = stored[block.number]
            filled.append(replace(block, alt=block.alt or image.alt, data=bytes(image.data)))
    return filled
