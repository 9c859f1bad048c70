"""The joint protection's results kept in the database (`disclosure.Store`), so that every
worker and every restart shares them: the first view of a large förbund's year solves its
linear programs once, not once per process."""

from __future__ import annotations

from samordna.followup.models import ProtectionResult


class DatabaseStore:
    """Hidden cells by the linked set's fingerprint, in the ProtectionResult table."""

    def get(self, fingerprint: str) -> list[int] | None:
        found = ProtectionResult.objects.filter(key=fingerprint).values_list("hidden", flat=True)
        hidden = found.first()
        return list(hidden) if isinstance(hidden, list) else None

    def put(self, fingerprint: str, hidden: list[int]) -> None:
        made = ProtectionResult(key=fingerprint, hidden=hidden)
        ProtectionResult.objects.bulk_create([made], ignore_conflicts=True)  # another worker won


STORE = DatabaseStore()
