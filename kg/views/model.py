"""What a view shows, computed once for the HTML page and the PNG.

:func:`build_view` filters the aggregated graph (relations, minimum number of articles,
negated claims, the ego network of one actor), prunes it to the most central actors,
computes a layout in Python (seeded, so the same graph always gives the same picture)
and decides every color, size, dash pattern and tooltip line. The renderers only draw.
"""

from __future__ import annotations

import importlib.util
import math
import random
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

import networkx as nx
from rdflib import Graph

from kg.analysis import i18n
from kg.analysis.graph import aggregate_edges, to_networkx
from kg.analysis.names import find_actor, pick_label
from kg.analysis.networks import check_relations, communities, ego_network, pagerank
from kg.errors import GeoKGError
from kg.views.title import whole_graph_title

CLASS_COLORS = {
    "Country": "#1f77b4", "Organization": "#2ca02c", "Leader": "#d62728", "Official": "#ff7f0e",
    "Analyst": "#9467bd", "Person": "#8c564b", "Actor": "#7f7f7f",
}
SHAPES = {"Country": "dot", "Organization": "square", "Person": "triangle", "Actor": "dot"}
SHAPE_GLYPHS = {"dot": "●", "square": "■", "triangle": "▲"}
RELATION_COLORS = {
    "metWith": "#17becf", "visited": "#6baed6", "cooperatedWith": "#2ca02c", "supported": "#74c476",
    "supplied": "#1f5fb4", "sanctioned": "#d62728", "threatened": "#ff7f0e", "attacked": "#7f0000",
    "accused": "#e377c2", "criticized": "#a05195", "opposed": "#bcbd22", "leaderOf": "#636363",
    "affiliatedWith": "#b0b0b0",
}
COMMUNITY_COLORS = (
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#17becf",
    "#bcbd22", "#393b79", "#637939", "#843c39",
)
OTHER_COLOR = "#c0c0c0"
DASHES = {"hedged": [8, 6], "negated": [2, 5], "structural": [2, 3]}
FONT_FACE = ("'Noto Sans', 'Noto Sans Arabic', 'Noto Naskh Arabic', 'Segoe UI', Tahoma, "
             "'DejaVu Sans', Arial, sans-serif")
PHYSICS_MAX_NODES = 150  # above this the layout comes from Python and physics stays off
MAX_EVIDENCE = 5
MAX_TEXT = 320


@dataclass
class View:
    nodes: list[dict]
    edges: list[dict]
    title: str
    lang: str | None
    color_by: str
    notes: list[str] = field(default_factory=list)
    legend_nodes: list[dict] = field(default_factory=list)  # label, color, shape?, count
    legend_shapes: list[dict] = field(default_factory=list)
    legend_relations: list[dict] = field(default_factory=list)  # relation, label (plain words), color, count (claims)
    line_styles: list[dict] = field(default_factory=list)  # key, label, dashes
    physics: bool = False
    total_actors: int = 0
    total_edges: int = 0
    pruned: bool = False
    focus: str | None = None


def _short(text: str | None, limit: int = MAX_TEXT) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _scale_positions(pos: dict, n: int) -> dict:
    if not pos:
        return {}
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    span = max(max(xs) - min(xs), max(ys) - min(ys), 1e-9)
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    size = max(400.0, 90.0 * math.sqrt(n))
    return {u: (round((p[0] - cx) / span * size, 1), round((p[1] - cy) / span * size, 1)) for u, p in pos.items()}


def _connected_head(U: nx.Graph, nodes: list[str], size: int) -> list[str]:
    """``size`` nodes grown from the most central one, always taking the most central
    neighbour next: as central as possible and still connected (a spring layout flings
    disconnected pieces apart)."""
    import heapq

    index = {n: i for i, n in enumerate(nodes)}
    head: list[str] = []
    seen = {nodes[0]}
    heap = [(0, nodes[0])]
    while heap and len(head) < size:
        _, u = heapq.heappop(heap)
        head.append(u)
        for v in U.neighbors(u):
            if v in index and v not in seen:
                seen.add(v)
                heapq.heappush(heap, (index[v], v))
    return head


