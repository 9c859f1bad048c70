from django.apps import AppConfig


class AssociationsConfig(AppConfig):
    name = "samordna.associations"
    verbose_name = "Förbund"
