"""`samordna budget import FILE --association SLUG`: a förslag from a file, atomically."""

from __future__ import annotations

from pathlib import Path

from samordna.budgets.models import Budget, BudgetAmount
from samordna.cli import main

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "budget"


def test_import_creates_a_proposal_and_shows_the_check(capsys, association):
    code = main(
        [
            "budget",
            "import",
            str(FIXTURES / "funds-000-vanersborg-2008.csv"),
            "--association",
            association.slug,
            "--name",
            "Budget 2008",
        ]
    )
    out, err = capsys.readouterr()
    assert code == 0 and err == ""
    assert "Budget 2008 är importerad som förslag" in out
    assert "rad 5" in out and "1 fel" in out
    budget = Budget.objects.get(association=association)
    assert budget.name == "Budget 2008"
    assert budget.versions.get().status == "forslag"


def test_a_file_that_cannot_be_read_imports_nothing(capsys, association):
    code = main(
        ["budget", "import", str(FIXTURES / "bad-cell.csv"), "--association", association.slug]
    )
    out, err = capsys.readouterr()
    assert code == 2 and out == ""
    assert "rad " in err and "kolumn " in err
    assert not Budget.objects.exists() and not BudgetAmount.objects.exists()


def test_an_unknown_association_is_named(capsys, db):
    code = main(
        ["budget", "import", str(FIXTURES / "budget-000-vanersborg-2008.csv"), "--association", "x"]
    )
    out, err = capsys.readouterr()
    assert code == 2 and "Förbundet ”x” finns inte" in err
