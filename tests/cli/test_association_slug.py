"""`samordna association create --slug`: a short name that cannot stand in an address is refused."""

from __future__ import annotations

from samordna.associations.models import Association
from samordna.cli import main


def test_a_short_name_with_swedish_letters_is_refused_with_a_suggestion(capsys, db):
    code = main(["association", "create", "Samordningsförbundet Klarälven", "--slug", "klarälv"])
    err = capsys.readouterr().err
    assert code == 2 and "får bara innehålla a–z" in err and "till exempel klaralv" in err
    assert not Association.objects.exists()


def test_without_a_short_name_one_is_made_from_the_name(capsys, db):
    assert main(["association", "create", "Samordningsförbundet Klarälven"]) == 0
    assert Association.objects.get().slug == "samordningsforbundet-klaralven"
