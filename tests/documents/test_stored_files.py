"""A logo or Word template is opened fully before it is kept, so it can never break a download."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.urls import reverse

from samordna.documents import render_docx
from samordna.documents.models import DocumentLayout
from tests.documents.test_pages import _png


def _post(client, association, field, data, name):
    upload = io.BytesIO(data)
    upload.name = name
    return client.post(reverse("document_layout", args=[association.slug]), {field: upload})


def _stored(association) -> DocumentLayout | None:
    return DocumentLayout.objects.filter(association=association).first()


@pytest.mark.parametrize(
    "data",
    [
        _png()[:24] + b"\x00" * 400,  # a valid header, garbage after it
        _png()[:-20],  # cut off
        b"\xff\xd8\xff\xe0" + b"junk" * 100,  # JPEG magic, no image
    ],
    ids=["garbage", "truncated", "fake-jpeg"],
)
def test_a_logo_that_does_not_decode_is_refused(client, chef, association, data):
    client.force_login(chef)
    response = _post(client, association, "logo", data, "logo.png")
    assert "går inte att läsa som en hel PNG- eller JPEG-bild" in response.content.decode()
    assert _stored(association) is None or _stored(association).logo is None


def test_a_logo_that_decodes_is_kept(client, chef, association):
    client.force_login(chef)
    assert _post(client, association, "logo", _png(), "logo.png").status_code == 302
    assert bytes(_stored(association).logo) == _png()


def test_a_template_that_unpacks_beyond_the_limit_is_refused_before_opening(
    client, chef, association
):
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(render_docx.standard_template())) as source,
        zipfile.ZipFile(out, "w") as target,
    ):
        for item in source.infolist():
            target.writestr(item.filename, source.read(item.filename), zipfile.ZIP_DEFLATED)
        target.writestr("word/media/fill.bin", b"\0" * (60 * 1024 * 1024), zipfile.ZIP_DEFLATED)
    client.force_login(chef)
    response = _post(client, association, "word_template", out.getvalue(), "mall.docx")
    assert "MB uppackad" in response.content.decode()
    assert _stored(association) is None or _stored(association).word_template is None


def _without_section_properties() -> bytes:
    """The standard template with its page set-up (w:sectPr) removed: Word opens such a file."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(render_docx.standard_template())) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for item in source.infolist():
            body = source.read(item.filename)
            if item.filename == "word/document.xml":
                start, end = body.index(b"<w:sectPr"), body.index(b"</w:sectPr>")
                body = body[:start] + body[end + len(b"</w:sectPr>") :]
            target.writestr(item.filename, body)
    return out.getvalue()


def test_a_template_no_document_can_be_written_with_is_refused_and_downloads_keep_working(
    client, chef, association
):
    client.force_login(chef)
    response = _post(client, association, "word_template", _without_section_properties(), "m.docx")
    assert "Mallen går inte att använda" in response.content.decode()
    assert _stored(association) is None or _stored(association).word_template is None
    download = reverse("document_download", args=[association.slug, "plan", 2026, "docx"])
    assert client.get(download).status_code == 200


def _with_settings_relationship(kind: str, target: str) -> bytes:
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(render_docx.standard_template())) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target_zip,
    ):
        for item in source.infolist():
            target_zip.writestr(item.filename, source.read(item.filename))
        target_zip.writestr(
            "word/_rels/settings.xml.rels",
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="'
            'http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1"'
            f' Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/{kind}"'
            f' Target="{target}" TargetMode="External"/></Relationships>',
        )
    return out.getvalue()


def test_a_template_that_fetches_a_template_from_elsewhere_is_refused(client, chef, association):
    client.force_login(chef)
    data = _with_settings_relationship("attachedTemplate", "http://example.invalid/mall.dotm")
    response = _post(client, association, "word_template", data, "mall.docx")
    assert "hämtar något från en annan plats" in response.content.decode()
    assert _stored(association) is None or _stored(association).word_template is None


def test_a_template_with_a_plain_link_to_the_website_is_kept(client, chef, association):
    client.force_login(chef)
    data = _with_settings_relationship("hyperlink", "https://example.invalid/")
    assert _post(client, association, "word_template", data, "mall.docx").status_code == 302


@pytest.mark.parametrize(
    "template",
    [
        _without_section_properties(),
        _with_settings_relationship("attachedTemplate", "http://example.invalid/mall.dotm"),
    ],
    ids=["no-page-set-up", "fetches-from-elsewhere"],
)
def test_a_template_kept_before_uploads_were_checked_gives_the_standard_one_and_says_why(
    client, chef, association, template
):
    """Stored by an older version, which took any .docx: the Word files are still written (with
    the standard template, so nothing from elsewhere travels in them) and the layout page says
    the stored template is not used, and why."""
    DocumentLayout.objects.create(
        association=association, word_template=template, word_template_name="gammal.docx"
    )
    client.force_login(chef)
    download = client.get(
        reverse("document_download", args=[association.slug, "plan", 2026, "docx"])
    )
    assert download.status_code == 200
    with zipfile.ZipFile(io.BytesIO(download.content)) as word:
        assert b"example.invalid" not in b"".join(word.read(n) for n in word.namelist())
    page = client.get(reverse("document_layout", args=[association.slug])).content.decode()
    assert "Den sparade mallen används inte." in page
    assert "standardmall tills en ny mall laddas upp" in page


def test_a_usable_stored_template_raises_no_warning(client, chef, association):
    DocumentLayout.objects.create(
        association=association, word_template=render_docx.standard_template()
    )
    client.force_login(chef)
    page = client.get(reverse("document_layout", args=[association.slug])).content.decode()
    assert "Den sparade mallen används inte." not in page
