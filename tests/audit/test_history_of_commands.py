"""What the `samordna` command changes is on record as the command line and the OS user."""

from __future__ import annotations

import getpass
from pathlib import Path

from samordna.audit.models import Change
from samordna.cli import main
from samordna.interventions.models import Intervention

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "deltagare"


def test_an_import_from_the_command_line_names_the_command_line(association):
    team = Intervention.objects.create(
        association=association, name="Deltagarteam", kind="individual"
    )
    team.members.set(association.members.all()[:2])
    args = ["followup", "import", str(FIXTURES / "episodes.csv"), "--association", association.slug]
    assert main(args) == 0
    episodes = Change.objects.filter(content_type__model="episode", action=Change.Action.CREATE)
    assert episodes.count() == 12
    assert {e.actor_label for e in episodes} == {f"kommandoraden ({getpass.getuser()})"}
    assert {e.association_pk for e in episodes} == {association.pk}
