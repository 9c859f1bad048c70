"""A table as plain values: a header and numbered rows of text cells.

`samordna.tables` reads files into this shape; `core` parses it. Row numbers are
1-based as the user sees them in Excel, with the header as row 1.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
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
        return not "".join(map(str, self.cells)).strip()


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

    def columns(
        self, headers: Mapping[str, tuple[str, ...]]
    ) -> tuple[dict[str, int | None], dict[str, str]]:
        """For each field, the index of its column (None when absent) and its title as the file
        writes it (else the field's first, Swedish, name) for messages."""
        index = {name: self.column(*titles) for name, titles in headers.items()}
        title = {
            name: self.header[i] if i is not None else headers[name][0] for name, i in index.items()
        }
        return index, title


def table_of(header: tuple[str, ...], rows: Sequence[Sequence[str]]) -> Table:
    """The table of a file's rows below its header: numbered from 2 as the user sees them in
    Excel, empty rows left out."""
    numbered = (Row(number, tuple(cells)) for number, cells in enumerate(rows, start=2))
    return Table(header, tuple(row for row in numbered if not row.is_empty))


def word_lookup(words: Mapping[str, str]) -> dict[str, str]:
    """Stored code by what a file may write: the code itself or its Swedish label, any case."""
    return {key: key for key in words} | {label.casefold(): key for key, label in words.items()}


def normalize_header(text: str) -> str:
    return " ".join(str(text).replace("\ufeff", "").split()).lower()
