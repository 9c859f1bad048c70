"""The demo's books: Södra Roslagen's invented SIE 4 file for 2016 (tools/demo_sie.py wrote it)
and the accounts' budget lines, so that the follow-up and the årsredovisning have a year."""

from __future__ import annotations

from pathlib import Path

from samordna.actuals import services
from samordna.actuals.models import AccountMapping
from samordna.associations.models import Association

FILES = Path(__file__).parent / "files"
BOOKS = {"sodra-roslagen": (2016, "sie-sodra-roslagen-2016.se")}
ADMINISTRATION = {
    "5510": "Styrelsearvoden",
    "5611": "Styrelsearvoden",
    "5110": "Kansli ink. personal",
    "5612": "Kansli ink. personal",
    "5810": "Kansli ink. personal",
    "6110": "Lokalhyra",
    "7450": "Ekonomi och redovisning",
    "7460": "Revision",
    "6910": "Kommunikation/information",
    "6990": "Övrigt/buffert",
}
# account -> (section, budget line as the 2016 budget names it)
LINES = {
    "3511": ("income", "Staten (AF/FK)"),
    "3512": ("income", "Stockholms läns landsting"),
    "3513": ("income", "Österåkers kommun"),
    "3514": ("income", "Täby kommun"),
    "8410": ("income", "Ränteintäkter"),
    "4611": ("individual", "Pågående operativ insats"),
    "4612": ("structural", "Pågående strukturell insats"),
    "4613": ("structural", "Analys av behovsområden/ev ny insats"),
    "4614": ("structural", "Utvärdering"),
    **{account: ("administration", label) for account, label in ADMINISTRATION.items()},
}


def load_books(association: Association) -> None:
    """Import the demo förbund's year of books unless it has books already."""
    if association.slug not in BOOKS or association.actual_imports.exists():
        return
    year, filename = BOOKS[association.slug]
    services.import_sie(association, year, (FILES / filename).read_bytes(), filename, user=None)
    for account, (section, label) in LINES.items():
        AccountMapping.objects.get_or_create(
            association=association, account=account, defaults={"section": section, "label": label}
        )