def _spring(U: nx.Graph, nodes: list[str], seed: int, core: int) -> dict[str, tuple[float, float]]:
    """Spring layout of one connected group, about [-1, 1]² (see :func:`layout`)."""
    if len(nodes) == 1:
        return {nodes[0]: (0.0, 0.0)}
    big = len(nodes) > core
    if importlib.util.find_spec("scipy") is not None:  # networkx's spring layout scales with SciPy
        big = len(nodes) > 5000
    head = _connected_head(U, nodes, core) if big else nodes
    H = nx.Graph()
    H.add_nodes_from(head)
    H.add_edges_from((u, v, {"weight": 1.0 + math.log1p(d.get("weight", 1))})
                     for u, v, d in U.subgraph(head).edges(data=True))
    k = 1.8 / math.sqrt(len(head))
    pos = nx.spring_layout(H, seed=seed, k=k, iterations=80, weight="weight")
    pos = {u: (float(p[0]), float(p[1])) for u, p in pos.items()}
    if big:
        rng = random.Random(seed)
        index = {n: i for i, n in enumerate(nodes)}
        pending = [u for u in nodes if u not in pos]
        while pending:
            still = []
            for u in pending:
                placed = [v for v in U.neighbors(u) if v in pos]
                if not placed:
                    still.append(u)
                    continue
                anchor = pos[min(placed, key=index.__getitem__)]
                angle = rng.uniform(0, 2 * math.pi)
                r = rng.uniform(0.03, 0.09)
                pos[u] = (anchor[0] + r * math.cos(angle), anchor[1] + r * math.sin(angle))
            if len(still) == len(pending):
                break
            pending = still
        reach = max((math.hypot(*p) for p in pos.values()), default=1.0)
        for i, u in enumerate(pending):
            angle = 2 * math.pi * i / max(len(pending), 1)
            pos[u] = (1.1 * reach * math.cos(angle), 1.1 * reach * math.sin(angle))
    return pos


def layout(U: nx.Graph, order: Sequence[str], *, seed: int = 42, core: int = 450) -> dict[str, tuple[float, float]]:
    """Positions for the nodes of ``order`` (edges from ``U``), in pixels around (0, 0).

    The largest connected group gets networkx's spring layout (seeded); smaller groups
    get their own small layouts on rings around it, so a few stragglers cannot squeeze
    the main picture into a corner. Groups above ``core`` nodes (networkx needs SciPy
    there) lay out their ``core`` most central nodes and place the others next to their
    best-placed neighbour.
    """
    nodes = list(order)
    if not nodes:
        return {}
    index = {n: i for i, n in enumerate(nodes)}
    S = nx.Graph()
    S.add_nodes_from(nodes)
    S.add_edges_from(U.subgraph(nodes).edges(data=True))
    comps = sorted((sorted(c, key=index.__getitem__) for c in nx.connected_components(S)),
                   key=lambda c: (-len(c), index[c[0]]))
    pos = _spring(S, comps[0], seed, core)
    reach = max((math.hypot(*p) for p in pos.values()), default=0.0) or 1.0
    ring, cursor, widest = reach * 1.25, 0.0, 0.0
    for comp in comps[1:]:
        r = reach * (0.03 + 0.03 * math.sqrt(len(comp)))
        arc = 2.6 * r
        if cursor + arc > 2 * math.pi * ring:
            ring += 2.6 * widest
            cursor, widest = 0.0, 0.0
        widest = max(widest, r)
        angle = (cursor + arc / 2) / ring - math.pi / 2
        cx, cy = ring * math.cos(angle), ring * math.sin(angle)
        cursor += arc
        sub = _spring(S, comp, seed, core)
        for u, (x, y) in sub.items():
            pos[u] = (cx + r * x, cy + r * y)
    return _scale_positions(pos, len(nodes))


def _node_tip(d: dict, lang: str | None, rank: int, n: int, community: int | None, articles: dict) -> list:
    rows = [["h", d["label"]]]
    others = [v for k, v in sorted(d.get("labels", {}).items()) if v != d["label"]]
    if others:
        rows.append(["m", " · ".join(others)])
    meta = [i18n.class_label(lang, d.get("class") or "Actor")]
    if d.get("wikidata"):
        meta.append(f"wd:{d['wikidata']}")
    rows.append(["m", " · ".join(meta)])
    count = d.get("article_count", 0)
    facts = [i18n.t(lang, "mentioned_in_1") if count == 1 else i18n.t(lang, "mentioned_in", n=count),
             i18n.t(lang, "rank", rank=rank, n=n)]
    if community is not None:
        facts.append(i18n.t(lang, "community", n=community + 1))
    rows.append(["m", " · ".join(facts)])
    arts = [articles.get(a, {}) for a in d.get("articles", [])]
    arts.sort(key=lambda a: (a.get("date") or "", a.get("identifier") or ""), reverse=True)
    for a in arts[:3]:
        title = _short(a.get("title") or a.get("identifier"), 160)
        rows.append(["s", f"{title} ({a['date']})" if a.get("date") else title])
    if len(arts) > 3:
        rows.append(["m", i18n.t(lang, "more", n=len(arts) - 3)])
    return rows


