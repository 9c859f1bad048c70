"""`samordna actuals import SIE_FILE --association SLUG --year YEAR`."""

from __future__ import annotations

from pathlib import Path

from samordna.actuals.models import ActualAmount
from samordna.cli import main

SIE = Path(__file__).resolve().parents[1] / "fixtures" / "sie" / "sodra-roslagen-2025.se"


def test_import_reports_accounts_and_unmapped_accounts(capsys, association):
    code = main(
        ["actuals", "import", str(SIE), "--association", association.slug, "--year", "2025"]
    )
    out, err = capsys.readouterr()
    assert code == 0 and err == ""
    assert "10 konton och 11 transaktioner importerade för 2025" in out
    assert "4010 Rådgivande teamet: 160 833 kr" in out.replace("\u00a0", " ")
    assert ActualAmount.objects.filter(year=2025).exists()


def test_an_unreadable_file_imports_nothing(capsys, association, tmp_path):
    broken = tmp_path / "trasig.se"
    broken.write_bytes(b'#VER A 1 20250101 "x"\n{\n#TRANS 1930 {} 1.00\n')
    code = main(
        ["actuals", "import", str(broken), "--association", association.slug, "--year", "2025"]
    )
    out, err = capsys.readouterr()
    assert code == 2 and out == ""
    assert "slutar inne i en verifikation" in err and "Ingenting har importerats" in err
    assert not ActualAmount.objects.exists()
