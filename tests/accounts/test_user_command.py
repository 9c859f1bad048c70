"""`samordna user create|grant|revoke|list`: exactly the interface scripts rely on."""

from __future__ import annotations

import json
import re

import pytest
from django.contrib.auth import get_user_model

from samordna.associations.models import Membership
from samordna.cli import main
from samordna.interventions.models import Intervention
from tests.conftest import make_user


def _list(capsys, association):
    capsys.readouterr()
    assert main(["user", "list", "--association", association.slug, "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)


@pytest.fixture
def insats(association):
    intervention = Intervention.objects.create(
        association=association, name="Steget vidare", kind="individual"
    )
    Intervention.objects.create(association=association, name="Unga in", kind="individual")
    return intervention


def test_create_prints_a_one_time_link_that_sets_the_password(client, capsys, db):
    assert main(["user", "create", "Anna.Andersson@Example.se"]) == 0
    link = re.search(r"http://\S+", capsys.readouterr().out).group(0)
    user = get_user_model().objects.get(email="anna.andersson@example.se")
    assert not user.has_usable_password() and not user.is_superuser
    path = client.get(link.removeprefix("http://127.0.0.1:8000"), follow=True).request["PATH_INFO"]
    new = {"new_password1": "ett bra lösenord 42", "new_password2": "ett bra lösenord 42"}
    assert client.post(path, new).status_code == 302
    user.refresh_from_db()
    assert user.check_password("ett bra lösenord 42")
    again = client.get(link.removeprefix("http://127.0.0.1:8000"), follow=True)
    assert "Länken fungerar inte längre" in again.content.decode()


def test_create_admin_makes_a_site_administrator(capsys, db):
    assert main(["user", "create", "admin@example.se", "--admin"]) == 0
    assert get_user_model().objects.get(email="admin@example.se").is_superuser
    assert "administratörskonto" in capsys.readouterr().out


def test_create_refuses_an_existing_account_and_a_bad_address(capsys, db):
    main(["user", "create", "bo@example.se"])
    assert main(["user", "create", "BO@example.se"]) == 2
    assert "finns redan" in capsys.readouterr().err
    assert main(["user", "create", "inte-en-adress"]) == 2
    assert "ingen giltig e-postadress" in capsys.readouterr().err
    assert get_user_model().objects.count() == 1


def test_grant_then_list_as_json(capsys, association, insats):
    main(["user", "create", "bo@example.se"])
    grant = ["user", "grant", "bo@example.se", "--association", association.slug]
    assert main([*grant, "--role", "insatspersonal", "--insats", "Steget vidare"]) == 0
    assert main(["user", "create", "cilla@example.se"]) == 0
    assert main(["user", "grant", "cilla@example.se", "--association", association.slug,
                 "--role", "chef"]) == 0  # fmt: skip
    rows = _list(capsys, association)
    assert rows == [
        {"email": "bo@example.se", "role": "insatspersonal", "insatser": ["Steget vidare"],
         "mfa": False, "last_login": None},
        {"email": "cilla@example.se", "role": "chef", "insatser": [], "mfa": False,
         "last_login": None},
    ]  # fmt: skip
    assert list(insats.staff.values_list("email", flat=True)) == ["bo@example.se"]


def test_a_new_role_replaces_the_old_and_drops_the_insatser(capsys, association, insats):
    user = make_user("bo@example.se", association, "insatspersonal")
    insats.staff.add(user)
    grant = ["user", "grant", "bo@example.se", "--association", association.slug]
    assert main([*grant, "--role", "styrelse"]) == 0
    assert Membership.objects.get(user=user).role == "styrelse"
    assert not insats.staff.exists()


def test_last_login_is_an_iso_date_time(capsys, client, association):
    user = make_user("bo", association, "styrelse")
    client.force_login(user)
    row = _list(capsys, association)[0]
    assert row["email"] == "bo" and row["last_login"].startswith(str(user.last_login.year))
    assert "T" in row["last_login"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--association", "finns-inte", "--role", "chef"], "Förbundet ”finns-inte” finns inte"),
        (["--association", "trollhattan", "--role", "kung"], "Okänd roll ”kung”"),
        (
            ["--association", "trollhattan", "--role", "insatspersonal", "--insats", "Okänd"],
            "Insatsen ”Okänd” finns inte",
        ),
        (
            ["--association", "trollhattan", "--role", "styrelse", "--insats", "Steget vidare"],
            "bara till rollen insatspersonal",
        ),
    ],
)
def test_grant_refuses_unknown_things_and_changes_nothing(
    capsys, association, insats, args, message
):
    make_user("bo@example.se")
    assert main(["user", "grant", "bo@example.se", *args]) == 2
    assert message in capsys.readouterr().err
    assert not Membership.objects.exists() and not insats.staff.exists()


def test_grant_refuses_an_unknown_user(capsys, association):
    assert main(["user", "grant", "x@example.se", "--association", association.slug,
                 "--role", "chef"]) == 2  # fmt: skip
    assert "Det finns inget konto för ”x@example.se”" in capsys.readouterr().err


def test_revoke_takes_away_the_role_and_the_insatser(capsys, association, insats):
    user = make_user("bo@example.se", association, "insatspersonal")
    insats.staff.add(user)
    assert main(["user", "revoke", "bo@example.se", "--association", association.slug]) == 0
    assert not Membership.objects.filter(user=user).exists() and not insats.staff.exists()


def test_revoke_with_another_role_changes_nothing(capsys, association):
    user = make_user("bo@example.se", association, "styrelse")
    revoke = ["user", "revoke", "bo@example.se", "--association", association.slug]
    assert main([*revoke, "--role", "revisor"]) == 2
    assert "har rollen styrelse, inte revisor" in capsys.readouterr().err
    assert main([*revoke, "--role", "styrelse"]) == 0
    assert not Membership.objects.filter(user=user).exists()


def test_the_last_chef_cannot_be_revoked_or_demoted(capsys, association):
    user = make_user("chef@example.se", association, "chef")
    assert main(["user", "revoke", "chef@example.se", "--association", association.slug]) == 2
    assert main(["user", "grant", "chef@example.se", "--association", association.slug,
                 "--role", "styrelse"]) == 2  # fmt: skip
    assert "minst en förbundschef" in capsys.readouterr().err
    assert Membership.objects.get(user=user).role == "chef"


def test_one_person_has_a_role_in_each_of_two_associations(capsys, association, other_association):
    make_user("bo@example.se")
    for slug, role in [(association.slug, "chef"), (other_association.slug, "revisor")]:
        assert main(["user", "grant", "bo@example.se", "--association", slug, "--role", role]) == 0
    assert _list(capsys, association)[0]["role"] == "chef"
    assert _list(capsys, other_association)[0]["role"] == "revisor"
