from django.apps import AppConfig


class FollowupConfig(AppConfig):
    name = "samordna.followup"
    label = "followup"
    verbose_name = "Uppföljning"
    default_auto_field = "django.db.models.BigAutoField"
