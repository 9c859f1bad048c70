"""The chef manages the förbund's people in the pages: invite, change role, remove access."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.utils import timezone
from django_otp.oath import TOTP

from samordna.accounts import mfa
from samordna.accounts.models import Invitation
from samordna.associations.models import Association, Membership
from samordna.interventions.models import Intervention
from tests.conftest import make_user

PEOPLE = "/forbund/trollhattan/personer/"
NEW_PASSWORD = {"new_password1": "ett bra lösenord 42", "new_password2": "ett bra lösenord 42"}


def _invite(client, chef, **data):
    client.force_login(chef)
    return client.post(PEOPLE + "bjud-in/", data)


def _link_in_last_mail() -> str:
    return re.search(r"http://127\.0\.0\.1:8000(\S+)", mail.outbox[-1].body).group(1)


def test_the_chef_sees_the_people_with_their_roles(client, chef, board):
    client.force_login(chef)
    text = client.get(PEOPLE).content.decode()
    assert "ledamot" in text and "Styrelse" in text and "Förbundschef/ekonom" in text


def test_an_invitation_is_mailed_in_swedish_and_accepted_once(client, chef, association):
    response = _invite(client, chef, email="Ny.Ledamot@Example.se", role="styrelse")
    assert response.status_code == 302
    message = mail.outbox[-1]
    assert message.to == ["ny.ledamot@example.se"]
    assert "Inbjudan till Samordningsförbundet Trollhättan" in message.subject
    assert "med rollen Styrelse" in message.body and "fungerar en gång" in message.body
    link = _link_in_last_mail()
    client.logout()
    assert client.post(link, NEW_PASSWORD).status_code == 302
    membership = Membership.objects.get(user__email="ny.ledamot@example.se")
    assert membership.role == "styrelse" and membership.association == association
    assert client.get("/forbund/trollhattan/").status_code == 200  # signed in as the new person
    client.logout()
    assert "Inbjudan gäller inte" in client.get(link).content.decode()


def test_a_weak_password_is_refused_in_swedish(client, chef):
    _invite(client, chef, email="ny@example.se", role="revisor")
    client.logout()
    weak = {"new_password1": "12345678", "new_password2": "12345678"}
    response = client.post(_link_in_last_mail(), weak)
    assert response.status_code == 400
    text = response.content.decode()
    assert "för kort" in text or "vanligt" in text
    assert not Membership.objects.filter(user__email="ny@example.se").exists()


def test_an_expired_invitation_does_not_work(client, chef):
    _invite(client, chef, email="ny@example.se", role="revisor")
    Invitation.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    client.logout()
    response = client.post(_link_in_last_mail(), NEW_PASSWORD)
    assert response.status_code == 404 and "har gått ut" in response.content.decode()
    assert not Membership.objects.filter(user__email="ny@example.se").exists()


def test_insats_staff_are_invited_with_their_insatser(client, chef, association):
    insats = Intervention.objects.create(association=association, name="Unga in", kind="individual")
    _invite(client, chef, email="p@example.se", role="insatspersonal", interventions=[insats.pk])
    client.logout()
    client.post(_link_in_last_mail(), NEW_PASSWORD)
    assert list(insats.staff.values_list("email", flat=True)) == ["p@example.se"]


def test_insatser_only_for_insats_staff(client, chef, association):
    insats = Intervention.objects.create(association=association, name="Unga in", kind="individual")
    response = _invite(
        client, chef, email="p@example.se", role="styrelse", interventions=[insats.pk]
    )
    assert response.status_code == 400
    assert "bara till rollen insatspersonal" in response.content.decode()
    assert not Invitation.objects.exists() and mail.outbox == []


def test_someone_with_an_account_accepts_after_signing_in(client, chef, other_chef, association):
    other_chef.email = "annan@example.se"
    other_chef.save()
    _invite(client, chef, email="annan@example.se", role="revisor")
    link = _link_in_last_mail()
    client.logout()
    assert "Logga in" in client.get(link).content.decode()
    client.force_login(other_chef)
    assert client.post(link).status_code == 302
    assert Membership.objects.get(user=other_chef, association=association).role == "revisor"


def test_the_chef_changes_a_role_and_removes_access(client, chef, board):
    client.force_login(chef)
    membership = Membership.objects.get(user=board)
    assert client.post(f"{PEOPLE}{membership.pk}/", {"role": "revisor"}).status_code == 302
    membership.refresh_from_db()
    assert membership.role == "revisor"
    asked = client.get(f"{PEOPLE}{membership.pk}/ta-bort/").content.decode()
    assert "Ta bort?" in asked and "kan inte längre öppna" in asked
    assert "Du kan ångra" not in asked  # access comes back by a new invitation, not Ångra
    assert Membership.objects.filter(user=board).exists()
    assert client.post(f"{PEOPLE}{membership.pk}/ta-bort/").status_code == 302
    assert not Membership.objects.filter(user=board).exists()


def test_the_last_chef_cannot_remove_themselves(client, chef):
    client.force_login(chef)
    membership = Membership.objects.get(user=chef)
    response = client.post(f"{PEOPLE}{membership.pk}/ta-bort/", follow=True)
    assert "måste ha minst en förbundschef" in response.content.decode()
    assert Membership.objects.filter(user=chef).exists()


def test_a_withdrawn_invitation_no_longer_works(client, chef):
    _invite(client, chef, email="ny@example.se", role="styrelse")
    link = _link_in_last_mail()
    client.post(f"{PEOPLE}inbjudan/{Invitation.objects.get().pk}/ta-bort/")
    client.logout()
    assert client.get(link).status_code == 404


def test_withdrawing_an_invitation_asks_first_and_can_be_undone(client, chef):
    _invite(client, chef, email="ny@example.se", role="styrelse")
    link = _link_in_last_mail()
    url = f"{PEOPLE}inbjudan/{Invitation.objects.get().pk}/ta-bort/"
    asked = client.get(url).content.decode()
    assert "Inbjudan till ny@example.se (Styrelse)" in asked and "slutar fungera" in asked
    assert Invitation.objects.count() == 1  # asking removes nothing
    done = client.post(url, follow=True).content.decode()
    assert "Inbjudan till ny@example.se är återkallad." in done and "Ångra" in done
    token = client.session["samordna_undo"]["token"]
    client.post(f"/forbund/{chef.memberships.get().association.slug}/angra/", {"token": token})
    client.logout()
    assert client.get(link).status_code == 200  # the same link works again


def test_a_person_in_two_associations_picks_one_and_has_each_role(
    client, association, other_association
):
    person = make_user("tvafaldig", association, "chef")
    Membership.objects.create(user=person, association=other_association, role="styrelse")
    client.force_login(person)
    home = client.get("/").content.decode()
    assert association.name in home and other_association.name in home
    assert client.get(PEOPLE).status_code == 200
    assert client.get("/forbund/annat/personer/").status_code == 403
    assert client.get("/forbund/annat/").status_code == 200


@pytest.mark.parametrize(
    "path",
    ["/administration/", "/administration/nytt-forbund/", "/administration/trollhattan/bjud-in/"],
)
def test_only_site_administrators_see_the_administration(client, chef, path):
    assert "/logga-in/" in client.get(path)["Location"]
    client.force_login(chef)
    assert client.get(path).status_code == 404


def test_the_administrator_creates_an_association_and_invites_its_chef(client, db):
    admin = get_user_model().objects.create_superuser("admin@example.se", "admin@example.se")
    device, _ = mfa.confirm(admin, mfa.new_secret())
    client.force_login(admin)
    assert "/logga-in/kod/" in client.get("/administration/")["Location"]
    _verify(client, device)
    new = {"name": "Samordningsförbundet Nytt", "org_number": "222000-2733",
           "chef_email": "chef@nytt.se"}  # fmt: skip
    assert client.post("/administration/nytt-forbund/", new).status_code == 302
    association = Association.objects.get(slug="samordningsforbundet-nytt")
    assert mail.outbox[-1].to == ["chef@nytt.se"]
    assert association.invitations.get().role == "chef"
    assert "Samordningsförbundet Nytt" in client.get("/administration/").content.decode()


def _verify(client, device):
    code = TOTP(device.bin_key).token()
    assert client.post("/logga-in/kod/", {"code": f"{code:06d}"}).status_code == 302


@pytest.mark.parametrize(
    "path",
    ["/konto/", "/konto/losenord/", "/konto/tvastegs/", "/logga-in/kod/", "/administration/"],
)
def test_an_anonymous_visitor_is_sent_to_log_in_from_the_account_pages(client, db, path):
    assert client.get(path)["Location"].startswith("/logga-in/?next=")


def test_the_people_page_shows_no_one_of_another_association(client, chef, other_chef):
    client.force_login(chef)
    assert "annan-chef" not in client.get(PEOPLE).content.decode()


def test_the_administrator_invites_a_chef_to_an_association_made_on_the_command_line(
    client, association
):
    admin = get_user_model().objects.create_superuser("admin@example.se", "admin@example.se")
    device, _ = mfa.confirm(admin, mfa.new_secret())
    client.force_login(admin)
    _verify(client, device)
    path = "/administration/trollhattan/bjud-in/"
    assert client.post(path, {"email": "ny-chef@example.se"}).status_code == 302
    assert association.invitations.get().email == "ny-chef@example.se"
    assert mail.outbox[-1].to == ["ny-chef@example.se"]
