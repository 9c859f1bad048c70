"""`make bench`: 50 simulated users against `samordna serve`, on loopback only and bounded.

For each database (SQLite in WAL mode in a temporary folder; PostgreSQL too when
SAMORDNA_BENCH_DATABASE_URL names one) the demo is loaded, the server started on a free loopback
port and USERS threads each sign in once as the demo's chef. Then, for LOAD_SECONDS, each user
asks for one of the main pages (overview, budget, insatser, follow-up, documents), thinks 2–5 s
and asks again; one request in ten is a write: a participant's form opened and saved through the
real form (CSRF token and the hidden `seen` field of the edit check), and the answer must say
"sparad". Each user stops after
MAX_REQUESTS requests or at the deadline, whichever comes first. Afterwards the closed-loop
maximum: CLIENTS clients without pause for CLOSED_SECONDS over the pages, then as long over the
hashed stylesheet (a bare static file). An error is a status of 500 or more or a timeout.
"""

from __future__ import annotations

import os
import random
import re
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from html.parser import HTMLParser
from typing import Any

from bench_server import DEMO_SLUG, _logged_in, serving_demo

USERS = 50
THINK = (2.0, 5.0)
WRITE_SHARE = 0.1
LOAD_SECONDS = 40.0
MAX_REQUESTS = 40  # per user: 40 s / 2 s think at the most is 20, so the deadline ends the loop
CLIENTS = 10
CLOSED_SECONDS = 10.0
TIMEOUT = 10.0
OPENER = urllib.request.OpenerDirector


@dataclass
class Tally:
    """Response times per kind of request and the errors, shared by the user threads."""

    times: dict[str, list[float]] = field(default_factory=dict)
    errors: dict[str, int] = field(default_factory=dict)
    refused: int = 0  # 4xx: the page said no (not a server error, but not expected either)
    unsaved: int = 0  # a save answered without "sparad": the form came back
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, kind: str, seconds: float | None, status: int) -> None:
        with self.lock:
            if seconds is None or status >= 500:
                self.errors[kind] = self.errors.get(kind, 0) + 1
            elif status >= 400:
                self.refused += 1
            else:
                self.times.setdefault(kind, []).append(seconds)

    def count(self) -> int:
        return sum(len(t) for t in self.times.values()) + sum(self.errors.values()) + self.refused


def bench_load(measurement: Callable[[str, str, float], Any]) -> list[Any]:
    """The 50-user run on SQLite-WAL, and on PostgreSQL when SAMORDNA_BENCH_DATABASE_URL is set."""
    results = _one_database("SQLite-WAL", None, measurement)
    postgres = os.environ.get("SAMORDNA_BENCH_DATABASE_URL")
    if postgres:
        results += _one_database("PostgreSQL", postgres, measurement)
    else:
        print("SAMORDNA_BENCH_DATABASE_URL saknas: lasttestet på PostgreSQL hoppas över.")
    return results


def _one_database(label: str, url: str | None, measurement: Callable) -> list[Any]:
    with serving_demo(url) as base:
        return _run(label, base, measurement)


def _run(label: str, base: str, measurement: Callable) -> list[Any]:
    forbund = f"{base}/forbund/{DEMO_SLUG}"
    first = _signed_in(base)
    pages = _pages(first, forbund)
    listed = _get(first, f"{forbund}/uppfoljning/deltagare/")
    episodes = _links(listed, r"uppfoljning/deltagare/\d+/")
    assert episodes, "the demo förbund has participants to save"
    sessions = [first] + [_signed_in(base) for _ in range(USERS - 1)]  # untimed: Argon2 each
    load = os.getloadavg()
    tally = Tally()
    started = time.monotonic()
    _threads([partial(_user, i, sessions[i], pages, base, episodes, tally) for i in range(USERS)])
    elapsed = time.monotonic() - started
    closed = _closed_loop(sessions[:CLIENTS], list(pages.items()))
    stylesheet = re.search(r"/static/samordna\.[0-9a-f]{12}\.css", _get(first, pages["översikten"]))
    assert stylesheet, "the overview links the hashed stylesheet"
    static = _closed_loop(sessions[:CLIENTS], [("stilmallen", base + stylesheet.group(0))])
    return _report(label, tally, elapsed, closed, static, load, measurement)


