"""Charts drawn on the server with matplotlib: one drawing, written as SVG for the web page and
the PDF, and as PNG for Word. The bundled font is used, so every output looks the same.

A figure is made with matplotlib's Figure itself, not through pyplot, whose list of open
figures is shared by the threads of a server process. A chart is the same drawing every time
it is asked for (the SVG's ids come from a fixed salt), so the last drawings are kept: the
plan's preview, its PDF and its Word file draw each chart once.

matplotlib is loaded when the first chart is drawn (`load`), not when this module is imported:
it takes half a second, which a command or a page without a chart need not wait for.
`samordna serve` loads it once before its workers fork."""

from __future__ import annotations

import io
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from samordna.core.document import Chart
from samordna.core.money import format_amount

if TYPE_CHECKING:
    from matplotlib.figure import Figure
    from matplotlib.ticker import FuncFormatter

FONTS = Path(__file__).resolve().parent / "fonts"
# Colours with at least 3:1 contrast against white and each other's neighbours (WCAG 1.4.11).
COLOURS = ("#1f4e79", "#c55a11", "#548235", "#7030a0", "#806000")
LIMIT_COLOUR = "#b00020"
WIDTH, HEIGHT = 6.4, 3.2  # inches: the text width of an A4 page
KEPT = 64  # drawings kept per process, in each format


