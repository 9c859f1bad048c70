"""Only an SIE file replaces a year's outcome, and only with data every later page can show."""

from __future__ import annotations

from pathlib import Path

import pytest

from samordna.actuals import services
from samordna.actuals.models import ActualAmount, Balance
from samordna.core.findings import InputError

SIE = Path(__file__).resolve().parents[1] / "fixtures" / "sie" / "sodra-roslagen-2025.se"
HEAD = b"#FLAGGA 0\n#FORMAT PC8\n#SIETYP 4\n#RAR 0 20250101 20251231\n"


@pytest.fixture
def imported(association):
    services.import_sie(association, 2025, SIE.read_bytes(), SIE.name, user=None)
    return (ActualAmount.objects.count(), Balance.objects.count())


def _refused(association, data, message):
    with pytest.raises(InputError, match=message):
        services.import_sie(association, 2025, data, "fil.se", user=None)


@pytest.mark.parametrize(
    "data",
    [
        SIE.read_bytes().decode("cp437").encode("utf-16"),
        b"namn;belopp\nKassa;100\n",
        b"\x89PNG\r\n\x1a\n" + bytes(range(256)),
        b"",
    ],
    ids=["utf-16", "csv", "binary", "empty"],
)
def test_a_file_that_is_not_sie_never_removes_the_outcome(association, imported, data):
    _refused(association, data, "inte en SIE-fil|inga transaktioner")
    assert (ActualAmount.objects.count(), Balance.objects.count()) == imported
    assert imported[0] > 0


def test_an_sie_file_without_anything_for_the_year_keeps_the_outcome(association, imported):
    _refused(association, HEAD, "utfallet som finns är kvar")
    assert (ActualAmount.objects.count(), Balance.objects.count()) == imported


def test_an_account_of_superscript_digits_is_refused_at_import(association):
    utf8 = HEAD.replace(b"#FORMAT PC8\n", b"")  # read as UTF-8, where ³ exists
    _refused(association, utf8 + "#KONTO ²³ Kassa\n".encode(), "inte ett kontonummer")


@pytest.mark.parametrize("amount", ["1e100", "1" + "0" * 40, "-9e15"])
def test_an_amount_beyond_any_real_one_is_refused(association, amount):
    data = HEAD + f"#RES 0 3010 {amount}\n".encode()
    _refused(association, data, "rad 5: .* större än något belopp")
    assert not ActualAmount.objects.exists()


@pytest.mark.parametrize(
    ("line", "limit"),
    [(b"#KONTO 3010 " + b"x" * 201, 200), (b'#FNAMN "' + b"y" * 301 + b'"', 300)],
    ids=["account", "company"],
)
def test_a_name_longer_than_its_column_names_the_line_and_keeps_the_outcome(
    association, imported, line, limit
):
    data = HEAD + line + b"\n#RES 0 3010 -100.00\n"
    _refused(association, data, f"rad 5: Namnet får vara högst {limit} tecken")
    assert (ActualAmount.objects.count(), Balance.objects.count()) == imported
