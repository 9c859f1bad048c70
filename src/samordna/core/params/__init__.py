"""Dated legal parameters: each file names its source and keys values by the date they take effect.

A file looks like this (TOML):

    description = "..."
    source = "SFS 2003:1210 5 §"
    unit = "..."          # what the numbers count: öre, kronor per månad, a share as a fraction
    [[values]]
    from = 2004-01-01
    ...

`load("finsam_shares").at(date)` gives the values in force on that date.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date
from importlib import resources
from typing import Any


class ParameterError(LookupError):
    """No value of a parameter is in force on the asked date."""


@dataclass(frozen=True)
class Parameter:
    name: str
    description: str
    source: str
    unit: str
    confirmed: bool
    values: tuple[dict[str, Any], ...]

    def at(self, when: date) -> dict[str, Any]:
        """The values in force on `when` (the latest entry that took effect on or before it)."""
        in_force = [entry for entry in self.values if entry["from"] <= when]
        if not in_force:
            raise ParameterError(f"Parametern {self.name} har inget värde som gäller {when}.")
        return max(in_force, key=lambda entry: entry["from"])


def load(name: str) -> Parameter:
    """Read the parameter file `core/params/<name>.toml`."""
    text = resources.files(__package__).joinpath(f"{name}.toml").read_text(encoding="utf-8")
    data = tomllib.loads(text)
    return Parameter(
        name=name,
        description=data["description"],
        source=data["source"],
        unit=data["unit"],
        confirmed=data.get("confirmed", True),
        values=tuple(data["values"]),
    )
