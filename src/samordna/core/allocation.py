"""Splitting money so the parts always add up: the largest-remainder method.

Member contributions are split in two steps, as the plans do: the total into the
parties' shares (state 1/2, regions 1/4, municipalities 1/4, from the dated
parameter file), then each party's share among its members by population or by
agreed percentages.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from math import floor
from typing import Any

from samordna.core.findings import InputError
from samordna.core.money import format_amount
from samordna.core.params import Parameter, ParameterError, load

Weight = int | Fraction


def split(amount: int, weights: Sequence[Weight], unit: int = 1) -> list[int]:
    """Split `amount` (öre) in proportion to `weights`, each part a multiple of `unit`.

    Every part lies within one unit of its exact share and the parts sum exactly
    to `amount`. Whole units left after rounding down go to the largest
    remainders; ties go to the earlier weight (input order). When `amount` is not
    a multiple of `unit`, the odd öre go to the next largest remainder, so only
    one part is off the unit.
    """
    if unit <= 0:
        raise ValueError("unit must be positive")
    if not weights:
        raise ValueError("nothing to split between")
    total_weight = sum(Fraction(w) for w in weights)
    if total_weight <= 0 or any(Fraction(w) < 0 for w in weights):
        raise ValueError("weights must be non-negative with a positive sum")
    sign = -1 if amount < 0 else 1
    parts = _split_positive(abs(amount), [Fraction(w) / total_weight for w in weights], unit)
    return [sign * part for part in parts]


def _split_positive(amount: int, shares: list[Fraction], unit: int) -> list[int]:
    exact_units = [Fraction(amount, unit) * share for share in shares]
    floors = [floor(value) for value in exact_units]
    parts = [units * unit for units in floors]
    remaining = amount - sum(parts)
    order = sorted(range(len(shares)), key=lambda i: (-(exact_units[i] - floors[i]), i))
    for index in order:
        if remaining <= 0:
            break
        step = min(unit, remaining)
        parts[index] += step
        remaining -= step
    return parts


# --- Member contributions: the Finsam two-step split -----------------------------------------

KINDS = ("fk", "af", "region", "municipality")
PARTY_KEYS = ("state", "region", "municipality")  # keys of core/params/finsam_shares.toml
_STATE_NAMES = {"fk": "Försäkringskassan", "af": "Arbetsförmedlingen"}
_FIELD_TITLES = {"kind": "typ", "population": "invånare", "share": "andel", "region": "region"}


@dataclass(frozen=True)
class Party:
    """A member as the allocation sees it."""

    name: str
    kind: str  # "fk" | "af" | "region" | "municipality"
    population: int | None = None
    share: Fraction | None = None  # agreed percentage of its party's share, e.g. Fraction("74.96")
    region: str | None = None  # municipalities: the name of the region they belong to
    row: int | None = None  # the member's row in a file, for messages


@dataclass(frozen=True)
class Part:
    """One member's contribution and how it was reached."""

    party: Party
    amount: int  # öre
    exact: Fraction  # öre: the exact share of its party's (rounded) amount, before rounding
    percent_of_total: Fraction  # amount / total * 100
    basis: str  # Swedish: "Kommunernas andel 1/4 = 1 789 000 kr × 74,96 % (avtalad andel)"


@dataclass(frozen=True)
class Allocation:
    """A total split between the members: parts in input order, with notes and the source."""

    total: int
    unit: int
    when: date
    parts: tuple[Part, ...]
    party_totals: dict[str, int]  # "state", "region", "municipality" -> öre
    notes: tuple[str, ...]
    source: str


class AllocationError(InputError):
    """Members or an amount that cannot be allocated; the Swedish message names the member.

    `fields` are the member's fields to blame, likeliest first ("population",
    "share", "region", "kind"), so a file reader can name the column as written.
    """

    def __init__(self, message: str, party: Party | None = None, *fields: str) -> None:
        row = party.row if party else None
        column = _FIELD_TITLES[fields[0]] if row and fields else None
        super().__init__(message, row=row, column=column)
        self.fields = fields


@dataclass(frozen=True)
class _Weighting:
    """How one party's amount is shared among its members (indices into the parties)."""

    members: tuple[int, ...]
    weights: tuple[Fraction, ...]
    terms: tuple[str, ...]  # per member: "74,96 % (avtalad andel)", "49 512 av 66 073 invånare"
    label: str  # "Kommunernas andel 1/4"
    notes: tuple[str, ...] = ()


