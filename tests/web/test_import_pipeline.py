"""The one import pipeline: every row checked, every error reported at once in row order, and
then everything stored in one transaction or nothing at all."""

from __future__ import annotations

import pytest

from samordna.associations.models import Member
from samordna.core.findings import InputError
from samordna.tables import store_all_or_nothing


def _check(row: tuple[int, str]) -> tuple[str | None, list[InputError]]:
    number, name = row
    if not name:
        return None, [InputError("namnet saknas.", row=number, column="namn")]
    return name, []


def test_errors_from_reading_and_checking_come_together_in_row_order(association):
    read_errors = [InputError("”x” är ingen typ.", row=4, column="typ")]
    rows = [(2, "Provkommun Ett"), (3, ""), (5, "")]
    with pytest.raises(InputError) as refused:
        store_all_or_nothing(rows, read_errors, _check, lambda name: None)
    lines = str(refused.value).splitlines()
    assert [line.split(":")[0] for line in lines] == [
        "rad 3, kolumn namn",
        "rad 4, kolumn typ",
        "rad 5, kolumn namn",
    ]


def test_a_file_with_an_error_stores_nothing(association):
    stored: list[str] = []
    with pytest.raises(InputError):
        store_all_or_nothing([(2, "Provkommun Ett"), (3, "")], [], _check, stored.append)
    assert stored == []


def test_a_failure_while_storing_undoes_the_rows_already_stored(association):
    def store(name: str) -> None:
        if name == "Trasig":
            raise RuntimeError("databasen svarar inte")
        Member.objects.create(association=association, name=name, kind="municipality")

    with pytest.raises(RuntimeError):
        store_all_or_nothing([(2, "Provkommun Ett"), (3, "Trasig")], [], _check, store)
    assert not Member.objects.filter(name="Provkommun Ett").exists()


def test_a_clean_file_stores_every_row(association):
    def store(name: str) -> None:
        Member.objects.create(association=association, name=name, kind="municipality")

    checked = store_all_or_nothing(
        [(2, "Provkommun Ett"), (3, "Provkommun Två")], [], _check, store
    )
    assert checked == ["Provkommun Ett", "Provkommun Två"]
    assert set(association.members.values_list("name", flat=True)) >= {
        "Provkommun Ett",
        "Provkommun Två",
    }
