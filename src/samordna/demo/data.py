"""The three förbund of the reference plans (../shared/seeds/), as demo data.

Amounts are the plans' own. Where a plan does not state a figure the demo needs
(an organisationsnummer, populations), the value is marked as such in `source`
or in docs/demo.md; nothing is presented as the plan's when it is not.
"""

from __future__ import annotations

SCB_2006 = "Demovärde nära SCB:s folkmängd 31 december 2006 – kontrollera mot scb.se"
SCB_2014 = "Demovärde nära SCB:s folkmängd 31 december 2014 – kontrollera mot scb.se"
SCB_2018 = "Demovärde nära SCB:s folkmängd 31 december 2018 – kontrollera mot scb.se"

ASSOCIATIONS = [
    {
        "slug": "vanersborg-mellerud",
        "name": "Samordningsförbundet Vänersborg/Mellerud",
        "org_number": "222000-2006",  # not stated in the plan: a Luhn-valid demo number
        "formed_on": "2006-03-01",
        "address": "Vänersborg",
        "website": "",
        "members": [
            {"name": "Försäkringskassan", "kind": "fk"},
            {"name": "Arbetsförmedlingen", "kind": "af"},
            {"name": "Västra Götalandsregionen", "kind": "region"},
            {
                "name": "Vänersborgs kommun",
                "kind": "municipality",
                "region": "Västra Götalandsregionen",
                "populations": [(2006, 36_907, "2006-12-31", SCB_2006)],
            },
            {
                "name": "Melleruds kommun",
                "kind": "municipality",
                "region": "Västra Götalandsregionen",
                "populations": [(2006, 9_364, "2006-12-31", SCB_2006)],
            },
        ],
        "officers": [
            {"group": "office", "title": "Ansvarig tjänsteman (förbundschef)"},
            {
                "group": "preparatory",
                "title": "Beredningsgrupp: ansvariga chefer hos de samverkande myndigheterna",
            },
        ],
        "seats": [],
        "contributions": [
            {
                "year": 2008,
                "total": 3_750_000,
                "round_to": 1000,
                "state_shown": "split",
                "population_year": 2006,
                "stated": {},
                "note": "Planen anger ägartillskott 3 750 tkr men ingen fördelning per medlem; "
                "fördelningen här följer lagens andelar och kommunernas folkmängd 2006.",
            },
        ],
    },
    {
        "slug": "trollhattan-lilla-edet-grastorp",
        "name": "Samordningsförbundet Trollhättan, Lilla Edet och Grästorp",
        "org_number": "222000-1719",
        "formed_on": "2009-01-01",
        "address": "Österlånggatan 47\n461 83 Trollhättan",
        "website": "http://www.softleg.se",
        "members": [
            {"name": "Försäkringskassan", "kind": "fk"},
            {"name": "Arbetsförmedlingen", "kind": "af"},
            {"name": "Västra Götalandsregionen", "kind": "region"},
            {
                "name": "Trollhättans Stad",
                "kind": "municipality",
                "region": "Västra Götalandsregionen",
                "share": "74.96",
                "populations": [(2018, 58_940, "2018-12-31", SCB_2018)],
            },
            {
                "name": "Lilla Edets kommun",
                "kind": "municipality",
                "region": "Västra Götalandsregionen",
                "share": "18.05",
                "populations": [(2018, 14_112, "2018-12-31", SCB_2018)],
            },
            {
                "name": "Grästorps kommun",
                "kind": "municipality",
                "region": "Västra Götalandsregionen",
                "share": "6.99",
                "populations": [(2018, 5_691, "2018-12-31", SCB_2018)],
            },
        ],
        "officers": [
            {"group": "office", "title": "Förbundschef"},
            {
                "group": "office",
                "title": "Ekonom/uppföljningsresurs (inlånad från Trollhättans Stad)",
                "member": "Trollhättans Stad",
            },
            {
                "group": "preparatory",
                "title": "Beredningsgrupp: lokala chefstjänstemän hos medlemmarna",
            },
        ],
        "seats": [],
        "contributions": [
            {
                "year": 2020,
                "total": 7_156_000,
                "round_to": 1000,
                "state_shown": "split",
                "population_year": 2018,
                "stated": {
                    "Försäkringskassan": 1_789_000,
                    "Arbetsförmedlingen": 1_789_000,
                    "Västra Götalandsregionen": 1_789_000,
                    "Trollhättans Stad": 1_341_000,
                    "Lilla Edets kommun": 323_000,
                    "Grästorps kommun": 125_000,
                },
                "note": "Planen säger att kommunernas bidrag beräknas på invånarantal, "
                "men planens belopp "
                "går inte att återskapa ur folkmängden: kommunernas andelar (74,96 %, 18,05 %, "
                "6,99 % av kommunernas fjärdedel) är därför härledda ur planens belopp och "
                "sparade som avtalade andelar.",
            },
        ],
    },
    {
        "slug": "sodra-roslagen",
        "name": "Samordningsförbundet Södra Roslagen",
        "org_number": "222000-2733",  # a valid number from DOMAIN.md; the plan states none
        "formed_on": "2014-05-07",
        "address": "Österåker och Täby",
        "website": "http://www.samordningsforbundetsodraroslagen.se",
        "members": [
            {"name": "Försäkringskassan", "kind": "fk"},
            {"name": "Arbetsförmedlingen", "kind": "af"},
            {"name": "Stockholms läns landsting", "kind": "region"},
            {
                "name": "Österåkers kommun",
                "kind": "municipality",
                "region": "Stockholms läns landsting",
                "share": "40",
                "populations": [(2014, 41_729, "2014-12-31", SCB_2014)],
            },
            {
                "name": "Täby kommun",
                "kind": "municipality",
                "region": "Stockholms läns landsting",
                "share": "60",
                "populations": [(2014, 67_391, "2014-12-31", SCB_2014)],
            },
        ],
        "officers": [
            {"group": "office", "title": "Förbundschef", "person_name": "Sophia Dahlgren"},
            {
                "group": "preparatory",
                "title": "Beredningsgrupp: förvaltningschefer eller motsvarande",
            },
            {"group": "auditor", "title": "Kommunal revisor"},
            {
                "group": "auditor",
                "title": "Landstingets revisor",
                "member": "Stockholms läns landsting",
            },
            {"group": "auditor", "title": "Statlig revisor", "member": "Försäkringskassan"},
        ],
        "seats": [
            {"member": name, "seat": seat}
            for name in (
                "Försäkringskassan",
                "Arbetsförmedlingen",
                "Stockholms läns landsting",
                "Österåkers kommun",
                "Täby kommun",
            )
            for seat in ("regular", "deputy")
        ],
        "contributions": [
            {
                "year": 2015,
                "total": 2_440_000,
                "round_to": 1000,
                "state_shown": "combined",
                "population_year": 2014,
                "stated": {
                    "Försäkringskassan": 1_220_000,
                    "Stockholms läns landsting": 610_000,
                    "Österåkers kommun": 237_000,
                    "Täby kommun": 372_000,
                },
                "note": "Planens kolumn för 2015 summerar till 2 439 tkr men anger 2 440 tkr; "
                "kommunernas belopp följer inte andelarna 40/60 som används från 2016.",
            },
            {
                "year": 2016,
                "total": 2_128_000,
                "round_to": 1000,
                "state_shown": "combined",
                "population_year": 2014,
                "stated": {
                    "Försäkringskassan": 1_064_000,
                    "Stockholms läns landsting": 532_000,
                    "Österåkers kommun": 213_000,
                    "Täby kommun": 319_000,
                },
                "note": "Planens procentkolumn (50 + 25 + 9,75 + 15,26) summerar till 100,01 % och "
                "stämmer inte med beloppen; beloppen motsvarar 40 % och 60 % av kommunernas "
                "fjärdedel.",
            },
            {
                "year": 2017,
                "total": 3_040_000,
                "round_to": 1000,
                "state_shown": "combined",
                "population_year": 2014,
                "stated": {
                    "Försäkringskassan": 1_520_000,
                    "Stockholms läns landsting": 760_000,
                    "Österåkers kommun": 304_000,
                    "Täby kommun": 456_000,
                },
                "note": "Preliminär ram enligt planen (budget 2017).",
            },
        ],
    },
]

USERS = [
    # username, full name, {slug: role}
    ("chef", "Demo Förbundschef", {a["slug"]: "chef" for a in ASSOCIATIONS}),
    ("styrelse", "Demo Styrelseledamot", {"trollhattan-lilla-edet-grastorp": "styrelse"}),
    ("revisor", "Demo Revisor", {"sodra-roslagen": "revisor"}),
    (
        "insatspersonal",
        "Demo Insatspersonal",
        {"trollhattan-lilla-edet-grastorp": "insatspersonal"},
    ),
]
# username -> the insatser (by name) whose staff they are
STAFF = {"insatspersonal": ["Friska vindar 2.0 Trollhättan"]}
DEMO_PASSWORD = "samordna-demo"
