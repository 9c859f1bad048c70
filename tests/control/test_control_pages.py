"""Kontroll och revision as a förbundschef, a board member and a revisor use it: the plan with
its matrix, the follow-up, the audit year with the revisor's report, discharge, minutes and the
delegation check."""

from __future__ import annotations

import html
import io
import re
from datetime import date

import openpyxl
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from samordna.control.models import (
    AuditReport,
    ControlPlan,
    ControlResult,
    DelegationMatter,
    DelegationUse,
    Discharge,
    Minutes,
    Risk,
)
from samordna.demo.control import demo_pdf
from samordna.interventions.models import Decision, Meeting
from tests.conftest import make_user

PDF = demo_pdf("Revisionsberättelse 2025", "Granskad")


def _url(name, association, *args):
    return reverse(name, args=[association.slug, *args])


def _risk_data(**changes):
    data = {
        "name": "Felaktiga utbetalningar",
        "likelihood": "3",
        "consequence": "4",
        "control": "Stickprov på fem fakturor",
        "responsible": "Ekonom",
        "frequency": "tertial",
    }
    return {**data, **changes}


def _main(response) -> str:
    return response.content.decode().split("<main", 1)[1].split("</main>")[0]


def test_a_new_forbund_starts_a_plan_with_its_first_risk(client, chef, association):
    client.force_login(chef)
    page = client.get(_url("control_plan", association, 2025))
    assert "Planen är inte beslutad av styrelsen." in _main(page)
    assert "Lägg till den första risken" in _main(page)
    response = client.post(_url("risk_new", association, 2025), _risk_data())
    assert response.status_code == 302
    risk = Risk.objects.get(plan__association=association, plan__year=2025)
    assert (risk.likelihood, risk.consequence, risk.level.word) == (3, 4, "Hög")
    text = _main(client.get(_url("control_plan", association, 2025)))
    assert "Hög (3 × 4 = 12)" in text
    assert "Inte uppföljd" in text


def test_the_matrix_is_a_table_whose_cells_say_level_count_and_names(client, chef, association):
    client.force_login(chef)
    client.post(_url("risk_new", association, 2025), _risk_data())
    client.post(_url("risk_new", association, 2025), _risk_data(name="Jäv", likelihood="3"))
    text = _main(client.get(_url("control_plan", association, 2025)))
    matrix = text.split('class="risk-matrix"', 1)[1].split("</table>")[0]
    assert '<th scope="row">3 Möjlig</th>' in matrix
    assert '<th scope="col">4 Allvarlig</th>' in matrix
    row = matrix.split('<th scope="row">3 Möjlig</th>', 1)[1].split("</tr>")[0]
    cell = row.split("<td")[4]
    assert 'class="risk-high"><span class="level">Hög (12)</span>' in cell
    assert "2 risker" in cell
    assert "1. Felaktiga utbetalningar" in cell and "2. Jäv" in cell
    assert matrix.count("<td") == 16


def test_a_risk_outside_one_to_four_is_refused_in_swedish(client, chef, association):
    client.force_login(chef)
    response = client.post(_url("risk_new", association, 2025), _risk_data(likelihood="5"))
    assert response.status_code == 400
    assert "Välj ett giltigt alternativ" in response.content.decode()
    assert not Risk.objects.exists()


def test_the_plan_is_tied_to_the_boards_decision_in_the_register(client, chef, association):
    decision = Decision.objects.create(
        association=association,
        date=date(2024, 11, 20),
        paragraph="7",
        kind="ovrigt",
        text="Internkontrollplanen för 2025 fastställs.",
    )
    client.force_login(chef)
    url = _url("control_plan_edit", association, 2025)
    assert client.post(url, {"decision": decision.pk}).status_code == 302
    text = _main(client.get(_url("control_plan", association, 2025)))
    assert "Beslutad av styrelsen 2024-11-20 §7" in text


