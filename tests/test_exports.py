"""Exports: Turtle, JSON-LD, TriG and N-Quads carry the same triples, read the same in
rdflib and in Oxigraph, keep each article in its own named graph, and are deterministic."""

from __future__ import annotations

import json
import random

import pyoxigraph as ox
import pytest
from rdflib import Dataset, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import PROV, RDF, RDFS

from kg.errors import GeoKGError
from kg.rdf.cookbook import _from_ox, OxigraphEngine, RdflibEngine, list_queries, ontology_dir, run_query
from kg.rdf.exports import (
    ACTORS_GRAPH, FORMATS, export_graph, load_graph, split_by_article, write_exports,
)
from kg.rdf.namespaces import ACTOR, ARTICLE, GKG, new_graph

try:
    from tests.fixtures.contract_graph import contract_graph
except ImportError:  # tests/ itself on sys.path
    from fixtures.contract_graph import contract_graph

OX_FORMATS = {"ttl": ox.RdfFormat.TURTLE, "jsonld": ox.RdfFormat.JSON_LD,
              "trig": ox.RdfFormat.TRIG, "nq": ox.RdfFormat.N_QUADS}
ARTICLES = [ARTICLE["en-001"], ARTICLE["ar-001"], URIRef(str(ARTICLE) + "en-002/2")]


@pytest.fixture(scope="module")
def graph():
    return contract_graph()


@pytest.fixture(scope="module")
def out(graph, tmp_path_factory):
    directory = tmp_path_factory.mktemp("out")
    paths = write_exports(graph, directory, list(FORMATS))
    assert [p.name for p in paths] == ["graph.ttl", "graph.jsonld", "graph.trig", "graph.nq"]
    return directory


def ox_quads(path):
    return list(ox.parse(path=str(path), format=OX_FORMATS[path.suffix[1:]]))


