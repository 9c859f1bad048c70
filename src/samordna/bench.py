"""Benchmarks, run by `make bench`: each function in BENCHMARKS measures one thing.

A benchmark returns a Measurement: what was timed and its best wall-clock time
of a few runs. Add a benchmark by writing a function and listing it.
"""

from __future__ import annotations

import contextlib
import io
import random
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from samordna.cli import main as samordna
from samordna.core.followup import END_REASONS, INCOMES, EpisodeFacts, as_data, report

RUNS = 5
SECTIONS = ("Intäkter", "Individinriktade insatser", "Strukturinriktade insatser", "Kansli")


@dataclass(frozen=True)
class Measurement:
    name: str
    what: str
    seconds: float


def best_of(action: Callable[[], object], runs: int = RUNS) -> float:
    """The shortest wall-clock time of `runs` calls, in seconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def write_budget_file(path: Path, lines: int = 5000, years: int = 10) -> Path:
    """A correct budget file: `lines` lines in blocks of 50, each block with its Summa row."""
    columns = [2025 + i for i in range(years)]
    rows = [";".join(["avsnitt", "rad", *map(str, columns)])]
    for block in range(lines // 50):
        section = SECTIONS[block % len(SECTIONS)]
        amounts = [[1000 * (1 + (block + n + i) % 97) for i in range(years)] for n in range(50)]
        rows += [_csv_row(section, f"Rad {block * 50 + n + 1}", a) for n, a in enumerate(amounts)]
        sums = [sum(year) for year in zip(*amounts, strict=True)]
        rows.append(_csv_row("Summa", f"Summa block {block + 1}", sums))
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def _csv_row(section: str, label: str, amounts: Iterable[int]) -> str:
    return ";".join([section, label, *(f"{amount:,}".replace(",", " ") for amount in amounts)])


def bench_budget_check() -> Measurement:
    """`samordna budget check` on 5 000 lines over ten years (read, check and JSON report)."""
    with tempfile.TemporaryDirectory() as folder:
        path = write_budget_file(Path(folder) / "budget.csv")
        seconds = best_of(lambda: _quietly(["budget", "check", str(path), "--format", "json"]))
    return Measurement("budget check", "5 000 budgetrader × 10 år, CSV", seconds)


def _quietly(argv: list[str]) -> None:
    with contextlib.redirect_stdout(io.StringIO()):
        code = samordna(argv)
    if code != 0:
        raise SystemExit(f"{' '.join(argv)} gav felkod {code}")


def synthetic_episodes(count: int) -> list[EpisodeFacts]:
    """`count` finished and running episodes spread over 2024–2026, deterministic."""
    rng = random.Random(count)
    reasons, incomes = list(END_REASONS), list(INCOMES)
    episodes = []
    for _ in range(count):
        start = date(2024, 1, 1) + timedelta(days=rng.randrange(900))
        end = start + timedelta(days=rng.randint(30, 500))
        finished = end <= date(2026, 12, 31)
        episodes.append(
            EpisodeFacts(
                sex=rng.choice(("kvinna", "man")),
                birth_year=start.year - rng.randint(18, 64),
                start=start,
                end=end if finished else None,
                income_start=rng.choice(incomes),
                income_end=rng.choice(incomes) if finished else "",
                end_reason=rng.choice(reasons) if finished else "",
                quality_start=rng.randint(0, 10),
                quality_end=rng.randint(0, 10) if finished else None,
                steps=rng.randint(0, 3),
            )
        )
    return episodes


def bench_followup_report() -> Measurement:
    """The year's follow-up report (all tables, protected) over 50 000 episodes, as JSON data."""
    episodes = synthetic_episodes(50_000)
    seconds = best_of(lambda: as_data(report(episodes, 2025)))
    return Measurement("uppföljningsrapport", "50 000 deltagarperioder, ett år", seconds)


BENCHMARKS: list[Callable[[], Measurement]] = [bench_budget_check, bench_followup_report]


def main() -> None:
    for benchmark in BENCHMARKS:
        result = benchmark()
        seconds = f"{result.seconds:.3f}".replace(".", ",")
        print(f"{result.name} ({result.what}): {seconds} s, bäst av {RUNS}")


if __name__ == "__main__":
    main()
