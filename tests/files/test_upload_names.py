"""A file name as long as a browser sends (255 characters) is kept shortened, never a 500.

The name columns hold 200 characters: PostgreSQL refused a longer name with a server error, SQLite
kept it whole. Every upload page that keeps the file's name is tried.
"""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from samordna.budgets.models import Budget
from samordna.control.models import AuditReport
from samordna.documents.image_models import TextImage
from samordna.documents.models import DocumentLayout
from samordna.documents.render_docx import standard_template
from samordna.upload_names import kept_name

STEM = "Revisionsberättelse för Samordningsförbundet " * 6  # 270 characters


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (12, 8), "navy").save(buffer, "PNG")
    return buffer.getvalue()


def _stored(page: str) -> str:
    if page == "audit_report_new":
        return AuditReport.objects.get().filename
    if page == "text_images":
        return TextImage.objects.get().name
    if page == "budget_import":
        return Budget.objects.get().name
    layout = DocumentLayout.objects.get()
    return layout.logo_name or layout.word_template_name


UPLOADS = {
    "audit_report_new": ({"title": "Revisionsberättelse"}, "file", ".pdf", b"%PDF-1.7\n%%EOF\n"),
    "logo": ({}, "logo", ".png", None),
    "word_template": ({}, "word_template", ".docx", None),
    "text_images": ({"alt": "Organisationsschema"}, "image", ".png", None),
    "budget_import": (
        {},
        "file",
        ".csv",
        "avsnitt;rad;2026\nIntäkter;Medlemsbidrag;100\n".encode(),
    ),
}


def _url(page: str, slug: str) -> str:
    if page == "audit_report_new":
        return reverse(page, args=[slug, 2026])
    return reverse("document_layout" if page in ("logo", "word_template") else page, args=[slug])


@pytest.mark.parametrize("page", sorted(UPLOADS))
def test_a_file_name_of_255_characters_is_kept_shortened(client, chef, association, page):
    client.force_login(chef)
    fields, field, ending, data = UPLOADS[page]
    if data is None:
        data = standard_template() if ending == ".docx" else _png()
    name = STEM[: 255 - len(ending)] + ending
    upload = SimpleUploadedFile(name, data)
    response = client.post(_url(page, association.slug), {**fields, field: upload})
    assert response.status_code == 302
    stored = _stored(page)
    assert len(stored) <= 200
    assert stored.startswith("Revisionsberättelse") or stored.startswith("Budget 2026 (Revision")


def test_a_shortened_name_keeps_its_ending():
    assert kept_name("a" * 300 + ".pdf") == "a" * 195 + "….pdf"
    assert kept_name("kort.pdf") == "kort.pdf"
    assert len(kept_name("b" * 300)) == 200
