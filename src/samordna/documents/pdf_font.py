"""The bundled font's measurements for the PDF: which characters it can draw, how wide a text
is, and from that the widths of a table's columns, laid out as a browser lays out a table."""

from __future__ import annotations

from functools import cache

from fontTools.ttLib import TTFont

from samordna.core import document as doc
from samordna.core.document import AMOUNT, COUNT, PERCENT, cell_text
from samordna.documents.charts import FONTS

NUMERIC = {AMOUNT, COUNT, PERCENT}
MISSING = "□"  # printed for a character the bundled font has no letter for (an emoji, say)
TEXT_WIDTH = 476.2  # pt: A4 less the margins of 22 and 20 mm
TABLE_SIZE = 9.5  # pt
CELL_PADDING = 10.0  # pt: 5 pt on either side


def drawable(text: str) -> str:
    """The text with "□" for each character the bundled font cannot draw (white space kept)."""
    letters = _letters()
    return "".join(c if ord(c) in letters or c in "\n\r\t" else MISSING for c in text)


@cache
def _letters() -> frozenset[int]:
    """The characters every face of the bundled font (regular, bold, italic) can draw."""
    faces = [_face(path.name) for path in FONTS.glob("LiberationSans-*.ttf")]
    return frozenset(set.intersection(*(set(face) for face, _ in faces)))


@cache
def _face(name: str) -> tuple[dict[int, int], float]:
    """A face's advance width per character, and its units per em."""
    font = TTFont(FONTS / name)
    advances = font["hmtx"].metrics
    widths = {code: advances[glyph][0] for code, glyph in font["cmap"].getBestCmap().items()}
    return widths, float(font["head"].unitsPerEm)


def text_width(text: str, bold: bool = False, size: float = TABLE_SIZE) -> float:
    """How wide the text prints on one line, in points."""
    widths, per_em = _face("LiberationSans-Bold.ttf" if bold else "LiberationSans-Regular.ttf")
    missing = widths.get(ord(MISSING), per_em)
    return sum(widths.get(ord(char), missing) for char in text) * size / per_em


def column_widths(block: doc.Table) -> list[float]:
    """Each column's share of the text width: numbers on one line, texts wrapped only as much
    as the page needs and never inside a word (the automatic table layout of CSS)."""
    least, most = zip(*(_extent(index, block) for index in range(len(block.columns))), strict=True)
    if sum(most) <= TEXT_WIDTH or sum(least) >= sum(most):
        return list(most)
    if sum(least) >= TEXT_WIDTH:
        return list(least)
    share = (TEXT_WIDTH - sum(least)) / (sum(most) - sum(least))
    return [low + (high - low) * share for low, high in zip(least, most, strict=True)]


def _extent(index: int, block: doc.Table) -> tuple[float, float]:
    """The narrowest a column can be (its longest word) and its width unwrapped."""
    column = block.columns[index]
    lines = [(line, True) for line in (column.heading or "Rad").split("\n")]
    for row in block.rows:
        text = cell_text(row.cells[index], column, block.unit)
        lines += [(line, row.style in ("sum", "result")) for line in text.split("\n")]
    most = max(text_width(line, bold) for line, bold in lines) + CELL_PADDING
    if column.kind in NUMERIC:
        return most, most
    words = [(word, bold) for line, bold in lines for word in line.split()]
    least = max((text_width(word, bold) for word, bold in words), default=0.0) + CELL_PADDING
    return least, most
