from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "samordna.accounts"
    label = "accounts"
    verbose_name = "Konton"

    def ready(self) -> None:
        from samordna.accounts import signals  # noqa: F401 - connects the receivers
