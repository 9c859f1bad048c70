"""`make bench`: 50 simulated users against `samordna serve`, on loopback only and bounded.

For each database (SQLite in WAL mode in a temporary folder; PostgreSQL too when
SAMORDNA_BENCH_DATABASE_URL names one) the demo is loaded, the server started on a free loopback
port and USERS threads each sign in once as the demo's chef. Then, for LOAD_SECONDS, each user
asks for one of the main pages (overview, budget, insatser, follow-up, documents), thinks 2–5 s
and asks again. One request in ten is a write, through the real forms (CSRF token, the hidden
`seen` field of the edit check), each kind as often:
- a participant's form opened and saved as it stands; the answer must say "sparad";
- a budget amount: the grid of a revision (a förslag made once before the run, as a chef would)
  opened, the user's own cell given a new amount and saved; the saved grid must show it. When
  someone else saved in between, the page says so and nothing is saved: the user opens the grid
  again and types the amount once more (counted as a conflict, up to CONFLICT_TRIES times);
- an import: a participant file of IMPORT_ROWS new participants uploaded on the import page;
  the answer must say how many were added.
After the run the grid is read once more: every cell that one user owns must hold the amount
that user saved last (a save that went missing would show here). Each user stops after
MAX_REQUESTS requests or at the deadline, whichever comes first. Afterwards the closed-loop
maximum: CLIENTS clients without pause for CLOSED_SECONDS over the pages, then as long over the
hashed stylesheet (a bare static file). An error is a status of 500 or more or a timeout.
p50 and p95 are reported per kind of request, for the pages together (every GET, the forms
opened included) and for every answer together (pages and writes: the issue's "p95").
"""

from __future__ import annotations

import contextlib
import os
import random
import re
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import partial
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from bench_server import DEMO_SLUG, _logged_in, serving_demo

USERS = 50
THINK = (2.0, 5.0)
WRITE_SHARE = 0.1
LOAD_SECONDS = 40.0
MAX_REQUESTS = 40  # per user: 40 s / 2 s think at the most is 20, so the deadline ends the loop
CLIENTS = 10
CLOSED_SECONDS = 10.0
TIMEOUT = 10.0
CONFLICT_TRIES = 3
IMPORT_ROWS = 2
IMPORT_INSATS = "ALL-IN"  # an individual insats of the demo förbund, running
OPENER = urllib.request.OpenerDirector
WRITES = ("spara deltagare", "spara budgetbelopp", "importera deltagare")  # the rest are pages


@dataclass
class Tally:
    """Response times per kind of request and the errors, shared by the user threads."""

    times: dict[str, list[float]] = field(default_factory=dict)
    errors: dict[str, int] = field(default_factory=dict)
    refused: int = 0  # 4xx: the page said no (not a server error, but not expected either)
    unsaved: dict[str, int] = field(default_factory=dict)  # writes without their receipt
    saved: dict[str, int] = field(default_factory=dict)  # writes with their receipt, by kind
    conflicts: int = 0  # the budget grid said someone else saved first (then tried again)
    lost: int = 0  # a saved budget amount not in the grid after the run
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, kind: str, seconds: float | None, status: int) -> None:
        with self.lock:
            if seconds is None or status >= 500:
                what = f"{kind} {'tidsgräns' if seconds is None else status}"
                self.errors[what] = self.errors.get(what, 0) + 1
            elif status >= 400:
                self.refused += 1
            else:
                self.times.setdefault(kind, []).append(seconds)

    def receipt(self, kind: str, given: bool) -> None:
        with self.lock:
            tally = self.saved if given else self.unsaved
            tally[kind] = tally.get(kind, 0) + 1

    def count(self) -> int:
        return sum(len(t) for t in self.times.values()) + sum(self.errors.values()) + self.refused


@dataclass
class Site:
    """What the users ask for: the pages, each user's participant and budget cell, the grid."""

    base: str
    pages: dict[str, str]
    episodes: list[str]
    grid: str  # the revision's edit grid
    cells: list[str]  # the grid's amount fields, a-<line>-<year>
    last_saved: dict[str, str] = field(default_factory=dict)  # cell: amount saved last
    # cell: amounts whose save got no answer in time (the server may still have stored them)
    unanswered: dict[str, set[str]] = field(default_factory=dict)

    def cell_of(self, user: int) -> str:
        return self.cells[user % len(self.cells)]

    def owned_cells(self) -> set[str]:
        owners = [self.cell_of(user) for user in range(USERS)]
        return {cell for cell in owners if owners.count(cell) == 1}


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
    with _fresh(url) as fresh, serving_demo(fresh) as base:
        return _run(label, base, measurement)


