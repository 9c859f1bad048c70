"""Benchmarks, run by `make bench`: each function in BENCHMARKS measures one thing.

A benchmark returns a Measurement: what was timed and its best wall-clock time
of a few runs. Add a benchmark by writing a function and listing it.
"""

from __future__ import annotations

import contextlib
import csv
import io
import random
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

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


def bench_budget_check() -> list[Measurement]:
    """`samordna budget check` on 5 000 lines over ten years (read, check and JSON report), and
    the bare parse of the same file (Python's csv module, nothing checked) in the same run,
    taking turns, best of 15 each by wall clock and by processor time."""
    with tempfile.TemporaryDirectory() as folder:
        path = write_budget_file(Path(folder) / "budget.csv")
        argv = ["budget", "check", str(path), "--format", "json"]
        (bare, bare_cpu), (seconds, cpu) = taking_turns(
            [lambda: _bare_parse(path), lambda: _quietly(argv)], 3 * RUNS
        )
    return [
        Measurement(
            "bar tolkning av budgetfilen",
            f"csv.reader, 5 000 rader × 10 år; processortid {_decimal(bare_cpu, 4)} s",
            bare,
        ),
        Measurement(
            "budget check",
            f"5 000 budgetrader × 10 år, CSV: {_decimal(seconds / bare, 1)} × bar tolkning "
            f"(processortid {_decimal(cpu, 4)} s, {_decimal(cpu / bare_cpu, 1)} ×)",
            seconds,
        ),
    ]


def taking_turns(actions: list[Callable[[], object]], runs: int) -> list[tuple[float, float]]:
    """The shortest wall-clock and processor time of each action in seconds, over `runs`
    rounds in which the actions take turns, so that others' work on a shared machine slows
    each alike."""
    times: list[list[tuple[float, float]]] = [[] for _ in actions]
    for _ in range(runs):
        for action, taken in zip(actions, times, strict=True):
            wall, cpu = time.perf_counter(), time.process_time()
            action()
            taken.append((time.perf_counter() - wall, time.process_time() - cpu))
    return [(min(w for w, _ in taken), min(c for _, c in taken)) for taken in times]


def _decimal(value: float, places: int) -> str:
    return f"{value:.{places}f}".replace(".", ",")


def _bare_parse(path: Path) -> list[list[str]]:
    text = path.read_text(encoding="utf-8")
    return list(csv.reader(io.StringIO(text), delimiter=";"))


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


PLAN_YEAR = 2027


def _large_association() -> Any:
    """A förbund with 6 members, 30 individual insatser and a budget over three years, in a
    fresh SQLite database in a temporary folder (the real database is never touched)."""
    from datetime import date as day

    from samordna.associations.models import Association, Member
    from samordna.budgets import services
    from samordna.economy import services as economy
    from samordna.interventions.models import Intervention, InterventionBudget

    association = Association.objects.create(
        slug="bench",
        name="Samordningsförbundet Mätby",
        org_number="222000-1719",
        formed_on=day(2010, 1, 1),
    )
    kinds = [("Försäkringskassan", "fk"), ("Arbetsförmedlingen", "af"), ("Region Mätby", "region")]
    members = [Member.objects.create(association=association, name=n, kind=k) for n, k in kinds]
    region = members[2]
    for index, name in enumerate(("Mätby kommun", "Norrby kommun", "Söderby kommun")):
        member = Member.objects.create(
            association=association, name=name, kind="municipality", region=region, position=index
        )
        member.populations.create(
            year=2026, count=10_000 * (index + 1), reference_date=day(2026, 1, 1), source="SCB"
        )
        members.append(member)
    request = economy.AllocationRequest(PLAN_YEAR, 1_200_000_000, "total", 100_000, "split", 2026)
    economy.save(association, request, user=None)
    budget = services.create(association, services.NewBudget("Budget", PLAN_YEAR), user=None)
    budget.opening_equity = 300_000_000
    budget.save()
    version = budget.versions.get()
    years = budget.years
    income = services.add_line(version, "income", "Medlemsbidrag")
    amounts = {(income.pk, y): 1_200_000_000 for y in years}
    for number in range(1, 31):
        insats = Intervention.objects.create(
            association=association,
            name=f"Insats {number}",
            kind="individual",
            status="pagaende",
            start=day(PLAN_YEAR - 1, 1, 1),
        )
        insats.members.set(members[:2] + members[3 + number % 3 : 4 + number % 3])
        line = services.add_line(version, "individual", insats.name)
        for year in years:
            amount = 30_000_000 + 100_000 * number
            InterventionBudget.objects.create(intervention=insats, year=year, amount=amount)
            amounts[(line.pk, year)] = amount
    for label in ("Förbundschef", "Styrelse", "Revision"):
        line = services.add_line(version, "administration", label)
        amounts.update({(line.pk, y): 40_000_000 for y in years})
    services.set_amounts(version, amounts)
    return association


