"""``kg view GRAPH --out FILE.html``: the interactive, offline view of a graph (and ``--png``)."""

from __future__ import annotations

import argparse
import sys

from kg.analysis.graph import read_network
from kg.errors import GeoKGError


def register(subparsers) -> None:
    p = subparsers.add_parser("view", help="interactive HTML view (offline) and static PNG of a graph",
                              description="Node size by centrality, color by class or community, edge color "
                                          "by relation, width by number of articles, dashed when possible or "
                                          "alleged; tooltips show the evidence. Big graphs are pruned to the "
                                          "most central actors, with a note saying so.")
    p.add_argument("graph", metavar="GRAPH", help="graph written by kg build: a .ttl/.jsonld/.trig/.nq file or a --store folder")
    p.add_argument("--out", metavar="FILE.html", help="write the interactive view here")
    p.add_argument("--png", metavar="FILE.png", help="also (or only) write a static picture")
    p.add_argument("--actor", metavar="NAME", help="only this actor and its neighbours")
    p.add_argument("--depth", type=int, default=1, metavar="N", help="steps around --actor (1)")
    p.add_argument("--relation", nargs="+", metavar="R", dest="relations",
                   help="only these relations (metWith, sanctioned, supplied, …)")
    p.add_argument("--min-articles", type=int, default=1, metavar="N",
                   help="only edges at least N articles report (1)")
    p.add_argument("--lang", choices=("ar", "en"), help="labels and page words in this language where known")
    p.add_argument("--color-by", choices=("class", "community"), default="class", help="node colors (class)")
    p.add_argument("--show-negated", action="store_true", help="draw claims reported as not having happened")
    p.add_argument("--max-nodes", type=int, default=400, metavar="N",
                   help="keep the N most central actors (400)")
    p.add_argument("--title", help="page title")
    p.add_argument("--by-country", action="store_true",
                   help="lift each claim of a body or person to its state (state-to-state dyads)")
    p.add_argument("--with-headlines", action="store_true",
                   help="also count claims whose only evidence is a headline (gkg:fromHeadline), left out by default")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if not args.out and not args.png:
        raise GeoKGError("nothing to write: give --out FILE.html and/or --png FILE.png")
    if args.min_articles < 1:
        raise GeoKGError("--min-articles must be at least 1")
    G = read_network(args.graph, lang=args.lang, include_headlines=args.with_headlines)
    if args.by_country:
        from kg.analysis.networks import by_country

        G = by_country(G)
    options = dict(actor=args.actor, relations=args.relations, min_articles=args.min_articles, lang=args.lang,
                   color_by=args.color_by, show_negated=args.show_negated, max_nodes=args.max_nodes,
                   title=args.title, depth=args.depth)
    if args.out:
        from kg.views.html import render_view
        from kg.atomic import write_text_atomic

        write_text_atomic(args.out, render_view(G, **options))
        print(f"wrote {args.out}", file=sys.stderr)
    if args.png:
        from kg.views.png import write_png

        write_png(G, args.png, **options)
        print(f"wrote {args.png}", file=sys.stderr)
    return 0
