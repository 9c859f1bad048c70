"""A personnummer typed, imported or put in a file name is refused wherever it would be stored,
and the message says what was found without repeating the digits."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from samordna.actuals.models import Account, ActualImport
from samordna.associations.models import BoardSeat
from samordna.budgets.models import Budget, BudgetLine
from samordna.interventions.models import Intervention
from samordna.privacy.guard import IdentityRefused
from tests.conftest import make_user

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
WRITINGS = ["850101 1236", "850101\u20131236", "19850101 1236", "85 01 01\u20111236"]


@pytest.fixture
def chef(association):
    return make_user("chef", association, "chef")


def _digits_absent(text: str) -> bool:
    return "850101" not in text and "1236" not in text


@pytest.mark.parametrize("written", WRITINGS)
def test_a_board_seat_name_with_a_personnummer_is_refused_at_the_field(
    client, chef, association, written
):
    client.force_login(chef)
    member = association.members.first()
    response = client.post(
        reverse("seat_create", args=[association.slug]),
        {"member": member.pk, "seat": "ledamot", "person_name": f"Anna {written}", "role": ""},
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "innehåller ett personnummer (tecken 6–" in page
    assert BoardSeat.objects.count() == 0


def test_a_save_that_no_form_checked_is_stopped_without_the_digits(association):
    intervention = Intervention(association=association, name="Jobbspår", kind="individual")
    intervention.target_group = "Unga vuxna, t.ex. 850101\u20131236"
    with pytest.raises(IdentityRefused) as refused:
        intervention.save()
    message = " ".join(refused.value.messages)
    assert "ett personnummer" in message and _digits_absent(message)
    assert Intervention.objects.count() == 0


def test_a_budget_line_label_in_an_import_file_names_its_row_and_column(client, chef, association):
    client.force_login(chef)
    text = "avsnitt;rad;2026\nintäkter;Medlemsbidrag;1 000 000\nkansli;Lön 850101 1236;500 000\n"
    response = client.post(
        reverse("budget_import", args=[association.slug]),
        {"file": SimpleUploadedFile("budget.csv", text.encode()), "name": "", "unit": ""},
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "rad 3, kolumn rad: cellen innehåller ett personnummer" in page
    assert _digits_absent(page.replace("budget.csv", ""))
    assert Budget.objects.count() == 0 and BudgetLine.objects.count() == 0


def test_an_upload_whose_file_name_holds_a_personnummer_is_refused(client, chef, association):
    client.force_login(chef)
    data = (FIXTURES / "budget" / "budget-002-trollhattan-2020.csv").read_bytes()
    response = client.post(
        reverse("budget_import", args=[association.slug]),
        {"file": SimpleUploadedFile("budget 19850101-1236.csv", data), "name": "", "unit": ""},
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "Filnamnet innehåller ett personnummer" in page and _digits_absent(page)
    assert Budget.objects.count() == 0


def test_an_sie_account_name_with_a_personnummer_imports_nothing(client, chef, association):
    client.force_login(chef)
    data = (FIXTURES / "sie" / "sodra-roslagen-2025.se").read_bytes()
    planted = data.replace(b'"Eget kapital"', b'"Eget kapital 850101-1236"')
    response = client.post(
        reverse("actuals_import", args=[association.slug]),
        {"file": SimpleUploadedFile("bokforing.se", planted), "year": 2025},
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "Ett personnummer (tecken" in page and _digits_absent(page)
    assert Account.objects.count() == 0 and ActualImport.objects.count() == 0
