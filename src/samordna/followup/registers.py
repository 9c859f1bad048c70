"""What Samordna stores about participants, table by table: what, why, for how long and who
sees it. The data-protection page and docs/sekretess.md say the same."""

from __future__ import annotations

from dataclasses import dataclass

PURPOSE = (
    "Uppföljning och utvärdering av insatserna, som styrelsen ansvarar för (7 § lagen "
    "(2003:1210) om finansiell samordning av rehabiliteringsinsatser), och underlaget till "
    "Försäkringskassans Uppföljning Finsam."
)


@dataclass(frozen=True)
class Register:
    name: str
    table: str
    what: str
    why: str
    kept: str
    seen_by: str


REGISTERS = (
    Register(
        "Deltagare",
        "followup_episode",
        "En slumpkod, insats, kön, födelseår, start- och slutdatum, huvud- och medremitterande "
        "medlem, försörjning och sysselsättning vid start och avslut, avslutsorsak, "
        "livskvalitet 0–10 vid start och avslut, samtyckets datum. Inget namn, inget "
        "personnummer, ingen fritext om hälsa.",
        PURPOSE,
        "Så länge deltagaren är i insatsen, sedan till gallringen enligt förbundets regel.",
        "Förbundschefen och insatsens egen personal. Andra ser bara antal, små grupper dolda.",
    ),
    Register(
        "Stegförflyttningar",
        "followup_stepchange",
        "Datum och en kort anteckning utan namn eller hälsouppgifter.",
        "Andelen med ökad arbetsförmåga.",
        "Tas bort tillsammans med deltagaren.",
        "Förbundschefen och insatsens egen personal.",
    ),
    Register(
        "Indikatorsvar",
        "followup_indicatorresponse",
        "Svarets steg, år, insats och (där frågan ställs) kön. Ingen kod: ett svar kan inte "
        "kopplas till en deltagare.",
        "De nationella indikatorerna (NNS).",
        "Sparas; de är anonyma.",
        "Alla i förbundet ser andelar; färre än fem svar visas inte.",
    ),
    Register(
        "Enkätbiljetter",
        "followup_surveyticket",
        "En engångsbiljett per formulär, utan koppling till svaret.",
        "Ett svar per biljett.",
        "Tas bort när svaret är lämnat.",
        "Ingen; bara Samordna läser dem.",
    ),
    Register(
        "Gallrade deltagare",
        "followup_removedepisodes",
        "Antal per insats, år, kön och avslutsorsak för deltagare som gallrats.",
        "Förbundets tidigare år kan följas upp efter gallringen.",
        "Sparas; inga enskilda personer.",
        "Förbundschefen.",
    ),
    Register(
        "Gallrade deltagares antal i uppföljningen",
        "followup_removedtally",
        "Per insats och år de gallrade deltagarna var med: antal per kön, födelseår, "
        "avslutsorsak och försörjning före och efter, stegförflyttningar, livskvalitet och "
        "dagar i insatsen, som summor. Ingen kod och inga datum.",
        "Årets uppföljning, dokument och delade siffror visar samma sak efter gallringen som före.",
        "Sparas; inga enskilda rader.",
        "Ingen direkt; bara som antal i rapporterna med små grupper skyddade.",
    ),
    Register(
        "Historik",
        "audit_change",
        "Vem som ändrade en deltagare och när, och vad som stod före och efter (födelseåret "
        "visas aldrig).",
        "Spårbarhet: vem gjorde vad.",
        "Vid gallringen tas uppgifterna bort ur historiken; vem och när står kvar.",
        "Förbundschefen och revisorn.",
    ),
)