def _edge_tip(d: dict, u: str, v: str, labels: dict, lang: str | None) -> list:
    arrow = "—" if d["symmetric"] else i18n.t(lang, "arrow")
    rel = i18n.relation_label(lang, d["relation"])
    rows = [["h", f"{labels.get(u, u)} {arrow} {rel} {arrow} {labels.get(v, v)}"]]
    meta = []
    if d["polarity"] == "negative":
        meta.append(i18n.t(lang, "negated"))
    meta.append(" / ".join(i18n.t(lang, m) for m in d["modalities"]))
    if not d.get("structural"):
        meta.append(i18n.articles_text(lang, d["article_count"]))
    if d.get("first_date"):
        span = d["first_date"] if d["first_date"] == d["last_date"] else f"{d['first_date']} – {d['last_date']}"
        meta.append(span)
    rows.append(["m", " · ".join(meta)])
    if d.get("items"):
        rows.append(["m", ", ".join(d["items"])])
    for e in d["evidences"][:MAX_EVIDENCE]:
        if e.get("text"):
            rows.append(["e", f"“{_short(e['text'])}”"])
        src = [_short(e.get("title") or e.get("article_id") or "", 160)]
        if e.get("title") and e.get("article_id"):
            src.append(f"[{e['article_id']}]")
        if e.get("date"):
            src.append(e["date"])
        if e.get("modality") and e["modality"] != "asserted":
            src.append(i18n.t(lang, e["modality"]))
        if e.get("attributed_to"):
            src.append(i18n.t(lang, "according_to", who=labels.get(e["attributed_to"], e["attributed_to"])))
        rows.append(["s", "— " + " · ".join(s for s in src if s)])
    if len(d["evidences"]) > MAX_EVIDENCE:
        rows.append(["m", i18n.t(lang, "more", n=len(d["evidences"]) - MAX_EVIDENCE)])
    return rows


