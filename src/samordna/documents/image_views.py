"""Pages for the images in the förbund's texts: upload with an alt text, see where each is
placed, and remove one after a confirmation (never one a text still places)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from samordna.associations.access import EDITORS, association_view
from samordna.associations.forms import NoIdentityMixin
from samordna.associations.models import Association
from samordna.confirm import Removal, confirm
from samordna.documents import images
from samordna.documents.image_models import TextImage
from samordna.upload_names import kept_name


class ImageForm(NoIdentityMixin, forms.Form):
    image = forms.FileField(
        label="Bild (PNG eller JPEG)",
        help_text="Till exempel ett organisationsschema. Högst 5 MB och 25 miljoner bildpunkter.",
    )
    alt = forms.CharField(
        label="Beskrivning av bilden (alt-text)",
        max_length=300,
        help_text="Vad bilden visar, för den som inte ser den. Skrivs också under bilden.",
    )

    def clean_image(self) -> bytes:
        upload = self.cleaned_data["image"]
        data = upload.read(images.IMAGE_LIMIT + 1)
        error = images.image_error(data)
        if error:
            raise forms.ValidationError(error)
        return data


@association_view(*EDITORS)
def image_list(request: HttpRequest, association: Association) -> HttpResponse:
    form = ImageForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        name = kept_name(getattr(request.FILES.get("image"), "name", ""))
        saved = images.add_image(association, data["image"], name, data["alt"], request.user)
        messages.success(
            request,
            f"Bild {saved.number} är sparad. Skriv ![{saved.alt}](bild:{saved.number}) "
            "på en egen rad i en text där bilden ska stå.",
        )
        return redirect(reverse("text_images", args=[association.slug]))
    context = {"association": association, "form": form, "images": _listed(association)}
    return render(request, "documents/images.html", context, status=400 if form.errors else 200)


def _listed(association: Association) -> list[dict[str, Any]]:
    return [
        {"image": image, "used": images.used_in(association, image.number)}
        for image in association.text_images.defer("data")
    ]


@association_view(*EDITORS)
def image_file(request: HttpRequest, association: Association, number: int) -> HttpResponse:
    """The stored image itself, for the list's thumbnails."""
    image = get_object_or_404(TextImage, association=association, number=number)
    data = bytes(image.data)
    kind = "image/png" if data[:4] == b"\x89PNG" else "image/jpeg"
    return HttpResponse(data, content_type=kind)


@association_view(*EDITORS)
def image_delete(request: HttpRequest, association: Association, number: int) -> HttpResponse:
    image = get_object_or_404(TextImage, association=association, number=number)
    used = images.used_in(association, image.number)
    blockers = [f"texten {where} visar bilden" for where in used]
    about = Removal(f"bild {image.number} ({image.alt})", blockers=blockers)
    back = reverse("text_images", args=[association.slug])
    return confirm(request, association, image, about, f"Bild {image.number} är borttagen.", back)
