"""A password changed or reset, two-factor turned on or off and new recovery codes show up in
the förbund's Historik as events, and no password, secret or code is ever kept there."""

from __future__ import annotations

import base64
import re

import pytest
from django.core import mail
from django.urls import reverse
from django_otp.oath import TOTP

from samordna.audit.models import Change
from tests.conftest import PASSWORD, make_user

NEW_PASSWORD = "ett helt nytt lösenord 42"


@pytest.fixture
def auditor(association):
    return make_user("revisorn", association, "revisor")


def _history(client, association, **filters) -> str:
    page = client.get(reverse("history", args=[association.slug]), filters).content.decode()
    return page.replace("\u00a0", " ")


def _turn_on_two_factor(client) -> tuple[str, list[str]]:
    page = client.get("/konto/tvastegs/").content.decode()
    secret = re.search(r'id="totp-secret">([A-Z2-7=]+)<', page).group(1)
    code = f"{TOTP(base64.b32decode(secret)).token():06d}"
    done = client.post("/konto/tvastegs/", {"code": code}).content.decode()
    return secret, re.findall(r"<li><code>(\w+)</code></li>", done)


def test_a_password_change_is_on_record_without_the_password(client, chef, auditor, association):
    client.force_login(chef)
    change = {"old_password": PASSWORD, "new_password1": NEW_PASSWORD,
              "new_password2": NEW_PASSWORD}  # fmt: skip
    assert client.post("/konto/losenord/", change).status_code == 302
    client.force_login(auditor)
    page = _history(client, association, action="konto")
    assert "Lösenordet ändrat" in page and ">chef<" in page
    assert NEW_PASSWORD not in page and PASSWORD not in page
    entry = Change.objects.get(event=Change.Event.PASSWORD_CHANGED)
    assert entry.actor == chef and not entry.changes


def test_a_password_reset_through_the_link_is_on_record(client, chef, auditor, association):
    chef.email = "chef@example.se"
    chef.save()
    client.post("/losenord/aterstall/", {"email": "chef@example.se"})
    link = re.search(r"https?://[^/\s]+(/losenord/\S+)", mail.outbox[-1].body).group(1)
    form = client.get(link, follow=True)
    new = {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    assert client.post(form.request["PATH_INFO"], new).status_code == 302
    client.force_login(auditor)
    page = _history(client, association)
    assert "Lösenordet återställt" in page and NEW_PASSWORD not in page


def test_two_factor_on_new_codes_and_off_are_on_record_without_secrets(
    client, chef, auditor, association
):
    client.force_login(chef)
    secret, codes = _turn_on_two_factor(client)
    new_codes = client.post("/konto/tvastegs/nya-koder/").content.decode()
    client.post("/konto/tvastegs/ta-bort/")
    client.force_login(auditor)
    page = _history(client, association, action="konto")
    for event in ("påslagen", "Nya reservkoder", "Tvåstegsverifiering borttagen"):
        assert event in page
    shown = re.findall(r"<li><code>(\w+)</code></li>", new_codes)
    assert len(shown) == 10
    for secret_text in [secret, *codes, *shown]:
        assert secret_text not in page
    assert "<td>Inloggning</td>" not in page  # the filter shows the account events alone


def test_another_forbunds_chef_does_not_see_the_events(client, chef, other_chef, association):
    client.force_login(chef)
    _turn_on_two_factor(client)
    client.force_login(other_chef)
    assert client.get(reverse("history", args=[association.slug])).status_code == 404
    page = _history(client, other_chef.memberships.get().association)
    assert "Tvåstegsverifiering påslagen" not in page
