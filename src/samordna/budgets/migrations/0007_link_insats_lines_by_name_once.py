"""Insats lines were matched to insatser by name whenever they were read. From now on the link
is explicit (BudgetLine.intervention, picked on the page). This keeps the links the name gave
today: an unlinked line whose label is the name of exactly one insats of its section is linked
to it, once."""

from collections import defaultdict

from django.db import migrations


def link_by_name(apps, schema_editor):
    BudgetLine = apps.get_model("budgets", "BudgetLine")
    Intervention = apps.get_model("interventions", "Intervention")
    named = defaultdict(list)
    for insats in Intervention.objects.all():
        named[(insats.association_id, insats.kind, insats.name.casefold())].append(insats.pk)
    lines = BudgetLine.objects.filter(kind="line", intervention__isnull=True).select_related(
        "version__budget"
    )
    taken = set(
        BudgetLine.objects.filter(intervention__isnull=False).values_list(
            "version_id", "intervention_id"
        )
    )
    for line in lines:
        key = (line.version.budget.association_id, line.section, line.label.strip().casefold())
        found = named.get(key, [])
        if len(found) == 1 and (line.version_id, found[0]) not in taken:
            taken.add((line.version_id, found[0]))
            BudgetLine.objects.filter(pk=line.pk).update(intervention_id=found[0])


class Migration(migrations.Migration):
    dependencies = [
        ("budgets", "0006_line_pools"),
        ("interventions", "0002_budget_decisions"),
    ]

    operations = [migrations.RunPython(link_by_name, migrations.RunPython.noop)]
