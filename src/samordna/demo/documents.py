"""The demo's own words in the documents: passages of the three reference plans (seeds 000, 002,
004), saved as each förbund's texts for its plan year, so the demo plans read like the real ones."""

from __future__ import annotations

from samordna.associations.models import Association
from samordna.documents.models import DocumentText

TEXTS: dict[str, tuple[int, dict[str, str]]] = {
    "trollhattan-lilla-edet-grastorp": (
        2020,
        {
            "inledning": "Förbundet bygger på en sammanslagning av de två tidigare "
            "Samordningsförbunden Trollhättan och Grästorp som båda har en lång tradition av "
            "finansiell samordning och verksamhetsmässig samverkan.",
            "uppdrag": "Samordningsförbundets uppdrag är att:\n\n"
            "- Finansiera individinsatser för de som är i behov av samordnade "
            "rehabiliteringsinsatser. Förväntat resultat är återgång till arbete eller förbättrad "
            "förmåga att på sikt utföra förvärvsarbete.\n"
            "- Stödja samverkan mellan samverkansparterna.\n\n"
            "Lokala behovsinventeringar är grunden för att identifiera nödvändiga insatser och "
            "undanröja strukturella hinder. Individens behov är utgångspunkt för alla "
            "samverkansinsatser.",
            "organisation": "Samordningsförbundet leds av en styrelse bestående av ordinarie "
            "ledamöter och ersättare från varje medlem. Kansliet utgörs av förbundschef samt "
            "ekonom/uppföljningsresurs. På chefsnivå finns en beredningsgrupp med "
            "chefstjänstemän från medlemmarnas organisationer.",
            "malgrupper": "Förbundet föreslås att under 2020 fokusera på följande lokalt "
            "identifierade målgrupper:\n\n"
            "- Kvinnor och män i förvärvsaktiv ålder som har behov av rehabilitering inför "
            "övergångar till arbete, studier eller andra arbetsförberedande insatser\n"
            "- Kvinnor och män i behov av samverkan mellan flera myndigheter\n"
            "- Kvinnor och män som är arbetslösa eller som är eller har varit sjukskrivna\n"
            "- Riktade insatser som stöder utveckling av samarbete och samverkan\n\n"
            "Deltagare kan komma från hela förbundets upptagningsområde.",
            "inriktningsmal": "De insatser som finansieras av förbundet skall leda till:\n\n"
            "- minskat behov av offentlig försörjning\n"
            "- ökad anställningsbarhet\n"
            "- ökad upplevelse av livskvalitet\n"
            "- ökat fokus på individens behov av samordnade rehabiliteringsinsatser samt på "
            "motivation och delaktighet i rehabiliteringsprocessen",
            "finansiella_mal": "Förbundet skall bedriva en verksamhet med god ekonomisk "
            "hushållning och kostnaderna för verksamheten skall aldrig överstiga budgetramen. "
            "Ett långsiktigt mål är att förbundets överskott av kapital inte skall ha större "
            "omfattning än de rekommendationer som finns från det nationella rådet för "
            "samordningsförbund.",
            "uppfoljning": "Samordningsförbundet följer upp de insatser som finansieras enligt "
            "en årligen upprättad plan för uppföljning och utvärdering. Som komplement följs "
            "individers upplevelse av förändrad livskvalitet.\n\n"
            "Förbundet använder indikatorfrågor som ställs till medarbetare, deltagare i "
            "insatser samt till styrelsen och beredningsgruppen. Styrelsen och "
            "beredningsgruppen samlas minst en gång per år för genomgång av resultat och "
            "framtidsplanering.",
            "intern_kontroll": "För god intern kontroll finns en kontrollplan samt för "
            "kommunikation och informationsflöde finns en kommunikationsplan. Båda uppdateras "
            "årligen.",
        },
    ),
    "sodra-roslagen": (
        2016,
        {
            "inledning": "Verksamhetsplanen för 2016 grundar sig på diskussioner och förslag som "
            "arbetats fram i styrelse och beredningsgrupp. Den anger inriktningen och målen för "
            "den finansiella samordningen under nästkommande år.",
            "uppdrag": "Samordningsförbundet har enligt förbundsordningen till uppgift att:\n\n"
            "- besluta om mål och riktlinjer för den finansiella samordningen\n"
            "- stödja samverkan mellan samverkansparterna\n"
            "- finansiera insatser som ligger inom parternas samlade ansvarsområde\n"
            "- besluta på vilket sätt de medel som finns för finansiell samordning ska användas\n"
            "- besluta om förbundets arbetsordning",
        },
    ),
    "vanersborg-mellerud": (
        2008,
        {
            "inledning": "Genom samordningsförbundet kommer parterna att samarbeta för att "
            "underlätta och uppnå en effektiv resursanvändning för personer som är i behov av "
            "samordnade rehabiliteringsinsatser.",
            "malgrupper": "De målgrupper som föreslagits initialt i förbundsordning och "
            "avsiktsförklaringen är ungdomar 18–29 år och invandrare 30–40 år som har relativt "
            "nära till att komma in på arbetsmarknaden eller påbörja utbildning och som är "
            "aktuella hos fler än en myndighet.",
            "inriktningsmal": "Genom den samverkan och de insatser samordningsförbundet bidrar "
            "till att utveckla för de aktuella målgrupperna ska:\n\n"
            "- självförsörjningen öka och samhällets kostnader för offentlig försörjning minska\n"
            "- anställningsbarheten öka\n"
            "- individens upplevelse av förbättrad hälsa och funktionalitet öka",
        },
    ),
}


def load_texts(association: Association) -> None:
    """Save the seed's texts for its plan year, unless the förbund already has texts that year."""
    year, texts = TEXTS.get(association.slug, (0, {}))
    for key, text in texts.items():
        DocumentText.objects.get_or_create(
            association=association, year=year, key=key, defaults={"text": text}
        )
