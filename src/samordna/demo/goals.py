"""The reference plans' own financial goals, as each förbund wrote them for its plan year.

Seed 000 (Vänersborg/Mellerud 2008) lists six goals and key figures; seed 002
(Trollhättan, Lilla Edet och Grästorp 2020) one goal in two sentences; seed 004
(Södra Roslagen 2016) sets none, so none is judged there.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from samordna.associations.models import Association
from samordna.budgets.models import FinancialGoal

GOALS: dict[str, tuple[int, list[dict[str, Any]]]] = {
    "vanersborg-mellerud": (
        2008,
        [
            {
                "measure": "balance",
                "low_amount": 0,
                "text": "En ekonomi i balans med ett positivt resultat där intäkterna överstiger "
                "kostnaderna.",
            },
            {
                "measure": "manual",
                "text": "Det egna kapitalet ska minska för att inom fem år omfatta högst 10 % av "
                "budgeterade medel.",
            },
            {
                "measure": "manual",
                "text": "Omsättningstillgångar i förhållande till kortfristiga skulder ska vara "
                "100 % (likviditet).",
            },
            {
                "measure": "manual",
                "text": "Det egna kapitalet ska vara placerat så att avkastningen är minst 3 %.",
            },
            {
                "measure": "insats_share",
                "low_percent": Decimal(50),
                "high_percent": Decimal(80),
                "text": "Projektkostnaderna ska uppgå till 50–80 % av de totala kostnaderna.",
            },
        ],
    ),
    "trollhattan-lilla-edet-grastorp": (
        2020,
        [
            {
                "measure": "manual",
                "text": "Förbundet skall bedriva en verksamhet med god ekonomisk hushållning och "
                "kostnaderna för verksamheten skall aldrig överstiga budgetramen.",
            },
            {
                "measure": "equity_vs_cap",
                "text": "Förbundets överskott av kapital skall inte ha större omfattning än de "
                "rekommendationer som finns från det nationella rådet (långsiktigt mål).",
            },
        ],
    ),
}


def load_goals(association: Association) -> None:
    """Save the seed's goals for its plan year, unless the förbund already has goals that year."""
    year, goals = GOALS.get(association.slug, (0, []))
    if not goals or FinancialGoal.objects.filter(association=association, year=year).exists():
        return
    for goal in goals:
        FinancialGoal.objects.create(association=association, year=year, **goal)
