"""Networks, their users and the förbund's decision to share: who may see what."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.text import slugify

from samordna.accounts import services as accounts
from samordna.associations.models import Association
from samordna.network.models import Network, NetworkMembership, Sharing


class NetworkError(Exception):
    """A Swedish message for the user; nothing was changed."""


def shares(association: Association) -> bool:
    return Sharing.objects.filter(association=association, shares=True).exists()


@transaction.atomic
def set_sharing(association: Association, on: bool, user: Any) -> Sharing:
    """The chef's decision to share (or to stop); the history records who and when."""
    decided = {
        "shares": on,
        "decided_by": user if getattr(user, "pk", None) else None,
        "decided_at": timezone.now(),
    }
    sharing, _created = Sharing.objects.update_or_create(association=association, defaults=decided)
    return sharing


def sharing_associations() -> QuerySet[Association]:
    """The förbund that share their figures, by name."""
    return Association.objects.filter(sharing__shares=True).order_by("name")


def networks_of(user: Any) -> list[Network]:
    return list(Network.objects.filter(memberships__user_id=user.pk).order_by("name"))


def network_for(user: Any, slug: str) -> Network:
    """The network `slug` when the user belongs to it, else 404 (its existence not revealed)."""
    network = Network.objects.filter(slug=slug, memberships__user_id=user.pk).first()
    if network is None:
        raise Http404("Nätverket finns inte eller så har du inte tillgång till det.")
    return network


def create_network(slug: str, name: str) -> Network:
    slug = slug.strip()
    name = name.strip()
    if not name:
        raise NetworkError("Ange nätverkets namn.")
    if not slug or slugify(slug) != slug:
        raise NetworkError(f"Kortnamnet ”{slug}” får bara ha små bokstäver a–z, siffror och -.")
    if Network.objects.filter(slug=slug).exists():
        raise NetworkError(f"Det finns redan ett nätverk med kortnamnet ”{slug}”.")
    return Network.objects.create(slug=slug, name=name)


def network_named(slug: str) -> Network:
    network = Network.objects.filter(slug=slug).first()
    if network is None:
        raise NetworkError(f"Det finns inget nätverk med kortnamnet ”{slug}”.")
    return network


def user_by_email(email: str) -> Any:
    try:
        return accounts.user_named(email)
    except accounts.AccountError as error:
        raise NetworkError(str(error)) from error


def add_user(network: Network, user: Any) -> NetworkMembership:
    membership, _created = NetworkMembership.objects.get_or_create(network=network, user=user)
    return membership


def remove_user(network: Network, user: Any) -> None:
    deleted, _ = NetworkMembership.objects.filter(network=network, user=user).delete()
    if not deleted:
        raise NetworkError(f"{user.email} hör inte till nätverket {network.name}.")


def people(network: Network) -> list[Any]:
    return [m.user for m in network.memberships.select_related("user").order_by("user__email")]
