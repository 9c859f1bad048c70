"""The read API, version 1. Every answer asks who is asking: a token reads with its owner's
role in each förbund (and networks' shared figures), never more."""

from __future__ import annotations

from typing import Annotated, Any

from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI, Path
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.security import HttpBearer

from samordna.api import tokens
from samordna.api.schemas import (
    AssociationOut,
    BudgetYear,
    Me,
    OpenDataRow,
    Problem,
    SharedFigures,
)
from samordna.associations.access import ALL_ROLES, READERS, associations_of, membership_for
from samordna.associations.models import Membership
from samordna.budgets import services as budgets
from samordna.core.followup import as_data
from samordna.core.money import round_half_up, rounded_kronor
from samordna.followup import services as followup
from samordna.interventions.services import visible_to
from samordna.network import national
from samordna.network import services as network_services
from samordna.network.figures import Figures
from samordna.network.national import kronor

SLUG_PATTERN = r"^[-a-zA-Z0-9_]{1,60}$"
Slug = Annotated[
    str,
    Path(
        pattern=SLUG_PATTERN,
        description="förbundets kortnamn",
        example="sodra-roslagen",
    ),
]
NetworkSlug = Annotated[
    str,
    Path(
        pattern=SLUG_PATTERN,
        description="nätverkets kortnamn",
        example="nns-demo",
    ),
]
Year = Annotated[int, Path(ge=1990, le=2100, example=2016)]
ERRORS: dict[int, Any] = {401: Problem, 403: Problem, 404: Problem, 422: Problem}


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> Any:
        user = tokens.user_for(token)
        if user is not None:
            request.user = user
        return user


api = NinjaAPI(
    title="Samordna API",
    version="1",
    description="Läs förbundets egna siffror och de siffror som förbunden delar med nätverken. "
    "Personlig nyckel från Mitt konto i rubriken Authorization: Bearer <nyckel>.",
    urls_namespace="api-v1",
    auth=TokenAuth(),
    docs_url=None,
)


@api.exception_handler(AuthenticationError)
def _unauthenticated(request: HttpRequest, error: Exception) -> HttpResponse:
    return api.create_response(request, {"detail": "Nyckeln saknas eller gäller inte."}, status=401)


@api.exception_handler(Http404)
def _not_found(request: HttpRequest, error: Exception) -> HttpResponse:
    return api.create_response(request, {"detail": str(error) or "Finns inte."}, status=404)


@api.exception_handler(ValidationError)
def _invalid(request: HttpRequest, error: Exception) -> HttpResponse:
    return api.create_response(request, {"detail": "Ogiltig förfrågan."}, status=422)


def _membership(request: HttpRequest, slug: str, roles: tuple[str, ...]) -> Membership:
    membership = membership_for(request, slug)  # type: ignore[arg-type]
    if membership.role not in roles:
        raise HttpError(403, "Din roll i förbundet får inte göra detta.")
    return membership


@api.get("/jag", response={200: Me, 401: Problem, 422: Problem}, summary="Vem nyckeln tillhör")
def me(request: HttpRequest) -> dict[str, Any]:
    user: Any = request.auth  # type: ignore[attr-defined]
    roles = dict(Membership.objects.filter(user_id=user.pk).values_list("association_id", "role"))
    return {
        "epost": user.email,
        "forbund": [
            {"slug": a.slug, "namn": a.name, "roll": roles[a.pk]} for a in associations_of(user)
        ],
        "natverk": [{"slug": n.slug, "namn": n.name} for n in network_services.networks_of(user)],
    }


@api.get("/forbund/{slug}", response={200: AssociationOut, **ERRORS}, summary="Förbundet")
def association(request: HttpRequest, slug: Slug) -> dict[str, Any]:
    found = _membership(request, slug, ALL_ROLES).association
    return {
        "slug": found.slug,
        "namn": found.name,
        "organisationsnummer": found.org_number,
        "medlemmar": [{"namn": m.name, "typ": m.get_kind_display()} for m in found.members.all()],
    }


@api.get(
    "/forbund/{slug}/budget/{year}",
    response={200: BudgetYear, **ERRORS},
    summary="Årets budget, summerad",
)
def budget(request: HttpRequest, slug: Slug, year: Year) -> dict[str, Any]:
    found = _membership(request, slug, READERS).association
    chosen = budgets.latest_of_year(found, year)
    if chosen is None or year not in chosen.years:
        raise Http404(f"Förbundet har ingen budget för {year}.")
    version = budgets.current_version(chosen)
    totals = budgets.version_totals(version)[year]
    amounts = {
        "intakter_kr": totals.income,
        "ianspraktaget_eget_kapital_kr": totals.equity_drawn,
        "individinriktade_insatser_kr": totals.individual,
        "strukturinriktade_insatser_kr": totals.structural,
        "administration_kr": totals.administration,
        "kostnader_kr": totals.costs,
        "finansiella_poster_kr": totals.financial,
        "arets_resultat_kr": totals.result,
        "budgetbalans_kr": totals.balance,
    }
    return {
        "ar": year,
        "version": version.number,
        "status": version.get_status_display(),
        **{key: rounded_kronor(value) for key, value in amounts.items()},
    }


@api.get(
    "/forbund/{slug}/uppfoljning/{year}",
    response={200: dict[str, Any], **ERRORS},
    summary="Årets uppföljning, små antal skyddade",
)
def followup_report(request: HttpRequest, slug: Slug, year: Year) -> dict[str, Any]:
    membership = _membership(request, slug, ALL_ROLES)
    found = membership.association
    scope = list(visible_to(found, membership).filter(kind="individual"))
    return as_data(followup.report(found, year, scope))


@api.get(
    "/natverk/{slug}/{year}",
    response={200: list[SharedFigures], **ERRORS},
    summary="Förbunden som delar sina siffror, sida vid sida",
)
def shared(request: HttpRequest, slug: NetworkSlug, year: Year) -> list[dict[str, Any]]:
    network_services.network_for(request.user, slug)
    return [_shared(f) for f in national.shared_figures(year)]


def _shared(found: Figures) -> dict[str, Any]:
    money = found.budget
    share = money.administration_share
    matrix = found.outcomes
    by_sex = {s: c.shown for s, c in zip(matrix.columns, matrix.column_totals, strict=True)}
    return {
        "forbund": found.association.slug,
        "namn": found.association.name,
        "ar": found.year,
        "medlemsbidrag_kr": kronor(money.contributions),
        "kostnader_kr": kronor(money.costs),
        "administrationens_andel_procent": None if share is None else round_half_up(share),
        "eget_kapital_kr": kronor(money.equity),
        "tak_eget_kapital_kr": kronor(money.cap),
        "deltagare": found.participants.shown,
        "kostnad_per_deltagare_kr": kronor(found.cost_per_participant),
        "avslutade_per_kon": {**by_sex, "Totalt": matrix.total.shown},
        "indikatorer_som_natt_malet": found.indicators.met,
        "indikatorer_med_mal": found.indicators.measured,
    }


@api.get(
    "/natverk/{slug}/{year}/oppna-data",
    response={200: list[OpenDataRow], **ERRORS},
    summary="Öppna data: de delade siffrorna i lång form (indikator, förbund, år, kön, värde)",
)
def open_data(request: HttpRequest, slug: NetworkSlug, year: Year) -> list[dict[str, Any]]:
    network_services.network_for(request.user, slug)
    keys = ("indikator", "forbund", "ar", "kon", "varde")
    return [dict(zip(keys, row, strict=True)) for row in national.open_data(year)]
