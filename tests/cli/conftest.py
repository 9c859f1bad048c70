"""A migrated, empty SQLite file made once by the real command and copied for each test.

Migrating a new file from nothing runs every migration (several seconds of CPU); the tests
that start `samordna` in a subprocess need a database but not that work each time. The first
command in an empty folder makes the file (`migrated_file`, checked by
`test_the_first_command_in_an_empty_folder_migrates_every_app` in test_many_writers.py) once
for the whole run, across xdist workers (a lock file), and each test gets a copy of it.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.test_many_writers import _env

DATABASE = "samordna.sqlite3"


@pytest.fixture(scope="session")
def migrated_file(tmp_path_factory) -> Path:
    """samordna.sqlite3 as `samordna association list` leaves it in an empty folder."""
    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = shared.parent  # the same folder for every worker of the run
    folder = shared / "migrated-once"
    with (shared / "migrated-once.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (folder / DATABASE).exists():
            _make(folder)
    return folder / DATABASE


def _make(folder: Path) -> None:
    home = folder.with_name(folder.name + ".making")
    shutil.rmtree(home, ignore_errors=True)
    home.mkdir()
    command = [sys.executable, "-m", "samordna", "association", "list"]
    # Every migration on a loaded machine: a generous limit (this is not a speed test).
    done = subprocess.run(
        command, env=_env(home, "20"), capture_output=True, text=True, timeout=900
    )
    assert done.returncode == 0, done.stderr
    with sqlite3.connect(home / DATABASE) as connection:  # the WAL folded into the file
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    for leftover in ("-wal", "-shm"):
        (home / (DATABASE + leftover)).unlink(missing_ok=True)
    home.rename(folder)


def copy_of(migrated_file: Path, home: Path) -> Path:
    """`home` with a copy of the migrated empty database, as if a command had made it there."""
    home.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(migrated_file, home / DATABASE)
    return home
