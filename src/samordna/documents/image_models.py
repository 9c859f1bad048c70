"""Images the chef places in the plan's own texts (an organisation chart), kept in the database
like the logo: verified when uploaded, so a stored image never breaks a download."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from samordna.associations.models import Association


class TextImage(models.Model):
    """One image, numbered per förbund; a text places it with a line `![Text](bild:1)`."""

    association = models.ForeignKey(
        Association, on_delete=models.CASCADE, related_name="text_images"
    )
    number = models.PositiveIntegerField(_("nummer"))
    alt = models.CharField(
        _("beskrivning (alt-text)"),
        max_length=300,
        help_text=_("Vad bilden visar, för den som inte ser den. Skrivs också under bilden."),
    )
    data = models.BinaryField(_("bild"))
    name = models.CharField(_("filnamn"), max_length=200, blank=True)
    width = models.PositiveIntegerField(default=0)
    height = models.PositiveIntegerField(default=0)
    saved_at = models.DateTimeField(auto_now=True)
    saved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True
    )

    class Meta:
        ordering = ["association", "number"]
        constraints = [
            models.UniqueConstraint(fields=["association", "number"], name="one_image_per_number")
        ]

    def __str__(self) -> str:
        return f"Bild {self.number}: {self.alt}"
