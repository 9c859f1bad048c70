"""Single sign-on with OpenID Connect against a provider started on the loopback interface in the
test process: it signs its ID tokens with a test key and publishes the public half (JWKS).

An account is found by its e-mail address; an open invitation creates one with the invited role;
nobody else gets in. Samordna's own two-factor step still applies after the provider's sign-in.
"""

from __future__ import annotations

import base64
import hashlib
import http.client
import json
import secrets
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlencode, urlsplit

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from django.contrib.auth import get_user_model
from django.test import override_settings

from samordna.accounts import mfa, services
from samordna.associations.models import Membership
from samordna.audit.models import Change
from tests.conftest import make_user

CLIENT_ID = "samordna-test"


class Provider:
    """The identity provider: who signs in next (`claims`), and the codes it has handed out."""

    def __init__(self) -> None:
        self.key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self.signing_key = self.key
        self.claims: dict = {}
        self.token_extra: dict = {}
        self.codes: dict[str, dict] = {}
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"

    def settings(self) -> dict:
        return {
            "OIDC_RP_CLIENT_ID": CLIENT_ID,
            "OIDC_RP_CLIENT_SECRET": "hemligt",
            "OIDC_OP_AUTHORIZATION_ENDPOINT": f"{self.url}/authorize",
            "OIDC_OP_TOKEN_ENDPOINT": f"{self.url}/token",
            "OIDC_OP_USER_ENDPOINT": f"{self.url}/userinfo",
            "OIDC_OP_JWKS_ENDPOINT": f"{self.url}/jwks",
            "SAMORDNA_OIDC_ISSUER": self.url,
            "SAMORDNA_OIDC_NAME": "Trollhättans stad",
        }

    def authorize(self, query: dict[str, str]) -> str:
        code = secrets.token_urlsafe(16)
        self.codes[code] = {"query": query, "claims": dict(self.claims)}
        return code

    def token(self, form: dict[str, str]) -> dict | None:
        issued = self.codes.pop(form.get("code", ""), None)
        if issued is None or form.get("client_id") != CLIENT_ID:
            return None
        query = issued["query"]
        digest = hashlib.sha256(form.get("code_verifier", "").encode()).digest()
        if base64.urlsafe_b64encode(digest).rstrip(b"=").decode() != query["code_challenge"]:
            return None  # PKCE: the code is useless without the verifier of this sign-in
        now = int(time.time())
        payload = {"iss": self.url, "aud": CLIENT_ID, "sub": "person-1", "iat": now,
                   "exp": now + 300, "nonce": query["nonce"], **issued["claims"],
                   **self.token_extra}  # fmt: skip
        id_token = jwt.encode(payload, self.signing_key, algorithm="RS256", headers={"kid": "k1"})
        access = secrets.token_urlsafe(16)
        self.codes[f"access:{access}"] = issued["claims"]
        return {"id_token": id_token, "access_token": access, "token_type": "Bearer"}

    def jwks(self) -> dict:
        public = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(self.key.public_key()))
        return {"keys": [public | {"kid": "k1", "alg": "RS256", "use": "sig"}]}


def _handler(provider: Provider):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

        def _json(self, status: int, body: dict) -> None:
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self) -> None:
            url = urlsplit(self.path)
            if url.path == "/authorize":
                query = {k: v[0] for k, v in parse_qs(url.query).items()}
                code = provider.authorize(query)
                back = (
                    f"{query['redirect_uri']}?{urlencode({'code': code, 'state': query['state']})}"
                )
                self.send_response(302)
                self.send_header("Location", back)
                self.end_headers()
            elif url.path == "/jwks":
                self._json(200, provider.jwks())
            elif url.path == "/userinfo":
                token = self.headers.get("Authorization", "").removeprefix("Bearer ")
                claims = provider.codes.get(f"access:{token}")
                self._json(200 if claims is not None else 401, claims or {})
            else:
                self._json(404, {})

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length", "0"))
            form = {k: v[0] for k, v in parse_qs(self.rfile.read(length).decode()).items()}
            answer = provider.token(form)
            self._json(200 if answer else 400, answer or {"error": "invalid_grant"})

    return Handler


@pytest.fixture
def provider():
    running = Provider()
    # serve_forever looks for shutdown() every poll_interval (0.5 s by default: each test's
    # ending would wait that long for nothing)
    thread = threading.Thread(target=running.server.serve_forever, args=(0.01,), daemon=True)
    thread.start()
    with override_settings(**running.settings()):
        yield running
    running.server.shutdown()
    thread.join(timeout=10)
    running.server.server_close()


def _sign_in_at_provider(client, provider, claims, start="/logga-in/sso/"):
    """The browser's round trip: Samordna → the provider (who signs `claims` in) → back."""
    provider.claims = claims
    to_provider = client.get(start)
    assert to_provider.status_code == 302, to_provider
    url = urlsplit(to_provider["Location"])
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=10)
    connection.request("GET", f"{url.path}?{url.query}")
    back = urlsplit(connection.getresponse().getheader("Location"))
    return client.get(f"{back.path}?{back.query}", follow=True)


