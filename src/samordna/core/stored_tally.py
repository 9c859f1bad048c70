"""A year's follow-up counts (`followup.Tally`) as plain JSON data and back, so that what
retention removes can be kept as counts and the year's reports read the same afterwards."""

from __future__ import annotations

from typing import Any

from samordna.core.followup import Tally


def as_json(found: Tally) -> dict[str, Any]:
    return {
        "ran": found.ran,
        "sex": dict(found.sex),
        "birth_years": {str(k): n for k, n in found.birth_years.items()},
        "ended": found.ended,
        "reasons": [[reason, sex, n] for (reason, sex), n in found.reasons.items()],
        "income": [[start, end, n] for (start, end), n in found.income.items()],
        "stepped": found.stepped,
        "rated": found.rated,
        "higher": found.higher,
        "quality_sum": found.quality_sum,
        "days": {str(k): n for k, n in found.days.items()},
    }


def from_json(data: dict[str, Any]) -> Tally:
    return Tally(
        ran=data["ran"],
        sex=dict(data["sex"]),
        birth_years={int(k): n for k, n in data["birth_years"].items()},
        ended=data["ended"],
        reasons={(reason, sex): n for reason, sex, n in data["reasons"]},
        income={(start, end): n for start, end, n in data["income"]},
        stepped=data["stepped"],
        rated=data["rated"],
        higher=data["higher"],
        quality_sum=data["quality_sum"],
        days={int(k): n for k, n in data["days"].items()},
    )
