"""The interactive view: one self-contained, offline HTML file.

pyvis holds the network (nodes, edges, options); the page is rendered through our own
Jinja template (autoescaped) with vis-network inlined from the copy inside the pyvis
package, never from a CDN, and written as UTF-8 atomically (pyvis's ``write_html`` uses
the platform encoding and its template loads Bootstrap from a CDN).

Safety: every text that comes from an article (labels, titles, evidence) reaches the
page either through the autoescaped template or as JSON inside a script (``<``, ``>``,
``&`` escaped); tooltips are DOM nodes filled with ``textContent``. A Content Security
Policy admits only the page's own two scripts (by hash) and no network access at all,
so even a bug in the above could not load or run anything.
"""

from __future__ import annotations

import base64
import hashlib
import html as _html
import json
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import networkx as nx
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from jinja2.utils import htmlsafe_json_dumps
from rdflib import Graph

from kg.analysis import i18n
from kg.atomic import write_text_atomic
from kg.errors import GeoKGError
from kg.runtime import bulk_allocation
from kg.views.model import FONT_FACE, View, build_view

TEMPLATES = Path(__file__).parent / "templates"
VIS_VERSION = "vis-9.1.2"


@lru_cache(maxsize=1)
def vis_assets() -> tuple[str, str]:
    """(vis-network.min.js, vis-network.css) from the copy shipped inside pyvis."""
    import pyvis

    lib = Path(pyvis.__file__).parent / "lib" / VIS_VERSION
    try:
        js = (lib / "vis-network.min.js").read_text(encoding="utf-8")
        css = (lib / "vis-network.css").read_text(encoding="utf-8")
    except OSError as err:
        raise GeoKGError(f"vis-network not found in the pyvis package ({lib}): {err.strerror}") from None
    # Neither file contains these today; keep it that way if pyvis ever updates them.
    js = js.replace("</script", "<\\/script")
    css = css.replace("</style", "<\\/style")
    return js, css


@lru_cache(maxsize=1)
def _env() -> Environment:
    return Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=True,
                       undefined=StrictUndefined, keep_trailing_newline=True)


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def _darker(color: str, factor: float = 0.7) -> str:
    r, g, b = (int(color[i:i + 2], 16) for i in (1, 3, 5))
    return "#{:02x}{:02x}{:02x}".format(int(r * factor), int(g * factor), int(b * factor))


def _lighter(color: str, factor: float = 0.35) -> str:
    r, g, b = (int(color[i:i + 2], 16) for i in (1, 3, 5))
    return "#{:02x}{:02x}{:02x}".format(*(int(c + (255 - c) * factor) for c in (r, g, b)))


def to_pyvis(view: View):
    """The view as a :class:`pyvis.network.Network` (nodes, edges and vis options)."""
    from pyvis.network import Network

    big = len(view.nodes) > 150
    net = Network(directed=True, height="100%", width="100%", cdn_resources="in_line", heading=view.title)
    for n in view.nodes:
        color = n["color"]
        net.add_node(
            n["id"], label=f"\u2068{n['label']}\u2069", shape=n["shape"], value=n["value"], x=n["x"], y=n["y"],
            color={"background": color, "border": "#111111" if n["focus"] else _darker(color),
                   "highlight": {"background": _lighter(color), "border": "#000000"},
                   "hover": {"background": _lighter(color), "border": "#000000"}},
            borderWidth=4 if n["focus"] else 1,
            tip=n["tip"], labels=n["labels"], cls=n["cls"], kind=n["kind"], community=n["community"],
            rank=n["rank"], articleCount=n["article_count"],
        )
    for e in view.edges:
        smooth = ({"enabled": True, "type": "curvedCW" if e["curve"] > 0 else "curvedCCW",
                   "roundness": abs(e["curve"])} if e["curve"] else False)
        extra = {}
        if e["style"] == "negated":
            extra = {"label": "✗", "font": {"color": "#b00020", "size": 16, "strokeWidth": 0, "align": "middle",
                                            "background": "#ffffff"}}
        net.add_edge(
            e["source"], e["target"], id=e["id"],
            color={"color": e["color"], "highlight": e["color"], "hover": e["color"],
                   "opacity": 0.55 if e["style"] in ("negated", "structural") else 0.85},
            width=e["width"], dashes=e["dashes"], smooth=smooth,
            arrows={"to": {"enabled": not e["symmetric"], "scaleFactor": 0.55}},
            tip=e["tip"], relation=e["relation"], polarity=e["polarity"], modality=e["modality_group"],
            articleCount=e["article_count"], firstDate=e["first_date"], lastDate=e["last_date"], **extra,
        )
    physics = ({"enabled": True, "solver": "forceAtlas2Based",
                "forceAtlas2Based": {"gravitationalConstant": -70, "springLength": 110, "springConstant": 0.06,
                                     "avoidOverlap": 0.5},
                "stabilization": {"enabled": True, "iterations": 250, "updateInterval": 50, "fit": True}}
               if view.physics else {"enabled": False})
    net.options = {
        "autoResize": True, "height": "100%", "width": "100%",
        "layout": {"improvedLayout": False, "randomSeed": 42},
        "nodes": {
            "shape": "dot", "borderWidthSelected": 3,
            # a label drawn over lines stays readable on its own white box
            "font": {"face": FONT_FACE, "size": 14, "color": "#1b1b1b", "strokeWidth": 0,
                     "background": "rgba(255,255,255,0.85)"},
            "scaling": {"min": 9, "max": 40,
                        "label": {"enabled": True, "min": 13, "max": 28, "maxVisible": 34,
                                  "drawThreshold": 8 if big else 5}},
        },
        "edges": {"smooth": False, "selectionWidth": 2, "hoverWidth": 0.8, "color": {"inherit": False},
                  # edge labels sit above their line, on a white box, never across it
                  "font": {"face": FONT_FACE, "size": 12, "align": "top", "strokeWidth": 0,
                           "background": "rgba(255,255,255,0.9)"}},
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": big, "hideEdgesOnZoom": big,
                        "multiselect": True, "keyboard": False},
        "physics": physics,
    }
    return net


