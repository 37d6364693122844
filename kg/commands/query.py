"""``kg query GRAPH QUERY``: run a cookbook query (or any SPARQL) and print the rows."""

from __future__ import annotations

import argparse
import csv
import json
import sys
import unicodedata

from rdflib import BNode, Literal, URIRef

from kg.errors import GeoKGError
from kg.rdf.cookbook import (
    QueryResult, display_term, list_queries, load_query,
    parse_param_args, run_query,
)


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "query", help="run a SPARQL cookbook query against a graph",
        description="Run QUERY against GRAPH. QUERY is a cookbook name (see --list), a .rq file or "
                    "the text of a SPARQL query. Parameters name actors by label (Russia, روسيا), key "
                    "(RUS) or IRI (actor:RUS), relations by name (sanctioned).",
        epilog="example: kg query output/graph.ttl who-sanctioned --param target=Russia")
    p.add_argument("graph", nargs="?", metavar="GRAPH", help="graph file (Turtle, TriG, N-Quads, JSON-LD…)")
    p.add_argument("query", nargs="?", metavar="QUERY", help="cookbook name, .rq file or SPARQL text")
    p.add_argument("--param", "-p", action="append", default=[], metavar="NAME=VALUE",
                   help="query parameter; repeat for several (a name given twice matches either value)")
    p.add_argument("--format", choices=("table", "csv", "json"), default="table",
                   help="table (labels, prefixed names, long text shortened with …), csv or json "
                        "(SPARQL results formats, everything in full)")
    p.add_argument("--full", action="store_true", help="table: do not shorten long cells")
    p.add_argument("--engine", choices=("oxigraph", "rdflib"), default="oxigraph",
                   help="SPARQL engine (oxigraph: fast; rdflib: pure Python); both give the same rows")
    p.add_argument("--list", action="store_true", help="list the cookbook queries and what they answer")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.list:
        print_list()
        return 0
    if not args.graph or not args.query:
        raise GeoKGError("give a graph file and a query (kg query GRAPH QUERY), or --list")
    query = load_query(args.query)
    params = parse_param_args(args.param)
    from kg.rdf.store import open_engine  # a graph file or an Oxigraph store directory

    engine = open_engine(args.graph, args.engine)
    result = run_query(engine, query, params)
    if result.boolean is not None:
        print("true" if result.boolean else "false")
    elif result.graph is not None:
        from kg.rdf.writer import serialize_turtle

        sys.stdout.write(serialize_turtle(result.graph))
    elif args.format == "csv":
        write_csv(result)
    elif args.format == "json":
        write_json(result)
    else:
        write_table(result, max_cell=None if args.full else MAX_CELL)
    return 0


def print_list() -> None:
    queries = list_queries()
    width = max((len(q.name) for q in queries), default=0)
    for q in queries:
        params = f"  [--param {', '.join(p.name for p in q.params)}]" if q.params else ""
        print(f"{q.name:<{width}}  {q.title}{params}")


# --------------------------------------------------------------------------- output


def _width(text: str) -> int:
    """Columns a string takes in a terminal (combining marks 0, wide characters 2)."""
    total = 0
    for ch in text:
        if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
            continue
        total += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return total


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def _cell(term) -> str:
    return " ".join(display_term(term).split()) if term is not None else ""


MAX_CELL = 60  # terminal columns per cell: evidence sentences run to 300+ characters
# columns left out of a table when no row fills them: what was supplied is recorded only when
# the text names it, and today's extraction records none; an empty column would only puzzle
HIDE_WHEN_EMPTY = frozenset({"item"})


def shorten(text: str, width: int = MAX_CELL) -> str:
    """``text`` cut to ``width`` terminal columns, "…" marking the cut (at a space when one
    is near: a word is not split)."""
    if _width(text) <= width:
        return text
    out, used = [], 0
    for ch in text:
        w = _width(ch)
        if used + w > width - 1:
            break
        out.append(ch)
        used += w
    cut = "".join(out)
    space = cut.rfind(" ")
    if space > width * 2 // 3:
        cut = cut[:space]
    return cut.rstrip(" ,،;:") + "…"


def write_table(result: QueryResult, out=None, max_cell: int | None = MAX_CELL) -> None:
    """Aligned columns for a terminal. A variable ``?x`` is hidden when the query also
    selects ``?xLabel``; an ``item`` column no row fills is left out (:data:`HIDE_WHEN_EMPTY`);
    long cells (evidence) are shortened with "…" to ``max_cell``
    columns (``None``: never). ``--format csv``/``json`` give everything in full."""
    out = out or sys.stdout
    shown = [i for i, v in enumerate(result.vars) if f"{v}Label" not in result.vars]
    if result.rows:
        shown = [i for i in shown if result.vars[i] not in HIDE_WHEN_EMPTY
                 or any(row[i] is not None and str(row[i]) != "" for row in result.rows)]
    headers = [result.vars[i] for i in shown]
    rows = [[_cell(row[i]) for i in shown] for row in result.rows]
    if max_cell:
        rows = [[shorten(c, max_cell) for c in r] for r in rows]
    widths = [max([_width(h)] + [_width(r[c]) for r in rows]) for c, h in enumerate(headers)]
    out.write("  ".join(_pad(h, w) for h, w in zip(headers, widths)).rstrip() + "\n")
    out.write("  ".join("-" * w for w in widths) + "\n")
    for r in rows:
        out.write("  ".join(_pad(c, w) for c, w in zip(r, widths)).rstrip() + "\n")
    n = len(rows)
    out.write(f"({n} row{'s' if n != 1 else ''})\n")


def write_csv(result: QueryResult, out=None) -> None:
    """SPARQL 1.1 CSV results: full IRIs, lexical forms, empty cells for unbound."""
    writer = csv.writer(out or sys.stdout, lineterminator="\n")
    writer.writerow(result.vars)
    for row in result.rows:
        writer.writerow(["" if t is None else f"_:{t}" if isinstance(t, BNode) else str(t) for t in row])


def _json_term(term) -> dict:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    if isinstance(term, Literal):
        value = {"type": "literal", "value": str(term)}
        if term.language:
            value["xml:lang"] = term.language
        elif term.datatype is not None:
            value["datatype"] = str(term.datatype)
        return value
    raise GeoKGError(f"cannot write {term!r} as JSON")


def write_json(result: QueryResult, out=None) -> None:
    """SPARQL 1.1 Query Results JSON."""
    out = out or sys.stdout
    bindings = [{v: _json_term(t) for v, t in zip(result.vars, row) if t is not None} for row in result.rows]
    json.dump({"head": {"vars": result.vars}, "results": {"bindings": bindings}}, out,
              ensure_ascii=False, indent=2)
    out.write("\n")
