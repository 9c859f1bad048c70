"""Books for January–March 2020 of the demo's Trollhättan förbund (April not yet booked), with
the accounts mapped to the budget's lines and one account left unmapped."""

from __future__ import annotations

from samordna.actuals.models import Account, AccountMapping, ActualAmount

SLUG = "trollhattan-lilla-edet-grastorp"
KR = 100
MAPPED = {
    "3010": ("income", "Medlemsbidrag"),
    "3020": ("income", "ESF ALL-IN"),
    "4010": ("individual", "ALL-IN"),
    "7010": ("administration", "Fbch, admin"),
}
# Per account and month, in kr, as the SIE file has them: income credit (−), costs debit (+).
BOOKED = {
    "3010": {1: -1_789_000},
    "3020": {2: -2_800_000},
    "4010": {1: 900_000, 2: 950_000, 3: 1_000_000},
    "7010": {1: 80_000, 2: 85_000, 3: 82_000},
    "5460": {1: 1_200},
}


def book(association) -> None:
    for number, (section, label) in MAPPED.items():
        AccountMapping.objects.create(
            association=association, account=number, section=section, label=label
        )
        Account.objects.create(association=association, number=number, name=label)
    Account.objects.create(association=association, number="5460", name="Förbrukningsmaterial")
    ActualAmount.objects.bulk_create(
        ActualAmount(association=association, year=2020, month=m, account=a, amount=kr * KR)
        for a, months in BOOKED.items()
        for m, kr in months.items()
    )