def _signed_in(base: str) -> OPENER:
    opener = _logged_in(base)  # signs in as the demo's chef
    answer = opener.open(f"{base}/forbund/{DEMO_SLUG}/", timeout=60)
    assert "/logga-in/" not in answer.geturl(), "the demo chef signs in"
    answer.read()
    return opener


def _pages(opener: OPENER, forbund: str) -> dict[str, str]:
    budgets = _links(_get(opener, f"{forbund}/budget/"), r"budget/\d+/")
    assert budgets, "the demo förbund has a budget"
    return {
        "översikten": f"{forbund}/",
        "budgeten": f"{forbund}/{budgets[0]}",
        "insatserna": f"{forbund}/insatser/",
        "uppföljningen": f"{forbund}/uppfoljning/",
        "dokumenten": f"{forbund}/dokument/",
    }


def _links(page: str, pattern: str) -> list[str]:
    return sorted(set(re.findall(rf"/forbund/{DEMO_SLUG}/({pattern})\"", page)))


def _get(opener: OPENER, url: str) -> str:
    return opener.open(url, timeout=60).read().decode()


def _user(
    index: int, opener: OPENER, pages: dict[str, str], base: str, episodes: list[str], tally: Tally
) -> None:
    rng = random.Random(index)
    episode = f"{base}/forbund/{DEMO_SLUG}/{episodes[index % len(episodes)]}"
    stop = time.monotonic() + LOAD_SECONDS
    time.sleep(rng.uniform(0, THINK[1]))  # the users do not all start in the same instant
    for _ in range(MAX_REQUESTS):
        if time.monotonic() >= stop:
            return
        if rng.random() < WRITE_SHARE:
            _save_participant(opener, episode, tally)
        else:
            kind = rng.choice(list(pages))
            tally.add(kind, *_timed(opener, pages[kind]))
        time.sleep(min(rng.uniform(*THINK), max(0.0, stop - time.monotonic())))


def _save_participant(opener: OPENER, url: str, tally: Tally) -> None:
    """Open the participant's form and save it as it stands (the edit check's `seen` included)."""
    seconds, status, page = _timed_page(opener, url, None)
    tally.add("deltagarformuläret", seconds, status)
    if seconds is None or status >= 400:
        return
    form = _edit_form(page)
    data = urllib.parse.urlencode(form).encode()
    seconds, status, answer = _timed_page(opener, url, data)
    tally.add("spara deltagare", seconds, status)
    if seconds is not None and status < 400 and ": sparad." not in answer:
        with tally.lock:
            tally.unsaved += 1


def _timed(opener: OPENER, url: str) -> tuple[float | None, int]:
    seconds, status, _ = _timed_page(opener, url, None)
    return seconds, status


def _timed_page(opener: OPENER, url: str, data: bytes | None) -> tuple[float | None, int, str]:
    """Seconds (None on a timeout or a broken connection), the status and the page's text."""
    start = time.perf_counter()
    try:
        with opener.open(url, data, timeout=TIMEOUT) as answer:
            page = answer.read().decode()
            return time.perf_counter() - start, answer.status, page
    except urllib.error.HTTPError as refused:
        return time.perf_counter() - start, refused.code, ""
    except OSError:
        return None, 0, ""


