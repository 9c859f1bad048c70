"""`samordna privacy scan` finds nothing in the demo and every identity planted in a database,
naming table, column and row but never the value."""

from __future__ import annotations

from django.db import connection

from samordna.associations.models import Association, BoardSeat, Officer
from samordna.budgets.models import Budget, BudgetLine
from samordna.cli import main
from samordna.documents.models import DocumentLayout, DocumentText
from samordna.followup.models import StepChange
from samordna.interventions.models import Decision, Intervention, Meeting

PLANTED = [
    (BoardSeat, "person_name", "Anna 850101 1236"),
    (Officer, "person_name", "Sven 19850101\u20131236"),
    (BudgetLine, "label", "Lön 850101\u20111236"),
    (Budget, "name", "Budget (19850101-1236.csv)"),
    (Meeting, "note", "Närvarande 85 01 01-1236"),
    (Decision, "text", "Beviljar 850101+1236"),
    (Intervention, "target_group", "Unga, t.ex. 850161-1234"),
    (StepChange, "note", "pnr 8501011236"),
    (DocumentText, "text", "Kontakt 1985 01 01 1236"),
]


def test_the_demo_holds_no_identity(demo, capsys):
    assert main(["privacy", "scan"]) == 0
    assert "Inga personnummer eller samordningsnummer" in capsys.readouterr().out


def test_every_planted_identity_is_found_by_place_never_by_value(demo, capsys):
    places = set()
    for model, column, text in PLANTED:
        row = model.objects.order_by("pk").first()
        with connection.cursor() as cursor:  # past every check, as another program could
            cursor.execute(
                f"UPDATE {model._meta.db_table} SET {column} = %s WHERE id = %s", [text, row.pk]
            )
        places.add(f"{model._meta.db_table}.{column}, rad id {row.pk}")
    layout = DocumentLayout.objects.create(association=Association.objects.first())
    DocumentLayout.objects.filter(pk=layout.pk).update(logo_name="logga 850101-1236.png")
    places.add(f"documents_documentlayout.logo_name, rad id {layout.pk}")
    assert main(["privacy", "scan"]) == 1
    out = capsys.readouterr().out
    found = {line.split(":")[0] for line in out.splitlines() if "rad id" in line}
    assert found == places
    assert "samordningsnummer" in out
    assert "1236" not in out and "850101" not in out
