"""The indicator answer file: one answer per row (indikator, år, svar, and optionally kön and
insats). Every bad cell is reported at once, naming row and column; see
docs/filformat/indikatorsvar.md."""

from __future__ import annotations

from dataclasses import dataclass

from samordna.core.findings import InputError
from samordna.core.followup import SEX_WORDS
from samordna.core.personnummer import identity_error
from samordna.core.table import Table

HEADERS = {
    "number": ("indikator", "indicator"),
    "year": ("år", "year"),
    "score": ("svar", "score", "answer"),
    "sex": ("kön", "sex"),
    "insats": ("insats", "intervention"),
}
SEX_OR_NONE = {"": "", **SEX_WORDS}


@dataclass(frozen=True)
class AnswerRow:
    row: int
    number: int
    year: int
    score: int
    sex: str
    insats: str


def read_answers(table: Table) -> tuple[dict[str, str], list[AnswerRow], list[InputError]]:
    """The rows, the column titles as written, and an error for every bad cell."""
    index, titles = table.columns(HEADERS)
    for required in ("number", "year", "score"):
        if index[required] is None:
            raise InputError(
                f"kolumnen {HEADERS[required][0]} saknas. Rubrikraden ska ha indikator, år och "
                "svar (och gärna kön och insats).",
                row=1,
                column=HEADERS[required][0],
            )
    rows, errors = [], []
    for row in table.rows:
        if row.is_empty:
            continue
        values = {name: row.get(i) for name, i in index.items()}
        bad = []
        for name in ("number", "year", "score"):
            if not values[name].isdecimal():
                bad.append((name, f"”{values[name]}” är inget heltal."))
        if values["sex"].casefold() not in SEX_OR_NONE:
            bad.append(("sex", f"”{values['sex']}”: skriv kvinna eller man, eller lämna tomt."))
        if identity_error(values["insats"]):
            bad.append(("insats", identity_error(values["insats"]) or ""))
        errors += [InputError(m, row=row.number, column=titles[n]) for n, m in bad]
        if not bad:
            rows.append(
                AnswerRow(
                    row.number,
                    int(values["number"]),
                    int(values["year"]),
                    int(values["score"]),
                    SEX_OR_NONE[values["sex"].casefold()],
                    values["insats"],
                )
            )
    return titles, rows, errors
