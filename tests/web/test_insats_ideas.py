"""An insats can be an idea before its parties are known; from the application on, two parties
are needed on every path: the pages, the status move, the register file and the plan."""

from __future__ import annotations

import io
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from samordna.core.intervention_status import needs_parties
from samordna.documents import plan
from samordna.documents.outputs import render
from samordna.interventions import services
from samordna.interventions.models import Decision, Intervention
from tests.documents.test_outputs import docx_text


def _text(response) -> str:
    return response.content.decode().replace("\u00a0", " ")


def _kinds(association, *kinds):
    return [m.pk for m in association.members.filter(kind__in=kinds)]


def _new(client, association, members, name="Unga vuxna"):
    data = {"name": name, "kind": "individual", "members": members, "target_group": ""}
    return client.post(reverse("intervention_new", args=[association.slug]), data)


def _upload(client, association, text: str):
    upload = SimpleUploadedFile("register.csv", text.encode())
    return client.post(reverse("intervention_import", args=[association.slug]), {"file": upload})


def test_only_an_idea_may_lack_two_parties():
    assert not needs_parties("ide")
    assert all(needs_parties(s) for s in ("ansokan", "beviljad", "pagaende", "avslutad"))


def test_an_idea_is_registered_without_any_party(client, chef, association):
    client.force_login(chef)
    response = _new(client, association, [])
    insats = Intervention.objects.get()
    assert response.status_code == 302 and insats.status == "ide"
    assert not insats.members.exists()
    page = _text(client.get(response["Location"]))
    assert "Unga vuxna" in page and "Idé" in page


def test_an_idea_without_two_parties_cannot_become_an_application(client, chef, association):
    client.force_login(chef)
    _new(client, association, _kinds(association, "municipality"))
    insats = Intervention.objects.get()
    url = reverse("intervention_status", args=[association.slug, insats.pk])
    refused = client.post(url, {"status": "ansokan", "date": "2026-02-01"})
    assert refused.status_code == 400
    assert "minst två parter" in _text(refused) and "Nu: kommunerna" in _text(refused)
    insats.refresh_from_db()
    assert insats.status == "ide" and not insats.status_changes.exists()
    edit = reverse("intervention_edit", args=[association.slug, insats.pk])
    data = {"name": "Unga vuxna", "kind": "individual", "members": _kinds(association, "fk")}
    client.post(edit, {**data, "members": _kinds(association, "fk", "municipality")})
    assert client.post(url, {"status": "ansokan", "date": "2026-02-01"}).status_code == 302
    insats.refresh_from_db()
    assert insats.status == "ansokan"


def test_an_application_cannot_drop_to_one_party_on_its_page(client, chef, association):
    insats = Intervention.objects.create(association=association, name="Team", kind="individual")
    insats.members.set(_kinds(association, "fk", "af"))
    services.change_status(insats, "ansokan", date(2026, 2, 1), None)
    client.force_login(chef)
    url = reverse("intervention_edit", args=[association.slug, insats.pk])
    response = client.post(
        url, {"name": "Team", "kind": "individual", "members": _kinds(association, "fk")}
    )
    assert response.status_code == 400 and "minst två parter" in _text(response)
    assert insats.members.count() == 2


def test_the_service_refuses_a_grant_of_an_insats_with_one_party(association):
    insats = Intervention.objects.create(association=association, name="Team", kind="individual")
    insats.members.set(_kinds(association, "region"))
    with pytest.raises(services.RuleError, match="Nu: regionen"):
        services.change_status(insats, "ansokan", date(2026, 2, 1), None)
    insats.refresh_from_db()
    assert insats.status == "ide"


def test_the_register_file_takes_an_idea_without_parties_but_not_an_application(
    client, chef, association
):
    client.force_login(chef)
    bad = _upload(
        client,
        association,
        "namn;slag;status;medlemmar\nIdé utan parter;individinriktad;idé;\n"
        "Ansökan;individinriktad;ansökan;Trollhättans Stad\n",
    )
    assert bad.status_code == 400
    assert "rad 3, kolumn medlemmar" in _text(bad) and "minst två parter" in _text(bad)
    assert "rad 2" not in _text(bad) and not Intervention.objects.exists()
    good = _upload(client, association, "namn;slag;status\nIdé utan parter;individinriktad;idé\n")
    assert good.status_code == 302
    assert Intervention.objects.get().status == "ide"
    moved = _upload(
        client, association, "namn;slag;status;medlemmar\nIdé utan parter;individ;ansökan;FK\n"
    )
    assert moved.status_code == 400 and "rad 2, kolumn medlemmar" in _text(moved)
    assert Intervention.objects.get().status == "ide"


def _granted(association, name, year):
    insats = Intervention.objects.create(
        association=association,
        name=name,
        kind="individual",
        status="beviljad",
        start=date(year, 1, 1),
        end=date(year, 12, 31),
    )
    insats.members.set(_kinds(association, "fk", "af"))
    insats.budget_years.create(year=year, amount=400_000_00)
    Decision.objects.create(
        association=association, date=date(year - 1, 11, 20), kind="beviljad", text="Beviljar."
    )
    return insats


def test_the_plan_lists_ideas_apart_and_outside_the_sums(association):
    _granted(association, "Jobbspåret", 2027)
    idea = Intervention.objects.create(
        association=association, name="Unga i arbete", kind="individual", start=date(2027, 3, 1)
    )
    idea.budget_years.create(year=2027, amount=250_000_00)
    document = plan.build(association, 2027)
    tables = {t.caption: t for t in document.blocks if hasattr(t, "caption")}
    granted = tables["Individinriktade insatser 2027–2029"]
    assert [row.cells[0] for row in granted.rows] == ["Jobbspåret", "Summa"]
    assert granted.rows[-1].cells[3] == 400_000_00
    ideas = tables["Idéer och ansökningar 2027–2029"]
    assert ideas.rows[0].cells[:3] == ("Unga i arbete (individinriktad)", "Idé", "Inte klara ännu")
    assert ideas.rows[0].cells[4] == 250_000_00 and len(ideas.rows) == 1
    word = docx_text(render(document, "docx"))
    assert "Idéer och ansökningar" in word and "Inte klara ännu" in word


def test_a_plan_without_ideas_has_no_idea_list(association):
    _granted(association, "Jobbspåret", 2027)
    text = io.StringIO()
    for block in plan.build(association, 2027).blocks:
        text.write(getattr(block, "text", "") + getattr(block, "caption", ""))
    assert "Idéer" not in text.getvalue()
