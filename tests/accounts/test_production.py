"""Production posture: settings refuse to start half-configured, check --deploy is clean,
a strict Content-Security-Policy, and `samordna serve` behind a TLS-terminating proxy."""

from __future__ import annotations

import http.client
import os
import re
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from django.test import override_settings

from samordna.cli import CommandError, serve
from samordna.demo.data import DEMO_PASSWORD
from samordna.proxy import TrustedProxy
from tests.cli.conftest import DATABASE, copy_of, migrated_file  # noqa: F401 (a fixture)
from tests.conftest import PASSWORD, make_user

TEMPLATES = Path(__file__).resolve().parents[2] / "src" / "samordna" / "templates"
HOST = "samordna.example.se"


@pytest.fixture
def home(tmp_path, migrated_file) -> Path:  # noqa: F811 (the fixture imported above)
    """A folder whose database the first command has already migrated (tests/cli/conftest.py)."""
    return copy_of(migrated_file, tmp_path)


def _samordna(tmp_path, *args, **env):
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("SAMORDNA_", "DJANGO_"))}
    clean |= {"SAMORDNA_HOME": str(tmp_path), "DATABASE_URL": f"sqlite:///{tmp_path}/{DATABASE}"}
    return subprocess.run(
        [sys.executable, "-m", "samordna", *args],
        env=clean | env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean_with_production_settings(home):
    done = _samordna(
        home,
        "check",
        "--deploy",
        SAMORDNA_ENV="production",
        SAMORDNA_SECRET_KEY="k" * 20 + "-en-lång-och-slumpmässig-nyckel-för-testet-0123456789",
        SAMORDNA_ALLOWED_HOSTS=HOST,
    )
    assert done.returncode == 0, done.stderr
    assert "no issues" in done.stdout and "WARNING" not in done.stderr + done.stdout


def test_check_deploy_warns_without_production_settings(home):
    done = _samordna(home, "check", "--deploy")
    assert done.returncode == 0
    assert "security.W004" in done.stderr and "security.W008" in done.stderr


@pytest.mark.parametrize("missing", ["SAMORDNA_SECRET_KEY", "SAMORDNA_ALLOWED_HOSTS"])
def test_production_refuses_to_start_without_key_or_hosts(tmp_path, missing):
    env = {"SAMORDNA_ENV": "production", "SAMORDNA_SECRET_KEY": "x" * 60,
           "SAMORDNA_ALLOWED_HOSTS": HOST}  # fmt: skip
    del env[missing]
    done = _samordna(tmp_path, "check", **env)
    assert done.returncode == 2
    assert f"{missing} måste vara satt när SAMORDNA_ENV=production" in done.stderr
    assert "Traceback" not in done.stderr


def test_pages_carry_a_strict_content_security_policy(client, chef):
    client.force_login(chef)
    policy = client.get("/forbund/trollhattan/")["Content-Security-Policy"]
    script = next(part for part in policy.split(";") if "script-src" in part)
    assert "'self'" in script and "unsafe" not in script
    assert "object-src 'none'" in policy and "frame-ancestors 'none'" in policy


def test_no_template_has_inline_script_style_or_handlers():
    found = []
    for path in TEMPLATES.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        inline = re.findall(r"<script(?![^>]*\bsrc=)[^>]*>", text)
        attributes = re.findall(r"\s(?:style|on[a-z]+)=", text)
        found += [f"{path.name}: {hit}" for hit in inline + attributes + re.findall("<style", text)]
    assert found == []


def test_the_demo_login_is_printed_only_with_the_demo(db):
    assert serve.demo_login() is None
    user = make_user("chef")
    assert serve.demo_login() is None  # a user named chef, but not the demo's password
    user.set_password(DEMO_PASSWORD)
    user.save()
    assert serve.demo_login() == f"Demoinloggning: chef / {DEMO_PASSWORD}"


def test_production_refuses_to_serve_with_a_demo_user(db):
    make_user("styrelse")
    serve.refuse_demo_in_production()  # not in production: fine
    with override_settings(PRODUCTION=True), pytest.raises(CommandError) as refused:
        serve.refuse_demo_in_production()
    assert "demons användare" in refused.value.message


@pytest.fixture
def behind_proxy(transactional_db):
    """A real HTTP server running the app as samordna.wsgi wraps it (samordna.proxy's
    TrustedProxy, trusting the proxies of the TRUSTED_PROXIES setting), with production
    cookies. Each server stops its loop before its socket closes."""
    from django.core.handlers.wsgi import WSGIHandler
    from waitress.server import create_server

    production = override_settings(
        ALLOWED_HOSTS=[HOST],
        SECURE_SSL_REDIRECT=True,
        SESSION_COOKIE_SECURE=True,
        CSRF_COOKIE_SECURE=True,
    )
    production.enable()
    application = TrustedProxy(WSGIHandler(), None)  # its middleware reads production settings
    stop = threading.Event()
    running: list = []

    def start(trusted: str):
        proxies = override_settings(TRUSTED_PROXIES=trusted.split(","))
        proxies.enable()
        # waitress passes the headers on untouched; TrustedProxy decides whom to believe.
        server = create_server(
            application, host="127.0.0.1", port=0, threads=4, clear_untrusted_proxy_headers=False
        )
        thread = threading.Thread(target=_serve_until, args=(server, stop), daemon=True)
        thread.start()
        running.append((server, thread, proxies))
        return server.effective_port

    yield start
    stop.set()
    for server, thread, proxies in running:
        thread.join(timeout=10)
        server.close()
        proxies.disable()
    production.disable()


def _serve_until(server, stop: threading.Event) -> None:
    while not stop.is_set():
        server.asyncore.loop(timeout=0.05, map=server._map, count=1)


def _ask(port, method, path, headers, body=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request(method, path, body=body, headers=headers)
    response = connection.getresponse()
    return response, response.read().decode()


PROXY = {"Host": HOST, "X-Forwarded-Proto": "https", "X-Forwarded-For": "203.0.113.7"}


def _csrf(port):
    response, page = _ask(port, "GET", "/logga-in/", PROXY)
    assert response.status == 200, page
    cookie = re.search(r"csrftoken=([^;]+)", response.getheader("Set-Cookie")).group(1)
    assert "Secure" in response.getheader("Set-Cookie")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    return cookie, token


def test_a_login_post_with_an_https_origin_works_behind_the_proxy(behind_proxy):
    make_user("chef")
    port = behind_proxy("127.0.0.1")
    cookie, token = _csrf(port)
    form = f"username=chef&password={PASSWORD}&csrfmiddlewaretoken={token}"
    headers = PROXY | {
        "Origin": f"https://{HOST}",
        "Referer": f"https://{HOST}/logga-in/",
        "Cookie": f"csrftoken={cookie}",
        "Content-Type": "application/x-www-form-urlencoded",
    }
    response, _ = _ask(port, "POST", "/logga-in/", headers, form)
    assert response.status == 302 and response.getheader("Location") == "/"
    assert "sessionid=" in response.getheader("Set-Cookie")


def test_failed_sign_ins_count_against_the_address_the_proxy_reports(behind_proxy):
    from axes.models import AccessAttempt

    port = behind_proxy("127.0.0.1")
    cookie, token = _csrf(port)
    headers = PROXY | {"Origin": f"https://{HOST}", "Cookie": f"csrftoken={cookie}",
                       "Content-Type": "application/x-www-form-urlencoded"}  # fmt: skip
    _ask(port, "POST", "/logga-in/", headers, f"username=x&password=y&csrfmiddlewaretoken={token}")
    assert AccessAttempt.objects.get().ip_address == "203.0.113.7"


def test_forwarded_headers_from_anyone_else_are_ignored(behind_proxy):
    port = behind_proxy("10.9.9.9")  # the proxy is elsewhere: this client is not it
    response, _ = _ask(port, "GET", "/logga-in/", PROXY)
    assert response.status == 301 and response.getheader("Location").startswith("https://")


def _survey_answer(port, token, client_address, via="127.0.0.1"):
    """One anonymous answer from `client_address`, through the proxy."""
    headers = PROXY | {"X-Forwarded-For": client_address}
    response, page = _ask(port, "GET", f"/enkat/{token}/", headers)
    cookie = re.search(r"csrftoken=([^;]+)", response.getheader("Set-Cookie")).group(1)
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    ticket = re.search(r'name="ticket" value="([^"]+)"', page).group(1)
    form = f"csrfmiddlewaretoken={csrf}&ticket={ticket}&i1=5"
    headers |= {"Origin": f"https://{HOST}", "Cookie": f"csrftoken={cookie}",
                "Content-Type": "application/x-www-form-urlencoded"}  # fmt: skip
    response, _ = _ask(port, "POST", f"/enkat/{token}/", headers, form)
    return response.status


@pytest.fixture
def survey_link(behind_proxy):
    from django.core.cache import cache

    from samordna.followup.models import Indicator, SurveyLink
    from tests.conftest import make_association

    cache.clear()
    association = make_association()
    Indicator.objects.create(association=association, number=1, group="styrelse")
    yield SurveyLink.objects.create(association=association, group="styrelse", year=2026)
    cache.clear()


def test_behind_the_proxy_the_survey_limit_counts_each_real_client(behind_proxy, survey_link):
    port = behind_proxy("127.0.0.1")
    answers = [_survey_answer(port, survey_link.token, "192.0.2.7") for _ in range(11)]
    assert answers[:10] == [200] * 10 and answers[-1] == 429
    assert _survey_answer(port, survey_link.token, "198.51.100.9") == 200  # the next person


def test_a_client_that_is_not_a_trusted_proxy_cannot_choose_its_address():
    seen = {}

    def application(environ, start_response):
        seen.update(environ)
        return [b""]

    wrapped = TrustedProxy(application, "10.0.0.1")
    wrapped({"REMOTE_ADDR": "192.0.2.7", "HTTP_X_FORWARDED_FOR": "198.51.100.9"}, None)
    assert seen["REMOTE_ADDR"] == "192.0.2.7" and "HTTP_X_FORWARDED_FOR" not in seen
    wrapped({"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": "198.51.100.9"}, None)
    assert seen["REMOTE_ADDR"] == "198.51.100.9"


def test_the_client_is_the_last_address_that_is_not_a_trusted_proxy():
    from samordna.proxy import client

    trusted = {"10.0.0.1", "10.0.0.2"}
    assert client("10.0.0.2", "198.51.100.9, 192.0.2.7, 10.0.0.1", trusted) == "192.0.2.7"
    assert client("10.0.0.2", "", trusted) == "10.0.0.2"


@pytest.mark.parametrize("name", ["SAMORDNA_TRUSTED_PROXIES", "SAMORDNA_TRUSTED_PROXY"])
def test_the_proxy_setting_is_read_also_under_its_older_name(tmp_path, name):
    code = "import django; django.setup(); from django.conf import settings; "
    code += "print(settings.TRUSTED_PROXIES)"
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("SAMORDNA_", "DJANGO_"))}
    env = clean | {"SAMORDNA_HOME": str(tmp_path), "DJANGO_SETTINGS_MODULE": "samordna.settings",
                   name: "10.0.0.1, 10.0.0.2"}  # fmt: skip
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert done.stdout.strip() == "['10.0.0.1', '10.0.0.2']", done.stderr