def allocate(parties: Sequence[Party], total: int, unit: int = 100, *, when: date) -> Allocation:
    """Split `total` öre between the members: by the law's shares, then within each party.

    Every amount is a multiple of `unit` öre (100 = whole kronor) when the total
    is. Raises AllocationError (Swedish) when the members cannot share the total. `when` picks
    the shares in force; the caller passes it (today comes in from the view or command).
    """
    _check_input(parties, total, unit)
    parameter, in_force = _in_force(when)
    shares = _party_shares(in_force)
    party_totals = dict(zip(PARTY_KEYS, split(total, list(shares.values()), unit), strict=True))
    weightings = {key: _WEIGHTINGS[key](parties, shares[key]) for key in PARTY_KEYS}
    parts = _parts(parties, total, party_totals, weightings, unit)
    notes = _notes(in_force, weightings, parts, total, unit)
    return Allocation(total, unit, when, parts, party_totals, notes, parameter.source)


def total_from_state_half(state_amount: int, when: date) -> int:
    """The whole total when the state pays `state_amount` öre (a state share of 1/2: twice it)."""
    total = state_amount / _party_shares(_in_force(when)[1])["state"]
    if total.denominator != 1:
        raise AllocationError(
            f"Statens andel {format_amount(state_amount)} ger ingen total i hela ören."
        )
    return int(total)


def party_shares(when: date) -> dict[str, Fraction]:
    """The law's share of each party (state, region, municipality) in force on `when`."""
    return _party_shares(_in_force(when)[1])


def shares_text(when: date, regions: int = 1) -> str:
    """The law's split in words, from the parameter file in force on `when`, with its source;
    with several regions their quarter is theirs together, split like the municipalities'."""
    parameter, in_force = _in_force(when)
    shares = _party_shares(in_force)
    region = "regionerna" if regions > 1 else "regionen"
    split_by = "Regionernas och kommunernas" if regions > 1 else "Kommunernas"
    return (
        f"Staten betalar {shares['state']}, {region} {shares['region']} och kommunerna "
        f"{shares['municipality']} av förbundets medlemsbidrag ({parameter.source}). "
        f"{split_by} del fördelas efter invånarantal eller avtalad andel."
    )


def law_title(when: date) -> str:
    """The law's title as running text writes it, from the parameter file in force on `when`."""
    return str(_in_force(when)[1]["law"])


def format_percent(value: Fraction, decimals: int = 2, *, trim: bool = False) -> str:
    """Swedish percent: Fraction("74.96") -> "74,96 %"; `trim` drops trailing zeros ("40 %")."""
    return f"{_decimal_text(value, decimals, trim)} %"


def _decimal_text(value: Fraction, decimals: int, trim: bool) -> str:
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    text = f"{exact.quantize(Decimal(1).scaleb(-decimals), ROUND_HALF_UP):f}"
    if trim and "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", ",")


def _in_force(when: date) -> tuple[Parameter, dict[str, Any]]:
    parameter = load("finsam_shares")
    try:
        return parameter, parameter.at(when)
    except ParameterError as error:
        raise AllocationError(str(error)) from error


def _party_shares(in_force: dict[str, Any]) -> dict[str, Fraction]:
    return {key: Fraction(in_force[key]) for key in PARTY_KEYS}


def _check_input(parties: Sequence[Party], total: int, unit: int) -> None:
    if total < 0:
        raise AllocationError(f"Totalen {format_amount(total)} är negativ och kan inte fördelas.")
    if unit <= 0:
        raise AllocationError("Avrundningen måste vara ett positivt antal öre.")
    for party in parties:
        if party.kind not in KINDS:
            raise AllocationError(
                f"{party.name} har den okända typen ”{party.kind}”.", party, "kind"
            )
    _check_regions_named(parties)


def _check_regions_named(parties: Sequence[Party]) -> None:
    regions = {_fold(party.name) for party in _of_kind(parties, "region")}
    for town in _of_kind(parties, "municipality"):
        if town.region and _fold(town.region) not in regions:
            names = ", ".join(party.name for party in _of_kind(parties, "region")) or "inga"
            raise AllocationError(
                f"{town.name} hör till regionen ”{town.region}”, men ingen medlem av typen region "
                f"heter så. Regioner bland medlemmarna: {names}.",
                town,
                "region",
            )


