from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "samordna.audit"
    label = "audit"
    verbose_name = "Historik"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from samordna.audit import registry, sign_ins

        registry.register_models()
        sign_ins.connect()
