"""`samordna user network-create|network-grant|network-revoke|network-list`: a network and the
accounts that read it, next to the unchanged `samordna user` commands."""

from __future__ import annotations

import json

from django.contrib.auth import get_user_model

from samordna.cli import main
from samordna.network.models import Network, NetworkMembership


def _account(email):
    return get_user_model().objects.create_user(username=email, email=email)


def test_a_network_is_created_and_given_a_reader(capsys, db):
    _account("analys@fk.se")
    assert main(["user", "network-create", "fk", "--name", "Försäkringskassan"]) == 0
    assert main(["user", "network-grant", "analys@fk.se", "--network", "fk"]) == 0
    capsys.readouterr()
    assert main(["user", "network-list", "--network", "fk", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == ["analys@fk.se"]
    assert Network.objects.get(slug="fk").name == "Försäkringskassan"


def test_a_reader_is_removed_from_the_network(capsys, db):
    user = _account("nns@example.se")
    main(["user", "network-create", "nns", "--name", "NNS"])
    main(["user", "network-grant", "nns@example.se", "--network", "nns"])
    assert main(["user", "network-revoke", "nns@example.se", "--network", "nns"]) == 0
    assert not NetworkMembership.objects.filter(user=user).exists()
    assert main(["user", "network-revoke", "nns@example.se", "--network", "nns"]) == 2
    assert "hör inte till nätverket NNS" in capsys.readouterr().err


def test_unknown_network_or_account_stops_with_exit_2_and_changes_nothing(capsys, db):
    assert main(["user", "network-grant", "ingen@example.se", "--network", "saknas"]) == 2
    assert "inget nätverk med kortnamnet ”saknas”" in capsys.readouterr().err
    main(["user", "network-create", "nns", "--name", "NNS"])
    assert main(["user", "network-grant", "ingen@example.se", "--network", "nns"]) == 2
    assert "ingen@example.se" in capsys.readouterr().err
    assert not NetworkMembership.objects.exists()


def test_a_short_name_is_used_once(capsys, db):
    assert main(["user", "network-create", "nns", "--name", "NNS"]) == 0
    assert main(["user", "network-create", "nns", "--name", "Annat"]) == 2
    assert main(["user", "network-create", "Med Mellanslag", "--name", "X"]) == 2
    assert Network.objects.count() == 1
