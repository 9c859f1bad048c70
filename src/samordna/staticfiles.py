"""Static files under hashed names (`samordna.3f2a9c1b04de.css`), so browsers keep them for a year.

`samordna serve` collects them (collectstatic) before it answers; WhiteNoise then sends each
hashed file with a far-future Cache-Control, and a new version gets a new name.
"""

from __future__ import annotations

from whitenoise.storage import CompressedManifestStaticFilesStorage


class HashedStaticStorage(CompressedManifestStaticFilesStorage):
    """The manifest's hashed name; the plain name for a file not collected yet (a page drawn
    before the first `samordna serve`), which WhiteNoise finds in the package."""

    manifest_strict = False

    def stored_name(self, name: str) -> str:
        try:
            return super().stored_name(name)
        except ValueError:
            return name