def test_a_decision_date_and_paragraph_can_stand_in_for_the_register(client, chef, association):
    client.force_login(chef)
    url = _url("control_plan_edit", association, 2025)
    client.post(url, {"decided_on": "2024-11-20", "paragraph": "12"})
    assert ControlPlan.objects.get(association=association, year=2025).decided == "2024-11-20 §12"
    refused = client.post(url, {"decided_on": "2999-01-01"})
    assert refused.status_code == 400


def test_following_up_a_control_shows_the_latest_result(client, chef, association):
    client.force_login(chef)
    client.post(_url("risk_new", association, 2025), _risk_data())
    risk = Risk.objects.get()
    url = _url("result_new", association, risk.pk)
    client.post(url, {"date": "2025-04-30", "outcome": "ok"})
    client.post(
        url, {"date": "2025-08-31", "outcome": "remark", "comment": "En faktura utan attest"}
    )
    text = _main(client.get(_url("control_plan", association, 2025)))
    assert "2025-08-31: Brister, åtgärd behövs. En faktura utan attest" in text
    assert "Alla 2 uppföljningar" in text
    assert "1 av 1 kontroller är uppföljda: 0 utan anmärkning, 1 med brister" in text


def test_removing_a_risk_asks_names_its_follow_ups_and_can_be_undone(client, chef, association):
    client.force_login(chef)
    client.post(_url("risk_new", association, 2025), _risk_data())
    risk = Risk.objects.get()
    ControlResult.objects.create(risk=risk, date=date(2025, 4, 30), outcome="ok")
    url = _url("risk_delete", association, risk.pk)
    assert "1 uppföljningar av kontrollen tas bort med risken." in _main(client.get(url))
    assert Risk.objects.exists()
    page = client.post(url, follow=True).content.decode()
    assert "Risken ”Felaktiga utbetalningar” är borttagen." in page
    assert not Risk.objects.exists()
    token = re.search(r'name="token" value="([^"]+)"', page)[1]
    client.post(_url("undo", association), {"token": token})
    assert Risk.objects.get().results.count() == 1


def test_two_editors_of_one_risk_do_not_overwrite_each_other(client, chef, association):
    client.force_login(chef)
    client.post(_url("risk_new", association, 2025), _risk_data())
    risk = Risk.objects.get()
    url = _url("risk_edit", association, risk.pk)
    seen = html.unescape(
        re.search(r'name="seen" value="([^"]+)"', client.get(url).content.decode())[1]
    )
    Risk.objects.filter(pk=risk.pk).update(responsible="Förbundschef")
    response = client.post(url, {**_risk_data(name="Nytt namn"), "seen": seen})
    assert response.status_code == 400
    assert "Någon annan sparade ändringar" in response.content.decode()
    assert "Ansvarig: Förbundschef" in response.content.decode()
    assert Risk.objects.get().name == "Felaktiga utbetalningar"


def test_the_plan_downloads_as_excel_with_risks_matrix_and_follow_up(client, board, association):
    plan = ControlPlan.objects.create(association=association, year=2025)
    risk = Risk.objects.create(
        plan=plan,
        name="Jäv",
        likelihood=1,
        consequence=3,
        control="Protokollen granskas",
        responsible="Ordförande",
        frequency="yearly",
    )
    ControlResult.objects.create(
        risk=risk, date=date(2025, 5, 2), outcome="ok", comment="Inget jäv"
    )
    client.force_login(board)
    response = client.get(_url("control_plan_xlsx", association, 2025))
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["Internkontrollplan", "Riskmatris", "Uppföljning"]
    rows = list(book["Internkontrollplan"].values)
    assert rows[2][:6] == (
        "Nr",
        "Risk",
        "Sannolikhet (1–4)",
        "Konsekvens (1–4)",
        "Riskvärde",
        "Risknivå",
    )
    assert rows[3][:6] == (1, "Jäv", 1, 3, 3, "Låg")
    assert rows[3][9:] == ("2025-05-02", "Utan anmärkning", "Inget jäv")
    matrix = list(book["Riskmatris"].values)
    assert matrix[-1][3] == "Låg (3): 1. Jäv"