def _signed_in_as(client):
    return get_user_model().objects.filter(pk=client.session.get("_auth_user_id")).first()


def test_the_sign_in_page_offers_the_provider_only_when_configured(client, provider):
    page = client.get("/logga-in/").content.decode()
    assert "Logga in med Trollhättans stad" in page
    with override_settings(OIDC_RP_CLIENT_ID=""):
        assert "Logga in med" not in client.get("/logga-in/").content.decode()
        assert client.get("/logga-in/sso/").status_code == 404


def test_an_existing_account_is_found_by_its_email_in_any_case(client, provider, chef):
    chef.email = "chef@trollhattan.se"
    chef.save()
    page = _sign_in_at_provider(client, provider, {"email": "Chef@Trollhattan.SE"})
    assert page.redirect_chain[-1][0] == "/forbund/trollhattan/"
    assert _signed_in_as(client) == chef
    assert Change.objects.filter(event=Change.Event.SIGN_IN, object_pk=str(chef.pk)).exists()


def test_entra_ids_preferred_username_is_used_when_there_is_no_email_claim(client, provider, chef):
    chef.email = "chef@trollhattan.se"
    chef.save()
    _sign_in_at_provider(client, provider, {"preferred_username": "chef@trollhattan.se"})
    assert _signed_in_as(client) == chef


def test_nobody_gets_an_account_or_a_role_without_an_invitation(client, provider, association):
    page = _sign_in_at_provider(client, provider, {"email": "okand@trollhattan.se"})
    text = page.content.decode()
    assert "okand@trollhattan.se har inget konto i Samordna" in text
    assert "Be förbundschefen om en inbjudan" in text
    assert _signed_in_as(client) is None
    assert not get_user_model().objects.filter(email="okand@trollhattan.se").exists()


def test_an_open_invitation_gives_the_account_its_invited_role(client, provider, association):
    services.new_invitation(association, "ny@trollhattan.se", "styrelse")
    _sign_in_at_provider(client, provider, {"email": "ny@trollhattan.se"})
    user = _signed_in_as(client)
    assert user is not None and user.email == "ny@trollhattan.se"
    assert not user.has_usable_password()
    assert Membership.objects.get(user=user).role == "styrelse"
    assert association.invitations.get().accepted_at is not None
    assert client.get(f"/forbund/{association.slug}/").status_code == 200


def test_samordnas_two_factor_step_still_applies(client, provider, chef):
    chef.email = "chef@trollhattan.se"
    chef.save()
    mfa.confirm(chef, mfa.new_secret())
    _sign_in_at_provider(client, provider, {"email": "chef@trollhattan.se", "amr": ["mfa"]})
    overview = client.get("/forbund/trollhattan/")
    assert overview.status_code == 302 and overview["Location"].startswith("/logga-in/kod/")


@pytest.mark.parametrize(
    "forgery",
    ["another key", "another client", "another issuer", "expired"],
)
def test_a_token_that_does_not_hold_up_lets_nobody_in(client, provider, chef, forgery):
    chef.email = "chef@trollhattan.se"
    chef.save()
    if forgery == "another key":
        provider.signing_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    provider.token_extra = {
        "another key": {},
        "another client": {"aud": "someone-else"},
        "another issuer": {"iss": "https://login.example.com/"},
        "expired": {"exp": int(time.time()) - 3600},
    }[forgery]
    page = _sign_in_at_provider(client, provider, {"email": "chef@trollhattan.se"})
    assert _signed_in_as(client) is None
    assert "Inloggningen via Trollhättans stad kunde inte bekräftas" in page.content.decode()


def test_a_callback_this_browser_did_not_start_is_refused_in_swedish(client, provider, chef):
    page = client.get("/logga-in/sso/klart/?code=x&state=påhittad", follow=True)
    assert page.status_code == 200 and _signed_in_as(client) is None
    assert "Inloggningen via Trollhättans stad avbröts eller misslyckades" in page.content.decode()


def test_a_user_who_cancels_at_the_provider_comes_back_to_the_sign_in_page(client, provider, db):
    client.get("/logga-in/sso/")
    page = client.get("/logga-in/sso/klart/?error=access_denied", follow=True)
    assert page.redirect_chain[-1][0] == "/logga-in/"
    assert "avbröts eller misslyckades" in page.content.decode()


def test_the_password_sign_in_still_works_with_sso_configured(client, provider, chef):
    from tests.conftest import PASSWORD

    answer = client.post("/logga-in/", {"username": "chef", "password": PASSWORD})
    assert answer.status_code == 302 and _signed_in_as(client) == chef


def test_an_inactive_account_is_not_let_in(client, provider, association):
    user = make_user("gammal", association, "styrelse")
    user.email, user.is_active = "gammal@trollhattan.se", False
    user.save()
    _sign_in_at_provider(client, provider, {"email": "gammal@trollhattan.se"})
    assert _signed_in_as(client) is None
    assert get_user_model().objects.filter(email="gammal@trollhattan.se").count() == 1
