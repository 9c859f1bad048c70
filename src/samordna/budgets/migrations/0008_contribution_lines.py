"""An income line that holds the members' contributions together ("Medlemsbidrag", "Parternas
bidrag") is marked as such (BudgetLine.is_contribution): the equity cap and the scenarios read the
mark instead of guessing from the label each time. Lines stored before are marked once, by the
words the guess used, so their figures stay the same."""

from django.db import migrations, models
from django.db.models import Q

WORDS = ("medlem", "parternas", "bidrag")  # the label guess, used once for the lines stored


def mark_contribution_lines(apps, schema_editor):
    BudgetLine = apps.get_model("budgets", "BudgetLine")
    named = Q()
    for word in WORDS:
        named |= Q(label__icontains=word)
    lines = BudgetLine.objects.filter(named, kind="line", section="income", member__isnull=True)
    lines.update(is_contribution=True)


class Migration(migrations.Migration):
    dependencies = [
        ("budgets", "0007_link_insats_lines_by_name_once"),
    ]

    operations = [
        migrations.AddField(
            model_name="budgetline",
            name="is_contribution",
            field=models.BooleanField(
                default=False,
                help_text="Intäktsraden är medlemmarnas bidrag (avsnittet Medlemsbidrag i budgetfilen).",
                verbose_name="medlemsbidrag",
            ),
        ),
        migrations.RunPython(mark_contribution_lines, migrations.RunPython.noop),
    ]
