"""TOTP two-factor with recovery codes; required for chefs when the förbund turns it on."""

from __future__ import annotations

import re

from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from samordna.accounts import mfa
from tests.conftest import PASSWORD

OVERVIEW = "/forbund/trollhattan/"


def _code(secret_base32: str) -> str:
    import base64

    return f"{TOTP(base64.b32decode(secret_base32)).token():06d}"


def _sign_in(client, username="chef"):
    return client.post("/logga-in/", {"username": username, "password": PASSWORD})


def test_setting_up_shows_a_qr_code_and_gives_ten_recovery_codes(client, chef):
    client.force_login(chef)
    page = client.get("/konto/tvastegs/").content.decode()
    assert 'alt="QR-kod för autentiseringsappen"' in page and "data:image/svg+xml" in page
    secret = re.search(r'id="totp-secret">([A-Z2-7=]+)<', page).group(1)
    wrong = client.post("/konto/tvastegs/", {"code": "000000"})
    assert wrong.status_code == 400 and "Koden stämmer inte" in wrong.content.decode()
    done = client.post("/konto/tvastegs/", {"code": _code(secret)}).content.decode()
    codes = re.findall(r"<li><code>(\w+)</code></li>", done)
    assert len(codes) == 10 and "visas bara nu" in done
    assert TOTPDevice.objects.get(user=chef).confirmed


def test_after_the_password_the_code_is_asked_for_before_any_page(client, chef):
    device, _ = mfa.confirm(chef, mfa.new_secret())
    _sign_in(client)
    response = client.get(OVERVIEW)
    assert response["Location"] == f"/logga-in/kod/?next={OVERVIEW.replace('/', '%2F')}"
    assert client.post("/logga-in/kod/", {"code": "123456"}).status_code == 400
    device.refresh_from_db()
    device.throttle_reset()  # django-otp makes the next try wait a second after a wrong code
    code = f"{TOTP(device.bin_key).token():06d}"
    answer = client.post("/logga-in/kod/", {"code": code, "next": OVERVIEW})
    assert answer["Location"] == OVERVIEW
    assert client.get(OVERVIEW).status_code == 200


def test_a_recovery_code_works_once(client, chef):
    _, codes = mfa.confirm(chef, mfa.new_secret())
    _sign_in(client)
    assert client.post("/logga-in/kod/", {"code": codes[0]}).status_code == 302
    assert StaticToken.objects.filter(device__user=chef).count() == 9
    client.logout()
    _sign_in(client)
    assert client.post("/logga-in/kod/", {"code": codes[0]}).status_code == 400


def test_a_chef_must_set_it_up_when_the_association_requires_it(client, chef, board):
    client.force_login(chef)
    client.post("/forbund/trollhattan/personer/tvastegs/", {"require_mfa": "1"})
    response = client.get(OVERVIEW)
    assert response["Location"].startswith("/konto/tvastegs/")
    client.force_login(board)  # the board is not asked
    assert client.get(OVERVIEW).status_code == 200


def test_required_two_factor_cannot_be_turned_off(client, chef):
    from samordna.accounts.services import set_mfa_policy

    device, _ = mfa.confirm(chef, mfa.new_secret())
    set_mfa_policy(chef.memberships.get().association, True)
    _sign_in(client)
    client.post("/logga-in/kod/", {"code": f"{TOTP(device.bin_key).token():06d}"})
    response = client.post("/konto/tvastegs/ta-bort/", follow=True)
    assert "kan inte tas bort" in response.content.decode()
    assert TOTPDevice.objects.filter(user=chef).exists()


def test_optional_two_factor_can_be_turned_off(client, board):
    device, _ = mfa.confirm(board, mfa.new_secret())
    client.post("/logga-in/", {"username": "ledamot", "password": PASSWORD})
    client.post("/logga-in/kod/", {"code": f"{TOTP(device.bin_key).token():06d}"})
    client.post("/konto/tvastegs/ta-bort/")
    assert not TOTPDevice.objects.filter(user=board).exists()
    assert not StaticToken.objects.filter(device__user=board).exists()


def test_the_account_page_shows_roles_and_two_factor(client, chef):
    client.force_login(chef)
    text = client.get("/konto/").content.decode()
    assert "Samordningsförbundet Trollhättan" in text and "Tvåstegsverifiering är av" in text


def test_the_password_alone_cannot_replace_the_authenticator_or_the_codes(client, chef):
    mfa.confirm(chef, mfa.new_secret())
    _sign_in(client)
    assert "/logga-in/kod/" in client.get("/konto/tvastegs/")["Location"]
    assert "/logga-in/kod/" in client.post("/konto/tvastegs/nya-koder/")["Location"]
    assert "/logga-in/kod/" in client.post("/konto/tvastegs/ta-bort/")["Location"]
    assert StaticToken.objects.filter(device__user=chef).count() == 10
    assert TOTPDevice.objects.filter(user=chef).count() == 1


def test_the_check_before_every_page_counts_confirmed_authenticators_and_chefs_who_must(
    chef, board, association
):
    """`mfa_state` is one hand-written query (it runs before every page): an authenticator
    counts once confirmed, and only a chef of a förbund that requires two-factor must have one."""
    from samordna.accounts.services import mfa_state, set_mfa_policy

    assert mfa_state(chef) == (False, False)
    TOTPDevice.objects.create(user=chef, name="Påbörjad", confirmed=False)
    assert mfa_state(chef) == (False, False)
    set_mfa_policy(association, True)
    assert mfa_state(chef) == (False, True) and mfa_state(board) == (False, False)
    mfa.confirm(chef, mfa.new_secret())
    assert mfa_state(chef) == (True, True)
    board.is_superuser = True
    assert mfa_state(board) == (False, True)
