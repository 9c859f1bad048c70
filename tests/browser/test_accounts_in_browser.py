"""A förbund is set up from nothing by its people: the site administrator creates it and
invites its chef; the chef accepts, sets a password and two-factor, invites a board member,
who signs in and reads the plan. axe on every page."""

from __future__ import annotations

import base64
import re

import pytest
from django.core import mail
from django_otp.oath import TOTP

from samordna.accounts import services
from tests.browser.conftest import check_page, log_in

pytestmark = pytest.mark.browser

ADMIN_PASSWORD = "administratörens lösenord 1"
CHEF_PASSWORD = "chefens långa lösenord 2"
BOARD_PASSWORD = "ledamotens långa lösenord 3"


@pytest.fixture
def admin(transactional_db):
    user = services.create_account("admin@example.se", admin=True)
    user.set_password(ADMIN_PASSWORD)
    user.save()
    return user


def _set_up_two_factor(page, name: str) -> None:
    page.get_by_role("heading", name="Slå på tvåstegsverifiering").wait_for()
    check_page(page, f"tvastegs-{name}")
    secret = page.locator("#totp-secret").inner_text()
    code = f"{TOTP(base64.b32decode(secret)).token():06d}"
    page.get_by_label("Kod").fill(code)
    page.get_by_role("button", name="Bekräfta").click()
    page.get_by_role("heading", name="Dina reservkoder").wait_for()
    assert len(page.locator("ul.codes li").all()) == 10
    check_page(page, f"reservkoder-{name}")
    page.get_by_role("link", name="Jag har sparat koderna, fortsätt").click()


def _accept(page, password: str, name: str) -> None:
    link = re.search(r"http://127\.0\.0\.1:8000(\S+)", mail.outbox[-1].body).group(1)
    page.goto(page.base_url + link)
    check_page(page, f"inbjudan-{name}")
    page.get_by_label("Nytt lösenord (obligatorisk)", exact=True).fill(password)
    page.get_by_label("Bekräfta nytt lösenord").fill(password)
    page.get_by_role("button", name="Ta emot inbjudan").click()


def _log_out(page) -> None:
    page.get_by_role("button", name="Logga ut").click()
    page.get_by_role("heading", name="Logga in").wait_for()


def test_a_new_association_is_set_up_by_its_people(page, admin):
    log_in(page, "admin@example.se", ADMIN_PASSWORD)
    _set_up_two_factor(page, "administrator")  # administrators always need it
    page.goto(page.base_url + "/administration/")
    check_page(page, "administration")
    page.get_by_role("link", name="Nytt förbund").click()
    check_page(page, "nytt-forbund")
    page.get_by_label("Förbundets namn").fill("Samordningsförbundet Älvdalen")
    page.get_by_label("Organisationsnummer").fill("222000-2733")
    page.get_by_label("Förbundschefens e-postadress").fill("chef@alvdalen.se")
    page.get_by_role("button", name="Skapa förbundet och bjud in chefen").click()
    page.get_by_text("En inbjudan har skickats till chef@alvdalen.se").wait_for()
    check_page(page, "administration-skapat")
    _log_out(page)

    _accept(page, CHEF_PASSWORD, "chef")
    page.get_by_role("heading", name="Samordningsförbundet Älvdalen").wait_for()
    check_page(page, "chef-oversikt")
    page.get_by_role("link", name=re.compile("chef@alvdalen.se")).click()
    check_page(page, "mitt-konto")
    page.get_by_role("link", name="Slå på tvåstegsverifiering").click()
    _set_up_two_factor(page, "chef")

    page.goto(page.base_url + "/forbund/samordningsforbundet-alvdalen/personer/")
    check_page(page, "personer")
    page.get_by_role("button", name="Kräv tvåstegsverifiering för förbundschefer").click()
    page.get_by_text("Tvåstegsverifiering krävs nu för förbundschefer.").wait_for()
    page.get_by_role("link", name="Bjud in en person").click()
    check_page(page, "bjud-in")
    page.get_by_label("E-postadress").fill("ledamot@alvdalen.se")
    page.get_by_label("Roll").select_option("styrelse")
    page.get_by_role("button", name="Skicka inbjudan").click()
    page.get_by_text("En inbjudan har skickats till ledamot@alvdalen.se").wait_for()
    table = page.get_by_role("table", name="Inbjudningar som inte har tagits emot")
    assert "ledamot@alvdalen.se" in table.inner_text()
    check_page(page, "personer-inbjudan")
    _log_out(page)

    _budget_made_by_the_chef()
    _accept(page, BOARD_PASSWORD, "styrelse")
    page.get_by_role("heading", name="Samordningsförbundet Älvdalen").wait_for()
    _log_out(page)
    log_in(page, "Ledamot@Alvdalen.se", BOARD_PASSWORD)
    page.get_by_role("heading", name="Samordningsförbundet Älvdalen").wait_for()
    assert page.get_by_role("link", name="Personer").count() == 0  # the chef's page only
    page.get_by_role("link", name="Dokument").click()
    check_page(page, "styrelsen-dokument")
    page.get_by_role("link", name="Verksamhetsplan och budget 2027").click()
    check_page(page, "styrelsen-verksamhetsplan")
    assert "Samordningsförbundet Älvdalen" in page.locator("main").inner_text()
    assert "2027" in page.get_by_role("heading", level=1).first.inner_text()


def _budget_made_by_the_chef() -> None:
    """The chef's budget work has its own browser tests; here it is made through the service."""
    from samordna.associations.models import Association
    from samordna.budgets import services as budgets

    association = Association.objects.get(slug="samordningsforbundet-alvdalen")
    budgets.create(association, budgets.NewBudget("Budget 2027", 2027), user=None)


def test_repeated_wrong_passwords_lock_the_sign_in_and_say_until_when(page, admin):
    for _ in range(5):
        log_in(page, "admin@example.se", "fel lösenord")
    page.get_by_role("heading", name="Inloggningen är spärrad").wait_for()
    assert re.search(r"Försök igen efter kl\. \d\d:\d\d", page.locator("main").inner_text())
    check_page(page, "inloggningen-sparrad")
    page.get_by_role("link", name="Återställ lösenordet").click()
    check_page(page, "aterstall-losenord")
    page.get_by_label("E-postadress").fill("admin@example.se")
    page.get_by_role("button", name="Skicka länken").click()
    page.get_by_role("heading", name="Kolla din e-post").wait_for()
    check_page(page, "aterstall-skickat")
