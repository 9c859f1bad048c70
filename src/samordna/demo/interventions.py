"""The demo's insatser, meetings and decisions, as the seed plans state them.

Names, kinds, periods and amounts are the plans'; the budget per year is the plan's budget
line. The plans do not say which members perform each insats: the demo names the
municipality an insats is named after with Försäkringskassan and Arbetsförmedlingen, and
otherwise every member (docs/demo.md says so). Decisions carry the dates the plans give
and no paragraph, since none is printed.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from samordna.associations.models import Association
from samordna.core.intervention_file import match_member
from samordna.interventions.models import (
    Decision,
    Intervention,
    InterventionBudget,
    InterventionGoal,
    Meeting,
    StatusChange,
)

ALL = ("*",)


def _insats(name: str, kind: str, budget: dict[int, int], **extra: Any) -> dict[str, Any]:
    return {"name": name, "kind": kind, "budget": budget, **extra}


# slug -> board meetings the plan names, with what was decided there.
MEETINGS: dict[str, list[tuple[date, list[tuple[str, str, str]]]]] = {
    "trollhattan-lilla-edet-grastorp": [
        (date(2019, 11, 28), []),  # the budget's decision is registered when it is decided
    ],
    "sodra-roslagen": [
        (
            date(2015, 2, 4),
            [
                ("beviljad", "Frukostmöten – ett gemensamt forum för tjänstemän", ""),
                ("beviljad", "Rådgivande teamet", ""),
                (
                    "ovrigt",
                    "",
                    "Förbundet prioriterar vid behov unga vuxna med komplex "
                    "situation (16–35 år). Utredningen ”Insatser inom Samordningsförbundet” antas.",
                ),
            ],
        ),
        (
            date(2015, 3, 18),
            [
                (
                    "ovrigt",
                    "",
                    "Förbundschefen får i uppdrag att kartlägga behov hos "
                    "medlemmarna och att arbeta vidare med en kommande ESF-utlysning.",
                ),
            ],
        ),
        (date(2015, 11, 11), []),
    ],
}

# slug -> the insatser. `line` is the plan's budget line when it differs from the name;
# `granted` the date of the decision (a meeting above) or of the budget that funds it.
INTERVENTIONS: dict[str, list[dict[str, Any]]] = {
    "vanersborg-mellerud": [
        _insats(
            "Projekt samverkansgrupp - coacher",
            "individual",
            {2008: 1_650_000, 2009: 1_500_000, 2010: 1_500_000},
            status="pagaende",
        ),
        _insats(
            "Projekt Arbetsprövning/Träningsverkstaden",
            "individual",
            {2008: 1_168_000, 2009: 600_000},
            status="pagaende",
        ),
        _insats(
            "Projekt Arbetsliv Rehabiliteringskedjan",
            "individual",
            {2008: 300_000, 2009: 300_000},
            status="pagaende",
        ),
        _insats(
            "Kunskaps/kompetensutvecklingsinsatser",
            "structural",
            {2008: 200_000, 2009: 200_000, 2010: 200_000},
            status="pagaende",
        ),
        _insats(
            "Utvärdering/uppföljning av verksamhet",
            "structural",
            {2008: 225_000, 2009: 275_000, 2010: 275_000},
            status="pagaende",
        ),
    ],
    "trollhattan-lilla-edet-grastorp": [
        _insats(
            "Friska vindar 2.0 Trollhättan",
            "individual",
            {2020: 2_400_000, 2021: 2_900_000, 2022: 2_900_000},
            period=(date(2020, 1, 1), date(2021, 12, 31)),
            members=("Trollhättans Stad", "FK", "AF"),
        ),
        _insats(
            "Ny Samverkansinsats Lilla Edet",
            "individual",
            {2020: 1_100_000, 2021: 1_100_000, 2022: 1_100_000},
            period=(date(2020, 1, 1), date(2021, 12, 31)),
            members=("Lilla Edets kommun", "FK", "AF"),
        ),
        _insats(
            "Case manager / Samverkansinsats Grästorp",
            "individual",
            {2020: 300_000, 2021: 300_000, 2022: 300_000},
            period=(date(2020, 1, 1), date(2020, 12, 31)),
            members=("Grästorps kommun", "FK", "AF"),
        ),
        _insats(
            "ALL-IN",
            "individual",
            {2020: 11_800_000, 2021: 11_500_000, 2022: 380_000},
            period=(date(2020, 1, 1), date(2022, 2, 28)),
            esf=True,
            cofinancing="Europeiska socialfonden (ESF ALL-IN)",
        ),
        _insats(
            "Friska Vindar, förlängn metod",
            "individual",
            {2020: 2_000_000},
            period=(date(2020, 3, 1), date(2021, 2, 28)),
            members=("Trollhättans Stad", "FK", "AF"),
            esf=True,
            cofinancing="Europeiska socialfonden (ESF Friska Vindar)",
        ),
        _insats(
            "Ny insats HR Lilla Edet",
            "individual",
            {2020: 65_000},
            period=(date(2020, 1, 1), date(2020, 6, 30)),
            members=("Lilla Edets kommun", "FK", "AF"),
            target_group="Anställda i Lilla Edets kommun (friskvårdsprojekt)",
        ),
        _insats(
            "Jämställdhetsintegrering", "structural", {2020: 130_000, 2021: 130_000, 2022: 130_000}
        ),
        _insats(
            "Kunskap och kompetensutveckling",
            "structural",
            {2020: 300_000, 2021: 300_000, 2022: 300_000},
        ),
        _insats(
            "Uppföljning Utvärdering", "structural", {2020: 100_000, 2021: 100_000, 2022: 100_000}
        ),
        _insats("Information och övrigt", "structural", {2020: 30_000, 2021: 30_000, 2022: 30_000}),
    ],
    "sodra-roslagen": [
        _insats(
            "Frukostmöten – ett gemensamt forum för tjänstemän",
            "structural",
            {2016: 30_000, 2017: 50_000},
            line="Pågående strukturell insats",
            period=(date(2015, 2, 4), None),
            granted=date(2015, 2, 4),
            target_group="Tjänstemän hos medlemmarna",
            goals=[
                (
                    "Fler handläggare ska uppleva en ökad kunskap om de andra myndigheternas "
                    "insatser riktade till medborgaren.",
                    "",
                )
            ],
        ),
        _insats(
            "Rådgivande teamet",
            "individual",
            {2016: 1_930_000, 2017: 1_520_000},
            line="Pågående operativ insats",
            period=(date(2015, 2, 4), date(2017, 6, 30)),
            granted=date(2015, 2, 4),
            target_group="Unga vuxna med komplex situation (16–35 år)",
            goals=[("Minst 50 individer tar del av den finansierade insatsen.", "50 deltagare")],
            planned=50,
        ),
    ],
}

# The budget that funds the 002 insatser (the plan names no separate decisions).
FUNDED_BY_BUDGET = {"trollhattan-lilla-edet-grastorp": date(2019, 11, 28)}


def load_interventions(association: Association) -> None:
    """The seed plan's meetings, decisions and insatser, unless the förbund has insatser."""
    if association.interventions.exists() or association.slug not in INTERVENTIONS:
        return
    for data in INTERVENTIONS[association.slug]:
        _create(association, data)
    for when, decided in MEETINGS.get(association.slug, []):
        meeting = Meeting.objects.create(association=association, date=when)
        for kind, insats, text in decided:
            _decide(association, meeting, kind, insats, text)
    funded_on = FUNDED_BY_BUDGET.get(association.slug)
    if funded_on:
        for intervention in association.interventions.all():
            _grant(intervention, funded_on, None, "Medel anslås i verksamhetsplan och budget.")


