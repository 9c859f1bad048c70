"""Today comes in from the page that asks: frozen here with time-machine, never read deep down."""

from __future__ import annotations

from datetime import UTC, date, datetime

import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from samordna.interventions.models import StatusChange
from tests.conftest import TODAY

REGISTER = (
    "namn;slag;status;medlemmar;målgrupp;start;slut;planerade deltagare;esf;beslut;2027\n"
    "Nytt team;individinriktad;ansökan;FK, Trollhättans Stad;Unga vuxna;"
    "2027-01-01;2027-12-31;20;nej;;300 000\n"
)


@time_machine.travel(TODAY, tick=False)
def test_an_imported_application_without_a_decision_is_dated_the_day_of_the_import(
    client, chef, association
):
    client.force_login(chef)
    upload = SimpleUploadedFile("register.csv", REGISTER.encode())
    url = reverse("intervention_import", args=[association.slug])
    assert client.post(url, {"file": upload}).status_code == 302
    change = StatusChange.objects.get(intervention__name="Nytt team")
    assert (change.status, change.date) == ("ansokan", date(2026, 6, 15))


def test_the_indicators_of_a_new_forbund_are_the_fifteen_national_ones(client, chef, association):
    client.force_login(chef)
    url = reverse("indicators", args=[association.slug])
    assert client.get(url + "?ar=2021").status_code == 200
    assert sorted(association.indicators.values_list("number", flat=True)) == list(range(1, 16))


def test_a_year_before_the_national_indicators_has_none_and_still_opens(client, chef, association):
    client.force_login(chef)
    url = reverse("indicators", args=[association.slug])
    assert client.get(url + "?ar=2016").status_code == 200
    assert not association.indicators.exists()


@time_machine.travel(datetime(2031, 3, 2, 12, tzinfo=UTC), tick=False)
def test_the_answer_and_link_forms_start_at_this_year(client, chef, association):
    client.force_login(chef)
    for name in ("indicator_answers", "survey_links"):
        page = client.get(reverse(name, args=[association.slug])).content.decode()
        assert 'name="year" value="2031"' in page, name
