"""`samordna report`: the documents written to a file from the command line."""

from __future__ import annotations

from samordna.cli import main
from tests.documents.test_outputs import docx_text

SLUG = "trollhattan-lilla-edet-grastorp"


def _args(kind, fmt, path, *extra):
    return [
        "report",
        kind,
        "--association",
        SLUG,
        "--year",
        "2020",
        "--format",
        fmt,
        "-o",
        str(path),
        *extra,
    ]


def test_the_plan_is_written_as_pdf(demo, tmp_path, capsys):
    target = tmp_path / "plan.pdf"
    assert main(_args("plan", "pdf", target)) == 0
    assert target.read_bytes().startswith(b"%PDF")
    assert "Skrev verksamhetsplanen 2020" in capsys.readouterr().out


def test_notices_without_member_hold_every_member(demo, tmp_path):
    target = tmp_path / "avisering.docx"
    assert main(_args("notice", "docx", target)) == 0
    text = docx_text(target.read_bytes())
    for name in (
        "Försäkringskassan",
        "Trollhättans Stad",
        "Lilla Edets kommun",
        "Grästorps kommun",
    ):
        assert f"Avisering av medlemsbidrag 2020: {name}" in text


def test_one_member_by_name(demo, tmp_path):
    target = tmp_path / "grastorp.html"
    assert main(_args("notice", "html", target, "--member", "grästorps kommun")) == 0
    page = target.read_text(encoding="utf-8")
    assert "Grästorps kommun betalar 125 000 kr" in page
    assert "Lilla Edets kommun betalar" not in page


def test_an_unknown_member_writes_nothing_and_exits_2(demo, tmp_path, capsys):
    target = tmp_path / "x.pdf"
    assert main(_args("notice", "pdf", target, "--member", "Uddevalla")) == 2
    assert not target.exists() and list(tmp_path.iterdir()) == []
    assert "Medlemmen ”Uddevalla” finns inte" in capsys.readouterr().err


def test_a_missing_folder_or_year_without_contributions_exits_2(demo, tmp_path, capsys):
    assert main(_args("plan", "pdf", tmp_path / "saknas" / "plan.pdf")) == 2
    assert "finns inte" in capsys.readouterr().err
    args = _args("notice", "pdf", tmp_path / "n.pdf")
    args[args.index("2020")] = "2031"
    assert main(args) == 2
    assert "inte fördelade" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_the_follow_up_as_excel(demo, tmp_path):
    from openpyxl import load_workbook

    target = tmp_path / "berattelse.xlsx"
    assert main(_args("followup", "xlsx", target)) == 0
    sheet = load_workbook(target)["Budget och utfall 2020 per rad"]
    assert sheet["A1"].value == "Budget och utfall 2020 per rad"
    income = next(r for r in sheet.iter_rows(values_only=True) if r[0] == "Medlemsbidrag")
    assert income[1] == 7_156_000
