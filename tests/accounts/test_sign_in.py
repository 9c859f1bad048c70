"""Safe sign-in: lock-out per account and per client, e-mail sign-in, reset, sessions."""

from __future__ import annotations

import re
import time
from datetime import timedelta

from django.conf import settings
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.conftest import PASSWORD, make_user

LOGIN = "/logga-in/"


def _try(client, username, password, address="10.0.0.1"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


def test_a_person_signs_in_with_the_email_address_in_any_case(client, association):
    user = make_user("bo", association, "styrelse")
    user.email = "bo@example.se"
    user.save()
    response = _try(client, "BO@Example.se", PASSWORD)
    assert response.status_code == 302 and response["Location"] == "/"


def test_after_five_failures_the_account_is_locked_even_with_the_right_password(client, chef):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert _try(client, "chef", "fel").status_code == 200
    assert _try(client, "chef", "fel").status_code == 429
    response = _try(client, "chef", PASSWORD, address="10.0.0.2")  # another client, same account
    assert response.status_code == 429
    text = response.content.decode()
    assert "Inloggningen är spärrad" in text and "i 15 minuter" in text
    assert re.search(r"Försök igen efter kl\. \d\d:\d\d", text)
    assert "_auth_user_id" not in client.session


def test_one_client_guessing_many_accounts_is_locked(client, chef):
    for number in range(settings.AXES_FAILURE_LIMIT):
        _try(client, f"gissning{number}", "fel")
    assert _try(client, "chef", PASSWORD).status_code == 429
    assert _try(client, "chef", PASSWORD, address="10.0.0.9").status_code == 302


def test_a_success_before_the_limit_clears_the_failures(client, chef):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        _try(client, "chef", "fel")
    assert _try(client, "chef", PASSWORD).status_code == 302
    client.logout()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        _try(client, "chef", "fel")
    assert _try(client, "chef", PASSWORD).status_code == 302


def test_a_wrong_password_is_answered_in_swedish(client, chef):
    text = _try(client, "chef", "fel").content.decode()
    assert "Fel e-postadress, användarnamn eller lösenord" in text


def test_password_reset_by_email_in_swedish(client, chef):
    chef.email = "chef@example.se"
    chef.save()
    assert client.post("/losenord/aterstall/", {"email": "chef@example.se"}).status_code == 302
    message = mail.outbox[-1]
    assert message.subject == "Nytt lösenord i Samordna"
    assert "välj ett nytt lösenord" in message.body
    link = re.search(r"https?://[^/\s]+(/losenord/\S+)", message.body).group(1)
    form = client.get(link, follow=True)
    new = {"new_password1": "ett nytt långt lösenord", "new_password2": "ett nytt långt lösenord"}
    assert client.post(form.request["PATH_INFO"], new).status_code == 302
    assert _try(client, "chef@example.se", "ett nytt långt lösenord").status_code == 302


def test_a_signed_in_person_changes_the_password(client, chef):
    client.force_login(chef)
    change = {"old_password": PASSWORD, "new_password1": "ännu ett lösenord 7",
              "new_password2": "ännu ett lösenord 7"}  # fmt: skip
    assert client.post("/konto/losenord/", change).status_code == 302
    chef.refresh_from_db()
    assert chef.check_password("ännu ett lösenord 7")


def test_the_password_validators_answer_in_swedish(client, chef):
    client.force_login(chef)
    change = {"old_password": PASSWORD, "new_password1": "chef1234", "new_password2": "chef1234"}
    text = client.post("/konto/losenord/", change).content.decode()
    assert "Det här lösenordet är för kort" in text


def test_the_session_cookie_ends_with_the_browser_and_after_idle_time(client, chef):
    response = _try(client, "chef", PASSWORD)
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["expires"] == "" and cookie["max-age"] == ""  # a browser-session cookie
    assert cookie["httponly"]
    assert settings.SESSION_COOKIE_AGE == 30 * 60
    assert client.session.get_expiry_age() == 30 * 60


def test_the_idle_clock_moves_at_most_once_a_minute_without_a_write_per_page(client, chef):
    from django.contrib.sessions.models import Session
    from django.utils import timezone

    _try(client, "chef", PASSWORD)
    client.get("/forbund/trollhattan/")  # the clock starts
    five_minutes_left = timezone.now() + timedelta(minutes=5)
    Session.objects.update(expire_date=five_minutes_left)
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/forbund/trollhattan/").status_code == 200
    assert not [q for q in queries.captured_queries if q["sql"].startswith("UPDATE")]
    assert Session.objects.get().expire_date == five_minutes_left

    session = client.session
    session["touched_at"] -= 61  # the last move was over a minute ago
    session.save()
    Session.objects.update(expire_date=five_minutes_left)
    assert client.get("/forbund/trollhattan/").status_code == 200
    assert Session.objects.get().expire_date > timezone.now() + timedelta(minutes=29)


def test_an_idle_session_ends(client, chef):
    from django.contrib.sessions.models import Session
    from django.utils import timezone

    _try(client, "chef", PASSWORD)
    Session.objects.update(expire_date=timezone.now())
    assert "/logga-in/" in client.get("/forbund/trollhattan/")["Location"]


def test_a_session_ends_after_ten_hours_however_busy(client, chef):
    _try(client, "chef", PASSWORD)
    assert client.get("/forbund/trollhattan/").status_code == 200
    session = client.session
    session["signed_in_at"] = int(time.time()) - 10 * 3600 - 1
    session.save()
    response = client.get("/forbund/trollhattan/", follow=True)
    assert "Du har varit inloggad i 10 timmar" in response.content.decode()
    assert not response.context["user"].is_authenticated


def test_new_passwords_are_stored_with_argon2_outside_the_tests():
    from django.contrib.auth.hashers import Argon2PasswordHasher

    from samordna import settings as app_settings

    assert app_settings.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")
    hasher = Argon2PasswordHasher()
    encoded = hasher.encode("ett lösenord", hasher.salt())
    assert encoded.startswith("argon2$") and hasher.verify("ett lösenord", encoded)


def test_a_sign_in_is_kept_in_the_history_and_nowhere_else_with_the_address(client, chef):
    """django-axes keeps no log of its own of who signed in from where (no page shows it and
    nothing would clear it); the history has the sign-in, and a failure still counts."""
    from axes.models import AccessAttempt, AccessLog

    from samordna.audit.models import Change

    assert _try(client, "chef", "fel", address="10.0.0.7").status_code == 200
    assert AccessAttempt.objects.filter(username="chef").exists()
    assert _try(client, "chef", PASSWORD, address="10.0.0.7").status_code == 302
    client.post("/logga-ut/")
    assert not AccessLog.objects.exists()
    signed_in = Change.objects.get(event=Change.Event.SIGN_IN, object_id=chef.pk)
    assert signed_in.remote_addr == "10.0.0.7"
