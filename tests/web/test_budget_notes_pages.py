"""Notes and financial items typed in the budget grid, and the organisation chart uploaded for
the plan's texts: what the chef sees, what is saved and what is refused."""

from __future__ import annotations

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from samordna.budgets import services
from samordna.budgets.models import BudgetAmount
from samordna.documents.image_models import TextImage
from samordna.documents.models import DocumentText


def _text(response) -> str:
    return response.content.decode().replace("\u00a0", " ")


def _budget(association):
    budget = services.create(association, services.NewBudget("Budget 2025", 2025), user=None)
    version = budget.versions.get()
    income = version.lines.get(label="Medlemsbidrag")
    interest = services.add_line(version, "financial", "Ränteintäkter")
    return budget, version, income, interest


def test_the_grid_saves_a_note_on_an_amount_and_on_a_line_and_counts_the_interest(
    client, chef, association
):
    budget, version, income, interest = _budget(association)
    client.force_login(chef)
    url = reverse("budget_edit", args=[association.slug, budget.pk, 1])
    page = _text(client.get(url))
    assert f'<label for="n-{income.pk}-2026">Not om beloppet 2026</label>' in page
    assert "Finansiella intäkter och kostnader" in page
    response = client.post(
        url,
        {
            f"a-{income.pk}-2025": "2 400 000",
            f"a-{income.pk}-2026": "2 160 000",
            f"n-{income.pk}-2026": "Preliminär minskning 10 %",
            f"a-{interest.pk}-2025": "5 000",
            f"note-{interest.pk}": "Ränta på kontot i banken",
        },
    )
    assert response.status_code == 302
    saved = BudgetAmount.objects.get(line=income, year=2026)
    assert (saved.amount, saved.note) == (216_000_000, "Preliminär minskning 10 %")
    interest.refresh_from_db()
    assert interest.note == "Ränta på kontot i banken"
    shown = _text(client.get(reverse("budget", args=[association.slug, budget.pk])))
    assert "Finansiella poster, netto" in shown and "5 000" in shown
    assert "Not 2026: Preliminär minskning 10 %" in shown and "Not: Ränta på kontot" in shown
    edit = _text(client.get(url))
    assert 'Noter<span class="visually-hidden"> för Medlemsbidrag</span> (1)' in edit


def test_a_note_on_an_empty_amount_or_with_a_personnummer_saves_nothing(client, chef, association):
    budget, version, income, _interest = _budget(association)
    client.force_login(chef)
    response = client.post(
        reverse("budget_edit", args=[association.slug, budget.pk, 1]),
        {
            f"a-{income.pk}-2025": "2 400 000",
            f"n-{income.pk}-2026": "Preliminär",
            f"note-{income.pk}": "Kontakt 850101-1236",
        },
    )
    assert response.status_code == 400
    page = _text(response)
    assert "Medlemsbidrag, not 2026: noten gäller ett belopp" in page
    assert "Medlemsbidrag: Texten innehåller ett personnummer" in page
    assert not BudgetAmount.objects.filter(line=income).exists()
    income.refresh_from_db()
    assert income.note == ""


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (300, 150), (31, 78, 121)).save(buffer, "PNG")
    return buffer.getvalue()


def test_the_chef_uploads_a_chart_places_it_in_a_text_and_sees_it_in_the_preview(
    client, chef, association
):
    client.force_login(chef)
    url = reverse("text_images", args=[association.slug])
    upload = SimpleUploadedFile("organisation.png", _png(), content_type="image/png")
    response = client.post(url, {"image": upload, "alt": "Organisationsschema"})
    assert response.status_code == 302
    assert "![Organisationsschema](bild:1)" in _text(client.get(url))
    texts = reverse("document_texts", args=[association.slug, 2025])
    refused = client.post(texts, {"organisation": "![](bild:2)"})
    assert refused.status_code == 200 and "Texten visar bild 2, som inte finns" in _text(refused)
    client.post(texts, {"organisation": "## Kansliet\n\n![](bild:1)"})
    assert DocumentText.objects.get(association=association, key="organisation").year == 2025
    preview = _text(client.get(reverse("document", args=[association.slug, "plan", 2025])))
    assert 'alt="Organisationsschema"' in preview and "<h3>Kansliet</h3>" in preview


def test_a_broken_image_or_one_without_alt_text_is_refused(client, chef, association):
    client.force_login(chef)
    url = reverse("text_images", args=[association.slug])
    broken = SimpleUploadedFile("schema.png", _png()[:60], content_type="image/png")
    response = client.post(url, {"image": broken, "alt": "Schema"})
    assert response.status_code == 400 and "hel PNG- eller JPEG-bild" in _text(response)
    whole = SimpleUploadedFile("schema.png", _png(), content_type="image/png")
    response = client.post(url, {"image": whole, "alt": ""})
    assert response.status_code == 400
    named = SimpleUploadedFile("850101-1236.png", _png(), content_type="image/png")
    response = client.post(url, {"image": named, "alt": "Schema"})
    assert response.status_code == 400 and "Filnamnet innehåller" in _text(response)
    assert not TextImage.objects.exists()


def test_an_image_a_text_shows_cannot_be_removed(client, chef, association):
    client.force_login(chef)
    client.post(
        reverse("text_images", args=[association.slug]),
        {"image": SimpleUploadedFile("s.png", _png()), "alt": "Schema"},
    )
    DocumentText.objects.create(
        association=association, year=2025, key="organisation", text="![](bild:1)"
    )
    response = client.post(reverse("text_image_delete", args=[association.slug, 1]))
    assert response.status_code == 409 and "Organisation och arbetssätt 2025" in _text(response)
    assert TextImage.objects.filter(number=1).exists()


def test_a_save_that_posts_no_note_fields_keeps_the_stored_notes(client, chef, association):
    budget, version, income, _interest = _budget(association)
    services.set_amounts(version, {(income.pk, 2026): 100_00}, {(income.pk, 2026): "Preliminär"})
    client.force_login(chef)
    response = client.post(
        reverse("budget_edit", args=[association.slug, budget.pk, 1]),
        {f"a-{income.pk}-2026": "200"},
    )
    assert response.status_code == 302
    saved = BudgetAmount.objects.get(line=income, year=2026)
    assert (saved.amount, saved.note) == (200_00, "Preliminär")