@cache
def load() -> str:
    """matplotlib, drawing without a screen (Agg) in the bundled font; its name."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import font_manager, rcParams

    for path in sorted(FONTS.glob("LiberationSans-*.ttf")):
        font_manager.fontManager.addfont(str(path))
    rcParams["font.family"] = "Liberation Sans"
    rcParams["svg.fonttype"] = "none"  # text stays text in the SVG
    rcParams["svg.hashsalt"] = "samordna"  # the same chart gives the same file
    return "Liberation Sans"


@lru_cache(maxsize=KEPT)
def svg(chart: Chart) -> str:
    buffer = io.StringIO()
    _figure(chart).savefig(buffer, format="svg", metadata={"Date": None})
    text = buffer.getvalue()
    return text[text.index("<svg") :]


@lru_cache(maxsize=KEPT)
def png(chart: Chart, dpi: int = 200) -> bytes:
    buffer = io.BytesIO()
    _figure(chart).savefig(buffer, format="png", dpi=dpi)
    return buffer.getvalue()


def _figure(chart: Chart) -> Figure:
    load()
    from matplotlib.figure import Figure

    figure = Figure(figsize=(WIDTH, HEIGHT), layout="constrained")
    axes = figure.subplots()
    scale = _scale(chart)
    if not has_values(chart):
        _nothing_to_show(axes, chart)
        return figure
    if chart.kind == "hbars":
        _hbars(axes, chart, scale)
    else:
        _bars(axes, chart, scale)
    axes.spines[["top", "right"]].set_visible(False)
    axes.set_title(chart.title, loc="left", fontsize=11, fontweight="bold")
    if len(chart.series) > 1 or chart.limit is not None:
        axes.legend(frameon=False, fontsize=8, loc="upper left", bbox_to_anchor=(1, 1))
    return figure


NOTHING_TO_SHOW = "Inget att visa: alla värden är noll, saknas eller är dolda (färre än 5)."


def has_values(chart: Chart) -> bool:
    """True when some bar or limit has a value other than zero: else there is nothing to draw."""
    limit = chart.limit.values if chart.limit else ()
    return any(v for s in chart.series for v in s.values) or any(v for v in limit)


def _nothing_to_show(axes: object, chart: Chart) -> None:
    """Words instead of an empty axis."""
    axes.set_axis_off()  # type: ignore[attr-defined]
    axes.set_title(chart.title, loc="left", fontsize=11, fontweight="bold")  # type: ignore[attr-defined]
    axes.text(0.5, 0.5, NOTHING_TO_SHOW, ha="center", va="center", fontsize=10, wrap=True)  # type: ignore[attr-defined]


def _scale(chart: Chart) -> tuple[float, str]:
    """Amounts are drawn in kronor, thousands or millions, whichever reads best."""
    if chart.unit != "kr":
        return 1.0, "%" if chart.unit == "percent" else "antal"
    largest = max((abs(v) for s in chart.series for v in s.values if v is not None), default=0)
    if largest >= 100_000_000 * 100:
        return 100_000_000.0, "mkr"
    return 100_000.0, "tkr"


def _value_label() -> FuncFormatter:
    from matplotlib.ticker import FuncFormatter

    def label(value: float, _position: int) -> str:
        return swedish_number(value)

    return FuncFormatter(label)


def swedish_number(value: float) -> str:
    """An axis value as Swedish writes it: "1 500", "0,5", "−2" (space thousands, decimal comma).

    Written through the one format function, in thousands so that it keeps the decimals the
    value needs (at most two) and no more."""
    return format_amount(round(value * 100) * 1000, "tkr", suffix=False)


def _bars(axes: object, chart: Chart, scale: tuple[float, str]) -> None:
    divisor, unit = scale
    positions = range(len(chart.categories))
    stacked = chart.kind == "stacked"
    width = 0.6 if stacked else 0.8 / max(len(chart.series), 1)
    bottoms = [0.0] * len(chart.categories)
    for index, series in enumerate(chart.series):
        values = [(v or 0) / divisor for v in series.values]
        offsets: list[float] = (
            list(positions) if stacked else [p - 0.4 + width * (index + 0.5) for p in positions]
        )
        axes.bar(  # type: ignore[attr-defined]
            offsets,
            values,
            width,
            bottom=bottoms if stacked else None,
            label=series.name,
            color=COLOURS[index % len(COLOURS)],
        )
        if stacked:
            bottoms = [b + v for b, v in zip(bottoms, values, strict=True)]
    if chart.limit is not None:
        _limit(axes, chart, divisor)
    axes.set_xticks(list(positions), chart.categories, fontsize=9)  # type: ignore[attr-defined]
    axes.yaxis.set_major_formatter(_value_label())  # type: ignore[attr-defined]
    axes.set_ylabel(unit, fontsize=9)  # type: ignore[attr-defined]
    if chart.axis:
        axes.set_xlabel(chart.axis, fontsize=9)  # type: ignore[attr-defined]
    if unit == "%":
        axes.set_ylim(0, 100)  # type: ignore[attr-defined]


def _limit(axes: object, chart: Chart, divisor: float) -> None:
    assert chart.limit is not None
    for position, value in enumerate(chart.limit.values):
        if value is None:
            continue
        axes.hlines(  # type: ignore[attr-defined]
            value / divisor,
            position - 0.45,
            position + 0.45,
            colors=LIMIT_COLOUR,
            linestyles="dashed",
            linewidth=2,
            label=chart.limit.name if position == _first_known(chart.limit.values) else None,
        )


def _first_known(values: tuple[int | None, ...]) -> int:
    return next(i for i, v in enumerate(values) if v is not None)


def _hbars(axes: object, chart: Chart, scale: tuple[float, str]) -> None:
    positions = list(range(len(chart.categories)))
    height = 0.8 / max(len(chart.series), 1)
    for index, series in enumerate(chart.series):
        offsets = [p - 0.4 + height * (index + 0.5) for p in positions]
        values = [(v or 0) / scale[0] for v in series.values]
        axes.barh(  # type: ignore[attr-defined]
            offsets, values, height, label=series.name, color=COLOURS[index % len(COLOURS)]
        )
    axes.set_yticks(positions, chart.categories, fontsize=9)  # type: ignore[attr-defined]
    axes.invert_yaxis()  # type: ignore[attr-defined]
    axes.xaxis.set_major_formatter(_value_label())  # type: ignore[attr-defined]
    axes.set_xlabel(scale[1], fontsize=9)  # type: ignore[attr-defined]
