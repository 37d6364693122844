"""A static PNG of the same view, for reports and the README (matplotlib, no browser).

Same filters, layout, colors, dashes and widths as the HTML page (both come from
:func:`kg.views.model.build_view`). Arabic needs joined letters drawn right to left:
recent matplotlib (3.11) does that itself; with an older one, ``arabic_reshaper`` and
``python-bidi`` do it when installed; otherwise the picture uses English labels where
the graph has them and the raw label elsewhere.
"""

from __future__ import annotations

import io
import re
import textwrap
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path

from rdflib import Graph

from kg.analysis import i18n
from kg.atomic import write_bytes_atomic
from kg.errors import GeoKGError
from kg.views.model import View, build_view

ARABIC = re.compile("[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]")
MARKERS = {"dot": "o", "square": "s", "triangle": "^"}
LINESTYLES = {"asserted": "-", "hedged": (0, (5, 4)), "negated": (0, (1, 3)), "structural": (0, (1, 2))}
FONTS = ["DejaVu Sans", "Noto Sans", "Noto Sans Arabic", "Noto Naskh Arabic", "Arial"]
MAX_ARROWS = 800
HEADER_LINE = 0.018  # height of one header line, in figure coordinates
_ISOLATE_AS_EMBEDDING = {0x2066: 0x202A, 0x2067: 0x202B, 0x2068: None, 0x2069: 0x202C}
_BIDI_CONTROLS = dict.fromkeys(map(ord, "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))


@lru_cache(maxsize=1)
def matplotlib_shapes_arabic() -> bool:
    """Does this matplotlib join Arabic letters itself? (3.11 does; 3.9 draws them isolated.)

    Measured, not guessed from the version: four joined ب are much narrower than four
    isolated ones.
    """
    try:
        from matplotlib.backends.backend_agg import RendererAgg
        from matplotlib.font_manager import FontProperties
    except ImportError:
        return False
    renderer = RendererAgg(100, 100, 72)
    prop = FontProperties(family=_fonts(), size=20)
    one = renderer.get_text_width_height_descent("\u0628", prop, ismath=False)[0]
    four = renderer.get_text_width_height_descent("\u0628" * 4, prop, ismath=False)[0]
    return 0 < four < 3.2 * one


def arabic_shaper() -> Callable[[str], str] | None:
    """``text → displayable text``, or None when Arabic cannot be drawn joined and right to left.

    Matplotlib that shapes text itself needs nothing; otherwise arabic_reshaper and
    python-bidi do it when installed.
    """
    if matplotlib_shapes_arabic():
        return lambda text: text
    try:
        import arabic_reshaper
        from bidi.algorithm import get_display  # mirrors brackets; knows embeddings, not isolates
    except ImportError:
        return None

    def shape(text: str) -> str:
        if not ARABIC.search(text):
            return text
        # the isolates of i18n.isolate_options as the embeddings this get_display knows; then
        # no control character left for an older matplotlib to draw as a box
        text = text.translate(_ISOLATE_AS_EMBEDDING)
        return get_display(arabic_reshaper.reshape(text)).translate(_BIDI_CONTROLS)

    return shape


def write_png(g: Graph, out: Path, *, actor: str | None = None, relations: Sequence[str] | None = None,
              min_articles: int = 1, lang: str | None = None, color_by: str = "class",
              show_negated: bool = False, max_nodes: int = 400, title: str | None = None,
              depth: int = 1, size: tuple[float, float] = (13.0, 9.0), dpi: int = 150,
              max_labels: int = 30) -> Path:
    """Draw the view of ``g`` (same arguments as :func:`kg.views.html.write_view`) to ``out``."""
    fig = draw_figure(g, actor=actor, relations=relations, min_articles=min_articles, lang=lang,
                      color_by=color_by, show_negated=show_negated, max_nodes=max_nodes, title=title,
                      depth=depth, size=size, dpi=dpi, max_labels=max_labels)
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=dpi, facecolor="white")
    return write_bytes_atomic(Path(out), buf.getvalue())


def draw_figure(g: Graph, *, actor: str | None = None, relations: Sequence[str] | None = None,
                min_articles: int = 1, lang: str | None = None, color_by: str = "class",
                show_negated: bool = False, max_nodes: int = 400, title: str | None = None,
                depth: int = 1, size: tuple[float, float] = (13.0, 9.0), dpi: int = 150,
                max_labels: int = 30):
    """The matplotlib ``Figure`` :func:`write_png` saves (tests look at its parts).

    The legend is laid out first and the network gets the room to its left, so a long
    legend (community names, Arabic relation words) is never cut at the picture's edge;
    Arabic header lines are right-aligned, as Arabic text is read.
    """
    try:
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure
        from matplotlib.patches import FancyArrowPatch
    except ImportError:
        raise GeoKGError("--png needs matplotlib (pip install 'geokg[png]')") from None

    fonts = _fonts()
    shape = arabic_shaper()
    view_lang = lang if (shape is not None or lang != "ar") else "en"
    view = build_view(g, actor=actor, relations=relations, min_articles=min_articles, lang=view_lang,
                      color_by=color_by, show_negated=show_negated, max_nodes=max_nodes, title=title, depth=depth)

    def text(s: str) -> str:
        if shape is not None:
            return shape(s)
        return s

    def label_of(n: dict) -> str:
        if shape is None and ARABIC.search(n["label"]):
            return n["label_en"]  # the English label if the graph has one, else the raw label
        return text(n["label"])

    fig = Figure(figsize=size, dpi=dpi, facecolor="white")
    FigureCanvasAgg(fig)
    summary = i18n.t(view.lang, "summary", nodes=f"{len(view.nodes):,}", edges=f"{len(view.edges):,}")
    # one text per line: each line is its own paragraph for the bidi algorithm
    header = [line for note in [summary] + view.notes[:2] for line in textwrap.wrap(note, 150)]
    top = 0.94 - HEADER_LINE * len(header) - 0.01  # the legend and the network start below the header
    right = _legend(fig, view, text, fonts, top)  # left edge of the legend, in figure coordinates
    ax = fig.add_axes((0.01, 0.02, max(0.3, right - 0.02), top - 0.02))
    ax.set_axis_off()
    pos = {n["id"]: (n["x"], -n["y"]) for n in view.nodes}
    shrink = min(1.0, max(0.35, (60 / max(len(view.nodes), 1)) ** 0.5))
    radius = {n["id"]: (7 + 20 * n["value"]) * shrink for n in view.nodes}  # marker size in points

    _draw_edges(ax, view, pos, radius, FancyArrowPatch, shrink)
    for marker in ("dot", "square", "triangle"):
        group = [n for n in view.nodes if n["shape"] == marker]
        if not group:
            continue
        ax.scatter([pos[n["id"]][0] for n in group], [pos[n["id"]][1] for n in group],
                   s=[radius[n["id"]] ** 2 for n in group], c=[n["color"] for n in group],
                   marker=MARKERS[marker], edgecolors=["#111111" if n["focus"] else "#333333" for n in group],
                   linewidths=[2.0 if n["focus"] else 0.5 for n in group], zorder=3)
    labelled = sorted(view.nodes, key=lambda n: n["rank"] or 0)[: max_labels if len(view.nodes) > max_labels else None]
    for n in labelled:
        x, y = pos[n["id"]]
        ax.annotate(label_of(n), (x, y), xytext=(0, -radius[n["id"]] / 2 - 3), textcoords="offset points",
                    ha="center", va="top", fontsize=(7 + 4 * n["value"]) * (0.5 + shrink / 2), fontfamily=fonts, zorder=4,
                    bbox={"boxstyle": "round,pad=0.1", "fc": "white", "ec": "none", "alpha": 0.7})
    if pos:
        xs = [p[0] for p in pos.values()]
        ys = [p[1] for p in pos.values()]
        pad = 0.06 * max(max(xs) - min(xs), max(ys) - min(ys), 1.0)
        ax.set_xlim(min(xs) - pad, max(xs) + pad)
        ax.set_ylim(min(ys) - pad, max(ys) + pad)
    ax.set_aspect("equal", adjustable="box")

    rtl = i18n.ui_lang(view.lang) == "ar"
    x, ha = (0.99, "right") if rtl else (0.01, "left")
    fig.text(x, 0.975, text(view.title), fontsize=15, fontweight="bold", va="top", ha=ha, fontfamily=fonts,
             gid="title")
    for i, line in enumerate(header):
        fig.text(x, 0.94 - HEADER_LINE * i, text(line), fontsize=8, va="top", ha=ha, color="#444444", fontfamily=fonts,
                 gid="header")
    return fig


def _legend(fig, view: View, text: Callable[[str], str], fonts: list[str], top: float) -> float:
    """Draw the legend at the figure's right edge from ``top`` down; returns its left edge
    (figure coordinates)."""
    from matplotlib.lines import Line2D

    handles = []
    for item in view.legend_nodes:
        glyph = {"●": "o", "■": "s", "▲": "^"}.get(item.get("glyph", "●"), "o")
        handles.append(Line2D([], [], marker=glyph, linestyle="none", markersize=8, markerfacecolor=item["color"],
                              markeredgecolor="#333333", label=f"{text(item['label'])} ({item['count']})"))
    for item in view.legend_shapes:
        glyph = {"●": "o", "■": "s", "▲": "^"}[item["glyph"]]
        handles.append(Line2D([], [], marker=glyph, linestyle="none", markersize=8, markerfacecolor="#777777",
                              markeredgecolor="#333333", label=text(item["label"])))
    for item in view.legend_relations:
        handles.append(Line2D([], [], color=item["color"], linewidth=2.5, label=f"{text(item['label'])} ({item['count']})"))
    for item in view.line_styles:
        handles.append(Line2D([], [], color="#555555", linewidth=1.5, linestyle=LINESTYLES[item["key"]],
                              label=text(item["label"])))
    if not handles:
        return 0.99
    legend = fig.legend(handles=handles, loc="upper right", bbox_to_anchor=(0.99, top), frameon=True,
                        prop={"family": fonts, "size": 8})
    box = legend.get_window_extent(fig.canvas.get_renderer()).transformed(fig.transFigure.inverted())
    return box.x0


@lru_cache(maxsize=1)
def _fonts() -> list[str]:
    """The families of :data:`FONTS` matplotlib can find (it warns on every text otherwise)."""
    from matplotlib import font_manager

    known = {f.name for f in font_manager.fontManager.ttflist}
    return [f for f in FONTS if f in known] or ["sans-serif"]


def _draw_edges(ax, view: View, pos: dict, radius: dict, FancyArrowPatch, shrink: float = 1.0) -> None:
    from matplotlib.collections import LineCollection

    if len(view.edges) > MAX_ARROWS:  # a lot of edges: straight lines, one collection per style
        for style in LINESTYLES:
            group = [e for e in view.edges if e["style"] == style]
            if group:
                ax.add_collection(LineCollection(
                    [(pos[e["source"]], pos[e["target"]]) for e in group],
                    colors=[e["color"] for e in group], linewidths=[0.4 + 0.4 * e["width"] for e in group],
                    linestyles=LINESTYLES[style], alpha=0.55, zorder=1))
        return
    for e in view.edges:
        a, b = pos[e["source"]], pos[e["target"]]
        if a == b:
            continue
        patch = FancyArrowPatch(
            a, b, arrowstyle="-" if e["symmetric"] else "-|>", mutation_scale=4 + 5 * shrink,
            connectionstyle=f"arc3,rad={-e['curve'] if e['curve'] else 0}",
            color=e["color"], linewidth=(0.5 + 0.5 * e["width"]) * shrink, linestyle=LINESTYLES[e["style"]],
            alpha=0.55 if e["style"] in ("negated", "structural") else 0.8,
            shrinkA=radius[e["source"]] / 2, shrinkB=radius[e["target"]] / 2 + 1, zorder=2)
        ax.add_patch(patch)
        if e["style"] == "negated":
            mx, my = (a[0] + b[0]) / 2, (a[1] + b[1]) / 2
            ax.text(mx, my, "✗", color="#b00020", fontsize=9, ha="center", va="center", zorder=4)

