"""Addresses and form fields with characters Python calls digits but `int` cannot read.

"²" passes `str.isdigit()`, and `int("²")` fails: every page that read ?ar= (the year), the
participant list's ?insats=, a member's inhabitants and the survey links answered with a server
error. They now treat such a value as not given, or as an object that is not there.
"""

from __future__ import annotations

import pytest
from django.urls import reverse
from django_otp.util import random_hex

from samordna.accounts.mfa import code_matches
from samordna.associations.models import Member


@pytest.mark.parametrize(
    ("page", "query"),
    [("followup", "ar=²³"), ("interventions", "ar=²"), ("episodes", "insats=²")],
)
def test_a_superscript_number_in_the_address_shows_the_page(client, chef, association, page, query):
    client.force_login(chef)
    response = client.get(reverse(page, args=[association.slug]) + "?" + query)
    assert response.status_code == 200


@pytest.mark.parametrize("link", ["abc", "", "²"])
def test_toggling_a_survey_link_that_is_not_a_number_is_not_found(client, chef, association, link):
    client.force_login(chef)
    client.raise_request_exception = False
    url = reverse("survey_links", args=[association.slug])
    assert client.post(url, {"action": "toggle", "link": link}).status_code == 404


def test_inhabitants_for_a_superscript_year_get_a_message(client, chef, association):
    client.force_login(chef)
    member = Member.objects.filter(association=association).first()
    url = reverse("population_add", args=[association.slug, member.pk])
    response = client.post(url, {"year": "²³", "count": "1000"})
    assert response.status_code == 400
    assert "år" in response.content.decode().lower()


def test_a_two_factor_code_of_superscript_digits_is_simply_wrong():
    assert code_matches(random_hex(), "²²²²²²") is False