def test_files_are_written_atomically(out):
    assert sorted(p.name for p in out.iterdir()) == ["graph.jsonld", "graph.nq", "graph.trig", "graph.ttl"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_same_triples_in_rdflib(graph, out, fmt):
    loaded = load_graph(out / f"graph.{fmt}")
    assert set(loaded) == set(graph)


@pytest.mark.parametrize("fmt", FORMATS)
def test_same_triples_in_oxigraph(graph, out, fmt):
    quads = ox_quads(out / f"graph.{fmt}")
    triples = {(q.subject, q.predicate, q.object) for q in quads}
    assert len(triples) == len(graph)
    if fmt in ("ttl", "jsonld"):
        assert len(quads) == len(graph)
        assert all(isinstance(q.graph_name, ox.DefaultGraph) for q in quads)
    # Oxigraph reads exactly the terms rdflib wrote
    assert {(_from_ox(q.subject), _from_ox(q.predicate), _from_ox(q.object)) for q in quads} == set(graph)


@pytest.mark.parametrize("fmt", ["trig", "nq"])
def test_one_named_graph_per_article(graph, out, fmt):
    quads = ox_quads(out / f"graph.{fmt}")
    names = {q.graph_name.value for q in quads}
    assert names == {str(ACTORS_GRAPH)} | {str(a) for a in ARTICLES}
    by_graph: dict[str, set] = {}
    for q in quads:
        by_graph.setdefault(q.graph_name.value, set()).add((q.subject.value, q.predicate.value, str(q.object)))
    for claim in graph.subjects(RDF.type, GKG.Claim):
        article = str(graph.value(claim, PROV.wasDerivedFrom))
        claim_triples = {t for t in by_graph[article] if t[0] == str(claim)}
        assert len(claim_triples) == len(list(graph.predicate_objects(claim)))
        for name, triples in by_graph.items():
            if name != article:
                assert not any(t[0] == str(claim) for t in triples)
    mentions = {(s, o) for s, p, o in by_graph[str(ARTICLE["ar-001"])] if p == str(GKG.mentions)}
    assert len(mentions) == 4
    actors = by_graph[str(ACTORS_GRAPH)]
    assert (str(ACTOR.RUS), str(RDFS.label), '"Russia"@en') in actors
    assert not any(p == str(GKG.mentions) or p == str(RDF.subject) for _, p, _ in actors)


def test_split_keeps_direct_triples_with_their_articles(graph):
    parts = split_by_article(graph)
    assert list(parts)[0] == ACTORS_GRAPH
    assert (ACTOR.USA, GKG.sanctioned, ACTOR.RUS) in parts[ARTICLE["en-001"]]
    assert (ACTOR.USA, GKG.sanctioned, ACTOR.RUS) not in parts[ACTORS_GRAPH]
    # standing relations are actor descriptions too
    haddad_iran = (ACTOR["person-karim-haddad"], GKG.affiliatedWith, ACTOR.IRN)
    assert haddad_iran in parts[ACTORS_GRAPH] and haddad_iran in parts[ARTICLE["en-001"]]
    union = set().union(*(set(g) for g in parts.values()))
    assert union == set(graph)


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # inside rdflib's TriG parser
def test_trig_union_loads_in_rdflib_dataset(graph, out):
    dataset = Dataset()
    dataset.parse(out / "graph.trig", format="trig")
    names = {str(g.identifier) for g in dataset.graphs() if len(g)}
    assert names == {str(ACTORS_GRAPH)} | {str(a) for a in ARTICLES}


def test_jsonld_is_compact_with_the_published_context(graph, out):
    document = json.loads((out / "graph.jsonld").read_text(encoding="utf-8"))
    published = json.loads((ontology_dir() / "context.jsonld").read_text(encoding="utf-8"))
    assert document["@context"] == published["@context"]
    nodes = {n["@id"]: n for n in document["@graph"]}
    assert nodes["actor:RUS"]["@type"] == "Country"
    assert nodes["actor:RUS"]["label"] == {"ar": "روسيا", "en": "Russia"}
    assert nodes["actor:USA"]["sanctioned"] == "actor:RUS"
    claim = next(n for n in document["@graph"] if n.get("@type") == "Claim" and n.get("item", {}).get("en"))
    assert claim["predicate"] == "supplied"
    assert claim["polarity"] == "Positive" and claim["modality"] == "Possible"
    assert claim["item"] == {"en": ["drones", "spare parts"]}
    assert isinstance(claim["startChar"], int)
    assert isomorphic(load_graph(out / "graph.jsonld"), graph)


@pytest.mark.parametrize("fmt", FORMATS)
def test_deterministic(graph, fmt):
    triples = list(graph)
    random.Random(7).shuffle(triples)
    shuffled = new_graph()
    for triple in triples:
        shuffled.add(triple)
    assert export_graph(shuffled, fmt) == export_graph(graph, fmt)


def test_unsplit_datasets_and_empty_graph(graph):
    assert "<urn:geokg:actors>" not in export_graph(graph, "nq", articles_graph_split=False)
    assert len(load_graph_text(export_graph(graph, "nq", articles_graph_split=False), "nq")) == len(graph)
    for fmt in FORMATS:
        assert isinstance(export_graph(new_graph(), fmt), str)


def load_graph_text(text, fmt):
    g = new_graph()
    g.parse(data=text, format={"nq": "nt"}.get(fmt, fmt))
    return g


def test_unknown_format(graph, tmp_path):
    with pytest.raises(GeoKGError, match="unknown output format 'rdfxml'"):
        write_exports(graph, tmp_path, ["ttl", "rdfxml"])
    assert list(tmp_path.iterdir()) == []


# --------------------------------------------------------------------------- cross-engine


@pytest.fixture(scope="module")
def engines(graph, out):
    return {"rdflib": RdflibEngine(graph),
            "oxigraph-ttl": OxigraphEngine.from_file(out / "graph.ttl"),
            "oxigraph-trig": OxigraphEngine.from_file(out / "graph.trig"),
            "oxigraph-jsonld": OxigraphEngine.from_file(out / "graph.jsonld")}


@pytest.mark.parametrize("name", [q.name for q in list_queries()])
def test_cookbook_gives_the_same_rows_in_every_engine(engines, name):
    reference = run_query(engines["rdflib"], name)
    assert reference.rows
    for label, engine in engines.items():
        result = run_query(engine, name)
        assert result.vars == reference.vars, label
        assert result.rows == reference.rows, label


@pytest.mark.parametrize("name, params", [
    ("who-sanctioned", {"target": "روسيا"}),
    ("supplied-to", {"target": "Iran"}),
    ("edge-evidence", {"source": "Haddad", "relation": "metWith", "target": "Fenn"}),
    ("actors-by-articles", {"class": "Person"}),
])
def test_same_rows_with_params(engines, name, params):
    reference = run_query(engines["rdflib"], name, params)
    assert reference.rows
    for label, engine in engines.items():
        assert run_query(engine, name, params).rows == reference.rows, label


@pytest.mark.parametrize("fmt", FORMATS)
def test_awkward_literals_survive(tmp_path, fmt):
    from rdflib import Literal

    graph = contract_graph()
    claim = next(iter(graph.subjects(RDF.type, GKG.Claim)))
    graph.set((claim, GKG.evidence, Literal('two\nPREFIX x: <y>\n  lines "quoted" \\ \t end', lang="en")))
    graph.add((claim, GKG.item, Literal("{\"@id\": \"x\"}", lang="en")))
    path = write_exports(graph, tmp_path, [fmt])[0]
    assert set(load_graph(path)) == set(graph)
    assert len({(q.subject, q.predicate, q.object) for q in ox_quads(path)}) == len(graph)
