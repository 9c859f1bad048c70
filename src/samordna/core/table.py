"""A table as plain values: a header and numbered rows of text cells.

`samordna.tables` reads files into this shape; `core` parses it. Row numbers are
1-based as the user sees them in Excel, with the header as row 1.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Row:
    number: int  # 1-based row in the file; the header is row 1
    cells: tuple[str, ...]

    def get(self, index: int | None) -> str:
        if index is None or index >= len(self.cells):
            return ""
        return str(self.cells[index]).strip()

    @property
    def is_empty(self) -> bool:
        return not any(str(cell).strip() for cell in self.cells)


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[Row, ...]

    def column(self, *names: str) -> int | None:
        """Index of the first header matching one of `names` (case and space insensitive)."""
        wanted = {normalize_header(name) for name in names}
        for index, title in enumerate(self.header):
            if normalize_header(title) in wanted:
                return index
        return None


def normalize_header(text: str) -> str:
    return " ".join(str(text).replace("\ufeff", "").split()).lower()
