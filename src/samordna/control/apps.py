from django.apps import AppConfig


class ControlConfig(AppConfig):
    name = "samordna.control"
    label = "control"
    verbose_name = "Kontroll och revision"
    default_auto_field = "django.db.models.BigAutoField"