@contextlib.contextmanager
def _fresh(url: str | None) -> Iterator[str | None]:
    """A new PostgreSQL database beside the one `url` names (dropped afterwards), so every run
    starts from the demo alone; None (SQLite in a temporary folder) as it is."""
    if url is None:
        yield None
        return
    import psycopg

    parts = urlsplit(url)
    name = f"{parts.path.lstrip('/')}_lasttest"
    server = urlunsplit(parts._replace(path="/postgres"))
    for statement in (f'DROP DATABASE IF EXISTS "{name}"', f'CREATE DATABASE "{name}"'):
        with psycopg.connect(server, autocommit=True) as admin:
            admin.execute(statement)
    try:
        yield urlunsplit(parts._replace(path=f"/{name}"))
    finally:
        with psycopg.connect(server, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}"')


def _run(label: str, base: str, measurement: Callable) -> list[Any]:
    first = _signed_in(base)
    site = _site(first, base)
    sessions = [first] + [_signed_in(base) for _ in range(USERS - 1)]  # untimed: Argon2 each
    load = os.getloadavg()
    tally = Tally()
    started = time.monotonic()
    _threads([partial(_user, i, sessions[i], site, tally) for i in range(USERS)])
    elapsed = time.monotonic() - started
    tally.lost = _lost_saves(first, site)
    closed = _closed_loop(sessions[:CLIENTS], list(site.pages.items()))
    stylesheet = re.search(
        r"/static/samordna\.[0-9a-f]{12}\.css", _get(first, site.pages["översikten"])
    )
    assert stylesheet, "the overview links the hashed stylesheet"
    static = _closed_loop(sessions[:CLIENTS], [("stilmallen", base + stylesheet.group(0))])
    return _report(label, tally, elapsed, closed, static, load, measurement)


def _site(opener: OPENER, base: str) -> Site:
    forbund = f"{base}/forbund/{DEMO_SLUG}"
    listed = _get(opener, f"{forbund}/uppfoljning/deltagare/")
    episodes = [f"{forbund}/{link}" for link in _links(listed, r"uppfoljning/deltagare/\d+/")]
    assert episodes, "the demo förbund has participants to save"
    pages = _pages(opener, forbund)
    grid = _revision(opener, pages["budgeten"])
    cells = sorted(name for name, _ in _form_with(_get(opener, grid), "seen") if name[:2] == "a-")
    assert len(cells) >= USERS, "the revision has a cell for each user"
    return Site(base, pages, episodes, grid, cells)


def _revision(opener: OPENER, budget: str) -> str:
    """The decided budget revised once through its page, as a chef would: the förslag's grid."""
    revise = _links(_get(opener, budget), r"budget/\d+/version/\d+/revidera/")
    assert revise, "the demo förbund's budget is decided and can be revised"
    url = budget.split("/budget/")[0] + "/" + revise[0]
    form = _form_with(_get(opener, url), "csrfmiddlewaretoken")
    with opener.open(url, urllib.parse.urlencode(form).encode(), timeout=60) as answer:
        answer.read()
        assert "/version/" in answer.geturl(), "the revision opens in its grid"
        return str(answer.geturl())


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


def _user(index: int, opener: OPENER, site: Site, tally: Tally) -> None:
    rng = random.Random(index)
    writes = (_save_participant, _edit_budget, _import_participants)
    stop = time.monotonic() + LOAD_SECONDS
    time.sleep(rng.uniform(0, THINK[1]))  # the users do not all start in the same instant
    for turn in range(MAX_REQUESTS):
        if time.monotonic() >= stop:
            return
        if rng.random() < WRITE_SHARE:
            rng.choice(writes)(opener, site, index, turn, tally)
        else:
            kind = rng.choice(list(site.pages))
            tally.add(kind, *_timed(opener, site.pages[kind]))
        time.sleep(min(rng.uniform(*THINK), max(0.0, stop - time.monotonic())))


def _save_participant(opener: OPENER, site: Site, index: int, turn: int, tally: Tally) -> None:
    """Open the participant's form and save it as it stands (the edit check's `seen` included)."""
    url = site.episodes[index % len(site.episodes)]
    seconds, status, page = _timed_page(opener, url, None)
    tally.add("deltagarformuläret", seconds, status)
    if seconds is None or status >= 400:
        return
    data = urllib.parse.urlencode(_form_with(page, "seen")).encode()
    seconds, status, answer = _timed_page(opener, url, data)
    tally.add("spara deltagare", seconds, status)
    if seconds is not None and status < 400:
        tally.receipt("spara deltagare", ": sparad." in answer)


def _edit_budget(opener: OPENER, site: Site, index: int, turn: int, tally: Tally) -> None:
    """Give the user's own cell of the grid a new amount; on a conflict open the grid again."""
    cell, amount = site.cell_of(index), str(100_000 + 1000 * index + turn)
    for _ in range(CONFLICT_TRIES):
        seconds, status, page = _timed_page(opener, site.grid, None)
        tally.add("budgetraderna (öppna)", seconds, status)
        if seconds is None or status >= 400:
            return
        form = [
            (name, amount if name == cell else value) for name, value in _form_with(page, "seen")
        ]
        seconds, status, answer = _timed_page(
            opener, site.grid, urllib.parse.urlencode(form).encode()
        )
        if status == 400 and "Någon annan sparade ändringar i budgeten" in answer:
            tally.add("spara budgetbelopp", seconds, 200)  # the page answered as it should
            with tally.lock:
                tally.conflicts += 1
            continue
        tally.add("spara budgetbelopp", seconds, status)
        if seconds is None:
            with tally.lock:
                site.unanswered.setdefault(cell, set()).add(amount)
        if seconds is not None and status < 400:
            shown = dict(_form_with(answer, "seen")).get(cell, "")
            given = "Budgeten är sparad." in answer and _digits(shown) == amount
            tally.receipt("spara budgetbelopp", given)
            if given:
                with tally.lock:
                    site.last_saved[cell] = amount
        return
    tally.receipt("spara budgetbelopp", False)