def _state_weighting(parties: Sequence[Party], share: Fraction) -> _Weighting:
    members = [i for i, party in enumerate(parties) if party.kind in _STATE_NAMES]
    if not members:
        raise AllocationError(
            "Bland medlemmarna finns varken Försäkringskassan eller Arbetsförmedlingen, "
            f"men statens andel ({share}) måste betalas av någon av dem."
        )
    _refuse_twice([parties[i] for i in members])
    if len(members) == 1:
        return _whole(members, f"Statens samlade andel {share}")
    half = Fraction(1, 2)
    term = "1/2 (Försäkringskassan och Arbetsförmedlingen lika)"
    return _Weighting(tuple(members), (half, half), (term, term), f"Statens andel {share}")


def _refuse_twice(state: list[Party]) -> None:
    seen: set[str] = set()
    for party in state:
        if party.kind in seen:
            raise AllocationError(
                f"{_STATE_NAMES[party.kind]} står med två gånger (här som ”{party.name}”); statens "
                "andel delas mellan en Försäkringskassan och en Arbetsförmedlingen.",
                party,
                "kind",
            )
        seen.add(party.kind)


def _region_weighting(parties: Sequence[Party], share: Fraction) -> _Weighting:
    members = _indices(parties, "region", f"regionernas andel ({share}) måste betalas av en region")
    if len(members) == 1:
        return _whole(members, f"Regionens andel {share}")
    label = f"Regionernas andel {share}"
    if any(parties[i].share is not None for i in members):
        return _by_share(parties, members, label, "Regionernas")
    purpose = "för att fördela regionernas andel efter invånarna i regionernas kommuner"
    towns = [_town_with_region(town, purpose) for town in _of_kind(parties, "municipality")]
    people = [_region_population(parties[i], towns) for i in members]
    return _by_count(members, people, label, "invånare i regionens kommuner")


def _municipality_weighting(parties: Sequence[Party], share: Fraction) -> _Weighting:
    members = _indices(
        parties, "municipality", f"kommunernas andel ({share}) måste betalas av en kommun"
    )
    label = f"Kommunernas andel {share}"
    if len(members) == 1:
        return _whole(members, label)
    if any(parties[i].share is not None for i in members):
        return _by_share(parties, members, label, "Kommunernas")
    people = [_population(parties[i], "för att fördela kommunernas andel") for i in members]
    return _by_count(members, people, label, "invånare")


_WEIGHTINGS = {
    "state": _state_weighting,
    "region": _region_weighting,
    "municipality": _municipality_weighting,
}


def _indices(parties: Sequence[Party], kind: str, why: str) -> list[int]:
    members = [i for i, party in enumerate(parties) if party.kind == kind]
    if not members:
        word = "region" if kind == "region" else "kommun"
        raise AllocationError(f"Bland medlemmarna finns ingen {word}, men {why}.")
    return members


def _whole(members: list[int], label: str) -> _Weighting:
    return _Weighting(tuple(members), (Fraction(1),), ("",), label)


def _by_share(parties: Sequence[Party], members: list[int], label: str, whose: str) -> _Weighting:
    shares = [_share(parties[i]) for i in members]
    total = sum(shares, Fraction(0))
    if total <= 0:
        raise AllocationError(f"{whose} avtalade andelar summerar till 0 %; inget kan fördelas.")
    if total == 100:
        terms = tuple(f"{format_percent(s, trim=True)} (avtalad andel)" for s in shares)
        return _Weighting(tuple(members), tuple(shares), terms, label)
    whole = format_percent(total, trim=True)
    terms = tuple(
        f"{_decimal_text(s, 2, True)} av {whole} (avtalad andel, omräknad)" for s in shares
    )
    note = (
        f"{whose} avtalade andelar summerar till {whole}, inte 100 %; "
        "de har räknats om i proportion så att de tillsammans blir 100 %."
    )
    return _Weighting(tuple(members), tuple(shares), terms, label, (note,))


def _share(party: Party) -> Fraction:
    if party.share is None:
        raise AllocationError(
            f"{party.name} saknar avtalad andel, men andra medlemmar av samma typ har en. "
            "Ange en andel för alla eller för ingen.",
            party,
            "share",
        )
    if party.share < 0:
        raise AllocationError(f"{party.name} har en negativ andel.", party, "share")
    return Fraction(party.share)