def build_view(g: Graph | nx.MultiDiGraph, *, actor: str | None = None, relations: Sequence[str] | None = None,
               min_articles: int = 1, lang: str | None = None, color_by: str = "class",
               show_negated: bool = False, max_nodes: int = 400, title: str | None = None,
               depth: int = 1, seed: int = 42) -> View:
    """Everything a renderer needs; see the module docstring."""
    if color_by not in ("class", "community"):
        raise GeoKGError(f"unknown color scheme {color_by!r} (class or community)")
    if max_nodes < 1:
        raise GeoKGError("--max-nodes must be at least 1")
    relations = check_relations(relations)
    G = to_networkx(g, lang=lang, include_negated=True) if isinstance(g, Graph) else g
    A = aggregate_edges(G)
    labels = {u: d.get("label") or u for u, d in A.nodes(data=True)}
    notes: list[str] = []

    # 1. filters
    F = nx.MultiDiGraph(**A.graph)
    F.add_nodes_from(A.nodes(data=True))
    negated_hidden = 0
    for u, v, k, d in A.edges(keys=True, data=True):
        if relations is not None and d["relation"] not in relations:
            continue
        if (d["article_count"] < min_articles) if not d["structural"] else (min_articles > 1):
            continue  # affiliations (no article behind them) only show in unfiltered views
        if d["polarity"] == "negative" and not show_negated:
            negated_hidden += d["claim_count"]
            continue
        F.add_edge(u, v, key=k, **d)
    focus = None
    if actor:
        focus = find_actor(F, actor)
        F = ego_network(F, focus, radius=depth)
        notes.append(i18n.t(lang, "ego", n=depth, actor=labels.get(focus, focus)))
    # actors nobody relates to in this view only add noise
    isolated = [u for u in F if F.degree(u) == 0 and u != focus]
    if isolated and F.number_of_edges():
        F.remove_nodes_from(isolated)
        notes.append(i18n.t(lang, "isolated_1") if len(isolated) == 1 else i18n.t(lang, "isolated", n=len(isolated)))
    if negated_hidden:
        notes.append(i18n.t(lang, "negated_hidden_1") if negated_hidden == 1
                     else i18n.t(lang, "negated_hidden", n=negated_hidden))
    if F.number_of_edges() == 0 and focus is None:
        F.remove_nodes_from(list(F))
        notes.append(i18n.t(lang, "empty"))

    # 2. centrality and pruning
    D = nx.DiGraph()
    D.add_nodes_from(sorted(F))
    for u, v, d in F.edges(data=True):
        if d["polarity"] == "negative" or u == v:
            continue
        w = max(d["article_count"], 1) * (0.5 if d.get("structural") else 1.0)
        for a, b in ((u, v), (v, u)) if d["symmetric"] else ((u, v),):
            D.add_edge(a, b, weight=D.get_edge_data(a, b, {}).get("weight", 0) + w)
    pr = pagerank(D)
    U = nx.Graph()
    U.add_nodes_from(D)
    for u, v, d in D.edges(data=True):
        U.add_edge(u, v, weight=U.get_edge_data(u, v, {}).get("weight", 0) + d["weight"])
    order = sorted(F, key=lambda u: (-round(pr.get(u, 0.0), 12), -U.degree(u) if u in U else 0, u))
    if focus is not None:
        order.remove(focus)
        order.insert(0, focus)
    total_actors, total_edges = F.number_of_nodes(), F.number_of_edges()
    pruned = total_actors > max_nodes
    if pruned:
        keep = set(order[:max_nodes])
        order = order[:max_nodes]
        # F's own order, not the subgraph's: a subgraph of a set of string nodes iterates in
        # the process's hash order, which gave other communities from run to run
        pruned_graph = nx.MultiDiGraph(**F.graph)
        pruned_graph.add_nodes_from((u, d) for u, d in F.nodes(data=True) if u in keep)
        pruned_graph.add_edges_from((u, v, k, d) for u, v, k, d in F.edges(keys=True, data=True) if u in keep and v in keep)
        F = pruned_graph
        notes.insert(0, i18n.t(lang, "pruned", shown=f"{len(keep):,}", total=f"{total_actors:,}",
                               hidden=f"{total_actors - len(keep):,}",
                               edges=f"{total_edges - F.number_of_edges():,}"))
    rank = {u: i + 1 for i, u in enumerate(sorted(order, key=lambda u: (-round(pr.get(u, 0.0), 12), u)))}

    # 3. communities (on the cooperation side of what is shown) and layout
    comm_of: dict[str, int] = {}
    comms: list[frozenset] = []
    if color_by == "community" or len(F) <= 2000:
        comms = communities(F, seed=seed)
        comm_of = {u: i for i, c in enumerate(comms) for u in c}
    pos = layout(U.subgraph(order), order, seed=seed)

    # 4. nodes
    top = max((pr.get(u, 0.0) for u in order), default=0.0) or 1.0
    articles = A.graph.get("articles", {})
    nodes = []
    cls_count: Counter = Counter()
    shape_count: Counter = Counter()
    comm_count: Counter = Counter()
    for u in order:
        d = F.nodes[u]
        cls = d.get("class") or "Actor"
        kind = d.get("type") or "Actor"
        shape = SHAPES.get(kind, "dot")
        ci = comm_of.get(u)
        if color_by == "community":
            color = COMMUNITY_COLORS[ci] if ci is not None and ci < len(COMMUNITY_COLORS) and len(comms[ci]) > 1 else OTHER_COLOR
            comm_count[ci if color != OTHER_COLOR else -1] += 1
        else:
            color = CLASS_COLORS.get(cls, CLASS_COLORS["Actor"])
        cls_count[cls] += 1
        shape_count[kind] += 1
        x, y = pos.get(u, (0.0, 0.0))
        nodes.append({
            "id": u, "label": labels.get(u, u), "labels": d.get("labels", {}),
            "label_en": pick_label(d.get("labels", {}), "en", fallback=u),
            "cls": cls, "kind": kind, "shape": shape, "color": color,
            "community": ci, "pagerank": pr.get(u, 0.0), "rank": rank.get(u),
            "value": round(math.sqrt(pr.get(u, 0.0) / top), 4), "degree": U.degree(u) if u in U else 0,
            "article_count": d.get("article_count", 0), "x": x, "y": y, "focus": u == focus,
            "tip": _node_tip({**d, "label": labels.get(u, u)}, lang, rank.get(u, 0), len(order), ci, articles),
        })

    # 5. edges
    edges = []
    rel_count: Counter = Counter()
    pairs: dict[tuple, list] = defaultdict(list)
    for u, v, k, d in sorted(F.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2])):
        pairs[(u, v) if u < v else (v, u)].append((u, v, k, d))
    styles = set()
    for (a, b), group in sorted(pairs.items()):
        for i, (u, v, k, d) in enumerate(group):
            if d["polarity"] == "negative":
                style = "negated"
            elif d.get("structural"):
                style = "structural"
            else:
                style = d["modality_group"]
            styles.add(style)
            n_art = d["article_count"]
            width = 1.0 if d.get("structural") else min(8.0, 1.5 + 1.5 * math.log2(max(n_art, 1)))
            curve = 0.0
            if len(group) > 1:
                side = (1 if i % 2 == 0 else -1) * (i // 2 + 1)
                curve = 0.18 * side if u == a else -0.18 * side
            rel_count[d["relation"]] += d.get("claim_count", 0)  # claims, not lines: five reports of one meeting count 5
            edges.append({
                "id": f"{u}|{v}|{k}", "source": u, "target": v, "relation": d["relation"],
                "polarity": d["polarity"], "modality_group": d["modality_group"], "modalities": d["modalities"],
                "article_count": n_art, "first_date": d["first_date"], "last_date": d["last_date"],
                "symmetric": d["symmetric"], "structural": d.get("structural", False), "style": style,
                "color": RELATION_COLORS.get(d["relation"], "#888888"), "width": round(width, 2),
                "dashes": DASHES.get(style, False), "curve": curve,
                "tip": _edge_tip(d, u, v, labels, lang),
            })

    # 6. legend
    legend_nodes, legend_shapes = [], []
    if color_by == "community":
        for ci, count in sorted(comm_count.items(), key=lambda kv: (kv[0] < 0, kv[0])):
            if ci < 0:
                legend_nodes.append({"label": i18n.t(lang, "other_communities"), "color": OTHER_COLOR, "count": count})
                continue
            members = sorted(comms[ci], key=lambda u: (-pr.get(u, 0.0), u))[:3]
            name = i18n.comma(lang).join(labels.get(m, m) for m in members) + ("…" if len(comms[ci]) > 3 else "")
            legend_nodes.append({"label": f"{i18n.t(lang, 'community', n=ci + 1)}: {name}",
                                 "color": COMMUNITY_COLORS[ci], "count": count})
    else:
        for cls in ("Country", "Organization", "Leader", "Official", "Analyst", "Person", "Actor"):
            if cls_count.get(cls):
                kind = cls if cls in SHAPES else "Person"
                legend_nodes.append({"label": i18n.class_label(lang, cls), "color": CLASS_COLORS[cls],
                                     "count": cls_count[cls], "key": cls, "glyph": SHAPE_GLYPHS[SHAPES[kind]]})
    if color_by == "community":
        for kind in ("Country", "Organization", "Person", "Actor"):
            if shape_count.get(kind):
                legend_shapes.append({"label": i18n.class_label(lang, kind), "glyph": SHAPE_GLYPHS[SHAPES[kind]],
                                      "count": shape_count[kind]})
    legend_relations = [{"relation": r, "label": i18n.relation_label(lang, r),
                         "color": RELATION_COLORS.get(r, "#888888"), "count": c}
                        for r, c in sorted(rel_count.items(), key=lambda kv: (-kv[1], kv[0]))]
    line_styles = [{"key": s, "label": i18n.t(lang, f"line_{s}"), "dashes": DASHES.get(s, False)}
                   for s in ("asserted", "hedged", "negated", "structural") if s in styles]

    if title is None:
        if focus is not None:
            title = f"{i18n.t(lang, 'title')}: {labels.get(focus, focus)}"
        else:
            title = whole_graph_title(articles, lang)
    return View(nodes=nodes, edges=edges, title=title, lang=lang, color_by=color_by, notes=notes,
                legend_nodes=legend_nodes, legend_shapes=legend_shapes, legend_relations=legend_relations,
                line_styles=line_styles, physics=len(nodes) <= PHYSICS_MAX_NODES,
                total_actors=total_actors, total_edges=total_edges, pruned=pruned, focus=focus)