class _FormFields(HTMLParser):
    """The fields of each POST form on a page, as a browser would send them unchanged."""

    def __init__(self) -> None:
        super().__init__()
        self.forms: list[list[tuple[str, str]]] = []
        self._select: str | None = None
        self._first_option: str | None = None
        self._chosen = False
        self._textarea: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form":
            self.forms.append([])
        elif not self.forms or not a.get("name") and tag != "option":
            return
        elif tag == "input":
            self._input(a)
        elif tag == "select":
            self._select, self._first_option, self._chosen = a["name"], None, False
        elif tag == "option" and self._select is not None:
            self._option(a)
        elif tag == "textarea":
            self._textarea = a["name"]
            self.forms[-1].append((a["name"], ""))

    def _input(self, a: dict[str, str]) -> None:
        kind = a.get("type", "text")
        if kind in ("submit", "button", "file", "image", "reset"):
            return
        if kind in ("checkbox", "radio") and "checked" not in a:
            return
        self.forms[-1].append((a["name"], a.get("value", "on" if kind == "checkbox" else "")))

    def _option(self, a: dict[str, str]) -> None:
        assert self._select is not None
        if self._first_option is None:
            self._first_option = a.get("value", "")
        if "selected" in a and not self._chosen:
            self._chosen = True
            self.forms[-1].append((self._select, a.get("value", "")))

    def handle_endtag(self, tag: str) -> None:
        if tag == "select" and self._select is not None:
            if not self._chosen and self._first_option is not None:
                self.forms[-1].append((self._select, self._first_option))
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data: str) -> None:
        if self._textarea is not None and self.forms:
            name, text = self.forms[-1][-1]
            self.forms[-1][-1] = (name, text + data)


def _edit_form(page: str) -> list[tuple[str, str]]:
    """The form with the edit check's hidden `seen` field."""
    parser = _FormFields()
    parser.feed(page)
    found = [form for form in parser.forms if any(name == "seen" for name, _ in form)]
    assert found, "the participant's form carries the edit check's `seen` field"
    return found[0]


def _threads(actions: list[Callable[[], None]]) -> None:
    threads = [threading.Thread(target=action) for action in actions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def _closed_loop(openers: list[OPENER], urls: list[tuple[str, str]]) -> tuple[Tally, float]:
    """Each client asks without pause, round the urls, for CLOSED_SECONDS."""
    tally = Tally()
    stop = time.monotonic() + CLOSED_SECONDS

    def client(opener: OPENER, offset: int) -> None:
        turn = offset
        while time.monotonic() < stop:
            kind, url = urls[turn % len(urls)]
            turn += 1
            tally.add(kind, *_timed(opener, url))

    started = time.monotonic()
    _threads([partial(client, o, i) for i, o in enumerate(openers)])
    return tally, time.monotonic() - started


def _report(
    label: str,
    tally: Tally,
    elapsed: float,
    closed: tuple[Tally, float],
    static: tuple[Tally, float],
    load: tuple[float, float, float],
    measurement: Callable,
) -> list[Any]:
    errors = sum(tally.errors.values())
    print(
        f"lasttest {label}: {USERS} användare i {elapsed:.0f} s, {tally.count()} förfrågningar, "
        f"{_comma(tally.count() / elapsed)} förfrågningar/s, {errors} fel{_which(tally.errors)}, "
        f"{tally.refused} nekade, {tally.unsaved} sparningar utan kvitto, "
        f"belastning före {_loads(load)}, efter {_loads(os.getloadavg())}"
    )
    results = []
    for kind, times in tally.times.items():
        what = f"{label}, {len(times)} svar, p50 {_percentile(times, 0.5):.3f} s".replace(".", ",")
        results.append(measurement(f"lasttest, {kind}, p95", what, _percentile(times, 0.95)))
    for name, (loop, seconds) in (("sidorna", closed), ("stilmallen", static)):
        count, failed = loop.count(), sum(loop.errors.values())
        all_times = [t for times in loop.times.values() for t in times]
        what = (
            f"{label}, {CLIENTS} klienter utan paus i {seconds:.0f} s: "
            f"{count / seconds:.0f} förfrågningar/s, {failed} fel, {loop.refused} nekade"
        )
        p95 = _percentile(all_times, 0.95)
        results.append(measurement(f"sluten slinga, {name}, p95", what, p95))
    return results


def _loads(load: tuple[float, float, float]) -> str:
    return " ".join(_comma(x) for x in load)


def _which(errors: dict[str, int]) -> str:
    return " (" + ", ".join(f"{kind} {n}" for kind, n in errors.items()) + ")" if errors else ""


def _comma(number: float) -> str:
    return f"{number:.1f}".replace(".", ",")


def _percentile(times: list[float], share: float) -> float:
    ordered = sorted(times)
    return ordered[int(share * (len(ordered) - 1))] if ordered else float("nan")
