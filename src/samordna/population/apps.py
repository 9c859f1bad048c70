from django.apps import AppConfig


class PopulationConfig(AppConfig):
    name = "samordna.population"
    label = "population"
    verbose_name = "Befolkning"