def test_the_revisor_attaches_the_report_and_the_board_downloads_it(client, board, association):
    revisor = make_user("revisorn", association, "revisor")
    client.force_login(revisor)
    url = _url("audit_report_new", association, 2025)
    upload = SimpleUploadedFile("Revisionsberättelse 2025.pdf", PDF, "application/pdf")
    response = client.post(url, {"title": "Revisionsberättelse 2025", "file": upload})
    assert response.status_code == 302
    report = AuditReport.objects.get()
    assert (report.year, report.size, report.uploaded_by) == (2025, len(PDF), revisor)
    assert "Ta bort" not in _main(client.get(_url("audit", association, 2025)))
    client.force_login(board)
    download = client.get(_url("audit_report", association, report.pk))
    assert download.content == PDF
    assert download["Content-Type"] == "application/pdf"
    assert "Revisionsber%C3%A4ttelse%202025.pdf" in download["Content-Disposition"]


def test_a_file_that_is_not_a_pdf_is_refused_and_nothing_is_kept(client, chef, association):
    client.force_login(chef)
    url = _url("audit_report_new", association, 2025)
    fake = SimpleUploadedFile("rapport.pdf", b"PK\x03\x04 not a pdf", "application/pdf")
    response = client.post(url, {"title": "Rapport", "file": fake})
    assert response.status_code == 400
    assert "Filen är inte en PDF-fil (den börjar inte med %PDF-)." in response.content.decode()
    too_big = SimpleUploadedFile(
        "stor.pdf", b"%PDF-1.4\n" + b"0" * (10 * 1024 * 1024), "application/pdf"
    )
    response = client.post(url, {"title": "Rapport", "file": too_big})
    assert "Filen är större än 10 MB." in response.content.decode()
    assert not AuditReport.objects.exists()


def test_the_board_may_not_attach_a_report(client, board, association):
    client.force_login(board)
    upload = SimpleUploadedFile("r.pdf", PDF, "application/pdf")
    response = client.post(
        _url("audit_report_new", association, 2025), {"title": "R", "file": upload}
    )
    assert response.status_code == 403
    assert not AuditReport.objects.exists()


def test_the_revisor_may_not_remove_a_report_or_edit_anything_else(client, association):
    report = AuditReport.objects.create(
        association=association, year=2025, title="R", file=PDF, filename="r.pdf", size=len(PDF)
    )
    client.force_login(make_user("revisorn", association, "revisor"))
    assert client.post(_url("audit_report_delete", association, report.pk)).status_code == 403
    assert client.post(_url("auditor_new", association, 2025), {"name": "X"}).status_code == 403
    assert AuditReport.objects.exists()


def test_each_member_decides_discharge_once_a_year(client, chef, association):
    client.force_login(chef)
    fk = association.members.get(kind="fk")
    url = _url("discharge_new", association, 2025)
    data = {"member": fk.pk, "outcome": "beviljad", "decided_on": "2026-04-20"}
    assert client.post(url, data).status_code == 302
    again = client.post(url, {**data, "outcome": "inte_beviljad"})
    assert again.status_code == 400
    assert (
        "Försäkringskassan har redan ett beslut om ansvarsfrihet för 2025."
        in again.content.decode()
    )
    text = _main(client.get(_url("audit", association, 2025)))
    assert "Beviljad" in text and "2026-04-20" in text
    assert text.count("Inget beslut registrerat") == 5


def test_a_member_with_a_discharge_decision_cannot_be_removed(client, chef, association):
    fk = association.members.get(kind="fk")
    Discharge.objects.create(
        association=association,
        year=2025,
        member=fk,
        decided_on=date(2026, 4, 20),
        outcome="beviljad",
    )
    client.force_login(chef)
    url = reverse("member_delete", args=[association.slug, fk.pk])
    assert "1 beslut om ansvarsfrihet" in client.get(url).content.decode()
    assert client.post(url).status_code == 409


