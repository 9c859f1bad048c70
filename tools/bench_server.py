"""`make bench`: `samordna serve` under load, on loopback only and for a bounded time.

The demo is loaded into a fresh SQLite database in a temporary folder, the server started on a
free loopback port, and CLIENTS clients ask without pause (a closed loop), first WARMUP seconds
untimed, then DURATION seconds: the förbund's overview as the logged-in chef, and the hashed
stylesheet. The figures are the requests per second of all clients together and the 95th
percentile of each kind of request.
"""

from __future__ import annotations

import contextlib
import http.cookiejar
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

CLIENTS = 10
DURATION = 10.0
WARMUP = 5.0  # untimed first: each worker loads its templates and parameters on its first pages
STARTUP = 300.0
DEMO_SLUG = "trollhattan-lilla-edet-grastorp"
SAMORDNA = Path(sys.executable).with_name("samordna")


def bench_server(measurement: Callable[[str, str, float], Any]) -> list[Any]:
    """The overview and the stylesheet under CLIENTS clients, with the default worker count."""
    with serving_demo() as base:
        return _measure(base, measurement)


@contextlib.contextmanager
def serving_demo(database_url: str | None = None) -> Iterator[str]:
    """`samordna serve` with the demo on a free loopback port, answering; yields its base URL.

    The database is a fresh SQLite file in a temporary folder, or `database_url` if given."""
    with tempfile.TemporaryDirectory() as folder:
        env = _environment(Path(folder))
        if database_url:
            env["DATABASE_URL"] = database_url
        subprocess.run([str(SAMORDNA), "demo"], env=env, capture_output=True, check=True)
        port = _free_port()
        server = subprocess.Popen(
            [str(SAMORDNA), "serve", "--port", str(port)],
            env=env,
            cwd=folder,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            base = f"http://127.0.0.1:{port}"
            _wait_until_answering(base, server)
            yield base
        finally:
            _stop(server, port)


def _stop(server: subprocess.Popen, port: int) -> None:
    """SIGTERM, as a service manager stops it; says how long the server took, its exit code and
    whether the port is free again (no worker left holding it)."""
    started = time.monotonic()
    server.send_signal(signal.SIGTERM)
    code = server.wait(timeout=60)
    with socket.socket() as probe:
        free = probe.connect_ex(("127.0.0.1", port)) != 0
    seconds = f"{time.monotonic() - started:.1f}".replace(".", ",")
    state = "ingen svarar längre på porten" if free else "något svarar fortfarande på porten"
    print(f"samordna serve stannade på {seconds} s med slutkod {code}; {state}")


def _environment(folder: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    env.update(SAMORDNA_HOME=str(folder), DATABASE_URL=f"sqlite:///{folder}/bench.sqlite3")
    return env


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _measure(base: str, measurement: Callable) -> list[Any]:
    opener = _logged_in(base)
    page = opener.open(f"{base}/forbund/{DEMO_SLUG}/").read().decode()
    found = re.search(r"/static/samordna\.[0-9a-f]{12}\.css", page)
    assert found, "the overview links the hashed stylesheet"
    urls = {"översikten": f"{base}/forbund/{DEMO_SLUG}/", "stilmallen": base + found.group(0)}
    _closed_loop(opener, list(urls.items()), WARMUP)
    times, errors = _closed_loop(opener, list(urls.items()), DURATION)
    total = sum(len(t) for t in times.values())
    workers = os.environ.get("SAMORDNA_WORKERS") or "2 × kärnor + 1"
    what = (
        f"{CLIENTS} klienter utan paus i {DURATION:.0f} s, {workers} arbetsprocesser: "
        f"{total / DURATION:.0f} förfrågningar/s, {errors} fel"
    )
    return [measurement(f"webbservern, {name}, p95", what, _p95(t)) for name, t in times.items()]


def _wait_until_answering(base: str, server: subprocess.Popen) -> None:
    deadline = time.monotonic() + STARTUP
    while time.monotonic() < deadline and server.poll() is None:
        try:
            urllib.request.urlopen(f"{base}/logga-in/", timeout=10).read()
            return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError("samordna serve svarade inte")


def _logged_in(base: str) -> urllib.request.OpenerDirector:
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samordna.settings")
    django.setup()  # the demo's modules define models
    from samordna.demo.data import DEMO_PASSWORD

    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    form = opener.open(f"{base}/logga-in/").read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form)
    assert token, "the login form carries a CSRF token"
    data = {"csrfmiddlewaretoken": token.group(1), "username": "chef", "password": DEMO_PASSWORD}
    opener.open(f"{base}/logga-in/", urllib.parse.urlencode(data).encode()).read()
    return opener


def _closed_loop(
    opener: urllib.request.OpenerDirector, urls: list[tuple[str, str]], seconds: float
) -> tuple[dict[str, list[float]], int]:
    times: dict[str, list[float]] = {name: [] for name, _ in urls}
    errors = [0]
    stop = time.monotonic() + seconds

    def client(offset: int) -> None:
        turn = offset
        while time.monotonic() < stop:
            name, url = urls[turn % len(urls)]
            turn += 1
            start = time.perf_counter()
            try:
                opener.open(url, timeout=30).read()
                times[name].append(time.perf_counter() - start)
            except OSError:
                errors[0] += 1

    threads = [threading.Thread(target=client, args=(i,)) for i in range(CLIENTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return times, errors[0]


def _p95(times: list[float]) -> float:
    ordered = sorted(times)
    return ordered[int(0.95 * (len(ordered) - 1))] if ordered else float("nan")
