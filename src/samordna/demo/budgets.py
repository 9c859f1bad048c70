"""The demo's budgets: each seed plan's budget table, imported as the plan prints it.

The files in files/ are the plans' tables in the budget file format (the same
as ../shared/examples). A plan that says when the board decided it is decided here
with that date; the plans give no paragraph, so none is invented.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from samordna.associations.models import Association
from samordna.audit import bulk
from samordna.budgets import services
from samordna.core.budget_file import budget_from_table
from samordna.demo.interventions import line_labels
from samordna.economy.models import Frame
from samordna.tables import read_table

FILES = Path(__file__).parent / "files"

# Equity at the start of each seed budget's first year (kronor): 000 carries 2007's surplus of
# 2 550 tkr (spread as 850 a year), 004 the 1 589 tkr it plans to draw in 2016; 002 states none.
OPENING_EQUITY = {"vanersborg-mellerud": 2_550_000, "sodra-roslagen": 1_589_000}

# slug -> (file, budget name, decision date and by whom, or None for a förslag)
BUDGETS = {
    "vanersborg-mellerud": (
        "budget-000-vanersborg-2008.csv",
        "Budget 2008 med plan 2009–2010",
        None,
    ),
    "trollhattan-lilla-edet-grastorp": (
        "budget-002-trollhattan-2020.csv",
        "Budget 2020 med plan 2021–2022",
        (date(2019, 11, 28), "Styrelsen"),  # "Beslutad vid styrelsemöte den 28 november 2019"
    ),
    "sodra-roslagen": (
        "budget-004-sodra-roslagen-2016.csv",
        "Budget 2016 med plan 2017",
        (date(2015, 11, 11), "Styrelsen"),  # "Beslutad av styrelsen 2015-11-11"
    ),
}


# Lines that are money for insatser not yet decided: grants are paid from them.
POOLS = {"trollhattan-lilla-edet-grastorp": ("Nya insatser",)}


# Seed 004, section 6.3: äskning and the state's allocation model (kronor).
FRAMES: dict[str, list[dict[str, Any]]] = {
    "sodra-roslagen": [
        {"year": 2015, "requested_total": 2_440_000, "carried_equity": 1_200_000},
        {
            "year": 2016,
            "requested_total": 2_800_000,
            "requested_carried": 1_004_000,
            "allocated_state": 1_064_000,
            "carried_equity": 1_589_000,
            "note": "Planens kolumn för äskningen fördelar kommunernas fjärdedel med 9,75 % och "
            "15,26 % (273 och 427 tkr); med de avtalade andelarna 40/60 blir det 280 och 420 tkr.",
        },
    ],
}


def load_frames(association: Association) -> None:
    """The requested and allocated frames of the seed plans, unless the förbund has any."""
    if association.frames.exists():
        return
    for data in FRAMES.get(association.slug, []):
        amounts = {key: value * 100 for key, value in data.items() if key not in ("year", "note")}
        Frame.objects.create(
            association=association, year=data["year"], note=data.get("note", ""), **amounts
        )


# Seed 004 prints the plan (VP) and the forecast of 2015 beside the budget 2016 (section 6.4).
EARLIER = {
    "sodra-roslagen": [
        ("plan-004-sodra-roslagen-2015.csv", "Verksamhetsplan 2015 (VP 2015)", False),
        ("forecast-004-sodra-roslagen-2015.csv", "Prognos/utfall 2015", True),
    ],
}


def load_budgets(association: Association) -> None:
    """Import the seed budgets of `association` unless it already has a budget."""
    if association.slug not in BUDGETS or association.budgets.exists():
        return
    for filename, name, is_forecast in EARLIER.get(association.slug, []):
        services.import_budget(
            association,
            budget_from_table(read_table(FILES / filename)),
            name,
            user=None,
            is_forecast=is_forecast,
        )
    filename, name, decision = BUDGETS[association.slug]
    budget = services.import_budget(
        association, budget_from_table(read_table(FILES / filename)), name, user=None
    )
    version = budget.versions.get()
    for label, intervention in line_labels(association).items():
        bulk.update(version.lines.filter(label=label, kind="line"), intervention=intervention)
    pools = version.lines.filter(label__in=POOLS.get(association.slug, ()), kind="line")
    bulk.update(pools, is_pool=True)
    if association.slug in OPENING_EQUITY:
        budget.opening_equity = OPENING_EQUITY[association.slug] * 100
        budget.save(update_fields=["opening_equity"])
    if decision:
        decided_on, decided_by = decision
        services.decide(
            budget.versions.get(),
            services.Decision(decided_on, "", decided_by, "Verksamhetsplan och budget"),
        )
