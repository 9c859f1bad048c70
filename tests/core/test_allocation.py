"""Member contributions: the law's shares, then each party's split, always adding up exactly."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from samordna.core.allocation import (
    AllocationError,
    Party,
    allocate,
    format_percent,
    split,
    total_from_state_half,
)
from samordna.core.params import load

KR = 100
TKR = 100_000
Y2020 = date(2020, 1, 1)

FK = Party("Försäkringskassan", "fk")
AF = Party("Arbetsförmedlingen", "af")
VGR = Party("Västra Götalandsregionen", "region")
SLL = Party("Stockholms läns landsting", "region")

# Seed 002: the plan's municipal amounts as percentages of the municipal quarter.
TROLLHATTAN = [
    FK,
    AF,
    VGR,
    Party("Trollhättans Stad", "municipality", share=Fraction("74.96")),
    Party("Lilla Edets kommun", "municipality", share=Fraction("18.05")),
    Party("Grästorps kommun", "municipality", share=Fraction("6.99")),
]

# Seed 004: FK pays the state's whole half. The plan's amounts (213/532 tkr in 2016,
# 304/760 tkr in 2017) are 40 % and 60 % of the municipal quarter, so those are the shares
# used here. The populations (about 41 700 and 67 400) would give 203/329 tkr instead.
SODRA_ROSLAGEN = [
    FK,
    SLL,
    Party("Österåkers kommun", "municipality", population=41_729, share=Fraction(40)),
    Party("Täby kommun", "municipality", population=67_391, share=Fraction(60)),
]

# A förbund spanning two regions: each region's quarter by its own municipalities' people.
TWO_REGIONS = [
    FK,
    AF,
    Party("Region Värmland", "region"),
    Party("Västra Götalandsregionen", "region"),
    Party("Årjängs kommun", "municipality", population=10_000, region="Region Värmland"),
    Party("Bengtsfors kommun", "municipality", population=9_000, region="västra götalandsregionen"),
    Party("Dals-Eds kommun", "municipality", population=5_000, region="Västra Götalandsregionen"),
]


def kronor_by_name(allocation) -> dict[str, int]:
    return {part.party.name: part.amount // KR for part in allocation.parts}


# --- The plans' worked examples -------------------------------------------------------------


def test_seed_002_gives_the_plans_amounts():
    allocation = allocate(TROLLHATTAN, 7_156_000 * KR, unit=1000 * KR, when=Y2020)
    assert kronor_by_name(allocation) == {
        "Försäkringskassan": 1_789_000,
        "Arbetsförmedlingen": 1_789_000,
        "Västra Götalandsregionen": 1_789_000,
        "Trollhättans Stad": 1_341_000,
        "Lilla Edets kommun": 323_000,
        "Grästorps kommun": 125_000,
    }


@pytest.mark.parametrize(
    ("year", "total", "expected"),
    [
        (2016, 2_128_000, [1_064_000, 532_000, 213_000, 319_000]),
        (2017, 3_040_000, [1_520_000, 760_000, 304_000, 456_000]),
    ],
)
def test_seed_004_gives_the_plans_amounts_with_fk_paying_the_state_half(year, total, expected):
    allocation = allocate(SODRA_ROSLAGEN, total * KR, unit=TKR, when=date(year, 1, 1))
    assert [part.amount // KR for part in allocation.parts] == expected
    assert allocation.parts[0].basis.startswith("Statens samlade andel 1/2")


def test_two_regions_split_their_quarter_by_their_own_municipalities_population():
    allocation = allocate(TWO_REGIONS, 2_400_000 * KR, unit=KR, when=Y2020)
    amounts = kronor_by_name(allocation)
    assert amounts["Region Värmland"] == 250_000  # 10 000 of 24 000 people
    assert amounts["Västra Götalandsregionen"] == 350_000  # 9 000 + 5 000 of 24 000
    assert [amounts[n] for n in ("Årjängs kommun", "Bengtsfors kommun", "Dals-Eds kommun")] == [
        250_000,
        225_000,
        125_000,
    ]
    assert "14 000 av 24 000 invånare" in allocation.parts[3].basis


def test_several_regions_with_agreed_shares_use_the_shares():
    regions = [
        Party("Region A", "region", share=Fraction(30)),
        Party("Region B", "region", share=Fraction(70)),
    ]
    town = Party("Kommunen", "municipality")
    allocation = allocate([FK, *regions, town], 4_000_000 * KR, unit=KR, when=Y2020)
    assert [part.amount // KR for part in allocation.parts[1:3]] == [300_000, 700_000]


# --- What the allocation says -------------------------------------------------------------


def test_the_parties_get_the_shares_of_the_parameter_file():
    allocation = allocate(TROLLHATTAN, 7_156_000 * KR, when=Y2020)
    assert allocation.party_totals == {
        "state": 3_578_000 * KR,
        "region": 1_789_000 * KR,
        "municipality": 1_789_000 * KR,
    }
    assert allocation.source == load("finsam_shares").source
    assert "2003:1210" in allocation.source
    assert any("staten 1/2, regionerna 1/4, kommunerna 1/4" in note for note in allocation.notes)


def test_each_part_explains_its_basis_in_swedish():
    allocation = allocate(TROLLHATTAN, 7_156_000 * KR, unit=1000 * KR, when=Y2020)
    assert (
        allocation.parts[3].basis
        == "Kommunernas andel 1/4 = 1 789 000 kr × 74,96 % (avtalad andel)"
    )
    assert allocation.parts[2].basis == "Regionens andel 1/4 av 7 156 000 kr"
    assert "Försäkringskassan och Arbetsförmedlingen lika" in allocation.parts[0].basis


def test_municipalities_without_shares_split_by_population():
    towns = [
        Party("Vänersborgs kommun", "municipality", population=49_512),
        Party("Melleruds kommun", "municipality", population=16_561),
    ]
    allocation = allocate([FK, AF, VGR, *towns], 4_000_000 * KR, unit=KR, when=Y2020)
    # 1 000 000 kr × 49 512 / 66 073 = 749 352,99 kr; × 16 561 / 66 073 = 250 647,01 kr
    assert [part.amount // KR for part in allocation.parts[3:]] == [749_353, 250_647]
    assert allocation.parts[3].basis.endswith("× 49 512 av 66 073 invånare")


def test_percent_of_total_is_the_rounded_amount_over_the_total():
    allocation = allocate(TROLLHATTAN, 7_156_000 * KR, unit=1000 * KR, when=Y2020)
    assert allocation.parts[0].percent_of_total == 25
    assert format_percent(allocation.parts[3].percent_of_total) == "18,74 %"
    assert sum(part.percent_of_total for part in allocation.parts) == 100


def test_fk_alone_carries_the_state_half_and_the_note_says_so():
    allocation = allocate(SODRA_ROSLAGEN, 2_128_000 * KR, unit=TKR, when=date(2016, 1, 1))
    assert any("även står för Arbetsförmedlingens del" in note for note in allocation.notes)


def test_af_alone_carries_the_state_half_too():
    allocation = allocate([AF, VGR, Party("K", "municipality")], 400 * KR, unit=KR, when=Y2020)
    assert [part.amount // KR for part in allocation.parts] == [200, 100, 100]


def test_shares_not_adding_to_100_are_scaled_and_a_note_says_so():
    # Seed 004's percentage column gives the municipalities 9,75 % and 15,26 % of the total
    # (50 + 25 + 9,75 + 15,26 = 100,01 %); typed as shares of the quarter they sum to 25,01 %.
    towns = [
        Party("Österåkers kommun", "municipality", share=Fraction("9.75")),
        Party("Täby kommun", "municipality", share=Fraction("15.26")),
    ]
    allocation = allocate([FK, SLL, *towns], 2_128_000 * KR, unit=TKR, when=date(2016, 1, 1))
    assert [part.amount // KR for part in allocation.parts[2:]] == [207_000, 325_000]
    assert any("summerar till 25,01 %, inte 100 %" in note for note in allocation.notes)
    assert "9,75 av 25,01 %" in allocation.parts[2].basis


def test_the_rounding_note_names_the_method_and_the_tie_rule():
    notes = " ".join(allocate(TROLLHATTAN, 7_156_000 * KR, unit=1000 * KR, when=Y2020).notes)
    assert "största restmetoden" in notes and "först i listan" in notes


def test_ties_go_to_the_member_listed_first():
    towns = [Party(name, "municipality", population=1) for name in ("A", "B", "C")]
    allocation = allocate([FK, VGR, *towns], 4_000 * KR, unit=100 * KR, when=Y2020)
    assert [part.amount // KR for part in allocation.parts[2:]] == [400, 300, 300]


def test_a_total_with_odd_ore_puts_them_on_one_member_and_says_who():
    allocation = allocate(TROLLHATTAN, 7_156_000 * KR + 50, unit=1000 * KR, when=Y2020)
    odd = [part for part in allocation.parts if part.amount % (1000 * KR)]
    assert len(odd) == 1
    assert sum(part.amount for part in allocation.parts) == 7_156_000 * KR + 50
    assert any(f"ligger hos {odd[0].party.name}" in note for note in allocation.notes)


def test_a_lone_municipality_needs_neither_population_nor_share():
    allocation = allocate([FK, AF, VGR, Party("Kommunen", "municipality")], 800 * KR, when=Y2020)
    assert allocation.parts[3].amount == 200 * KR


def test_a_zero_total_gives_zero_to_everyone():
    allocation = allocate(TROLLHATTAN, 0, when=Y2020)
    assert {part.amount for part in allocation.parts} == {0}


def test_the_total_follows_from_the_state_half():
    assert total_from_state_half(3_578_000 * KR, Y2020) == 7_156_000 * KR


# --- Refusals, in Swedish, naming the member (and its row when it came from a file) -------


def refusal(parties, total: int = 1_000_000 * KR) -> AllocationError:
    with pytest.raises(AllocationError) as caught:
        allocate(parties, total, when=Y2020)
    return caught.value


def test_it_refuses_members_without_a_municipality():
    assert "ingen kommun" in str(refusal([FK, AF, VGR]))


def test_it_refuses_members_without_a_region():
    assert "ingen region" in str(refusal([FK, AF, Party("K", "municipality")]))


def test_it_refuses_members_without_anyone_to_pay_the_state_share():
    assert "varken Försäkringskassan eller Arbetsförmedlingen" in str(
        refusal([VGR, Party("K", "municipality")])
    )


def test_it_refuses_fk_listed_twice():
    error = refusal([FK, Party("FK igen", "fk", row=3), VGR, Party("K", "municipality")])
    assert str(error).startswith("rad 3, kolumn typ: Försäkringskassan står med två gånger")


def test_it_refuses_a_municipality_with_neither_population_nor_share_naming_it_and_its_row():
    towns = [
        Party("Trollhättans Stad", "municipality", population=58_000, row=4),
        Party("Grästorps kommun", "municipality", row=5),
    ]
    error = refusal([FK, AF, VGR, *towns])
    assert str(error).startswith("rad 5, kolumn invånare: Grästorps kommun har varken invånarantal")
    assert error.fields == ("population", "share")


def test_without_a_row_the_message_names_only_the_member():
    towns = [Party("Trollhättans Stad", "municipality"), Party("Grästorps kommun", "municipality")]
    assert str(refusal([FK, AF, VGR, *towns])).startswith("Trollhättans Stad har varken")


def test_it_refuses_shares_for_some_municipalities_but_not_others():
    towns = [
        Party("Österåkers kommun", "municipality", population=41_000, share=Fraction(40), row=4),
        Party("Täby kommun", "municipality", population=68_000, row=5),
    ]
    error = refusal([FK, SLL, *towns])
    assert str(error).startswith("rad 5, kolumn andel: Täby kommun saknar avtalad andel")


def test_it_refuses_a_region_that_no_municipality_names():
    regions = [
        Party("Region Värmland", "region", row=3),
        Party("Västra Götalandsregionen", "region"),
    ]
    town = Party(
        "Bengtsfors kommun", "municipality", population=9_000, region="Västra Götalandsregionen"
    )
    error = refusal([FK, *regions, town])
    assert "Regionen Region Värmland får vikten 0" in str(error)
    assert error.row == 3


def test_it_refuses_a_municipality_naming_a_region_that_is_not_a_member():
    town = Party("Årjängs kommun", "municipality", region="Region Värmlnad", row=4)
    error = refusal([FK, VGR, town])
    assert str(error).startswith(
        "rad 4, kolumn region: Årjängs kommun hör till regionen ”Region Värmlnad”"
    )
    assert "Västra Götalandsregionen" in str(error)


def test_with_several_regions_by_population_each_municipality_must_name_its_region():
    regions = [Party("Region A", "region"), Party("Region B", "region")]
    towns = [
        Party("K1", "municipality", population=10, region="Region A"),
        Party("K2", "municipality", population=10, row=6),
    ]
    assert str(refusal([FK, *regions, *towns])).startswith(
        "rad 6, kolumn region: K2 anger ingen region"
    )


def test_it_refuses_a_negative_total():
    assert "negativ" in str(refusal(TROLLHATTAN, total=-100 * KR))


def test_it_refuses_an_unknown_kind():
    assert "okända typen ”stat”" in str(refusal([Party("Staten", "stat"), *TROLLHATTAN]))


def test_it_refuses_municipalities_with_no_people_at_all():
    towns = [Party("A", "municipality", population=0), Party("B", "municipality", population=0)]
    assert "invånarantalet är 0" in str(refusal([FK, VGR, *towns]))


def test_refusals_are_input_errors_so_every_surface_shows_them_the_same_way():
    from samordna.core.findings import InputError

    assert isinstance(refusal([FK, AF, VGR]), InputError)


# --- Properties: whatever the members and the total, the parts add up ------------------------

positive_weights = st.lists(
    st.one_of(
        st.integers(min_value=0, max_value=10**7),
        st.fractions(min_value=0, max_value=100, max_denominator=10_000),
    ),
    min_size=1,
    max_size=8,
).filter(lambda weights: sum(weights) > 0)
units = st.sampled_from([1, 100, 10_000, 100_000])


@given(st.integers(min_value=0, max_value=10**12), positive_weights, units)
def test_split_parts_sum_exactly_and_stay_within_one_unit(amount, weights, unit):
    parts = split(amount, weights, unit)
    assert sum(parts) == amount
    whole = sum(Fraction(w) for w in weights)
    for part, weight in zip(parts, weights, strict=True):
        assert abs(part - amount * Fraction(weight) / whole) < unit


@given(st.integers(min_value=0, max_value=10**7), positive_weights, units)
def test_split_of_a_multiple_of_the_unit_gives_multiples_of_the_unit(units_count, weights, unit):
    assert all(part % unit == 0 for part in split(units_count * unit, weights, unit))


@st.composite
def associations(draw):
    """Members of a förbund: FK and/or AF, 1–3 regions, 1–6 municipalities."""
    state = draw(st.sampled_from([[FK], [AF], [FK, AF], [AF, FK]]))
    regions = [Party(f"Region {i}", "region") for i in range(draw(st.integers(1, 3)))]
    by_share = draw(st.booleans())
    towns = [
        Party(
            f"Kommun {i}",
            "municipality",
            population=draw(st.integers(1, 1_000_000)),
            share=draw(st.fractions(0, 100, max_denominator=100)) if by_share else None,
            region=regions[i % len(regions)].name,
        )
        for i in range(draw(st.integers(len(regions), 6)))
    ]
    if by_share and sum(town.share or 0 for town in towns) == 0:
        towns[0] = Party(towns[0].name, "municipality", 1, Fraction(1), towns[0].region)
    parties = [*state, *regions, *towns]
    return draw(st.permutations(parties))


KIND_TO_PARTY = {"fk": "state", "af": "state", "region": "region", "municipality": "municipality"}


@given(associations(), st.integers(min_value=0, max_value=10**11), units)
def test_allocate_parts_and_party_totals_add_up_exactly(parties, total, unit):
    allocation = allocate(parties, total, unit, when=Y2020)
    assert [part.party for part in allocation.parts] == list(parties)
    assert sum(part.amount for part in allocation.parts) == total
    assert sum(allocation.party_totals.values()) == total
    for key, amount in allocation.party_totals.items():
        members = [p.amount for p in allocation.parts if KIND_TO_PARTY[p.party.kind] == key]
        assert sum(members) == amount


@given(associations(), st.integers(min_value=0, max_value=10**11), units)
def test_allocate_keeps_every_amount_within_one_unit_of_its_exact_share(parties, total, unit):
    allocation = allocate(parties, total, unit, when=Y2020)
    shares = load("finsam_shares").at(Y2020)
    for key, amount in allocation.party_totals.items():
        assert abs(amount - total * Fraction(shares[key])) < unit
    for part in allocation.parts:
        assert abs(part.amount - part.exact) < unit


@given(associations(), st.integers(min_value=0, max_value=10**6), units)
def test_allocate_gives_multiples_of_the_unit_when_the_total_is_one(parties, count, unit):
    allocation = allocate(parties, count * unit, unit, when=Y2020)
    assert all(part.amount % unit == 0 for part in allocation.parts)
