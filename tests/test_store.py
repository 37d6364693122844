"""The on-disk Oxigraph store: bulk loading, the same triples and rows as rdflib, and the
readers that take a graph file or a store directory alike."""

from __future__ import annotations

import pytest
from rdflib import Literal
from rdflib.namespace import DCTERMS

pytest.importorskip("pyoxigraph")

from kg.build import build_paths  # noqa: E402
from kg.cli import main  # noqa: E402
from kg.errors import GeoKGError  # noqa: E402
from kg.rdf.cookbook import RdflibEngine, list_queries, run_query  # noqa: E402
from kg.rdf.store import (  # noqa: E402
    graph_from_store, is_store, load_graph_any, load_into_store, open_engine, query_any, query_store,
)
from kg.rdf.writer import serialize_turtle  # noqa: E402

EN = ("Britain sanctions Russia\n\nBritain imposed sanctions on Russia on Monday. "
      "Prime Minister Keir Starmer met Ukraine's President Volodymyr Zelensky in London, "
      "and Britain supplied air defence missiles to Ukraine.\n")
AR = "فرضت الولايات المتحدة عقوبات على إيران، والتقى وزير الخارجية الأمريكي نظيره السعودي في الرياض.\n"

COUNT_BY_CLASS = """
SELECT ?class (COUNT(?x) AS ?n) WHERE { ?x a ?class } GROUP BY ?class ORDER BY ?class
"""
LABELS = """
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?actor ?label WHERE { ?actor rdfs:label ?label } ORDER BY ?actor ?label
"""


def rows(dicts: list[dict]) -> list[str]:
    """Rows in a fixed order (engines order language-tagged literals differently)."""
    return sorted(repr(sorted(d.items())) for d in dicts)


@pytest.fixture(scope="module")
def graph(tmp_path_factory):
    d = tmp_path_factory.mktemp("articles")
    (d / "en-uk.txt").write_text(EN, encoding="utf-8")
    (d / "ar-us.txt").write_text(AR, encoding="utf-8")
    return build_paths([d])


def test_round_trip(graph, tmp_path):
    store = tmp_path / "store"
    assert load_into_store(graph, store) == len(graph)
    assert is_store(store)
    assert load_into_store(graph, store, replace=True) == len(graph)  # replace: not doubled, not appended
    assert load_into_store(graph, store, replace=True, batch=7) == len(graph)  # many bulk batches
    for sparql in (COUNT_BY_CLASS, LABELS):
        assert rows(query_store(store, sparql)) == rows(RdflibEngine(graph).query(sparql).as_dicts())
    assert set(graph_from_store(store)) == set(graph)
    assert set(graph_from_store(store, in_memory=True)) == set(graph)


def test_load_from_turtle_file(graph, tmp_path):
    ttl = tmp_path / "graph.ttl"
    ttl.write_text(serialize_turtle(graph), encoding="utf-8")
    store = tmp_path / "store"
    assert load_into_store(ttl, store) == len(graph)
    assert rows(query_any(ttl, LABELS)) == rows(query_any(store, LABELS)) == rows(query_any(store, LABELS, engine="rdflib"))


def test_cookbook_queries_same_rows_on_store(graph, tmp_path):
    store = tmp_path / "store"
    load_into_store(graph, store)
    on_store, in_memory = open_engine(store), RdflibEngine(graph)
    for q in list_queries():
        a, b = run_query(on_store, q), run_query(in_memory, q)
        assert sorted(map(repr, a.rows)) == sorted(map(repr, b.rows)), q.name


def test_rdflib_view_of_store(graph, tmp_path):
    store = tmp_path / "store"
    load_into_store(graph, store)
    view = load_graph_any(store)
    assert len(view) == len(graph)
    subjects = set(view.subjects(DCTERMS.identifier, Literal("en-uk")))
    assert subjects == set(graph.subjects(DCTERMS.identifier, Literal("en-uk")))


def test_refuses_other_directories(tmp_path):
    other = tmp_path / "notes"
    other.mkdir()
    (other / "readme.txt").write_text("not a store")
    with pytest.raises(GeoKGError):
        load_into_store(b"", other)
    with pytest.raises(GeoKGError):
        query_store(tmp_path / "missing", LABELS)


def test_build_with_store(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "en-uk.txt").write_text(EN, encoding="utf-8")
    out, store = tmp_path / "out", tmp_path / "store"
    assert main(["build", str(d), "--out", str(out), "--store", str(store), "--quiet", "--no-view"]) == 0
    assert is_store(store)
    assert rows(query_any(out / "graph.ttl", COUNT_BY_CLASS)) == rows(query_any(store, COUNT_BY_CLASS))
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "x.txt").write_text("x")
    assert main(["build", str(d), "--out", str(out), "--store", str(bad), "--quiet", "--no-view"]) == 2
