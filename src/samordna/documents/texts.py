"""The words only people can write, per year: a year without its own text starts from the
latest earlier year's, and a förbund's first year starts from a neutral text built on the law."""

from __future__ import annotations

from dataclasses import dataclass

from samordna.associations.models import Association
from samordna.documents.models import DocumentText


@dataclass(frozen=True)
class Passage:
    key: str
    heading: str
    help: str
    default: str


PASSAGES: tuple[Passage, ...] = (
    Passage(
        "inledning",
        "Inledning",
        "Står efter meningen om när förbundet bildades och vilka medlemmarna är.",
        "",
    ),
    Passage(
        "uppdrag",
        "Uppdraget",
        "Förbundets uppdrag enligt lagen och förbundsordningen.",
        "Samordningsförbundets uppdrag är att:\n\n"
        "- besluta om mål och riktlinjer för den finansiella samordningen\n"
        "- stödja samverkan mellan samverkansparterna\n"
        "- besluta om på vilket sätt de medel som står till förfogande ska användas\n"
        "- finansiera insatser som ligger inom samverkansparternas samlade ansvarsområde\n"
        "- svara för uppföljning och utvärdering av rehabiliteringsinsatserna\n"
        "- upprätta budget och årsredovisning för den finansiella samordningen",
    ),
    Passage(
        "organisation",
        "Organisation och arbetssätt",
        "Står före tabellen över styrelsen.",
        "Förbundet leds av en styrelse med ledamöter och ersättare från varje medlem. "
        "Förbundschefen leder arbetet utifrån styrelsens anvisningar och bereder ärendena "
        "inför styrelsens beslut.",
    ),
    Passage(
        "malgrupper",
        "Målgrupper",
        "Vilka förbundet vänder sig till under året. Rader som börjar med ”- ” blir en lista.",
        "Kvinnor och män i förvärvsaktiv ålder som behöver samordnade insatser från flera "
        "myndigheter för att komma närmare arbete eller studier.",
    ),
    Passage(
        "inriktningsmal",
        "Inriktningsmål",
        "Förbundets långsiktiga mål. Delmålen och indikatormålen hämtas från uppföljningen.",
        "De insatser som förbundet finansierar ska leda till:\n\n"
        "- minskat behov av offentlig försörjning\n"
        "- ökad förmåga till arbete eller studier\n"
        "- att kvinnor och män erbjuds likvärdiga insatser",
    ),
    Passage(
        "finansiella_mal",
        "Finansiella mål",
        "Står före tabellen över de finansiella målen och budgetens utfall mot dem.",
        "Förbundet ska bedriva verksamheten med god ekonomisk hushållning. Det egna kapitalet "
        "ska hålla sig inom Nationella rådets rekommendation.",
    ),
    Passage(
        "uppfoljning",
        "Uppföljning och utvärdering",
        "Hur insatserna följs upp under året.",
        "Förbundet följer upp de insatser som finansieras: deltagare, resultat och kostnad "
        "redovisas per insats och kön, och indikatorfrågorna ställs en gång per år.",
    ),
    Passage(
        "intern_kontroll",
        "Intern kontroll",
        "Förbundets plan för intern kontroll och kommunikation.",
        "Styrelsen fastställer varje år en plan för intern kontroll. Förbundschefen rapporterar "
        "till styrelsen hur planen har följts.",
    ),
    Passage(
        "arets_verksamhet",
        "Årets verksamhet",
        "Inledningen till verksamhetsberättelsen (uppföljningen av året).",
        "Verksamhetsberättelsen redovisar hur förbundet har genomfört årets verksamhetsplan: "
        "resultaten mot målen, deltagarna, indikatorerna, ekonomin samt styrelsens möten och "
        "beslut.",
    ),
    Passage(
        "arets_handelser",
        "Årets viktigaste händelser",
        "Förvaltningsberättelsen i årsredovisningen: vad som hände under året.",
        "Förbundet har under året finansierat insatser enligt verksamhetsplanen och följt upp "
        "dem. Styrelsen har sammanträtt enligt plan.",
    ),
    Passage(
        "forvantad_utveckling",
        "Förväntad utveckling",
        "Årsredovisningens avslutning av förvaltningsberättelsen: de kommande åren.",
        "Förbundet fortsätter att finansiera samordnade insatser inom de ramar som "
        "medlemmarnas bidrag ger och enligt verksamhetsplanen för nästa år.",
    ),
    Passage(
        "redovisningsprinciper",
        "Redovisningsprinciper",
        "Årsredovisningens redovisningsprinciper, före noterna.",
        "Årsredovisningen är upprättad enligt lagen (2018:597) om kommunal bokföring och "
        "redovisning och Rådet för kommunal redovisnings rekommendationer i tillämpliga delar. "
        "Intäkter och kostnader redovisas det år de hör till. Fordringar tas upp till de belopp "
        "som beräknas bli betalda och skulder till nominellt belopp.",
    ),
    Passage(
        "betalning",
        "Betalningsvillkor",
        "Står på varje medlems avisering om medlemsbidrag.",
        "Förbundet fakturerar medlemsbidraget. Betala senast på fakturans förfallodag och "
        "ange förbundets namn och året som referens.",
    ),
)
BY_KEY = {p.key: p for p in PASSAGES}


@dataclass(frozen=True)
class YearText:
    passage: Passage
    text: str
    from_year: int | None  # the year the text was saved for; None for the built-in start text

    def inherited(self, year: int) -> bool:
        return self.from_year != year


def texts_for(association: Association, year: int) -> dict[str, YearText]:
    """Every passage for `year`: the year's own text, else the latest earlier, else the default."""
    saved = DocumentText.objects.filter(association=association, year__lte=year).order_by("-year")
    found: dict[str, YearText] = {}
    for row in saved:
        if row.key in BY_KEY and row.key not in found:
            found[row.key] = YearText(BY_KEY[row.key], row.text, row.year)
    return {p.key: found.get(p.key, YearText(p, p.default, None)) for p in PASSAGES}


def save_texts(association: Association, year: int, texts: dict[str, str], user: object) -> None:
    """Store the year's texts as its own, every passage, so later years start from them."""
    for key, text in texts.items():
        if key not in BY_KEY:
            continue
        DocumentText.objects.update_or_create(
            association=association,
            year=year,
            key=key,
            defaults={"text": text.strip(), "saved_by": user},
        )
