"""The socio-economic effect of an insats: reduced public support after it, per actor.

For each finished episode with an income source at start and at end, the monthly public cost
of the source at start minus that at end is the monthly gain, shared among the actors who bear
it (kommun, region, Försäkringskassan, Arbetsförmedlingen, staten). The gain is counted over 12
and over 60 months, as if the change lasted, without discounting. The monthly costs are dated
parameters the förbund edits; the assumptions are printed beside the figures.

An amount is a count times a published monthly cost, so dividing it would give the count back
(and the difference between two years, a small group). The people with each pair of income
sources (at start, at end) are therefore counted to the nearest multiple of five (`BASE`)
before they are priced: 1–2 count as 0 and 3–4 as 5. Dividing an amount gives only a rounded
count, which says no more than "<5" does (docs/sekretess.md).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from samordna.core.followup import EpisodeFacts
from samordna.core.money import ore_from_kronor
from samordna.core.params import ParameterError, load
from samordna.core.suppression import LIMIT, is_small

ACTORS = {
    "kommun": "Kommunen",
    "region": "Regionen",
    "fk": "Försäkringskassan",
    "af": "Arbetsförmedlingen",
    "staten": "Staten",
}
HORIZONS = (12, 60)
ASSUMPTIONS = (
    "Vinsten per månad är den offentliga kostnaden för försörjningen vid start minus den vid "
    "avslut, för avslutade deltagare där båda är kända.",
    "Förändringen antas bestå hela perioden: 1 år = 12 månader, 5 år = 60 månader, "
    "utan diskontering och utan hänsyn till att en del återgår.",
    "Lön räknas som skatteintäkt för kommun och region (negativ kostnad).",
    "Kostnaderna per månad är förbundets parametrar med datum och källa; se tabellen.",
    "Antalet deltagare med samma försörjning vid start och vid avslut avrundas till närmaste "
    "femtal innan det räknas om till kronor (1–2 blir 0, 3–4 blir 5), så att ingen liten grupp "
    "kan räknas fram ur beloppen.",
)
BASE = LIMIT  # counts are rounded to the protection's own limit: no group under it shows

Costs = Mapping[str, Mapping[str, int]]  # income source -> actor -> öre per month


def default_costs(on: date) -> tuple[dict[str, dict[str, int]], str]:
    """The shipped example costs in force on `on` (in öre), and their source.

    The example values start in 2024; an earlier year is counted with the first of them, and
    the source says so, rather than leaving the estimate of an older insats empty.
    """
    parameter = load("support_costs")
    try:
        entry, source = parameter.at(on), parameter.source
    except ParameterError:
        entry = min(parameter.values, key=lambda e: e["from"])
        source = (
            f"{parameter.source} Värdena gäller från {entry['from'].isoformat()}; "
            f"det finns inga äldre, så de används även för {on.year}."
        )
    costs = {
        kind: {actor: ore_from_kronor(kr) for actor, kr in actors.items()}
        for kind, actors in entry["costs"].items()
    }
    return costs, source


@dataclass(frozen=True)
class Effect:
    people: int  # finished episodes with both income sources known
    monthly: dict[str, int]  # actor -> öre per month
    cost: int | None  # the insats's cost (öre) for comparison
    priced: int = 0  # the people priced: each count of an income change rounded to five

    @property
    def all_rounded_away(self) -> bool:
        """Every income change had too few people to price: the amounts would all read 0."""
        return self.shown and self.priced == 0

    @property
    def shown(self) -> bool:
        """Too few people and one person's change could be read from the figures."""
        return not is_small(self.people) and self.people > 0

    def total(self, months: int) -> int:
        return sum(self.monthly.values()) * months

    @property
    def per_actor(self) -> dict[str, tuple[int, int]]:
        """Actor -> (gain over 1 year, over 5 years), in öre."""
        return {a: (m * HORIZONS[0], m * HORIZONS[1]) for a, m in self.monthly.items()}

    @property
    def year_total(self) -> int:
        return self.total(HORIZONS[0])

    @property
    def five_year_total(self) -> int:
        return self.total(HORIZONS[1])

    def covers_cost(self, months: int) -> bool | None:
        if self.cost is None:
            return None
        return self.total(months) >= self.cost

    @property
    def cost_verdict(self) -> str:
        """Whether the reduced support pays for the insats (the seed plans ask for it)."""
        if self.cost is None:
            return "Kostnaden är inte bokförd."
        for months, span in zip(HORIZONS, ("ett år", "fem år"), strict=True):
            if self.covers_cost(months):
                return f"Täcker kostnaden inom {span}."
        return "Täcker inte kostnaden inom fem år."


def rounded(count: int) -> int:
    """`count` to the nearest multiple of `BASE`, a half rounded up (3 → 5, 2 → 0)."""
    return (count + BASE // 2) // BASE * BASE


def transitions(episodes: Iterable[EpisodeFacts]) -> Counter[tuple[str, str]]:
    """Finished episodes with both income sources known, per (income at start, at end)."""
    return Counter(
        (e.income_start, e.income_end)
        for e in episodes
        if e.end is not None and e.income_start and e.income_end
    )


def effect(episodes: Iterable[EpisodeFacts], costs: Costs, cost: int | None = None) -> Effect:
    return priced(transitions(episodes), costs, cost)


def priced(found: Mapping[tuple[str, str], int], costs: Costs, cost: int | None = None) -> Effect:
    """The effect of the people counted per (income at start, at end), each count rounded."""
    monthly = dict.fromkeys(ACTORS, 0)
    for (start, end), count in found.items():
        for actor in ACTORS:
            before = costs.get(start, {}).get(actor, 0)
            after = costs.get(end, {}).get(actor, 0)
            monthly[actor] += rounded(count) * (before - after)
    priced_people = sum(rounded(count) for count in found.values())
    return Effect(sum(found.values()), monthly, cost, priced_people)
