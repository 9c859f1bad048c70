"""The demo's network: a user of a national network who sees the demo förbund side by side,
two of which have decided to share their figures (the third has not)."""

from __future__ import annotations

from django.contrib.auth import get_user_model

from samordna.associations.models import Association
from samordna.demo.data import DEMO_PASSWORD
from samordna.network.models import Network, NetworkMembership, Sharing

NETWORK = ("nns-demo", "Nationella nätverket för samordningsförbund (demo)")
USER = ("natverk", "Demo", "Nätverksanvändare")
SHARING = ("trollhattan-lilla-edet-grastorp", "sodra-roslagen")


def load_network() -> None:
    network, _created = Network.objects.get_or_create(
        slug=NETWORK[0], defaults={"name": NETWORK[1]}
    )
    user, created = get_user_model().objects.get_or_create(username=USER[0])
    if created:
        user.first_name, user.last_name = USER[1], USER[2]
        user.set_password(DEMO_PASSWORD)
        user.save()
    NetworkMembership.objects.get_or_create(network=network, user=user)
    for association in Association.objects.filter(slug__in=SHARING):
        Sharing.objects.get_or_create(association=association, defaults={"shares": True})
