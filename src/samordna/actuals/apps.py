from django.apps import AppConfig


class ActualsConfig(AppConfig):
    name = "samordna.actuals"
    label = "actuals"
    verbose_name = "Utfall"
    default_auto_field = "django.db.models.BigAutoField"
