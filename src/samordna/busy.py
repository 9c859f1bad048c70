"""A database busy with another writer: a Swedish "försök igen" page (HTTP 503), never a 500.

SQLite in WAL mode queues writers for `SQLITE_BUSY_SECONDS`; PostgreSQL waits for row locks.
What still fails after that (a lock held longer, a deadlock, a serialization failure) is
reported here as temporary, and the command line says the same through `is_busy`.
"""

from __future__ import annotations

from collections.abc import Callable

from django.db import OperationalError
from django.http import HttpRequest, HttpResponse

from samordna.errors import render_error_page

_BUSY_WORDS = ("database is locked", "database table is locked", "deadlock", "could not serialize")
BUSY_TITLE = "Databasen är upptagen – försök igen"
BUSY_TEXT = (
    "Någon annan sparar just nu och databasen hann inte bli ledig. Ingenting av det du "
    "skickade har sparats. Vänta en stund och försök igen."
)


def is_busy(error: BaseException) -> bool:
    """True when `error` says another writer held the database."""
    if not isinstance(error, OperationalError):
        return False
    text = f"{error} {error.__cause__ or ''}".casefold()
    return any(word in text for word in _BUSY_WORDS)


class BusyDatabaseMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not is_busy(exception):
            return None
        response = render_error_page(request, 503, BUSY_TITLE, BUSY_TEXT)
        response["Retry-After"] = "5"
        return response
