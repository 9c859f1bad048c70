"""What the documents need beyond the data: the förbund's own words per year, and its layout
(logo on the cover, a Word template it restyles itself)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from samordna.associations.models import Association


class DocumentText(models.Model):
    """One passage only people can write (introduction, mission …) for one plan year."""

    association = models.ForeignKey(
        Association, on_delete=models.CASCADE, related_name="document_texts"
    )
    year = models.PositiveIntegerField(_("år"))
    key = models.CharField(_("avsnitt"), max_length=30)
    text = models.TextField(_("text"), blank=True)
    saved_at = models.DateTimeField(auto_now=True)
    saved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True
    )

    class Meta:
        ordering = ["association", "year", "key"]
        constraints = [
            models.UniqueConstraint(fields=["association", "year", "key"], name="one_text_per_key")
        ]

    def __str__(self) -> str:
        return f"{self.key} {self.year}"


class DocumentLayout(models.Model):
    """The förbund's logo and Word template, kept in the database (no file storage to run)."""

    association = models.OneToOneField(
        Association, on_delete=models.CASCADE, related_name="document_layout"
    )
    logo = models.BinaryField(_("logotyp"), null=True, blank=True)
    logo_name = models.CharField(_("logotypens filnamn"), max_length=200, blank=True)
    word_template = models.BinaryField(_("Word-mall"), null=True, blank=True)
    word_template_name = models.CharField(_("mallens filnamn"), max_length=200, blank=True)
    saved_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"Layout för {self.association}"


from samordna.documents.image_models import TextImage  # noqa: E402, F401
from samordna.documents.interim_models import InterimForecast  # noqa: E402, F401
