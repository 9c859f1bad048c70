from django.apps import AppConfig


class BudgetsConfig(AppConfig):
    name = "samordna.budgets"
    verbose_name = "Budget"
