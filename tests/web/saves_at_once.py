"""Two saves that meet in the gap: the first save's check has passed and it is about to save when
the second save arrives. Shared by the two-editor tests of the forms and of the budget grid."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from django.db import connection


def saves_at_once(
    monkeypatch, owner: Any, checked_by: str, first: Callable[[], Any], second: Callable[[], Any]
) -> tuple[dict[str, Any], bool]:
    """The answers of `first()` and `second()`, each posted in a thread of its own, and whether the
    first reached its check. `owner.checked_by` (the check inside the save's transaction) is slowed
    in the first thread only: once it has passed, the first waits up to 2 s for the second, which
    starts then. If nothing held the second back, it would save in that gap."""
    checked, second_done = threading.Event(), threading.Event()
    check = getattr(owner, checked_by)

    def slow_first_check(*args: Any) -> Any:
        found = check(*args)
        if threading.current_thread().name == "first":
            checked.set()
            second_done.wait(2)  # the second save would run now, if nothing held it back
        return found

    monkeypatch.setattr(owner, checked_by, slow_first_check)
    answers: dict[str, Any] = {}

    def save(name: str, post: Callable[[], Any]) -> None:
        if name == "second":
            checked.wait(10)
        try:
            answers[name] = post()
        finally:
            connection.close()  # this thread's own connection
        if name == "second":
            second_done.set()

    people = [
        threading.Thread(target=save, name=name, args=(name, post))
        for name, post in (("first", first), ("second", second))
    ]
    for person in people:
        person.start()
    for person in people:
        person.join(30)
    return answers, checked.is_set()
