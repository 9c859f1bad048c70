"""The insats register on the page: two parties, status moves, three years, applications."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from samordna.associations.models import BoardSeat
from samordna.interventions import services
from samordna.interventions.models import Application, Decision, Intervention, Meeting
from tests.conftest import make_user


def _text(response) -> str:
    return response.content.decode().replace("\u00a0", " ")


def _members(association, *kinds):
    return [m.pk for m in association.members.filter(kind__in=kinds)]


def _new_insats(client, association, member_pks, **extra):
    data = {
        "name": "Unga vuxna",
        "kind": "individual",
        "members": member_pks,
        "target_group": "16–29 år",
        "start": "2026-01-01",
        "end": "2027-12-31",
        **extra,
    }
    return client.post(reverse("intervention_new", args=[association.slug]), data)


def _insats(association, **fields) -> Intervention:
    insats = Intervention.objects.create(
        association=association, name="Samverkansteam", kind="individual", **fields
    )
    insats.members.set(association.members.filter(kind__in=["fk", "municipality"]))
    return insats


def _decision(association, kind="ovrigt", insats=None, when=date(2026, 3, 11), paragraph="34"):
    return Decision.objects.create(
        association=association,
        date=when,
        paragraph=paragraph,
        kind=kind,
        text="Beslut.",
        intervention=insats,
    )


def test_an_application_with_one_party_is_refused_with_the_reason(client, chef, association):
    client.force_login(chef)
    _new_insats(client, association, _members(association, "municipality"))
    insats = Intervention.objects.get()
    assert insats.status == "ide"  # an idea may wait for its parties
    insats.status = "ansokan"
    insats.save()
    url = reverse("intervention_edit", args=[association.slug, insats.pk])
    response = client.post(
        url, {"name": "Unga vuxna", "kind": "individual", "members": _members(association, "af")}
    )
    assert response.status_code == 400
    assert "minst två parter" in _text(response) and "Nu: Arbetsförmedlingen" in _text(response)


def test_an_insats_of_two_parties_is_registered_and_shown(client, chef, association):
    client.force_login(chef)
    response = _new_insats(client, association, _members(association, "fk", "municipality"))
    insats = Intervention.objects.get()
    assert response["Location"].endswith(f"/insatser/{insats.pk}/")
    page = _text(client.get(response["Location"]))
    assert "Unga vuxna" in page and "Försäkringskassan" in page and "Idé" in page


def test_a_move_the_life_of_an_insats_does_not_allow_is_refused(client, chef, association):
    insats = _insats(association)
    client.force_login(chef)
    url = reverse("intervention_status", args=[association.slug, insats.pk])
    response = client.post(url, {"status": "pagaende", "date": "2026-02-01"})
    assert response.status_code == 400
    insats.refresh_from_db()
    assert insats.status == "ide" and not insats.status_changes.exists()


def test_granting_needs_a_decision_and_cites_it(client, chef, association):
    insats = _insats(association, status="ansokan", start=date(2026, 4, 1))
    client.force_login(chef)
    url = reverse("intervention_status", args=[association.slug, insats.pk])
    refused = client.post(url, {"status": "beviljad", "date": "2026-03-11"})
    assert refused.status_code == 400 and "kräver ett beslut" in _text(refused)
    decision = _decision(association)
    client.post(url, {"status": "beviljad", "date": "2026-03-11", "decision": decision.pk})
    insats.refresh_from_db()
    assert insats.status == "beviljad" and insats.granted_start == date(2026, 4, 1)
    page = _text(client.get(reverse("intervention", args=[association.slug, insats.pk])))
    assert "2026-03-11 §34" in page


@pytest.mark.parametrize(
    ("current", "new", "allowed"),
    [
        ("ide", "ansokan", True),
        ("ansokan", "ide", True),
        ("beviljad", "pagaende", True),
        ("pagaende", "avslutad", True),
        ("avslutad", "implementerad", True),
        ("avslutad", "ej_implementerad", True),
        ("ide", "beviljad", False),
        ("pagaende", "ide", False),
        ("implementerad", "pagaende", False),
        ("ej_implementerad", "implementerad", False),
    ],
)
def test_each_status_move_is_allowed_or_refused(association, current, new, allowed):
    insats = _insats(association, status=current)
    if allowed:
        services.change_status(insats, new, date(2026, 5, 1), None)
        assert Intervention.objects.get(pk=insats.pk).status == new
    else:
        with pytest.raises(services.RuleError):
            services.change_status(insats, new, date(2026, 5, 1), None)
        assert Intervention.objects.get(pk=insats.pk).status == current


def test_funding_beyond_three_years_needs_an_extension_decision(client, chef, association):
    insats = _insats(
        association,
        status="pagaende",
        start=date(2024, 1, 1),
        granted_start=date(2024, 1, 1),
        end=date(2026, 12, 31),
    )
    client.force_login(chef)
    url = reverse("intervention_edit", args=[association.slug, insats.pk])
    data = {
        "name": insats.name,
        "kind": "individual",
        "members": [m.pk for m in insats.members.all()],
        "start": "2024-01-01",
        "end": "2027-06-30",
    }
    refused = client.post(url, {**data, "name": "Ett namn som inte sparades"})
    assert refused.status_code == 400 and "utan ett nytt beslut" in _text(refused)
    assert f"<h1>Ändra {insats.name}</h1>" in _text(refused)  # the stored name, not the typed
    assert Intervention.objects.get(pk=insats.pk).end == date(2026, 12, 31)
    _decision(association, kind="forlangd", insats=insats, when=date(2026, 10, 1))
    client.post(url, data)
    assert Intervention.objects.get(pk=insats.pk).end == date(2027, 6, 30)


def test_the_register_warns_before_the_three_year_limit(client, chef, association):
    insats = _insats(association, status="pagaende", granted_start=date(2024, 1, 1))
    today = date(2026, 11, 1)
    assert "2026-12-31" in (services.warning(insats, today) or "")
    assert services.warning(insats, date(2026, 6, 1)) is None


def test_a_grant_longer_than_three_years_is_refused(association):
    application = _application(association)
    given = services.Grant(
        date(2026, 3, 11), "34", date(2026, 4, 1), date(2029, 12, 31), {2026: 100_000_00}
    )
    with pytest.raises(services.RuleError, match="tre år"):
        services.grant(application, given)
    assert not Intervention.objects.exists() and not Decision.objects.exists()


def _application(association, filed_by=None) -> Application:
    application = Application.objects.create(
        association=association,
        title="Unga vuxna",
        description="Stöd till unga vuxna.",
        target_group="16–29 år",
        goals="4 av 10 i arbete eller studier",
        start=date(2026, 4, 1),
        end=date(2027, 12, 31),
        requested=80_000_000,
        filed_by=filed_by,
    )
    application.applicants.set(association.members.filter(kind__in=["af", "municipality"]))
    services.file_budget(application, {2026: 30_000_000, 2027: 50_000_000})
    return application


@pytest.fixture
def staff(association):
    return make_user("handledare", association, "insatspersonal")


def test_staff_file_an_application_and_see_its_status(client, staff, association):
    client.force_login(staff)
    data = {
        "title": "Unga vuxna",
        "kind": "individual",
        "applicants": _members(association, "af", "municipality"),
        "description": "Stöd till unga vuxna som står långt från arbetsmarknaden.",
        "target_group": "16–29 år",
        "goals": "4 av 10 i arbete eller studier",
        "start": "2026-04-01",
        "end": "2027-12-31",
        "requested": "800 000",
        "budget": "2026: 300 000\n2027: 500 000",
    }
    response = client.post(reverse("application_new", args=[association.slug]), data)
    application = Application.objects.get()
    assert application.filed_by == staff and application.requested == 80_000_000
    assert {b.year: b.amount for b in application.budget_years.all()} == {
        2026: 30_000_000,
        2027: 50_000_000,
    }
    page = _text(client.get(response["Location"]))
    assert "Inlämnad" in page and "300 000" in page


def test_an_application_with_a_bad_budget_line_names_the_line(client, staff, association):
    client.force_login(staff)
    data = {
        "title": "Unga vuxna",
        "kind": "individual",
        "applicants": _members(association, "af", "municipality"),
        "description": "Stöd.",
        "target_group": "Unga",
        "goals": "Arbete",
        "start": "2026-04-01",
        "end": "2027-12-31",
        "requested": "800 000",
        "budget": "2026: 300 000\n2027 femhundratusen",
    }
    response = client.post(reverse("application_new", args=[association.slug]), data)
    assert response.status_code == 400 and "Rad 2" in _text(response)
    assert not Application.objects.exists()


def test_staff_do_not_see_others_applications_or_insatser(client, staff, association):
    mine = _application(association, filed_by=staff)
    theirs = _application(association)
    hidden = _insats(association)
    client.force_login(staff)
    listing = _text(client.get(reverse("applications", args=[association.slug])))
    assert listing.count("Unga vuxna") == 1
    assert client.get(reverse("application", args=[association.slug, mine.pk])).status_code == 200
    assert client.get(reverse("application", args=[association.slug, theirs.pk])).status_code == 404
    url = reverse("intervention", args=[association.slug, hidden.pk])
    assert client.get(url).status_code == 404
    hidden.staff.add(staff)
    assert client.get(url).status_code == 200


def test_prepared_then_granted_becomes_an_insats_with_budget_and_decision(
    client, chef, staff, association
):
    application = _application(association, filed_by=staff)
    client.force_login(chef)
    client.post(
        reverse("application_prepare", args=[association.slug, application.pk]),
        {"preparation": "Väl förankrad hos kommunen.", "recommendation": "Bevilja"},
    )
    assert Application.objects.get().status == "beredd"
    client.post(
        reverse("application_decide", args=[association.slug, application.pk]),
        {"outcome": "delvis", "date": "2026-03-11", "paragraph": "34", "budget": "2026: 250 000"},
    )
    application.refresh_from_db()
    insats = application.intervention
    assert application.status == "delvis" and insats is not None
    assert services.budget_by_year(insats) == {2026: 25_000_000}
    assert insats.status == "beviljad" and staff in insats.staff.all()
    assert application.decision.citation == "2026-03-11 §34"
    client.force_login(staff)
    page = _text(client.get(reverse("application", args=[association.slug, application.pk])))
    assert "Delvis beviljad" in page and "2026-03-11 §34" in page


def test_a_rejected_application_leaves_no_insats(client, chef, association):
    application = _application(association)
    client.force_login(chef)
    client.post(
        reverse("application_decide", args=[association.slug, application.pk]),
        {"outcome": "avslagen", "date": "2026-03-11", "paragraph": "35"},
    )
    application.refresh_from_db()
    assert application.status == "avslagen" and not Intervention.objects.exists()
    page = _text(client.get(reverse("decisions", args=[association.slug])))
    assert "2026-03-11 §35" in page and "Ansökan avslagen" in page


def test_the_board_reads_but_cannot_decide(client, board, association):
    application = _application(association)
    client.force_login(board)
    assert (
        client.get(reverse("application", args=[association.slug, application.pk])).status_code
        == 200
    )
    response = client.post(
        reverse("application_decide", args=[association.slug, application.pk]),
        {"outcome": "beviljad", "date": "2026-03-11", "paragraph": "34"},
    )
    assert response.status_code == 403 and not Intervention.objects.exists()


def test_delegated_decisions_wait_for_the_next_board_meeting(client, chef, association):
    decision = _decision(association, kind="delegation")
    decision.by_delegation = True
    decision.save()
    client.force_login(chef)
    page = _text(client.get(reverse("decisions", args=[association.slug])))
    assert "Delegationsbeslut att anmäla" in page and "2026-03-11 §34" in page


def test_meetings_are_counted_per_year_and_attendance_saved(client, chef, association):
    client.force_login(chef)
    for day in ("2026-02-10", "2026-05-12"):
        client.post(
            reverse("meeting_new", args=[association.slug]), {"body": "styrelse", "date": day}
        )
    client.post(
        reverse("meeting_new", args=[association.slug]), {"body": "beredning", "date": "2026-04-01"}
    )
    response = client.get(reverse("meetings", args=[association.slug]))
    assert response.context["counts"] == [(2026, {"styrelse": 2, "beredning": 1})]
    meeting = association.meetings.filter(body="styrelse").first()
    seat = BoardSeat.objects.create(
        association=association, member=association.members.first(), seat="regular"
    )
    url = reverse("meeting", args=[association.slug, meeting.pk])
    client.post(url, {f"seat-{seat.pk}": "ersattare"})
    assert meeting.attendance.get().present_as == "ersattare"


def test_a_register_file_is_imported_from_the_page(client, chef, association):
    from pathlib import Path

    from django.core.files.uploadedfile import SimpleUploadedFile

    fixtures = Path(__file__).parents[1] / "fixtures" / "insatser"
    client.force_login(chef)
    url = reverse("intervention_import", args=[association.slug])
    bad = client.post(
        url, {"file": SimpleUploadedFile("bad.csv", (fixtures / "bad.csv").read_bytes())}
    )
    assert bad.status_code == 400 and "rad 3, kolumn slag" in _text(bad)
    assert not Intervention.objects.exists()
    good = SimpleUploadedFile("register.csv", (fixtures / "register.csv").read_bytes())
    response = client.post(url, {"file": good}, follow=True)
    page = _text(response)
    assert "3 nya och 0 uppdaterade" in page and "Samverkansforum" in page


def test_delegated_decisions_are_reported_at_a_board_meeting(client, chef, board, association):
    decision = _decision(association, kind="delegation", when=date(2026, 2, 1))
    decision.by_delegation = True
    decision.save()
    later = _decision(association, kind="delegation", when=date(2026, 4, 1), paragraph="40")
    later.by_delegation = True
    later.save()
    meeting = Meeting.objects.create(association=association, date=date(2026, 3, 11))
    url = reverse("meeting", args=[association.slug, meeting.pk])
    client.force_login(board)
    assert client.post(url, {"action": "report"}).status_code == 403
    client.force_login(chef)
    client.post(url, {"action": "report"})
    decision.refresh_from_db()
    later.refresh_from_db()
    assert decision.reported_at == meeting and later.reported_at is None
    page = _text(client.get(reverse("decisions", args=[association.slug])))
    assert "2026-04-01 §40" in page.split("Delegationsbeslut att anmäla")[1].split("</ul>")[0]
    assert "2026-02-01 §34" not in page.split("Delegationsbeslut att anmäla")[1].split("</ul>")[0]


def test_a_decided_budget_enters_the_decisions_register(client, chef, association):
    from samordna.budgets import services as budgets

    meeting = Meeting.objects.create(association=association, date=date(2025, 11, 20))
    budget = budgets.create(association, budgets.NewBudget("Budget 2026", 2026), user=None)
    budgets.decide(budget.versions.get(), budgets.Decision(date(2025, 11, 20), "12", "Styrelsen"))
    decision = Decision.objects.get(kind="budget")
    assert decision.citation == "2025-11-20 §12" and decision.meeting == meeting
    client.force_login(chef)
    page = _text(client.get(reverse("decisions", args=[association.slug])))
    assert "Budget 2026, version 1" in page
