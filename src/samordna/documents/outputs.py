"""One door to every output format: the views and the command line both render through here."""

from __future__ import annotations

from samordna.core import document as doc

CONTENT_TYPES = {
    "html": "text/html; charset=utf-8",
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def render(document: doc.Document, fmt: str, template: bytes | None = None) -> bytes:
    """The document as `fmt` (html, pdf, docx, xlsx); `template` is the förbund's Word template."""
    if fmt == "html":
        from samordna.documents.render_html import standalone

        return standalone(document).encode("utf-8")
    if fmt == "pdf":
        from samordna.documents.render_pdf import pdf

        return pdf(document)
    if fmt == "docx":
        from samordna.documents.render_docx import docx

        return docx(document, template)
    if fmt == "xlsx":
        from samordna.documents.render_xlsx import xlsx

        return xlsx(document)
    raise ValueError(f"Okänt format ”{fmt}”: välj html, pdf, docx eller xlsx.")
