"""The year's outcome from an SIE file: upload, map accounts to lines, see months and ratios."""

from __future__ import annotations

from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from samordna.actuals import services
from samordna.actuals.models import ActualAmount

SIE = Path(__file__).parents[1] / "fixtures" / "sie" / "sodra-roslagen-2025.se"


def _text(response) -> str:
    return response.content.decode().replace("\u00a0", " ")


def _upload(client, association, data: bytes, name="bokforing.se"):
    return client.post(
        reverse("actuals_import", args=[association.slug]),
        {"file": SimpleUploadedFile(name, data), "year": 2025},
    )


def test_an_uploaded_file_lists_its_unmapped_accounts_until_they_are_mapped(
    client, chef, association
):
    client.force_login(chef)
    response = _upload(client, association, SIE.read_bytes())
    assert response.status_code == 302
    page = _text(client.get(response["Location"]))
    assert "4010 Rådgivande teamet: 160 833 kr" in page and "saknar budgetrad" in page
    client.post(
        reverse("account_mapping", args=[association.slug]),
        {
            "section-3010": "income",
            "label-3010": "Medlemsbidrag",
            "section-3020": "income",
            "label-3020": "Medlemsbidrag",
            "section-3030": "income",
            "label-3030": "Medlemsbidrag",
            "section-4010": "individual",
            "label-4010": "Pågående operativ insats",
            "section-5010": "administration",
            "label-5010": "Lokalhyra",
        },
    )
    by_line = services.actuals_by_line(association, 2025)
    assert by_line[("income", "Medlemsbidrag")] == {1: 532_000_00}
    assert by_line[("administration", "Lokalhyra")] == {2: 9_583_33}
    page = _text(client.get(reverse("actuals_year", args=[association.slug, 2025])))
    assert "Pågående operativ insats" in page and "160 833" in page
    assert "7010 Löner kansli" in page  # still unmapped, still named
    assert "Soliditet" in page and "92,5 %" in page


def test_a_broken_file_imports_nothing_and_names_the_line(client, chef, association):
    client.force_login(chef)
    _upload(client, association, SIE.read_bytes())
    before = ActualAmount.objects.count()
    broken = SIE.read_bytes().replace(b"9583.33", b"9583,33")
    response = _upload(client, association, broken, "trasig.se")
    assert response.status_code == 400
    page = _text(response)
    assert "trasig.se, rad " in page and "”9583,33” är inte ett belopp" in page
    assert "Ingenting har importerats" in page
    assert ActualAmount.objects.count() == before


def test_the_outcome_table_forecasts_from_the_actuals_when_no_forecast_is_typed(
    client, chef, association
):
    from samordna.budgets import services as budgets

    plan = budgets.create(association, budgets.NewBudget("VP 2025", 2025), user=None)
    version = plan.versions.get()
    rent = budgets.add_line(version, "administration", "Lokalhyra")
    budgets.set_amounts(version, {(rent.pk, 2025): 115_000_00})
    services.import_sie(association, 2025, SIE.read_bytes(), SIE.name, user=None)
    client.force_login(chef)
    client.post(
        reverse("account_mapping", args=[association.slug]),
        {"section-5010": "administration", "label-5010": "Lokalhyra"},
    )
    page = _text(client.get(reverse("outcome", args=[association.slug, 2026])))
    assert "Prognos 2025 (utfall jan–feb)" in page
    assert "105 416,33" in page  # 9 583,33 so far + 10/12 of 115 000 kr
