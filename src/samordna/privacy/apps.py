from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    name = "samordna.privacy"
    label = "privacy"
    verbose_name = "Dataskydd"

    def ready(self) -> None:
        from samordna.privacy import guard

        guard.install()