def test_minutes_name_their_justerare_and_cannot_be_justerade_before_the_meeting(
    client, chef, association
):
    meeting = Meeting.objects.create(association=association, date=date(2025, 3, 11))
    client.force_login(chef)
    text = _main(client.get(_url("minutes", association)))
    assert "Inte justerat" in text and "Ange justerare" in text
    url = _url("minutes_edit", association, meeting.pk)
    early = client.post(url, {"adjusters": "Eva Lund, Karl Ström", "adjusted_on": "2025-03-01"})
    assert "Protokollet kan inte justeras före sammanträdet (2025-03-11)." in early.content.decode()
    assert not Minutes.objects.exists()
    client.post(url, {"adjusters": "Eva Lund, Karl Ström", "adjusted_on": "2025-03-18"})
    text = _main(client.get(_url("minutes", association)))
    assert "Eva Lund, Karl Ström" in text and "2025-03-18" in text


def test_a_personnummer_as_justerare_is_refused(client, chef, association):
    meeting = Meeting.objects.create(association=association, date=date(2025, 3, 11))
    client.force_login(chef)
    url = _url("minutes_edit", association, meeting.pk)
    response = client.post(url, {"adjusters": "811218-9876"})
    assert response.status_code == 400
    assert "Texten innehåller ett personnummer" in response.content.decode()
    assert not Minutes.objects.exists()


def test_a_delegation_decision_above_the_limit_is_a_finding_on_the_page(client, chef, association):
    client.force_login(chef)
    client.post(
        _url("delegation_new", association),
        {"text": "Köp av utbildning", "limit": "50 000 kr", "valid_from": "2025-01-01"},
    )
    matter = DelegationMatter.objects.get()
    assert matter.limit == 5_000_000
    decision = Decision.objects.create(
        association=association,
        date=date(2025, 5, 10),
        kind="delegation",
        text="Utbildning i MI",
        by_delegation=True,
    )
    url = _url("delegation_use", association, decision.pk)
    client.post(url, {"matter": matter.pk, "amount": "62 500"})
    assert DelegationUse.objects.get().amount == 6_250_000
    text = _main(client.get(_url("delegation", association)))
    assert "1 beslut utanför delegationsordningen" in text
    assert "62 500 kr är mer än de 50 000 kr" in text
    client.post(url, {"matter": matter.pk, "amount": "45 000"})
    text = _main(client.get(_url("delegation", association)))
    assert "Alla 1 delegationsbeslut ryms i delegationsordningen." in text


def test_editing_a_delegation_point_shows_the_limit_in_kronor(client, chef, association):
    matter = DelegationMatter.objects.create(
        association=association, text="Avtal", limit=10_000_000, valid_from=date(2025, 1, 1)
    )
    client.force_login(chef)
    page = client.get(_url("delegation_edit", association, matter.pk)).content.decode()
    assert 'value="100 000 kr"' in page


def test_a_delegation_decision_outside_every_point_is_a_finding(client, board, association):
    Decision.objects.create(
        association=association,
        date=date(2025, 9, 20),
        kind="ovrigt",
        text="Visstidsanställning",
        by_delegation=True,
    )
    client.force_login(board)
    text = _main(client.get(_url("delegation", association)))
    assert "Visstidsanställning) är inte kopplat till någon punkt i delegationsordningen." in text
    assert "Ange punkt och belopp" not in text


def test_insats_staff_do_not_get_the_menu_link(client, association):
    client.force_login(make_user("personal", association, "insatspersonal"))
    page = client.get(_url("association", association)).content.decode()
    assert "Kontroll och revision" not in page
    client.force_login(make_user("ledamot2", association, "styrelse"))
    page = client.get(_url("association", association)).content.decode()
    assert f'href="/forbund/{association.slug}/kontroll/"' in page


def test_a_year_out_of_range_is_not_found(client, chef, association):
    client.force_login(chef)
    assert client.get(_url("control_plan", association, 1999)).status_code == 404
