"""Behind a TLS-terminating reverse proxy: believe its X-Forwarded-* headers, and only its.

A WSGI wrapper, so gunicorn and waitress behave alike. From the trusted proxy's address the
scheme, host and client address come from the headers; from anyone else the headers are
dropped, so nobody can claim to be on HTTPS or to come from another address.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

FORWARDED = (
    "HTTP_X_FORWARDED_FOR",
    "HTTP_X_FORWARDED_PROTO",
    "HTTP_X_FORWARDED_HOST",
    "HTTP_X_FORWARDED_PORT",
)


def _first(value: str) -> str:
    return value.split(",")[0].strip()


def believe(environ: dict[str, Any], forwarded: dict[str, str]) -> None:
    """Apply the proxy's headers: the client nearest the proxy, the scheme and the host."""
    hops = [hop.strip() for hop in forwarded.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    hops = [hop for hop in hops if hop]
    if hops:
        environ["REMOTE_ADDR"] = hops[-1]
    scheme = _first(forwarded.get("HTTP_X_FORWARDED_PROTO", "")).lower()
    if scheme in ("http", "https"):
        environ["wsgi.url_scheme"] = scheme
    host = _first(forwarded.get("HTTP_X_FORWARDED_HOST", ""))
    if host:
        environ["HTTP_HOST"] = host


class TrustedProxy:
    """`application` behind the proxy at `address` (empty: no proxy is trusted)."""

    def __init__(self, application: Callable[..., Iterable[bytes]], address: str) -> None:
        self.application = application
        self.address = address.strip()

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Iterable[bytes]:
        forwarded = {key: environ.pop(key) for key in FORWARDED if key in environ}
        if self.address and environ.get("REMOTE_ADDR") == self.address:
            believe(environ, forwarded)
        return self.application(environ, start_response)
