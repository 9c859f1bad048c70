from django.apps import AppConfig


class NetworkConfig(AppConfig):
    name = "samordna.network"
    label = "network"
    verbose_name = "Nätverk"
