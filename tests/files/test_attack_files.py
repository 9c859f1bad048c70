"""Files and settings from the second attacker's pass over issue 16 (cases not in test_fuzz.py).

Each case was found by feeding it to the readers through the pages and the commands, on SQLite
and PostgreSQL: a device file that never ends, a NUL byte in a cell, a count or a paragraph too
big for PostgreSQL's column, openpyxl's warnings on the command's stderr, an empty DATABASE_URL.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
import warnings
from pathlib import Path

import pytest
from openpyxl import Workbook

from samordna.cli import main
from samordna.core.money import MoneyError, parse_count
from samordna.interventions.models import Intervention
from samordna.tables import MAX_ROWS, TableError, read_cells, table_from_bytes

REGISTER_HEADER = "namn;slag;status;medlemmar;start;slut;planerade deltagare;beslut\n"
MEMBERS = "Försäkringskassan, Arbetsförmedlingen"


def _insats_import(tmp_path: Path, association, line: str) -> int:
    path = tmp_path / "insatser.csv"
    path.write_text(REGISTER_HEADER + line + "\n", encoding="utf-8")
    return main(["insats", "import", str(path), "--association", association.slug])


def test_a_device_that_never_ends_is_refused_as_not_a_file():
    with pytest.raises(TableError, match="inte en vanlig fil"):
        read_cells("/dev/zero")


def test_a_named_pipe_is_refused_without_waiting_for_a_writer(tmp_path):
    pipe = tmp_path / "rör.csv"
    os.mkfifo(pipe)
    with pytest.raises(TableError, match="inte en vanlig fil"):
        read_cells(pipe)


def test_too_many_rows_say_the_limit_in_one_sentence():
    data = ("avsnitt;rad;2025\n" + "Intäkter;x;1\n" * (MAX_ROWS + 1)).encode()
    with pytest.raises(TableError) as refused:
        table_from_bytes(data, "stor.csv")
    assert str(refused.value) == ("Filen har fler än 20 000 rader, det största som kan läsas in.")


def test_a_nul_byte_in_a_csv_cell_names_row_and_column():
    data = b"namn;slag\nSteget\x00;individ\n"
    with pytest.raises(TableError, match=r"rad 2, kolumn namn: .*NUL"):
        table_from_bytes(data, "insatser.csv")


def test_a_date_serial_beyond_excels_calendar_gives_no_python_warning():
    book = Workbook()
    book.active.append(["avsnitt", "rad", "2026"])
    book.active.append(["Intäkter", "Bidrag", 9_999_999_999])
    book.active["C2"].number_format = "yyyy-mm-dd"
    buffer = io.BytesIO()
    book.save(buffer)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        table = table_from_bytes(buffer.getvalue(), "datum.xlsx")
    assert table.rows[0].cells[2] == "#VALUE!"
    assert [str(warning.message) for warning in caught] == []


@pytest.mark.parametrize("text", ["2147483648", "3 000 000 000", "99 999 999 999"])
def test_a_count_beyond_what_the_database_holds_is_refused(text):
    with pytest.raises(MoneyError, match="största antal"):
        parse_count(text)


def test_the_largest_count_the_database_holds_is_read():
    assert parse_count("2 147 483 647") == 2_147_483_647


def test_an_insats_with_billions_of_planned_participants_names_row_and_column(
    capsys, tmp_path, association
):
    line = f"Jätteinsats;individ;idé;{MEMBERS};;;3000000000;"
    assert _insats_import(tmp_path, association, line) == 2
    err = capsys.readouterr().err
    assert "rad 2, kolumn planerade deltagare" in err and "Ingenting har importerats" in err
    assert not Intervention.objects.filter(name="Jätteinsats").exists()


def test_a_decision_paragraph_longer_than_its_field_names_row_and_column(
    capsys, tmp_path, association
):
    line = f"Lång paragraf;individ;beviljad;{MEMBERS};2026-01-01;2026-12-31;;2025-11-20 §{'9' * 30}"
    assert _insats_import(tmp_path, association, line) == 2
    err = capsys.readouterr().err
    assert "rad 2, kolumn beslut: paragraf får vara högst 20 tecken" in err
    assert not Intervention.objects.filter(name="Lång paragraf").exists()


def _settings_engine(tmp_path: Path, database_url: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DATABASE_URL": database_url, "SAMORDNA_HOME": str(tmp_path)}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    code = "from samordna import settings; print(settings.DATABASES['default']['ENGINE'])"
    return subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=False
    )


def test_an_empty_database_url_means_the_sqlite_file(tmp_path):
    done = _settings_engine(tmp_path, "")
    assert done.stdout.strip() == "django.db.backends.sqlite3", done.stderr


def _association_list(database_url: str, home: Path) -> subprocess.CompletedProcess[str]:
    """`samordna association list` in a process of its own, with these two settings only."""
    env = {**os.environ, "DATABASE_URL": database_url, "SAMORDNA_HOME": str(home)}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    env.pop("SAMORDNA_SECRET_KEY", None)
    return subprocess.run(
        [sys.executable, "-m", "samordna", "association", "list"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_a_database_url_of_an_unknown_kind_is_refused_in_swedish(tmp_path):
    done = _association_list("ftp://x/y", tmp_path)
    assert done.returncode == 2
    assert "DATABASE_URL" in done.stderr and "går inte att använda" in done.stderr
    assert "Traceback" not in done.stderr and "oväntat" not in done.stderr


def test_a_home_folder_that_does_not_exist_is_named(tmp_path):
    done = _association_list("", tmp_path / "saknas")
    assert done.returncode == 2
    assert "SAMORDNA_HOME" in done.stderr and "som inte finns" in done.stderr
    assert "oväntat" not in done.stderr
