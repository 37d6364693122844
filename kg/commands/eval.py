"""``kg eval GOLD_DIR... --graph GRAPH``: precision, recall and F1 against gold annotations."""

from __future__ import annotations

import json
import sys

from kg.eval_report import render
from kg.evaluate import by_language, evaluate


def register(sub) -> None:
    p = sub.add_parser("eval", help="score a graph against gold annotations",
                       description="Precision, recall and F1 of the actors and relations of GRAPH against "
                                   "hand-made gold annotations (*.gold.json, see docs/annotation.md); the "
                                   "same figures as the reference scorer.",
                       epilog="example: kg build seeds --out output && kg eval seeds --graph output/graph.ttl")
    p.add_argument("gold", nargs="+", help="folders with *.gold.json files (seeds/ has one)")
    p.add_argument("--graph", required=True,
                   help="the graph to score (.ttl, .jsonld, .trig, .nq or an Oxigraph --store folder)")
    p.add_argument("--json", action="store_true", help="print the full result as JSON")
    p.add_argument("--errors", action="store_true", help="list false and missed actors and edges per article")
    p.set_defaults(func=run)


def run(args) -> int:
    from kg.rdf.loader import load_graph

    result = evaluate(load_graph(args.graph), args.gold)
    if args.json:
        result["by_language"] = by_language(result)
        print(json.dumps(result, ensure_ascii=False, indent=1, default=str))
        return 0
    sys.stdout.write(render(result, errors=args.errors))
    return 0
