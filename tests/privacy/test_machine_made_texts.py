"""Texts Samordna makes itself (hashes, tokens, keys) are not mistaken for a personnummer.

A SHA-256 in hex sometimes holds ten digits that pass the checksum. Before this was handled
an invitation was refused now and then with "token hash innehåller ett personnummer", and
`samordna privacy scan` would have reported a device key as an identity.
"""

from __future__ import annotations

import itertools
import re

from django.core import mail
from django_otp.plugins.otp_totp.models import TOTPDevice

from samordna.accounts import services
from samordna.accounts.models import Invitation, token_digest
from samordna.associations.models import Membership
from samordna.cli import main
from samordna.core.personnummer import find_identities
from samordna.privacy.guard import text_fields

NEW_PASSWORD = {"new_password1": "ett bra lösenord 42", "new_password2": "ett bra lösenord 42"}


def _token_whose_digest_looks_like_a_personnummer() -> str:
    for n in itertools.count():
        token = f"token-{n}"
        if find_identities(token_digest(token)):
            return token
    raise AssertionError("unreachable")


def test_an_invitation_whose_hash_looks_like_a_personnummer_is_sent_and_works(
    client, chef, monkeypatch
):
    token = _token_whose_digest_looks_like_a_personnummer()
    monkeypatch.setattr(services.secrets, "token_urlsafe", lambda _n: token)
    client.force_login(chef)
    response = client.post(
        "/forbund/trollhattan/personer/bjud-in/", {"email": "ny@example.se", "role": "styrelse"}
    )
    assert response.status_code == 302
    assert Invitation.objects.filter(email="ny@example.se").exists()
    link = re.search(r"http://127\.0\.0\.1:8000(\S+)", mail.outbox[-1].body).group(1)
    client.logout()
    assert client.post(link, NEW_PASSWORD).status_code == 302
    assert Membership.objects.filter(user__email="ny@example.se", role="styrelse").exists()


def test_the_scan_does_not_report_keys_and_hashes_as_identities(db, chef, capsys):
    token = _token_whose_digest_looks_like_a_personnummer()
    Invitation.objects.create(
        association=chef.memberships.first().association,
        email="x@example.se",
        role="styrelse",
        token_hash=token_digest(token),
        expires_at="2030-01-01T00:00Z",
    )
    TOTPDevice.objects.create(user=chef, name="app", key="8501011236" * 4)
    assert main(["privacy", "scan"]) == 0
    assert "Inga personnummer eller samordningsnummer" in capsys.readouterr().out


def test_what_people_write_is_still_checked_next_to_a_machine_made_field():
    names = {f.name for f in text_fields(Invitation)}
    assert "email" in names and "token_hash" not in names
