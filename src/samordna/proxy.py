"""Behind a TLS-terminating reverse proxy: believe its X-Forwarded-* headers, and only its.

`samordna.wsgi` wraps the application once with `TrustedProxy`, so every WSGI server
(`samordna serve` with gunicorn or waitress, or another one) behaves alike. The trusted proxies
are one setting, TRUSTED_PROXIES (SAMORDNA_TRUSTED_PROXIES, comma-separated; the older
SAMORDNA_TRUSTED_PROXY is read too). From a trusted proxy's address the scheme, host and client
address come from the headers; from anyone else the headers are dropped, so nobody can claim to
be on HTTPS or to come from another address. Afterwards REMOTE_ADDR is the real client for
everything that asks (sign-in lock-out, the survey's rate limit, the history).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from typing import Any

FORWARDED = (
    "HTTP_X_FORWARDED_FOR",
    "HTTP_X_FORWARDED_PROTO",
    "HTTP_X_FORWARDED_HOST",
    "HTTP_X_FORWARDED_PORT",
)


def _first(value: str) -> str:
    return value.split(",")[0].strip()


def client(remote: str, forwarded_for: str, trusted: Collection[str]) -> str:
    """The last address in X-Forwarded-For that is not itself a trusted proxy."""
    hops = [hop.strip() for hop in forwarded_for.split(",") if hop.strip()]
    for hop in reversed(hops):
        if hop not in trusted:
            return hop
    return remote


def believe(environ: dict[str, Any], forwarded: dict[str, str], trusted: Collection[str]) -> None:
    """Apply the proxy's headers: the client nearest the proxies, the scheme and the host."""
    environ["REMOTE_ADDR"] = client(
        environ.get("REMOTE_ADDR", ""), forwarded.get("HTTP_X_FORWARDED_FOR", ""), trusted
    )
    scheme = _first(forwarded.get("HTTP_X_FORWARDED_PROTO", "")).lower()
    if scheme in ("http", "https"):
        environ["wsgi.url_scheme"] = scheme
    host = _first(forwarded.get("HTTP_X_FORWARDED_HOST", ""))
    if host:
        environ["HTTP_HOST"] = host


def _addresses(addresses: str | Iterable[str]) -> frozenset[str]:
    items = addresses.split(",") if isinstance(addresses, str) else addresses
    return frozenset(item.strip() for item in items if item.strip())


class TrustedProxy:
    """`application` behind the proxies at `addresses` (a list or comma-separated text); None:
    the TRUSTED_PROXIES setting, read on each request."""

    def __init__(
        self, application: Callable[..., Iterable[bytes]], addresses: str | Iterable[str] | None
    ) -> None:
        self.application = application
        self.addresses = None if addresses is None else _addresses(addresses)

    def trusted(self) -> frozenset[str]:
        if self.addresses is not None:
            return self.addresses
        from django.conf import settings

        return _addresses(settings.TRUSTED_PROXIES)

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Iterable[bytes]:
        forwarded = {key: environ.pop(key) for key in FORWARDED if key in environ}
        trusted = self.trusted()
        if environ.get("REMOTE_ADDR") in trusted:
            believe(environ, forwarded, trusted)
        return self.application(environ, start_response)