def _town_with_region(town: Party, purpose: str) -> Party:
    if not town.region:
        raise AllocationError(
            f"{town.name} anger ingen region. Med flera regioner och utan avtalade andelar "
            "fördelas regionernas andel efter invånarna i varje regions kommuner, så varje kommun "
            "måste ange sin region.",
            town,
            "region",
        )
    _population(town, purpose)
    return town


def _region_population(region: Party, towns: list[Party]) -> int:
    people = sum(
        town.population or 0 for town in towns if _fold(town.region or "") == _fold(region.name)
    )
    if people <= 0:
        raise AllocationError(
            f"Regionen {region.name} får vikten 0: ingen kommun med invånare anger den som sin "
            "region. Ange regionen för dess kommuner, eller en avtalad andel för varje region.",
            region,
            "share",
        )
    return people


def _population(party: Party, purpose: str) -> int:
    if party.population is None:
        raise AllocationError(
            f"{party.name} har varken invånarantal eller avtalad andel; "
            f"invånarantalet behövs {purpose}.",
            party,
            "population",
            "share",
        )
    if party.population < 0:
        raise AllocationError(f"{party.name} har ett negativt invånarantal.", party, "population")
    return party.population


def _by_count(members: list[int], counts: list[int], label: str, what: str) -> _Weighting:
    total = sum(counts)
    if total <= 0:
        raise AllocationError(
            f"{label}: det sammanlagda invånarantalet är 0, så inget kan fördelas."
        )
    terms = tuple(f"{_count(count)} av {_count(total)} {what}" for count in counts)
    return _Weighting(tuple(members), tuple(Fraction(c) for c in counts), terms, label)


def _parts(
    parties: Sequence[Party],
    total: int,
    party_totals: dict[str, int],
    weightings: dict[str, _Weighting],
    unit: int,
) -> tuple[Part, ...]:
    found: dict[int, Part] = {}
    for key, weighting in weightings.items():
        amount = party_totals[key]
        whole = sum(weighting.weights, Fraction(0))
        amounts = split(amount, weighting.weights, unit)
        rows = zip(weighting.members, weighting.weights, weighting.terms, amounts, strict=True)
        for index, weight, term, part in rows:
            basis = _basis(weighting.label, term, amount, total)
            found[index] = Part(
                parties[index], part, amount * weight / whole, _percent(part, total), basis
            )
    return tuple(found[index] for index in range(len(parties)))


def _basis(label: str, term: str, party_total: int, total: int) -> str:
    if not term:
        return f"{label} av {format_amount(total)}"
    return f"{label} = {format_amount(party_total)} × {term}"


def _percent(amount: int, total: int) -> Fraction:
    return Fraction(amount * 100, total) if total else Fraction(0)


def _notes(
    in_force: dict[str, Any],
    weightings: dict[str, _Weighting],
    parts: tuple[Part, ...],
    total: int,
    unit: int,
) -> tuple[str, ...]:
    shares = _party_shares(in_force)
    notes = [
        f"Parternas andelar enligt lag: staten {shares['state']}, regionerna {shares['region']}, "
        f"kommunerna {shares['municipality']} (gäller från {in_force['from']})."
    ]
    state = weightings["state"].members
    if len(state) == 1 and parts[state[0]].party.kind == "fk" and in_force.get("note"):
        notes.append(str(in_force["note"]))
    notes += [note for weighting in weightings.values() for note in weighting.notes]
    notes.append(_rounding_note(unit))
    notes += _odd_ore_note(parts, total, unit)
    return tuple(notes)


def _rounding_note(unit: int) -> str:
    return (
        f"Varje belopp är avrundat till {format_amount(unit)} med största restmetoden, så delarna "
        "summerar exakt till totalen; vid lika rester går avrundningen uppåt till den som står "
        "först i listan."
    )


def _odd_ore_note(parts: tuple[Part, ...], total: int, unit: int) -> list[str]:
    if total % unit == 0:
        return []
    odd = next(part for part in parts if part.amount % unit)
    return [
        f"Totalen är inte jämnt delbar med {format_amount(unit)}; resten "
        f"{format_amount(total % unit)} ligger hos {odd.party.name}."
    ]


def _of_kind(parties: Sequence[Party], kind: str) -> list[Party]:
    return [party for party in parties if party.kind == kind]


def _fold(name: str) -> str:
    return " ".join(name.casefold().split())


def _count(value: int) -> str:
    """A count with Swedish thousands spaces, grouped as money is: 66073 -> "66 073"."""
    return format_amount(value * 100, suffix=False)
