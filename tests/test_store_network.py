"""kg stats and kg actor on an Oxigraph store: the claims grouped by SPARQL give the same
aggregated network, and the same printed and JSON output, as the claim graph in memory."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from kg.analysis.aggregate import Part, aggregate_edges, merge_parts  # noqa: E402
from kg.analysis.graph import to_networkx  # noqa: E402
from kg.analysis.report import stats_data  # noqa: E402
from kg.analysis.store_network import claim_groups, standing_parts, store_network  # noqa: E402
from kg.cli import main  # noqa: E402
from kg.rdf.namespaces import ACTOR, GKG  # noqa: E402
from kg.rdf.store import load_into_store, open_store  # noqa: E402
from kg.rdf.writer import serialize_turtle  # noqa: E402
from tests.fixtures.view_graph import random_graph, view_graph  # noqa: E402

CLAIM = URIRef("https://w3id.org/geokg/claim/test-untyped")
HEADLINE_CLAIM = URIRef("https://w3id.org/geokg/claim/test-headline")


def _graph() -> Graph:
    """The view fixture plus what it lacks: a claim about an actor no class names, one whose
    only evidence is a headline, and a standing relation no claim stands behind."""
    g = view_graph()
    article = next(iter(g.subjects(RDF.type, GKG.Article)))
    for claim, subject, headline in ((CLAIM, ACTOR["ghost"], False), (HEADLINE_CLAIM, ACTOR["USA"], True)):
        g.add((claim, RDF.type, GKG.Claim))
        g.add((claim, RDF.subject, subject))
        g.add((claim, RDF.predicate, GKG.criticized))
        g.add((claim, RDF.object, ACTOR["RUS"]))
        g.add((claim, GKG.polarity, GKG.Positive))
        g.add((claim, GKG.modality, GKG.Possible))
        g.add((claim, PROV.wasDerivedFrom, article))
        g.add((claim, GKG.evidence, Literal("A ghost criticized Russia.", lang="en")))
        g.add((claim, DCTERMS.date, Literal("2024-02-02")))
        if headline:
            g.add((claim, GKG.fromHeadline, Literal(True)))
    g.add((ACTOR["ghost"], RDFS.label, Literal("Ghost", lang="en")))
    g.add((ACTOR["ghost"], GKG.supported, ACTOR["PRK"]))
    return g


@pytest.fixture(scope="module")
def small(tmp_path_factory) -> tuple[Graph, Path, Path]:
    g = _graph()
    folder = tmp_path_factory.mktemp("small")
    ttl, store = folder / "graph.ttl", folder / "store"
    ttl.write_text(serialize_turtle(g), encoding="utf-8")
    load_into_store(g, store)
    return g, ttl, store


def _edges(A) -> dict:
    leave_out = ("claims", "evidences")  # the store's network carries no claim IRIs and sentences
    return {(u, v, k): {a: x for a, x in d.items() if a not in leave_out} for u, v, k, d in A.edges(keys=True, data=True)}


@pytest.mark.parametrize("headlines", [False, True])
def test_store_network_is_the_aggregate_of_the_claim_graph(small, headlines):
    g, _, store = small
    A = aggregate_edges(to_networkx(g, include_headlines=headlines))
    B = store_network(store, include_headlines=headlines, alt_labels=True)
    assert list(A.nodes) == list(B.nodes)
    assert dict(A.nodes(data=True)) == dict(B.nodes(data=True))
    assert _edges(A) == _edges(B)
    assert A.graph["headline_claims"] == B.graph["headline_claims"] == (0 if headlines else 1)
    assert "ghost" in B and B.nodes["ghost"]["label"] == "Ghost"  # an actor no class names, still described


def test_stats_same_on_a_random_graph_of_700_actors(tmp_path):
    """Above 600 actors betweenness is estimated from sampled sources: the order of the
    nodes must be the same for the same sample."""
    g = random_graph(700, n_articles=120)
    load_into_store(g, tmp_path / "store")
    assert stats_data(to_networkx(g)) == stats_data(store_network(tmp_path / "store"))


@pytest.mark.parametrize("args", [[], ["--json"], ["--lang", "ar", "--top", "3"], ["--with-headlines", "--json"]])
def test_cli_stats_prints_the_same_for_file_and_store(small, capsys, args):
    _, ttl, store = small
    assert main(["stats", str(ttl), *args]) == 0
    from_file = capsys.readouterr().out
    assert main(["stats", str(store), *args]) == 0
    from_store = capsys.readouterr().out
    if "--json" in args:
        assert json.loads(from_file) == json.loads(from_store)
    assert from_file.replace(str(ttl), "GRAPH") == from_store.replace(str(store), "GRAPH")


@pytest.mark.parametrize("args", [["Russia"], ["روسيا", "--lang", "ar", "--evidence", "0"], ["Ghost"],
                                  ["United States", "--with-headlines"], ["Putin"]])
def test_cli_actor_prints_the_same_for_file_and_store(small, capsys, args):
    _, ttl, store = small
    assert main(["actor", str(ttl), *args]) == 0
    from_file = capsys.readouterr().out
    assert main(["actor", str(store), *args]) == 0
    assert capsys.readouterr().out == from_file


def test_claim_groups_count_claims_articles_and_headlines(small):
    _, _, store = small
    groups = list(claim_groups(open_store(store, read_only=True)))
    sanctions = [g for g in groups if (g.part.u, g.part.relation, g.part.v) == ("USA", "sanctioned", "RUS")]
    assert len(sanctions) == 1 and sanctions[0].part.claim_count == 2 and len(sanctions[0].part.articles) == 2
    assert not sanctions[0].headline
    headline = [g for g in groups if g.headline]
    assert [(g.part.u, g.part.relation, g.part.v, g.part.modality) for g in headline] == [
        ("USA", "criticized", "RUS", "possible")]
    assert sum(g.part.claim_count for g in groups) == len(set(small[0].subjects(RDF.type, GKG.Claim)))
    standing = {(p.u, p.relation, p.v) for _, _, p in standing_parts(open_store(store, read_only=True), groups)}
    assert ("ghost", "supported", "PRK") in standing and ("person-vladimir-putin", "affiliatedWith", "RUS") in standing
    assert not any(rel == "sanctioned" for _, rel, _ in standing)  # claimed relations are no standing ones


def test_merge_parts_folds_directions_and_hedges():
    parts = [Part("B", "A", "metWith", "positive", "asserted", True, claim_count=2, articles=["a1"], dates=["2024-01-02"]),
             Part("A", "B", "metWith", "positive", "asserted", True, claim_count=1, articles=["a1", "a2"],
                  dates=["2024-01-01"], attributed_to=["X"], attributed_count=1),
             Part("A", "B", "supplied", "positive", "possible", False, claim_count=1, articles=["a3"]),
             Part("A", "B", "supplied", "positive", "alleged", False, claim_count=3, articles=["a3"])]
    merged = {(u, v, k): d for u, v, k, d in merge_parts(parts)}
    met = merged[("A", "B", "metWith|positive|asserted")]
    assert (met["claim_count"], met["article_count"], met["first_date"], met["last_date"]) == (3, 2, "2024-01-01", "2024-01-02")
    assert met["attributed_to"] == ["X"] and met["attributed_count"] == 1
    hedged = merged[("A", "B", "supplied|positive|hedged")]
    assert hedged["modalities"] == ["alleged", "possible"] and hedged["modality_counts"] == {"alleged": 3, "possible": 1}
    assert hedged["article_count"] == 1 and hedged["claim_count"] == 4
