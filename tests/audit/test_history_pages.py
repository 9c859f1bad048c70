"""Every change on record: what the chef does on the pages shows up in Historik with its
before and after, for the chef and the revisor of that förbund only."""

from __future__ import annotations

import io
import re
from datetime import date

import openpyxl
import pytest
from django.urls import reverse

from samordna.associations.models import BoardSeat
from samordna.audit.models import Change
from samordna.budgets import services as budget_services
from samordna.control.models import DelegationUse
from samordna.interventions.models import Intervention
from samordna.table_export import sheets_from_html
from tests.conftest import PASSWORD, make_user


def _text(response) -> str:
    return response.content.decode().replace("\u00a0", " ")


def _history(client, association, **filters) -> str:
    return _text(client.get(reverse("history", args=[association.slug]), filters))


@pytest.fixture
def auditor(association):
    return make_user("revisorn", association, "revisor")


def _budget_line(association):
    budget = budget_services.create(
        association, budget_services.NewBudget("Budget 2021", 2021), user=None
    )
    version = budget.versions.get()
    line = budget_services.add_line(version, "individual", "Samverkansteam Lilla Edet")
    return budget, line


def test_an_amount_changed_in_the_grid_shows_before_and_after_in_kronor(
    client, chef, auditor, association
):
    budget, line = _budget_line(association)
    client.force_login(chef)
    url = reverse("budget_edit", args=[association.slug, budget.pk, 1])
    client.post(url, {f"a-{line.pk}-2021": "1 100 000", f"label-{line.pk}": line.label})
    client.post(url, {f"a-{line.pk}-2021": "1 250 000", f"label-{line.pk}": line.label})
    client.force_login(auditor)
    page = _history(client, association, action="andrad")
    assert "Samverkansteam Lilla Edet, 2021" in page
    assert "1 100 000 kr</td><td>1 250 000 kr" in page
    assert ">chef<" in page
    budget_page = _text(
        client.get(reverse("object_history", args=[association.slug, "budgets.budget", budget.pk]))
    )
    assert "1 100 000 kr</td><td>1 250 000 kr" in budget_page


def test_a_member_renamed_on_its_page_shows_the_old_and_the_new_name(client, chef, association):
    member = association.members.get(kind="af")
    client.force_login(chef)
    client.post(
        reverse("member_edit", args=[association.slug, member.pk]),
        {"name": "Arbetsförmedlingen Väst", "kind": "af", "position": 1},
    )
    page = _text(
        client.get(
            reverse("object_history", args=[association.slug, "associations.member", member.pk])
        )
    )
    assert (
        "Ändrad" in page
        and "<td>namn</td><td>Arbetsförmedlingen</td><td>Arbetsförmedlingen Väst</td>" in page
    )


def test_a_board_seat_added_and_removed_is_on_record(client, chef, auditor, association):
    member = association.members.get(kind="region")
    client.force_login(chef)
    client.post(
        reverse("seat_create", args=[association.slug]),
        {"member": member.pk, "seat": "regular", "person_name": "Eva Ek", "role": "chair"},
    )
    seat = BoardSeat.objects.get(person_name="Eva Ek")
    client.post(reverse("seat_delete", args=[association.slug, seat.pk]))
    client.force_login(auditor)
    created = _history(client, association, kind="associations.boardseat", action="skapad")
    removed = _history(client, association, kind="associations.boardseat", action="borttagen")
    assert "<td>roll</td><td>–</td><td>Ordförande</td>" in created
    assert "<td>roll</td><td>Ordförande</td><td>–</td>" in removed
    event = re.compile(r'<td(?: rowspan="\d+")?>(Borttagen|Skapad)</td>')
    assert event.findall(removed) == ["Borttagen"]


def test_an_insats_given_a_new_end_shows_both_dates(client, chef, association):
    insats = Intervention.objects.create(
        association=association, name="Samverkansteam", kind="individual", start=date(2026, 1, 1)
    )
    insats.members.set(association.members.all()[:2])
    client.force_login(chef)
    client.post(
        reverse("intervention_edit", args=[association.slug, insats.pk]),
        {
            "name": "Samverkansteam",
            "kind": "individual",
            "members": [m.pk for m in insats.members.all()],
            "start": "2026-01-01",
            "end": "2026-12-31",
        },
    )
    page = _history(client, association, kind="interventions.intervention")
    assert "Samverkansteam" in page and "2026-12-31" in page


def test_sign_ins_and_failed_sign_ins_are_shown_without_the_password(
    client, chef, auditor, association
):
    client.post(reverse("login"), {"username": "chef", "password": "fel-losenord-123"})
    client.post(reverse("login"), {"username": "chef", "password": PASSWORD})
    client.force_login(auditor)
    page = _history(client, association)
    assert "Misslyckad inloggning" in page and "Inloggning" in page
    assert "fel-losenord-123" not in page and PASSWORD not in page
    assert Change.objects.filter(event="sign_in_failed", object_pk=str(chef.pk)).count() == 1