@bulk_allocation()  # the view's networks and page data survive until the page is written
def render_view(g: Graph | nx.MultiDiGraph, *, actor: str | None = None, relations: Sequence[str] | None = None,
                min_articles: int = 1, lang: str | None = None, color_by: str = "class",
                show_negated: bool = False, max_nodes: int = 400, title: str | None = None,
                depth: int = 1, view: View | None = None) -> str:
    """The HTML page as a string (see :func:`write_view` for the arguments)."""
    if view is None:
        view = build_view(g, actor=actor, relations=relations, min_articles=min_articles, lang=lang,
                          color_by=color_by, show_negated=show_negated, max_nodes=max_nodes, title=title,
                          depth=depth)
    net = to_pyvis(view)
    nodes, edges, _heading, _h, _w, options = net.get_network_data()
    data = {"nodes": nodes, "edges": edges, "options": json.loads(options), "physics": view.physics,
            "pruned": view.pruned}
    app_js = (TEMPLATES / "view.js").read_text(encoding="utf-8").replace(
        "__GEOKG_DATA__", str(htmlsafe_json_dumps(data, dumps=lambda o, **kw: json.dumps(o, ensure_ascii=False, **kw))))
    vis_js, vis_css = vis_assets()
    csp = ("default-src 'none'; "
           f"script-src {_sha256(vis_js)} {_sha256(app_js)}; "
           "style-src 'unsafe-inline'; img-src data:; font-src data:; "
           "connect-src 'none'; frame-src 'none'; form-action 'none'; base-uri 'none'")
    ui = i18n.ui_lang(view.lang)
    strings = i18n.STRINGS[ui]
    names = sorted({n["label"] for n in view.nodes} | {v for n in view.nodes for v in n["labels"].values()})
    return _env().get_template("view.html.j2").render(
        ui=ui, direction="rtl" if ui == "ar" else "ltr", csp=csp, title=view.title,
        summary=i18n.t(view.lang, "summary", nodes=f"{len(view.nodes):,}", edges=f"{len(view.edges):,}"),
        s=strings, names=names, notes=view.notes, pruned=view.pruned, color_by=view.color_by,
        legend_nodes=view.legend_nodes, legend_shapes=view.legend_shapes,
        legend_relations=view.legend_relations, line_styles=view.line_styles,
        vis_css=_Safe(vis_css), page_css=_Safe((TEMPLATES / "view.css").read_text(encoding="utf-8")),
        vis_js=_Safe(vis_js), app_js=_Safe(app_js),
    )


class _Safe(str):
    """Text the template must insert verbatim (our own CSS/JS, never article text)."""

    def __html__(self) -> str:
        return str(self)


def write_view(g: Graph | nx.MultiDiGraph, out: Path, *, actor: str | None = None, relations: Sequence[str] | None = None,
               min_articles: int = 1, lang: str | None = None, color_by: str = "class",
               show_negated: bool = False, max_nodes: int = 400, title: str | None = None,
               depth: int = 1) -> Path:
    """Write the interactive view of ``g`` (an RDF graph, or its network from
    :func:`kg.analysis.graph.to_networkx`) to ``out`` (UTF-8, atomically); returns ``out``.

    ``actor``: only this actor and its neighbours within ``depth`` steps; ``relations``:
    only these relations; ``min_articles``: only edges reported by at least that many
    articles; ``lang``: labels (and the page's words) in ar or en where the graph has
    them; ``color_by``: ``class`` or ``community``; ``show_negated``: draw claims reported
    as not having happened (dotted, marked ✗); ``max_nodes``: keep the most central
    actors (PageRank) and say so on the page. Big views get their layout from Python with
    physics off, so they open at once.
    """
    page = render_view(g, actor=actor, relations=relations, min_articles=min_articles, lang=lang,
                       color_by=color_by, show_negated=show_negated, max_nodes=max_nodes, title=title,
                       depth=depth)
    return write_text_atomic(Path(out), page)


def iframe_html(page: str, *, height: int = 620) -> str:
    """An ``<iframe srcdoc>`` holding a page: the way that displays in Jupyter, VS Code and Colab."""
    return (f'<div class="geokg-view"><iframe srcdoc="{_html.escape(page, quote=True)}" '
            f'style="width:100%;height:{int(height)}px;border:1px solid #ddd" '
            'sandbox="allow-scripts" loading="lazy"></iframe></div>')


def show_inline(g: Graph, *, height: int = 620, **kwargs):
    """The view as an IPython ``HTML`` object for a notebook cell."""
    from IPython.display import HTML

    return HTML(iframe_html(render_view(g, **kwargs), height=height))
