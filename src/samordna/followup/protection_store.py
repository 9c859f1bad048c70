"""The joint protection's results kept in the database (`disclosure.Store`), so that every
worker and every restart shares them: the first view of a large förbund's year solves its
linear programs once, not once per process."""

from __future__ import annotations

import logging

from django.db import DatabaseError, transaction

from samordna.followup.models import ProtectionResult

logger = logging.getLogger(__name__)


class DatabaseStore:
    """Hidden cells by the linked set's fingerprint, in the ProtectionResult table."""

    def get(self, fingerprint: str) -> list[int] | None:
        found = ProtectionResult.objects.filter(key=fingerprint).values_list("hidden", flat=True)
        hidden = found.first()
        return list(hidden) if isinstance(hidden, list) else None

    def put(self, fingerprint: str, hidden: list[int]) -> None:
        """Keep the choice; when the database takes no writes (a read replica), the page is
        shown all the same and the choice is solved again next time."""
        made = ProtectionResult(key=fingerprint, hidden=hidden)
        try:
            with transaction.atomic():  # another worker may have stored it: ignored
                ProtectionResult.objects.bulk_create([made], ignore_conflicts=True)
        except DatabaseError:
            logger.warning("Skyddets val kunde inte sparas i databasen", exc_info=True)


STORE = DatabaseStore()
