"""The checks a förbundschef expects: amounts add up, dates have happened, counts read as
printed, and every date field says how to write a date."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.urls import reverse

from samordna.associations.models import Population
from samordna.core.money import MoneyError, parse_count
from samordna.interventions.models import Application, Decision, Intervention
from tests.web.test_intervention_pages import _members


def _text(response) -> str:
    return response.content.decode().replace("\u00a0", " ")


def _application(association, requested: str, budget: str) -> dict:
    return {
        "title": "Unga vuxna",
        "kind": "individual",
        "applicants": _members(association, "af", "municipality"),
        "description": "Stöd.",
        "target_group": "Unga",
        "goals": "Arbete",
        "start": "2026-04-01",
        "end": "2027-12-31",
        "requested": requested,
        "budget": budget,
    }


def test_an_application_whose_years_do_not_add_up_says_by_how_much(client, chef, association):
    client.force_login(chef)
    data = _application(association, "1 500 000 kr", "2026: 800 000\n2027: 800 000")
    response = client.post(reverse("application_new", args=[association.slug]), data)
    assert response.status_code == 400
    assert "skillnaden är 100 000 kr" in _text(response)
    assert not Application.objects.exists()


def test_an_application_in_tkr_that_adds_up_is_filed(client, chef, association):
    client.force_login(chef)
    data = _application(association, "1 600 tkr", "2026: 800 000\n2027: 800 tkr")
    response = client.post(reverse("application_new", args=[association.slug]), data)
    assert response.status_code == 302
    assert Application.objects.get().requested == 160_000_000


def _insats(association) -> Intervention:
    insats = Intervention.objects.create(
        association=association, name="Team", kind="individual", status="ansokan"
    )
    insats.members.set(association.members.filter(kind__in=["fk", "municipality"]))
    return insats


def test_a_status_change_cannot_predate_its_decision(client, chef, association):
    insats = _insats(association)
    decision = Decision.objects.create(
        association=association, date=date(2026, 3, 11), paragraph="34", kind="ovrigt", text="B."
    )
    client.force_login(chef)
    url = reverse("intervention_status", args=[association.slug, insats.pk])
    data = {"status": "beviljad", "date": "2026-03-01", "decision": decision.pk}
    response = client.post(url, data)
    assert response.status_code == 400
    assert "kan inte ändras före beslutet" in _text(response)
    insats.refresh_from_db()
    assert insats.status == "ansokan"


def test_a_decision_dated_tomorrow_is_refused(client, chef, association):
    tomorrow = (date.today() + timedelta(days=1)).isoformat()
    client.force_login(chef)
    data = {"date": tomorrow, "paragraph": "3", "kind": "ovrigt", "text": "Beslut."}
    response = client.post(reverse("decision_new", args=[association.slug]), data)
    assert response.status_code == 400
    assert f"Datumet {tomorrow} har inte varit ännu" in _text(response)
    assert not Decision.objects.exists()


def test_a_population_count_is_read_as_the_app_prints_it(client, chef, association):
    member = association.members.get(name="Grästorps kommun")
    client.force_login(chef)
    data = {"year": 2024, "count": "5 712", "reference_date": "2023-12-31", "source": "SCB"}
    response = client.post(reverse("population_add", args=[association.slug, member.pk]), data)
    assert response.status_code == 302
    assert Population.objects.get(member=member, year=2024).count == 5712


def test_a_count_written_as_an_amount_is_refused_in_swedish(client, chef, association):
    member = association.members.get(name="Grästorps kommun")
    client.force_login(chef)
    data = {"year": 2024, "count": "500 tkr", "reference_date": "2023-12-31", "source": "SCB"}
    response = client.post(reverse("population_add", args=[association.slug, member.pk]), data)
    assert response.status_code == 400
    assert "är ett belopp, inte ett antal" in _text(response)


@pytest.mark.parametrize(
    ("text", "count"), [("41 230", 41230), ("41230", 41230), ("41\u00a0230", 41230), ("0", 0)]
)
def test_parse_count_reads_counts_as_printed(text, count):
    assert parse_count(text) == count


@pytest.mark.parametrize("text", ["41 230 kr", "500 tkr", "12,5", "-3", "många"])
def test_parse_count_refuses_what_is_not_a_whole_count(text):
    with pytest.raises(MoneyError):
        parse_count(text)


def test_every_date_field_shows_the_swedish_format(client, chef, association):
    client.force_login(chef)
    page = _text(client.get(reverse("decision_new", args=[association.slug])))
    assert 'type="text" name="date"' in page and 'inputmode="numeric"' in page
    assert "(ÅÅÅÅ-MM-DD)" in page and 'type="date"' not in page
    assert "Sammanträde" in page and ">Meeting" not in page and ">Intervention" not in page


@pytest.mark.parametrize(
    ("text", "read"),
    [("2026-01-15", date(2026, 1, 15)), ("20260115", date(2026, 1, 15)), ("01/15/2026", None),
     ("15/01/2026", None), ("2026-13-01", None)],
)  # fmt: skip
def test_a_date_is_typed_as_the_app_prints_it(text, read):
    from django.utils import translation

    from samordna.audit.forms import HistoryFilterForm

    with translation.override("sv"):
        form = HistoryFilterForm({"since": text}, actors=[], kinds=[])
        assert form.is_valid() == (read is not None)
    if read is None:
        assert form.errors["since"] == ["Fyll i ett giltigt datum."]
    else:
        assert form.cleaned_data["since"] == read
        shown = HistoryFilterForm(initial={"since": read}, actors=[], kinds=[])
        assert 'value="2026-01-15"' in str(shown["since"])  # shown as the app prints it
