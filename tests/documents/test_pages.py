"""The document pages as the chef uses them: preview, download, the year's texts, the layout."""

from __future__ import annotations

import io
import re
import struct
import zlib

from django.urls import reverse

from samordna.documents.models import DocumentLayout, DocumentText
from samordna.documents.texts import texts_for
from tests.conftest import make_user

SLUG = "trollhattan-lilla-edet-grastorp"


def _chef(client, association):
    client.force_login(make_user("dokchef", association, "chef"))


def _png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\x0b\x53\x94")
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def test_the_preview_shows_the_plan_with_its_downloads(client, trollhattan):
    _chef(client, trollhattan)
    response = client.get(reverse("document", args=[SLUG, "plan", 2020]))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Verksamhetsplan och budget 2020" in page and "7\u00a0156\u00a0000 kr" not in page
    assert "7 156 000 kr" in page
    assert reverse("document_download", args=[SLUG, "plan", 2020, "pdf"]) in page
    assert "<svg" in page and 'role="img"' in page


def test_a_download_is_a_file_named_for_the_förbund_and_year(client, trollhattan):
    _chef(client, trollhattan)
    response = client.get(reverse("document_download", args=[SLUG, "plan", 2020, "pdf"]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert f"verksamhetsplan-{SLUG}-2020.pdf" in response["Content-Disposition"]
    assert response.content.startswith(b"%PDF")
    unknown = client.get(reverse("document_download", args=[SLUG, "plan", 2020, "odt"]))
    assert unknown.status_code == 404


def test_a_notice_for_a_year_without_contributions_says_so_in_swedish(client, trollhattan):
    _chef(client, trollhattan)
    response = client.get(reverse("document", args=[SLUG, "medlemsbidrag", 2031]))
    assert response.status_code == 404
    assert "inte fördelade ännu" in response.content.decode()


def test_a_new_year_starts_from_last_years_text_and_saving_keeps_last_year(client, trollhattan):
    _chef(client, trollhattan)
    url = reverse("document_texts", args=[SLUG, 2020])
    fields = {key: t.text for key, t in texts_for(trollhattan, 2020).items()}
    fields["malgrupper"] = "- Unga vuxna som varken arbetar eller studerar"
    assert client.post(url, fields).status_code == 302
    next_year = texts_for(trollhattan, 2021)["malgrupper"]
    assert next_year.text == fields["malgrupper"] and next_year.from_year == 2020
    page = client.get(reverse("document_texts", args=[SLUG, 2021])).content.decode()
    assert "hämtade från 2020" in page
    fields["malgrupper"] = "- Långtidssjukskrivna"
    client.post(reverse("document_texts", args=[SLUG, 2021]), fields)
    assert texts_for(trollhattan, 2020)["malgrupper"].text.endswith("studerar")
    plan = client.get(reverse("document", args=[SLUG, "plan", 2020])).content.decode()
    assert "<li>Unga vuxna som varken arbetar eller studerar</li>" in plan


def test_a_personnummer_in_a_text_is_refused_and_nothing_is_saved(client, trollhattan):
    _chef(client, trollhattan)
    fields = {key: t.text for key, t in texts_for(trollhattan, 2020).items()}
    fields["inledning"] = "Kontakt: 811218-9876"
    before = DocumentText.objects.count()
    response = client.post(reverse("document_texts", args=[SLUG, 2020]), fields)
    assert response.status_code == 200
    assert "personnummer" in response.content.decode()
    assert DocumentText.objects.count() == before


def test_the_logo_goes_on_the_cover_and_a_bad_file_changes_nothing(client, trollhattan):
    _chef(client, trollhattan)
    url = reverse("document_layout", args=[SLUG])
    bad = io.BytesIO(b"GIF89a....")
    bad.name = "logo.gif"
    response = client.post(url, {"logo": bad})
    assert "PNG- eller JPEG-bild" in response.content.decode()
    assert not DocumentLayout.objects.filter(association=trollhattan, logo__isnull=False).exists()
    good = io.BytesIO(_png())
    good.name = "logo.png"
    assert client.post(url, {"logo": good}).status_code == 302
    page = client.get(reverse("document", args=[SLUG, "plan", 2020])).content.decode()
    assert 'class="logo" src="data:image/png;base64,' in page


def test_the_standard_word_template_downloads_for_restyling(client, trollhattan):
    _chef(client, trollhattan)
    response = client.get(reverse("document_template", args=[SLUG]))
    assert response.status_code == 200
    assert response.content.startswith(b"PK")


def test_two_writing_the_years_texts_the_later_is_told_which_changed(client, trollhattan):
    _chef(client, trollhattan)
    url = reverse("document_texts", args=[SLUG, 2020])
    opened = client.get(url).content.decode()
    seen = re.search(r'name="seen" value="([^"]+)"', opened).group(1)
    fields = {key: t.text for key, t in texts_for(trollhattan, 2020).items()}
    colleague = client.__class__()
    colleague.force_login(make_user("kollega", trollhattan, "chef"))
    theirs = {**fields, "malgrupper": "- Långtidssjukskrivna", "seen": seen}
    assert colleague.post(url, theirs).status_code == 302

    mine = {**fields, "inledning": "Vår inledning.", "seen": seen}
    page = client.post(url, mine).content.decode()
    assert "Någon annan sparade texter medan du skrev" in page and "Målgrupper" in page
    assert texts_for(trollhattan, 2020)["malgrupper"].text == "- Långtidssjukskrivna"
    assert texts_for(trollhattan, 2020)["inledning"].text != "Vår inledning."
    fresh = re.search(r'name="seen" value="([^"]+)"', page).group(1)
    assert client.post(url, {**mine, "seen": fresh}).status_code == 302
    assert texts_for(trollhattan, 2020)["inledning"].text == "Vår inledning."
