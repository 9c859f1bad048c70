"""`samordna budget check` names a part first year, as the plan does."""

from __future__ import annotations

from samordna.cli import main


def test_the_check_names_the_months_of_a_part_first_year(capsys, tmp_path):
    plan = tmp_path / "del-ar.csv"
    plan.write_text("avsnitt;rad;2026-09;2027\nKansli;Förbundschef;300 000;900 000\n")
    assert main(["budget", "check", str(plan)]) == 0
    out = capsys.readouterr().out
    assert "(belopp i kr; år 2026 (sep–dec), 2027)" in out