def bench_plan_pdf() -> list[Measurement]:
    """The full plan as PDF (model built from the database, charts, Typst), and LibreOffice
    converting our Word file of the same plan to PDF, on the same machine in the same run."""
    import os
    import shutil
    import subprocess

    with tempfile.TemporaryDirectory() as folder:
        os.environ["DATABASE_URL"] = f"sqlite:///{folder}/bench.sqlite3"
        from samordna.cli import setup_django

        setup_django()
        from samordna.documents import plan
        from samordna.documents.outputs import render

        association = _large_association()
        render(plan.build(association, PLAN_YEAR), "pdf")  # warm: fonts and imports loaded once
        ours = best_of(lambda: render(plan.build(association, PLAN_YEAR), "pdf"), 3)
        first = min(_plan_pdf_in_a_new_process() for _ in range(3))
        found = [
            Measurement("verksamhetsplan som PDF", "30 insatser × 3 år, Samordna", ours),
            Measurement("samma plan, första gången i processen", "Samordna", first),
        ]
        office = shutil.which("libreoffice") or shutil.which("soffice")
        if office is None:
            print("LibreOffice saknas: jämförelsen hoppas över.")
            return found
        docx = Path(folder) / "plan.docx"
        docx.write_bytes(render(plan.build(association, PLAN_YEAR), "docx"))
        command = [office, "--headless", "--convert-to", "pdf", "--outdir", folder, str(docx)]
        profile = f"-env:UserInstallation=file://{folder}/lo-profil"
        subprocess.run([*command, profile], capture_output=True, check=True)  # first start
        theirs = best_of(
            lambda: subprocess.run([*command, profile], capture_output=True, check=True), 3
        )
        found.append(
            Measurement("samma plan, Word till PDF", "LibreOffice --convert-to pdf", theirs)
        )
    return found


def _plan_pdf_in_a_new_process() -> float:
    """The plan's PDF timed in a new process that has printed only another document before:
    Typst remembers what it laid out, so a second print of the same plan is faster than the
    first print of a plan it has not seen."""
    import subprocess
    import sys

    command = [sys.executable, __file__, "plan-pdf-once"]
    return float(subprocess.run(command, capture_output=True, text=True, check=True).stdout)


def plan_pdf_once() -> None:
    """In a process of its own (DATABASE_URL says which database): the notices first, so
    imports and fonts are loaded, then the plan once; prints the plan's seconds."""
    from samordna.cli import setup_django

    setup_django()
    from samordna.associations.models import Association
    from samordna.documents import notice, plan
    from samordna.documents.outputs import render

    association = Association.objects.get(slug="bench")
    render(notice.build(association, PLAN_YEAR), "pdf")
    start = time.perf_counter()
    render(plan.build(association, PLAN_YEAR), "pdf")
    print(time.perf_counter() - start)


def bench_web_server() -> list[Measurement]:
    """`samordna serve` with the demo under a closed loop of clients (tools/bench_server.py)."""
    from bench_server import bench_server

    return bench_server(Measurement)


def bench_load_run() -> list[Measurement]:
    """50 simulated users with think time against `samordna serve` (tools/bench_load.py)."""
    from bench_load import bench_load

    return bench_load(Measurement)


def bench_national_reports() -> list[Measurement]:
    """The reports at national size, against a hand-written GROUP BY (tools/bench_reports.py)."""
    from bench_reports import bench_reports

    return bench_reports(Measurement)


BENCHMARKS: list[Callable[[], Measurement | list[Measurement]]] = [
    bench_budget_check,
    bench_followup_report,
    bench_national_reports,
    bench_plan_pdf,
    bench_web_server,
    bench_load_run,
]


def main(chosen: list[str]) -> None:
    """Every benchmark, or those whose function name contains one of `chosen` ("load_run")."""
    for benchmark in BENCHMARKS:
        if chosen and not any(part in benchmark.__name__ for part in chosen):
            continue
        results = benchmark()
        for result in results if isinstance(results, list) else [results]:
            seconds = f"{result.seconds:.3f}".replace(".", ",")
            print(f"{result.name} ({result.what}): {seconds} s, bästa körningen")


if __name__ == "__main__":
    if sys.argv[1:] == ["plan-pdf-once"]:
        plan_pdf_once()
    else:
        main(sys.argv[1:])
