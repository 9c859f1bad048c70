"""Broken and oversized tables are refused with a Swedish message before they are expanded."""

from __future__ import annotations

import io
import zipfile

import pytest
from openpyxl import Workbook

from samordna.core.money import MoneyError, parse_amount
from samordna.tables import MAX_ROWS, TableError, table_from_bytes


def _xlsx() -> bytes:
    book = Workbook()
    book.active.append(["avsnitt", "rad", "2025"])
    book.active.append(["Intäkter", "Medlemsbidrag", 1000])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _replace_member(data: bytes, name: str, content: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            body = content if item.filename == name else source.read(item.filename)
            target.writestr(item.filename, body, zipfile.ZIP_DEFLATED)
    return out.getvalue()


SHEET = "xl/worksheets/sheet1.xml"


def test_a_good_workbook_still_reads():
    assert table_from_bytes(_xlsx(), "budget.xlsx").rows[0].cells[:2] == (
        "Intäkter",
        "Medlemsbidrag",
    )


def test_a_sheet_with_broken_xml_is_refused_with_a_message():
    data = _replace_member(_xlsx(), SHEET, b"<worksheet><sheetData><row><c r='A1'>")
    with pytest.raises(TableError, match="går inte att läsa som en Excel-fil"):
        table_from_bytes(data, "trasig.xlsx")


def test_an_xml_entity_bomb_is_refused():
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol2;</t></is></c></row>'
        b"</sheetData></worksheet>"
    )
    with pytest.raises(TableError, match="Excel-fil"):
        table_from_bytes(_replace_member(_xlsx(), SHEET, bomb), "bomb.xlsx")


def test_a_zip_that_unpacks_beyond_the_limit_is_refused_before_reading():
    data = _replace_member(_xlsx(), "xl/padding.bin", b"")
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            target.writestr(item.filename, source.read(item.filename), zipfile.ZIP_DEFLATED)
        target.writestr("xl/padding.bin", b"\0" * (60 * 1024 * 1024), zipfile.ZIP_DEFLATED)
    assert len(out.getvalue()) < 1024 * 1024
    with pytest.raises(TableError, match="MB uppackad"):
        table_from_bytes(out.getvalue(), "bomb.xlsx")


def test_a_csv_cell_over_the_csv_field_limit_names_the_row():
    data = ("avsnitt;rad;2025\nIntäkter;" + '"' + "x" * 200_000 + '"' + ";1\n").encode()
    with pytest.raises(TableError, match="rad 2"):
        table_from_bytes(data, "lang.csv")


def test_a_long_cell_names_row_and_column():
    data = ("avsnitt;rad;2025\nIntäkter;" + "x" * 6000 + ";1\n").encode()
    with pytest.raises(TableError, match="rad 2, kolumn 2: cellen har fler än"):
        table_from_bytes(data, "lang.csv")


def test_too_many_rows_are_refused_while_reading():
    data = ("avsnitt;rad;2025\n" + "Intäkter;x;1\n" * (MAX_ROWS + 5)).encode()
    with pytest.raises(TableError, match="fler än 20 000 rader"):
        table_from_bytes(data, "stor.csv")


def test_a_sheet_claiming_a_huge_width_reads_only_its_cells():
    sheet = (
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b'<dimension ref="A1:XFD1"/><sheetData><row r="1">'
        b'<c r="A1" t="inlineStr"><is><t>avsnitt</t></is></c></row></sheetData></worksheet>'
    )
    table = table_from_bytes(_replace_member(_xlsx(), SHEET, sheet), "bred.xlsx")
    assert table.header == ("avsnitt",)


@pytest.mark.parametrize("text", ["1" + "0" * 30, "9" * 5000, "-10000000000001 kr"])
def test_amounts_too_big_for_the_database_are_refused(text):
    with pytest.raises(MoneyError, match="största belopp"):
        parse_amount(text)
