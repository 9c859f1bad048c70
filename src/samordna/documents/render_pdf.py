"""A document as PDF: the printable HTML through WeasyPrint, tagged PDF/UA, bundled font."""

from __future__ import annotations

from weasyprint import HTML

from samordna.core import document as doc
from samordna.documents import render_html
from samordna.documents.charts import FONTS


def pdf(document: doc.Document) -> bytes:
    page = HTML(string=render_html.standalone(document), base_url=str(FONTS) + "/")
    data = page.write_pdf(pdf_variant="pdf/ua-1", lang="sv", uncompressed_pdf=False)
    assert data is not None
    return bytes(data)
