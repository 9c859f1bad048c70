"""`samordna serve` really starts several worker processes and answers pages and static files.

The server runs as a user would start it, on a free loopback port with a new SQLite database,
and is stopped with SIGTERM (as a service manager stops it) at the end.
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from samordna.cli import CommandError
from samordna.cli.serve import worker_count
from tests.cli.conftest import copy_of

SAMORDNA = Path(sys.executable).with_name("samordna")
STARTUP = 180  # seconds to wait for migrate + collectstatic on a loaded machine; not a speed test
HASHED_CSS = re.compile(r"/static/samordna\.[0-9a-f]{12}\.css")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _get(url: str):
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.status, dict(response.headers), response.read().decode()


def _children(pid: int) -> list[int]:
    """Processes whose parent is `pid` (from /proc, Linux)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def _wait_until_answering(server: subprocess.Popen, url: str) -> None:
    deadline = time.monotonic() + STARTUP
    while time.monotonic() < deadline:
        assert server.poll() is None, "samordna serve stannade innan den svarade"
        try:
            _get(url)
            return
        except OSError:
            time.sleep(0.05)
    pytest.fail(f"samordna serve svarade inte på {url}")


@pytest.fixture
def server(tmp_path, migrated_file):
    copy_of(migrated_file, tmp_path)  # the database a first command made (see conftest.py)
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    env.update(
        SAMORDNA_HOME=str(tmp_path),
        DATABASE_URL=f"sqlite:///{tmp_path / 'samordna.sqlite3'}",
        SAMORDNA_WORKERS="2",
    )
    log = (tmp_path / "serve.log").open("w")
    process = subprocess.Popen(
        [str(SAMORDNA), "serve", "--port", str(port)],
        env=env,
        cwd=tmp_path,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_answering(process, f"{base}/logga-in/")
        yield process, base
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=60)
        log.close()


def test_serve_answers_from_several_workers_caches_hashed_static_files_and_stops(server):
    process, base = server
    workers = _children(process.pid)
    assert len(workers) == 2
    status, _, page = _get(f"{base}/logga-in/")
    assert status == 200 and "Logga in" in page
    css = HASHED_CSS.search(page)
    assert css, "the page links the stylesheet under a hashed name"
    status, headers, text = _get(base + css.group(0))
    assert status == 200 and "font-family" in text
    assert "max-age=315360000" in headers["Cache-Control"]
    assert "immutable" in headers["Cache-Control"]
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=60) == 0
    assert not any(Path(f"/proc/{pid}").exists() for pid in workers)


def test_the_worker_count_comes_from_samordna_workers():
    assert worker_count({"SAMORDNA_WORKERS": "3"}) == 3
    assert worker_count({}) == 2 * (os.cpu_count() or 1) + 1


@pytest.mark.parametrize("text", ["noll", "0", "-2"])
def test_a_bad_worker_count_gets_a_swedish_message(text):
    with pytest.raises(CommandError, match="SAMORDNA_WORKERS ska vara ett heltal"):
        worker_count({"SAMORDNA_WORKERS": text})
