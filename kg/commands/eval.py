"""``kg eval GOLD_DIR... --graph GRAPH``: precision, recall and F1 against gold annotations."""

from __future__ import annotations

import json
from pathlib import Path

from rdflib import Graph

from kg.errors import GeoKGError
from kg.evaluate import by_language, evaluate


def register(sub) -> None:
    p = sub.add_parser("eval", help="score a graph against gold annotations")
    p.add_argument("gold", nargs="+", help="folders with *.gold.json files")
    p.add_argument("--graph", required=True, help="the Turtle graph to score")
    p.add_argument("--json", action="store_true", help="print the full result as JSON")
    p.add_argument("--errors", action="store_true", help="list false and missed actors and edges per article")
    p.set_defaults(func=run)


def load_graph(path: str) -> Graph:
    p = Path(path)
    if not p.is_file():
        raise GeoKGError(f"{path}: no such graph file")
    g = Graph()
    try:
        g.parse(p, format="turtle")
    except Exception as err:
        raise GeoKGError(f"{path}: not a readable Turtle graph ({err.__class__.__name__})") from None
    return g


def run(args) -> int:
    result = evaluate(load_graph(args.graph), args.gold)
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=1, default=str))
        return 0
    for name, v in result["per_article"].items():
        a = tuple(round(x, 2) for x in v["actors"])
        r = tuple(round(x, 2) for x in v["relations"])
        print(f"{name:24s} actors P/R/F {a}  relations P/R/F {r}  gold {v['gold_edges']} pred {v['pred_edges']}"
              f"{'  MISSING' if v['missing'] else ''}")
        if args.errors:
            for label in ("false_actors", "missed_actors", "false_edges", "missed_edges"):
                for item in v[label]:
                    print(f"    {label[:-1]:13s} {item}")
    for k, v in result["per_relation"].items():
        print(f"  {k:15s} gold {v.get('gold', 0):3d} pred {v.get('pred', 0):3d} tp {v.get('tp', 0):3d}")
    langs = by_language(result)
    if len(langs) > 1:
        for lang, v in langs.items():
            print(f"  [{lang}] actor F1 {v['actor_f1']:.3f} | relation F1 {v['relation_f1']:.3f}")
    print(f"negated_as_positive={result['negated_as_positive']} negative found "
          f"{result['negative_found']}/{result['negative_gold']} modality_acc={result['modality_acc']}")
    print(f"actor F1 {result['actor_f1']:.3f} (P {result['actor_p']:.3f} R {result['actor_r']:.3f}) | "
          f"relation F1 {result['relation_f1']:.3f} (P {result['relation_p']:.3f} R {result['relation_r']:.3f}) | "
          f"polarity-blind edge F1 {result['edge_polarity_blind_f1']:.3f}")
    return 0
