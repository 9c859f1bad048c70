"""The plan's own per-member amounts beside the computed split: entered, shown, kept, printed."""

from __future__ import annotations

import subprocess

from django.urls import reverse

from samordna.documents import plan
from samordna.documents.outputs import render
from samordna.economy import services
from samordna.economy.models import ContributionYear

REQUEST = services.AllocationRequest(2020, 715_600_000, "total", 1000, "split", 2018)


def _text(response) -> str:
    return response.content.decode().replace("\u00a0", " ")


def _form(saved, amounts, reasons=None):
    data = {}
    for c in saved.contributions.select_related("member"):
        data[f"amount-{c.member_id}"] = amounts.get(c.member.name, "")
        data[f"reason-{c.member_id}"] = (reasons or {}).get(c.member.name, "")
    return data


def test_the_plans_amounts_show_each_deviation_with_its_reason(client, chef, association):
    saved = services.save(association, REQUEST, user=None)
    client.force_login(chef)
    url = reverse("contribution_stated", args=[association.slug, 2020])
    amounts = {"Trollhättans Stad": "1 351 000", "Grästorps kommun": "115 000 kr"}
    reasons = {"Trollhättans Stad": "Enligt förbundsordningen"}
    response = client.post(url, _form(saved, amounts, reasons))
    assert response.status_code == 302
    page = _text(client.get(reverse("contribution", args=[association.slug, 2020])))
    assert "Avviker från planen" in page
    assert "1 351 000 kr" in page and "10 000 kr" in page and "-10 000 kr" in page
    assert "Enligt förbundsordningen" in page


def test_a_bad_amount_saves_nothing(client, chef, association):
    saved = services.save(association, REQUEST, user=None)
    client.force_login(chef)
    url = reverse("contribution_stated", args=[association.slug, 2020])
    response = client.post(url, _form(saved, {"Trollhättans Stad": "tusen"}))
    assert response.status_code == 400
    assert not saved.contributions.filter(stated_amount__isnull=False).exists()


def test_recomputing_the_year_keeps_the_plans_amounts(association):
    saved = services.save(association, REQUEST, user=None)
    town = saved.contributions.get(member__name="Trollhättans Stad")
    services.save_stated(saved, {town.member_id: (1_351_000_00, "Enligt förbundsordningen")})
    again = services.save(association, REQUEST, user=None)
    kept = again.contributions.get(member__name="Trollhättans Stad")
    assert (kept.stated_amount, kept.stated_reason) == (1_351_000_00, "Enligt förbundsordningen")
    assert kept.deviation == 10_000_00


def test_the_plan_prints_requested_and_allocated_with_the_reason(association, tmp_path):
    saved = services.save(association, REQUEST, user=None)
    town = saved.contributions.get(member__name="Trollhättans Stad")
    services.save_stated(saved, {town.member_id: (1_351_000_00, "Enligt förbundsordningen")})
    path = tmp_path / "plan.pdf"
    path.write_bytes(render(plan.build(association, 2020), "pdf"))
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Planens belopp och fördelningen 2020" in text
    table = text[text.index("Planens belopp och fördelningen 2020") :]
    line = next(row for row in table.splitlines() if "Trollhättans Stad" in row)
    assert "1 351 000 kr" in line and "1 341 000 kr" in line and "10 000 kr" in line
    assert "förbundsordningen" in table
    summa = next(row for row in table.splitlines() if row.strip().startswith("Summa"))
    assert summa.split() == ["Summa", "7", "156", "000", "kr"]  # the plan states one member only
    assert ContributionYear.objects.get(association=association).total == 715_600_000