def test_another_forbunds_history_is_not_visible(client, chef, association, other_association):
    other = make_user("annan-chef", other_association, "chef")
    client.force_login(other)
    client.post(
        reverse("association_edit", args=[other_association.slug]),
        {"name": "Annat förbund med nytt namn", "org_number": "222000-2733"},
    )
    assert client.get(reverse("history", args=[association.slug])).status_code == 404
    client.force_login(chef)
    page = _history(client, association)
    assert "Annat förbund med nytt namn" not in page and "annan-chef" not in page


def test_the_excel_download_has_the_rows_of_the_page(client, chef, association):
    _budget_line(association)
    client.force_login(chef)
    page = client.get(reverse("history", args=[association.slug])).content.decode()
    [table] = sheets_from_html(page, "Historik")
    response = client.get(reverse("history_xlsx", args=[association.slug]))
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = [[c for c in row] for row in sheet.iter_rows(values_only=True) if any(row)]
    header = rows.index(next(r for r in rows if r[0] == "Tid"))
    assert list(rows[header]) == list(table.header)
    assert len(rows) - header - 1 == len(table.rows) > 10
    assert [r[3] for r in rows[header + 1 :]] == [r[3] for r in table.rows]


def test_every_page_of_the_history_offers_the_same_excel_file_of_the_selection(
    client, chef, association
):
    client.force_login(chef)
    url = reverse("history", args=[association.slug])
    links = {
        re.search(r'href="([^"]*historik/excel/[^"]*)"', _text(client.get(url, query))).group(1)
        for query in ({"action": "andrad"}, {"action": "andrad", "sida": "2"})
    }
    assert len(links) == 1 and "action=andrad" in links.pop()


def test_a_date_range_backwards_is_refused_in_swedish(client, chef, association):
    client.force_login(chef)
    response = client.get(
        reverse("history", args=[association.slug]), {"since": "2026-05-01", "until": "2026-01-01"}
    )
    assert response.status_code == 400
    assert "Från-datumet måste vara före till-datumet." in _text(response)


def test_changes_outside_the_pages_name_the_command_line(association):
    entry = Change.objects.filter(association_pk=association.pk).first()
    assert entry.actor is None and entry.actor_label.startswith("kommandoraden (")


def test_the_object_pages_link_to_their_history_for_the_chef_only(client, chef, association):
    client.force_login(chef)
    page = _text(client.get(reverse("members", args=[association.slug])))
    assert reverse("history", args=[association.slug]) in page


def test_the_revisor_finds_a_members_history_from_its_row(client, auditor, board, association):
    member = association.members.get(kind="fk")
    link = reverse("object_history", args=[association.slug, "associations.member", member.pk])
    client.force_login(auditor)
    assert link in _text(client.get(reverse("members", args=[association.slug])))
    client.force_login(board)
    assert link not in _text(client.get(reverse("members", args=[association.slug])))
    assert client.get(link).status_code == 403


def test_a_participants_birth_year_is_not_shown_in_the_history(client, chef, association):
    from samordna.followup.models import Episode

    insats = Intervention.objects.create(association=association, name="Team", kind="individual")
    episode = Episode.objects.create(
        intervention=insats, sex="kvinna", birth_year=1987, start=date(2026, 1, 5)
    )
    client.force_login(chef)
    page = _text(
        client.get(
            reverse("object_history", args=[association.slug, "followup.episode", episode.pk])
        )
    )
    assert episode.code in page and "1987" not in page and "(visas inte)" in page


def test_a_new_logo_is_on_record_by_its_file_name(client, chef, association):
    from samordna.documents.models import DocumentLayout

    layout = DocumentLayout.objects.create(association=association)
    layout.logo, layout.logo_name = b"\x89PNG\r\n", "logotyp.png"
    layout.save()
    client.force_login(chef)
    page = _history(client, association, kind="documents.documentlayout", action="andrad")
    assert "<td>logotypens filnamn</td><td>–</td><td>logotyp.png</td>" in page
    assert "PNG" not in page


def test_every_kind_of_record_in_the_history_has_a_swedish_name_of_its_own():
    """The history's "Slag" column and its filter name each audited model in Swedish; without
    a name of its own a model would show Django's English one ("Delegation use")."""
    from auditlog.registry import auditlog

    from samordna.audit.labels import KINDS, kind_name

    unnamed = [
        model._meta.label_lower
        for model in auditlog.get_models()
        if model._meta.label_lower not in KINDS and "verbose_name" not in model._meta.original_attrs
    ]
    assert sorted(unnamed) == []
    assert kind_name(DelegationUse) == "Beslut på delegation"
    # Sign-ins are recorded on the user, who is not audited: KINDS names every kind the trail has.
    names = list(
        ({m._meta.label_lower: kind_name(m) for m in auditlog.get_models()} | KINDS).values()
    )
    assert sorted({n for n in names if names.count(n) > 1}) == []  # the filter tells them apart
