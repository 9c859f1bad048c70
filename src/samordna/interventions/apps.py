from django.apps import AppConfig


class InterventionsConfig(AppConfig):
    name = "samordna.interventions"
    label = "interventions"
    verbose_name = "Insatser"
    default_auto_field = "django.db.models.BigAutoField"
