"""The idle time-out without a database write on every page.

A signed-in session ends SESSION_COOKIE_AGE after its last save. Saving it on every request
(Django's SESSION_SAVE_EVERY_REQUEST) writes a row for each page someone opens, which on SQLite
takes the database's single write lock for every page view. Here the session is saved at most
once per SESSION_TOUCH_SECONDS: it then ends between SESSION_COOKIE_AGE minus that and
SESSION_COOKIE_AGE after the last request.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

TOUCHED = "touched_at"


class SessionTouchMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        session = request.session
        now = int(time.time())
        if (
            not session.is_empty()
            and now - session.get(TOUCHED, 0) >= settings.SESSION_TOUCH_SECONDS
        ):
            session[TOUCHED] = now  # modified: saved with a new expiry at the end of the request
        return self.get_response(request)
