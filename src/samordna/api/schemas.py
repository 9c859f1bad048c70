"""What the API answers, field by field (Swedish keys, as the users read them; amounts in
whole kronor; a protected count is the text "<5" or "x", exactly as on the pages)."""

from __future__ import annotations

from ninja import Schema

Count = int | str


class AssociationRef(Schema):
    slug: str
    namn: str
    roll: str


class NetworkRef(Schema):
    slug: str
    namn: str


class Me(Schema):
    epost: str
    forbund: list[AssociationRef]
    natverk: list[NetworkRef]


class MemberOut(Schema):
    namn: str
    typ: str


class AssociationOut(Schema):
    slug: str
    namn: str
    organisationsnummer: str
    medlemmar: list[MemberOut]


class BudgetYear(Schema):
    ar: int
    version: int
    status: str
    intakter_kr: int
    ianspraktaget_eget_kapital_kr: int
    individinriktade_insatser_kr: int
    strukturinriktade_insatser_kr: int
    administration_kr: int
    kostnader_kr: int
    finansiella_poster_kr: int
    arets_resultat_kr: int
    budgetbalans_kr: int


class SharedFigures(Schema):
    forbund: str
    namn: str
    ar: int
    medlemsbidrag_kr: int | None
    kostnader_kr: int | None
    administrationens_andel_procent: int | None
    eget_kapital_kr: int | None
    tak_eget_kapital_kr: int | None
    deltagare: Count
    kostnad_per_deltagare_kr: int | None
    avslutade_per_kon: dict[str, Count]
    indikatorer_som_natt_malet: int
    indikatorer_med_mal: int


class OpenDataRow(Schema):
    indikator: str
    forbund: str
    ar: int
    kon: str
    varde: Count


class Problem(Schema):
    detail: str
