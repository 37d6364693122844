"""The text ``kg stats`` and ``kg actor`` print, and the data behind it (``--json``)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import networkx as nx
from rdflib import Graph

from kg.analysis import i18n
from kg.analysis.graph import aggregate_edges, to_networkx
from kg.analysis.names import find_actor
from kg.analysis.networks import centrality, communities, top_actors


def _graph(g: Graph | nx.MultiDiGraph, lang: str | None) -> nx.MultiDiGraph:
    return to_networkx(g, lang=lang) if isinstance(g, Graph) else g


def _label(G: nx.Graph, u: str | None) -> str:
    if u is None:
        return ""
    return G.nodes[u].get("label") or u if u in G else u


def _span(first: str | None, last: str | None) -> str:
    if not first:
        return ""
    return first if first == last else f"{first} – {last}"


def _edge_phrase(A: nx.Graph, u: str, v: str, d: dict, lang: str | None) -> str:
    arrow = "—" if d["symmetric"] else i18n.t(lang, "arrow")
    text = f"{_label(A, u)} {arrow} {i18n.relation_label(lang, d['relation'])} {arrow} {_label(A, v)}"
    marks = []
    if d["polarity"] == "negative":
        marks.append(i18n.t(lang, "negated"))
    if d["modality_group"] == "hedged":
        marks.append("/".join(i18n.t(lang, m) for m in d["modalities"]))
    return text + (f" ({', '.join(marks)})" if marks else "")


# --------------------------------------------------------------------------- stats

LARGE = 2000  # actors: above, betweenness is estimated from fewer sources
LARGE_SOURCES = 100  # (300 below): on 3,000 actors 300 sources were half the time of kg stats


def stats_data(g: Graph | nx.MultiDiGraph, *, top: int = 10, lang: str | None = None, seed: int = 42) -> dict:
    """Counts, top actors, communities and strongest edges as plain data."""
    A = aggregate_edges(_graph(g, lang))
    kinds = Counter(d.get("type") or "Actor" for _, d in A.nodes(data=True))
    scores = centrality(A, seed=seed, betweenness_k=LARGE_SOURCES if A.number_of_nodes() > LARGE else None)
    comms = [c for c in communities(A, seed=seed) if len(c) > 1]
    edges = [d for _, _, d in A.edges(data=True)]
    strongest = sorted(
        ((u, v, d) for u, v, d in A.edges(data=True) if not d.get("structural") and d["polarity"] == "positive"),
        key=lambda e: (-e[2]["article_count"], -(e[2]["claim_count"]), e[2]["relation"], e[0], e[1]))
    modalities: Counter = Counter()
    relations: Counter = Counter()
    for d in edges:
        modalities.update(d["modality_counts"])
        relations[d["relation"]] += d["claim_count"]
    return {
        "actors": A.number_of_nodes(), "actor_types": dict(sorted(kinds.items())),
        "articles": len(A.graph.get("articles", {})), "claims": sum(d["claim_count"] for d in edges),
        "modalities": dict(sorted(modalities.items())),
        "negated": sum(d["claim_count"] for d in edges if d["polarity"] == "negative"),
        "attributed": sum(d["attributed_count"] for d in edges),
        # most claims first; ties by name (the order claims happened to be read in was no order)
        "relations": dict(sorted(((r, n) for r, n in relations.items() if n), key=lambda rn: (-rn[1], rn[0]))),
        "top_actors": [{"actor": u, "label": _label(A, u), "class": A.nodes[u].get("class"),
                        "article_count": A.nodes[u].get("article_count", 0), **{k: round(v, 6) for k, v in s.items()}}
                       for u, s in top_actors(A, top, scores=scores)],
        "communities": [{"size": len(c), "members": sorted(c, key=lambda u: (-scores.get(u, {}).get("pagerank", 0), u)),
                         "labels": [_label(A, u) for u in sorted(c, key=lambda u: (-scores.get(u, {}).get("pagerank", 0), u))]}
                        for c in comms[:top]],
        "community_count": len(comms),
        "strongest_edges": [{"source": u, "target": v, "relation": d["relation"], "modality": d["modality_group"],
                             "modalities": d["modalities"], "article_count": d["article_count"],
                             "first_date": d["first_date"], "last_date": d["last_date"],
                             "text": _edge_phrase(A, u, v, d, lang)}
                            for u, v, d in strongest[:top]],
        "seed": seed,
        "headline_claims_left_out": A.graph.get("headline_claims", 0),
    }


def _table(rows: list[list[str]], right: Iterable[int] = ()) -> list[str]:
    right = set(right)
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    out = []
    for r in rows:
        cells = [c.rjust(w) if i in right else c.ljust(w) for i, (c, w) in enumerate(zip(r, widths))]
        out.append("  " + "  ".join(cells).rstrip())
    return out


def stats_report(g: Graph | nx.MultiDiGraph, *, top: int = 10, lang: str | None = None, seed: int = 42,
                 source: str | None = None) -> str:
    data = stats_data(g, top=top, lang=lang, seed=seed)
    L = lang
    sep = i18n.comma(L)
    kinds = sep.join(f"{n} {i18n.class_label(L, k)}" for k, n in data["actor_types"].items())
    head = i18n.t(L, "stats_head", actors=data["actors"], kinds=kinds, articles=data["articles"],
                  claims=data["claims"])
    lines = [f"{source + ': ' if source else ''}{head}"]
    mods = sep.join(f"{n} {i18n.t(L, m)}" for m, n in data["modalities"].items())
    lines.append("  " + i18n.t(L, "stats_quality", modalities=mods, negated=data["negated"],
                               attributed=data["attributed"]))
    if data["headline_claims_left_out"]:
        lines.append("  " + i18n.t(L, "headline_left_out", n=data["headline_claims_left_out"]))
    if data["relations"]:
        lines.append("  " + " · ".join(f"{i18n.relation_label(L, r)} {n}" for r, n in data["relations"].items()))
    lines += ["", f"{i18n.t(L, 'top_actors')} ({i18n.t(L, 'top_actors_how')})"]
    if data["top_actors"]:
        rows = [["#"] + [i18n.t(L, f"col_{c}") for c in ("actor", "class", "pagerank", "degree", "betweenness",
                                                          "articles")]]
        for i, a in enumerate(data["top_actors"], 1):
            rows.append([str(i), f"{a['label']} [{a['actor']}]" if a["label"] != a["actor"] else a["actor"],
                         i18n.class_label(L, a["class"] or "Actor"), f"{a['pagerank']:.4f}", str(a["neighbours"]),
                         f"{a['betweenness']:.4f}", str(a["article_count"])])
        lines += _table(rows, right=(0, 3, 4, 5, 6))
    else:
        lines.append("  " + i18n.t(L, "no_actors"))
    lines += ["", f"{i18n.t(L, 'communities')} "
                  f"({i18n.t(L, 'communities_how', seed=seed, n=data['community_count'])})"]
    for i, c in enumerate(data["communities"], 1):
        names = sep.join(c["labels"][:8]) + (f"{sep}… (+{c['size'] - 8})" if c["size"] > 8 else "")
        lines.append(f"  {i}. {c['size']} {i18n.t(L, 'members')}: {names}")
    if not data["communities"]:
        lines.append("  " + i18n.t(L, "none"))
    lines += ["", f"{i18n.t(L, 'strongest')} ({i18n.t(L, 'strongest_how')})"]
    if data["strongest_edges"]:
        rows = [[e["text"], i18n.articles_text(L, e["article_count"]), _span(e["first_date"], e["last_date"])]
                for e in data["strongest_edges"]]
        lines += _table(rows)
    else:
        lines.append("  " + i18n.t(L, "none"))
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------- actor

def actor_report(g: Graph | nx.MultiDiGraph, name: str, *, lang: str | None = None, evidence: int = 3,
                 seed: int = 42, network: nx.MultiDiGraph | None = None) -> str:
    """Everything the graph knows about one actor, with the sentences behind each relation.

    ``network`` is the whole graph's network when ``g`` holds only this actor's claims
    (:func:`kg.analysis.store_network.actor_claims`): centrality, communities and the
    labels of other actors come from it."""
    G = _graph(g, lang)
    A = aggregate_edges(G)
    N = network if network is not None else G
    u = find_actor(G, name)
    d = G.nodes[u]
    L = lang
    out = [f"{d.get('label') or u}  [{u}]"]
    facts = [i18n.class_label(L, d.get("class") or "Actor")]
    if d.get("wikidata"):
        facts.append(f"wd:{d['wikidata']}")
    n_art = d.get("article_count", 0)
    facts.append(i18n.t(L, "mentioned_in_1") if n_art == 1 else i18n.t(L, "mentioned_in", n=n_art))
    out.append("  " + " · ".join(facts))
    labels = d.get("labels") or {}
    if labels:
        out.append(f"  {i18n.t(L, 'labels')}: " + " · ".join(f"{i18n.language_name(L, k)}: {v}" for k, v in sorted(labels.items())))
    alt = d.get("alt_labels") or {}
    if alt:
        out.append(f"  {i18n.t(L, 'aka')}: " + "; ".join(f"{i18n.language_name(L, k)}: {i18n.comma(L).join(v)}" for k, v in sorted(alt.items())))
    if d.get("affiliation"):
        out.append(f"  {i18n.t(L, 'affiliation')}: {_label(N, d['affiliation'])}")
    scores = centrality(N, seed=seed)
    if u in scores:
        order = top_actors(N, len(scores), scores=scores)
        rank = next(i for i, (n, _) in enumerate(order, 1) if n == u)
        s = scores[u]
        out.append(f"  {i18n.t(L, 'centrality')}: " + i18n.t(
            L, "centrality_line", pagerank=f"{s['pagerank']:.4f}", rank=rank, n=len(scores), degree=s["neighbours"],
            betweenness=f"{s['betweenness']:.4f}"))
    for i, c in enumerate(communities(N, seed=seed), 1):
        if u in c and len(c) > 1:
            others = sorted(c - {u}, key=lambda n: (-scores.get(n, {}).get("pagerank", 0), n))
            more = f", … (+{len(others) - 8})" if len(others) > 8 else ""
            out.append(f"  {i18n.t(L, 'community', n=i)}: " + ", ".join(_label(N, n) for n in others[:8]) + more)

    def block(title: str, edges: list) -> None:
        if not edges:
            return
        out.extend(["", title])
        for a, b, e in edges:
            head = f"  {_edge_phrase(N, a, b, e, L)}"
            tail = [i18n.articles_text(L, e["article_count"])] if not e.get("structural") else []
            if e["first_date"]:
                tail.append(_span(e["first_date"], e["last_date"]))
            if e.get("items"):
                tail.append(", ".join(e["items"]))
            out.append(head + ("   " + " · ".join(tail) if tail else ""))
            evs = sorted(e["evidences"], key=lambda x: (x.get("lang") != lang, ))  # asked language first
            shown = evs if evidence <= 0 else evs[:evidence]
            for ev in shown:
                if ev.get("text"):
                    out.append(f"      “{' '.join(ev['text'].split())}”")
                src = [ev.get("title") or "", f"[{ev['article_id']}]" if ev.get("article_id") else "", ev.get("date") or ""]
                if ev.get("modality") and ev["modality"] != "asserted":
                    src.append(i18n.t(L, ev["modality"]))
                if ev.get("attributed_to"):
                    src.append(i18n.t(L, "according_to", who=_label(N, ev["attributed_to"])))
                out.append("        — " + " · ".join(s for s in src if s))
            if len(evs) > len(shown):
                out.append("      " + i18n.t(L, "more", n=len(evs) - len(shown)))

    def order(edges):
        return sorted(edges, key=lambda e: (-e[2]["article_count"], e[2]["relation"], e[0], e[1]))

    outgoing = [(a, b, e) for a, b, e in A.out_edges(u, data=True) if e["polarity"] == "positive"]
    incoming = [(a, b, e) for a, b, e in A.in_edges(u, data=True) if e["polarity"] == "positive" and a != u]
    negated = [(a, b, e) for a, b, e in list(A.out_edges(u, data=True)) + list(A.in_edges(u, data=True))
               if e["polarity"] == "negative"]
    negated = list({(a, b, e["relation"], e["modality_group"]): (a, b, e) for a, b, e in negated}.values())
    block(i18n.t(L, "outgoing"), order(outgoing))
    block(i18n.t(L, "incoming"), order(incoming))
    block(i18n.t(L, "negated_section"), order(negated))
    if not (outgoing or incoming or negated):
        out += ["", i18n.t(L, "no_relations")]
    said = sorted(((a, b, e) for a, b, e in G.edges(data=True) if e.get("attributed_to") == u),
                  key=lambda x: (x[2].get("date") or "", x[2].get("claim") or ""))
    if said:
        out += ["", i18n.t(L, "claims_about")]
        for a, b, e in said:
            agg = {"symmetric": e["symmetric"], "relation": e["relation"], "polarity": e["polarity"],
                   "modality_group": "hedged" if e["modality"] in ("possible", "alleged") else "asserted",
                   "modalities": [e["modality"]]}
            out.append(f"  {_edge_phrase(N, a, b, agg, L)}   {e.get('date') or ''}".rstrip())
            if e.get("evidence"):
                out.append(f"      “{' '.join(e['evidence'].split())}”")
    arts = [G.graph.get("articles", {}).get(a, {}) for a in d.get("articles", [])]
    if arts:
        out += ["", i18n.t(L, "articles_heading")]
        for a in sorted(arts, key=lambda a: (a.get("date") or "", a.get("identifier") or ""), reverse=True)[:20]:
            out.append("  " + " · ".join(x for x in (a.get("date"), a.get("title"), f"[{a.get('identifier')}]") if x))
        if len(arts) > 20:
            out.append("  " + i18n.t(L, "more", n=len(arts) - 20))
    return "\n".join(out) + "\n"
