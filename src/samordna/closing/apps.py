from django.apps import AppConfig


class ClosingConfig(AppConfig):
    name = "samordna.closing"
    verbose_name = "Bokslut och årsredovisning"
    default_auto_field = "django.db.models.BigAutoField"