def line_labels(association: Association) -> dict[str, Intervention]:
    """The plan's budget line label -> the insats it funds."""
    by_name = {i.name: i for i in association.interventions.all()}
    return {
        data.get("line", data["name"]): by_name[data["name"]]
        for data in INTERVENTIONS.get(association.slug, [])
        if data["name"] in by_name
    }


def _create(association: Association, data: dict[str, Any]) -> None:
    start, end = data.get("period", (None, None))
    intervention = Intervention.objects.create(
        association=association,
        name=data["name"],
        kind=data["kind"],
        status=data.get("status", "ide"),
        start=start,
        end=end,
        target_group=data.get("target_group", ""),
        planned_participants=data.get("planned"),
        esf=data.get("esf", False),
        cofinancing=data.get("cofinancing", ""),
    )
    members = list(association.members.all())
    named = data.get("members", ALL)
    if named == ALL:
        intervention.members.set(members)
    else:
        pairs = [(m.name, m.kind) for m in members]
        chosen = {match_member(text, pairs) for text in named}
        intervention.members.set([m for m in members if m.name in chosen])
    for year, kronor in data["budget"].items():
        InterventionBudget.objects.create(intervention=intervention, year=year, amount=kronor * 100)
    for text, target in data.get("goals", []):
        InterventionGoal.objects.create(intervention=intervention, text=text, target=target)


def _decide(association: Association, meeting: Meeting, kind: str, insats: str, text: str) -> None:
    if kind == "beviljad":
        intervention = association.interventions.get(name=insats)
        _grant(intervention, meeting.date, meeting, f"Styrelsen beslutar att starta {insats}.")
        return
    Decision.objects.create(
        association=association,
        meeting=meeting,
        date=meeting.date,
        kind=kind,
        text=text,
        by_delegation=kind == "delegation",
    )


def _grant(intervention: Intervention, when: date, meeting: Meeting | None, text: str) -> None:
    decision = Decision.objects.create(
        association=intervention.association,
        meeting=meeting,
        date=when,
        kind="beviljad",
        text=text,
        intervention=intervention,
    )
    intervention.status = "pagaende"
    intervention.granted_start = intervention.start or when
    intervention.save(update_fields=["status", "granted_start"])
    StatusChange.objects.create(
        intervention=intervention, status="beviljad", date=when, decision=decision
    )