def _import_participants(opener: OPENER, site: Site, index: int, turn: int, tally: Tally) -> None:
    """Upload a small participant file (IMPORT_ROWS new participants) on the import page."""
    url = f"{site.base}/forbund/{DEMO_SLUG}/uppfoljning/deltagare/importera/"
    seconds, status, page = _timed_page(opener, url, None)
    tally.add("importsidan", seconds, status)
    if seconds is None or status >= 400:
        return
    rows = [
        f"{IMPORT_INSATS};{'kvinna' if n % 2 else 'man'};1985;2026-0{1 + n % 9}-01"
        for n in range(IMPORT_ROWS)
    ]
    text = "\n".join(["insats;kön;födelseår;start", *rows]) + "\n"
    fields = _form_with(page, "csrfmiddlewaretoken")
    body, kind = _multipart(fields, "file", f"deltagare-{index}-{turn}.csv", text.encode())
    request = urllib.request.Request(url, body, {"Content-Type": kind})
    seconds, status, answer = _timed_page(opener, request, None)
    tally.add("importera deltagare", seconds, status)
    if seconds is not None and status < 400:
        tally.receipt("importera deltagare", f"{IMPORT_ROWS} nya och 0 uppdaterade" in answer)


def _multipart(
    fields: list[tuple[str, str]], name: str, filename: str, content: bytes
) -> tuple[bytes, str]:
    """A form with one file, encoded as a browser sends it."""
    boundary = f"samordna-bench-{random.getrandbits(64):x}"
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{key}"\r\n\r\n{value}\r\n'.encode()
        for key, value in fields
    ]
    head = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
        "Content-Type: text/csv\r\n\r\n"
    )
    body = b"".join(parts) + head.encode() + content + f"\r\n--{boundary}--\r\n".encode()
    return body, f"multipart/form-data; boundary={boundary}"


def _lost_saves(opener: OPENER, site: Site) -> int:
    """Cells owned by one user that do not hold what that user saved last. A cell holding a
    later amount of the same user, whose save timed out on the client but was stored by the
    server, is not a lost save (the amounts grow with each turn)."""
    stored = dict(_form_with(_get(opener, site.grid), "seen"))
    owned = site.owned_cells()
    return sum(
        1
        for cell, amount in site.last_saved.items()
        if cell in owned and not _holds(_digits(stored[cell]), amount, site.unanswered.get(cell))
    )


def _holds(stored: str, saved: str, unanswered: set[str] | None) -> bool:
    later = {a for a in unanswered or set() if int(a) > int(saved)}
    return stored == saved or stored in later


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def _timed(opener: OPENER, url: str) -> tuple[float | None, int]:
    seconds, status, _ = _timed_page(opener, url, None)
    return seconds, status


def _timed_page(
    opener: OPENER, url: str | urllib.request.Request, data: bytes | None
) -> tuple[float | None, int, str]:
    """Seconds (None on a timeout or a broken connection), the status and the page's text.
    A refusal (4xx) keeps its page: the budget grid answers a conflict with 400."""
    start = time.perf_counter()
    try:
        with opener.open(url, data, timeout=TIMEOUT) as answer:
            page = answer.read().decode()
            return time.perf_counter() - start, answer.status, page
    except urllib.error.HTTPError as refused:
        page = refused.read().decode(errors="replace")
        return time.perf_counter() - start, refused.code, page
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


def _form_with(page: str, marker: str) -> list[tuple[str, str]]:
    """The first form on the page with a field named `marker` (e.g. the edit check's `seen`)."""
    parser = _FormFields()
    parser.feed(page)
    found = [form for form in parser.forms if any(name == marker for name, _ in form)]
    assert found, f"the page has a form with the field {marker}"
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
        f"{tally.refused} nekade, skrivningar {_which(tally.saved)[2:-1] or 'inga'}, "
        f"utan kvitto {_which(tally.unsaved)[2:-1] or 'inga'}, "
        f"{tally.conflicts} krockar i budgeten (sparat igen), "
        f"{tally.lost} förlorade belopp, "
        f"belastning före {_loads(load)}, efter {_loads(os.getloadavg())}"
    )
    pages = [t for kind, times in tally.times.items() if kind not in WRITES for t in times]
    everything = [t for times in tally.times.values() for t in times]
    results = []
    for kind, times in [*tally.times.items(), ("alla sidor", pages), ("alla svar", everything)]:
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
