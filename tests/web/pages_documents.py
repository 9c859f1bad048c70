"""Persona table of the documents: read by chef, board and auditor; texts and layout by the chef."""

from __future__ import annotations


def _member(association):
    return {"kind": "medlemsbidrag", "year": 2020, "member": association.members.first().pk}


PAGES = {
    "documents": ("read", lambda a: {}),
    "document_layout": ("edit", lambda a: {}),
    "document_template": ("edit", lambda a: {}),
    "document_texts": ("edit", lambda a: {"year": 2021}),
    "text_images": ("edit", lambda a: {}),
    "text_image_file": ("edit", lambda a: {"number": 1}),
    "text_image_delete": ("edit", lambda a: {"number": 1}),
    "document": ("read", lambda a: {"kind": "plan", "year": 2021}),
    "document_download": ("read", lambda a: {"kind": "berattelse", "year": 2021, "fmt": "xlsx"}),
    "document_member": ("read", _member),
    "document_member_download": ("read", lambda a: {**_member(a), "fmt": "docx"}),
    # The Uppföljning Finsam report has exact counts: the chef's alone.
    "national_report": ("edit", lambda a: {}),
    "national_report_download": ("edit", lambda a: {"year": 2026, "fmt": "xlsx"}),
}


def furnish(association):
    """The budget (2021) and the contributions (2020) come from the other areas' furnishing;
    the organisation chart is image 1."""
    import io

    from PIL import Image

    from samordna.documents.images import add_image

    buffer = io.BytesIO()
    Image.new("RGB", (40, 20), (31, 78, 121)).save(buffer, "PNG")
    add_image(association, buffer.getvalue(), "schema.png", "Organisationsschema", None)
