"""The summary of a store's network (kg/analysis/store_summary.py): written by kg build
--store, read by kg stats and kg actor when it is that of the store as it is, ignored
otherwise, and the same printed output either way."""

from __future__ import annotations

import gzip
import os
import json
import random
import sys
from collections import Counter
from pathlib import Path

import networkx as nx
import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from kg.analysis import store_network as store_network_module  # noqa: E402
from kg.analysis import store_summary  # noqa: E402
from kg.analysis.aggregate import Part, merge_parts  # noqa: E402
from kg.analysis.graph import to_networkx  # noqa: E402
from kg.analysis.networks import PRECOMPUTED, betweenness, centrality, communities  # noqa: E402
from kg.analysis.report import stats_data  # noqa: E402
from kg.analysis.store_network import store_network  # noqa: E402
from kg.analysis.store_summary import (DISABLE_ENV, HEADLINES_FILE, SUMMARY_FILE, fingerprint,  # noqa: E402
                                       load_summary, write_summary)
from kg.cli import main  # noqa: E402
from kg.rdf.namespaces import ACTOR, GKG  # noqa: E402
from kg.rdf.store import load_into_store  # noqa: E402
from kg.rdf.writer import serialize_turtle  # noqa: E402
from tests.fixtures.view_graph import random_graph  # noqa: E402
from tests.test_store_network import _graph  # noqa: E402


@pytest.fixture
def small(tmp_path):
    """The graph of tests/test_store_network.py as Turtle and as a store with its summary."""
    g = _graph()
    ttl, store = tmp_path / "graph.ttl", tmp_path / "store"
    ttl.write_text(serialize_turtle(g), encoding="utf-8")
    load_into_store(g, store)
    assert [p.name for p in write_summary(store)] == [SUMMARY_FILE, HEADLINES_FILE]
    return g, ttl, store


@pytest.fixture
def no_counting(monkeypatch):
    """Reading the store through Oxigraph fails: what passes used the summary."""
    def refuse(*args, **kwargs):
        raise AssertionError("the store was counted, its summary not used")

    monkeypatch.setattr(store_network_module, "read_rows", refuse)


def _snapshot(A: nx.MultiDiGraph) -> tuple:
    """Everything of a network, orders included (node and edge order decide the sampled
    betweenness and the communities)."""
    graph = {k: v for k, v in A.graph.items() if k != PRECOMPUTED}
    return (list(graph.items()), [(n, list(d.items())) for n, d in A.nodes(data=True)],
            [(u, v, k, list(d.items())) for u, v, k, d in A.edges(keys=True, data=True)],
            [list(A.pred[n]) for n in A], [list(A.succ[n]) for n in A])


@pytest.mark.parametrize("headlines", [False, True])
@pytest.mark.parametrize("lang", [None, "ar", "en"])
@pytest.mark.parametrize("alt_labels", [False, True])
def test_the_summary_gives_the_network_counted_from_the_store(small, monkeypatch, headlines, lang, alt_labels):
    _, _, store = small
    monkeypatch.setenv(DISABLE_ENV, "0")
    counted = store_network(store, lang=lang, include_headlines=headlines, alt_labels=alt_labels)
    monkeypatch.delenv(DISABLE_ENV)
    summarised = store_network(store, lang=lang, include_headlines=headlines, alt_labels=alt_labels)
    assert PRECOMPUTED not in counted.graph
    assert (PRECOMPUTED in summarised.graph) is (not headlines)  # the default analyses of the default network
    assert _snapshot(summarised) == _snapshot(counted)
    assert stats_data(summarised, lang=lang) == stats_data(counted, lang=lang)


@pytest.mark.parametrize("args", [[], ["--json"], ["--lang", "ar", "--top", "3"], ["--with-headlines", "--json"],
                                  ["--seed", "3"]])
def test_cli_stats_prints_the_same_from_the_summary(small, capsys, monkeypatch, args):
    _, ttl, store = small
    assert main(["stats", str(ttl), *args]) == 0
    from_file = capsys.readouterr().out
    monkeypatch.setenv(DISABLE_ENV, "0")
    assert main(["stats", str(store), *args]) == 0
    counted = capsys.readouterr().out
    monkeypatch.delenv(DISABLE_ENV)
    monkeypatch.setattr(store_network_module, "read_rows", lambda *a, **k: pytest.fail("counted"))
    assert main(["stats", str(store), *args]) == 0
    summarised = capsys.readouterr().out
    assert summarised == counted
    assert summarised.replace(str(store), "GRAPH") == from_file.replace(str(ttl), "GRAPH")


@pytest.mark.parametrize("args", [["Russia"], ["روسيا", "--lang", "ar", "--evidence", "0"], ["Ghost"],
                                  ["United States", "--with-headlines"], ["Putin"]])
def test_cli_actor_prints_the_same_from_the_summary(small, capsys, no_counting, args):
    _, ttl, store = small
    assert main(["actor", str(ttl), *args]) == 0
    from_file = capsys.readouterr().out
    assert main(["actor", str(store), *args]) == 0
    assert capsys.readouterr().out == from_file


def test_a_changed_store_is_counted_again(small, capsys):
    """A claim added to the store in place: the summary is stale, the new claim counted."""
    _, _, store = small
    before = fingerprint(store)
    assert load_summary(store) is not None
    claim = URIRef("https://w3id.org/geokg/claim/test-added")
    article = URIRef("https://w3id.org/geokg/article/test-added")
    from rdflib import Graph

    extra = Graph()
    for t in ((claim, RDF.type, GKG.Claim), (claim, RDF.subject, ACTOR["USA"]), (claim, RDF.predicate, GKG.metWith),
              (claim, RDF.object, ACTOR["CHN"]), (claim, GKG.polarity, GKG.Positive),
              (claim, GKG.modality, GKG.Asserted), (claim, PROV.wasDerivedFrom, article),
              (article, RDF.type, GKG.Article), (article, DCTERMS.identifier, Literal("test-added")),
              (article, DCTERMS.date, Literal("2024-05-05"))):
        extra.add(t)
    load_into_store(extra, store)  # in place, as the Dask build adds shards
    assert fingerprint(store) != before
    assert load_summary(store) is None and load_summary(store, include_headlines=True) is None
    assert main(["stats", str(store), "--json"]) == 0
    counted = json.loads(capsys.readouterr().out)
    assert counted == stats_data(to_networkx(_graph() + extra))
    assert counted["claims"] == stats_data(to_networkx(_graph()))["claims"] + 1
    write_summary(store)
    assert load_summary(store) is not None


def test_a_read_changes_nothing_the_fingerprint_reads(small, capsys):
    _, _, store = small
    before = fingerprint(store)
    assert main(["stats", str(store)]) == 0
    assert main(["query", str(store), "SELECT * WHERE { ?s ?p ?o } LIMIT 1"]) == 0
    capsys.readouterr()
    assert fingerprint(store) == before
    assert load_summary(store) is not None


def test_other_code_garbage_or_a_disabled_summary_is_not_read(small, monkeypatch):
    _, _, store = small
    assert load_summary(store) is not None
    monkeypatch.setenv(DISABLE_ENV, "0")
    assert load_summary(store) is None
    monkeypatch.delenv(DISABLE_ENV)
    monkeypatch.setattr(store_summary, "_code_version", "written by another version")
    assert load_summary(store) is None
    monkeypatch.undo()
    file = store / SUMMARY_FILE
    data = json.loads(gzip.decompress(file.read_bytes()))
    file.write_bytes(b"not gzip")
    assert load_summary(store) is None
    assert store_summary.summary_network(store) is None
    del data["edges"]["u"]
    file.write_bytes(gzip.compress(json.dumps(data).encode()))
    assert load_summary(store) is not None
    assert store_summary.summary_network(store) is None  # malformed: counted instead
    assert store_network(store).number_of_edges() > 0


def test_precomputed_results_are_for_that_graph_only(small):
    _, _, store = small
    A = store_network(store)
    assert PRECOMPUTED in A.graph
    B = A.copy()  # the graph attributes are copied, the owner is not the copy
    assert centrality(B) == centrality(A) and communities(B) == communities(A)
    A.graph[PRECOMPUTED][2]["centrality"].clear()
    A.graph[PRECOMPUTED][2]["communities"].clear()
    assert centrality(A) == centrality(B)
    A.add_edge("USA", "RUS", key="extra", relation="metWith", polarity="positive", modality_group="asserted",
               modalities=["asserted"], modality_counts={"asserted": 1}, symmetric=True, structural=False, claims=[],
               articles=["a"], article_count=1, weight=1, claim_count=1, attributed_count=0, first_date=None,
               last_date=None, attributed_to=[], items=[], evidences=[])
    assert A.graph[PRECOMPUTED][1] != (A.number_of_nodes(), A.number_of_edges())


def test_sampled_betweenness_of_a_large_graph_is_the_same(tmp_path, monkeypatch):
    """Above 600 actors betweenness is sampled (300 sources for kg actor), above 2,000 from
    100 (kg stats): both precomputed, the same numbers as computed."""
    g = random_graph(2100, n_articles=150)
    load_into_store(g, tmp_path / "store")
    write_summary(tmp_path / "store")
    monkeypatch.setattr(store_network_module, "read_rows", lambda *a, **k: pytest.fail("counted"))
    A = store_network(tmp_path / "store")
    assert len(A.graph[PRECOMPUTED][2]["centrality"]) == 2  # 100 and 300 sources
    B = to_networkx(g)
    assert stats_data(A) == stats_data(B)
    assert centrality(A) == centrality(B)
    assert communities(A) == communities(B)


@pytest.mark.parametrize("k", [None, 2, 40, 401])
def test_betweenness_is_networkx_to_the_last_bit(k):
    G = nx.powerlaw_cluster_graph(400, 3, 0.2, seed=5)
    G = nx.relabel_nodes(G, {i: f"n{(i * 7919) % 400:03d}" for i in G})
    G.add_node("alone")
    assert betweenness(G, k=k, seed=42) == nx.betweenness_centrality(G, k=k, seed=42)
    assert list(betweenness(G, k=k, seed=42)) == list(nx.betweenness_centrality(G, k=k, seed=42))


def _merge_parts_before(parts):
    """merge_parts as it was before the fast path for groups of one part (c2f8bee)."""
    from collections import defaultdict

    from kg.analysis.aggregate import edge_key, modality_group

    groups = defaultdict(list)
    for p in parts:
        u, v = (p.v, p.u) if p.symmetric and p.v < p.u else (p.u, p.v)
        groups[(u, v, edge_key(p.relation, p.polarity, modality_group(p.modality)))].append(p)
    out = []
    for (u, v, key), group in sorted(groups.items()):
        first = group[0]
        articles = sorted({a for p in group for a in p.articles})
        dates = sorted(x for p in group for x in p.dates)
        modality_counts = Counter()
        for p in group:
            modality_counts[p.modality] += p.claim_count
        evidences = [e for p in group for e in p.evidences]
        evidences.sort(key=lambda e: (e["date"] or "", e["article_id"] or "", e["claim"] or ""), reverse=True)
        out.append((u, v, key, {
            "relation": first.relation, "polarity": first.polarity, "modality_group": modality_group(first.modality),
            "modalities": sorted({p.modality for p in group}),
            "modality_counts": {m: n for m, n in sorted(modality_counts.items()) if n},
            "symmetric": first.symmetric, "structural": all(p.structural for p in group),
            "claims": [c for p in group for c in p.claims],
            "articles": articles, "article_count": len(articles), "weight": len(articles),
            "claim_count": sum(p.claim_count for p in group),
            "attributed_count": sum(p.attributed_count for p in group),
            "first_date": dates[0] if dates else None, "last_date": dates[-1] if dates else None,
            "attributed_to": sorted({a for p in group for a in p.attributed_to}),
            "items": sorted({i for p in group for i in p.items}),
            "evidences": evidences,
        }))
    return out


def test_merge_parts_is_what_it_was():
    rng = random.Random(3)
    actors = ["A", "B", "C", "D"]
    parts = []
    for i in range(400):
        u, v = rng.sample(actors, 2)
        claims = rng.random() < 0.7
        relation = rng.choice(["metWith", "supplied", "sanctioned"])
        parts.append(Part(u, v, relation, rng.choice(["positive", "negative"]),
                          rng.choice(["asserted", "possible", "alleged"]), relation == "metWith",
                          structural=not claims, claim_count=rng.randrange(3) if claims else 0,
                          attributed_count=rng.randrange(2), claims=[f"c{i}"] if claims else [],
                          articles=rng.sample(["a1", "a2", "a3", "a4"], rng.randrange(3)),
                          dates=rng.sample(["2024-01-01", "2024-03-01", "2023-12-31"], rng.randrange(3)),
                          attributed_to=rng.sample(actors, rng.randrange(2)), items=rng.sample(["x", "y"], rng.randrange(3)),
                          evidences=[{"date": rng.choice([None, "2024-01-01"]), "article_id": f"a{i % 5}",
                                      "claim": f"c{i}", "text": "t"}] if claims else []))
    for n in (1, 2, 30, 400):
        assert merge_parts(parts[:n]) == _merge_parts_before(parts[:n])
        assert [list(d) for *_, d in merge_parts(parts[:n])] == [list(d) for *_, d in _merge_parts_before(parts[:n])]


def _stats_from_summary_match_the_file(out, store, capsys, monkeypatch) -> None:
    """kg stats on the store reads its summary (counting would fail) and prints what kg stats
    prints on the build's Turtle file."""
    assert main(["stats", str(out / "graph.ttl")]) == 0
    from_file = capsys.readouterr().out
    monkeypatch.setattr(store_network_module, "read_rows", lambda *a, **k: pytest.fail("counted"))
    assert main(["stats", str(store)]) == 0
    assert capsys.readouterr().out.replace(str(store), "G") == from_file.replace(str(out / "graph.ttl"), "G")
    monkeypatch.undo()


def test_kg_build_store_writes_the_summary_and_stats_reads_it(tmp_path, capsys, monkeypatch):
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "en-one.md").write_text("Germany sends tanks to Ukraine\n\nGermany on Monday delivered tanks to "
                                        "Ukraine. Russia's President Vladimir Putin criticized Berlin.\n", encoding="utf-8")
    out, store = tmp_path / "out", tmp_path / "store"
    assert main(["build", str(articles), "--out", str(out), "--quiet", "--no-view", "--store", str(store)]) == 0
    assert (store / SUMMARY_FILE).is_file() and (store / HEADLINES_FILE).is_file()
    assert load_summary(store) is not None
    _stats_from_summary_match_the_file(out, store, capsys, monkeypatch)
    # --append rebuilds the store, and its summary with it
    (articles / "en-two.md").write_text("Egypt meets Qatar\n\nEgypt's president met the emir of Qatar in Cairo.\n",
                                        encoding="utf-8")
    assert main(["build", str(articles / "en-two.md"), "--out", str(out), "--quiet", "--no-view", "--append",
                 "--store", str(store)]) == 0
    assert load_summary(store) is not None
    _stats_from_summary_match_the_file(out, store, capsys, monkeypatch)


def test_a_summary_that_fails_does_not_fail_the_build(tmp_path, capsys, monkeypatch):
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "en-one.md").write_text("Germany sends tanks to Ukraine\n\nGermany delivered tanks to Ukraine.\n",
                                        encoding="utf-8")

    def broken(*args, **kwargs):
        raise RuntimeError("no summary today")

    monkeypatch.setattr(store_summary, "write_summary", broken)
    store = tmp_path / "store"
    assert main(["build", str(articles), "--out", str(tmp_path / "out"), "--quiet", "--no-view",
                 "--store", str(store)]) == 0
    assert "no summary of the store written" in capsys.readouterr().err
    assert not (store / SUMMARY_FILE).exists()
    assert main(["stats", str(store)]) == 0


def test_a_store_kg_build_did_not_summarise_can_be(tmp_path):
    """python -m kg.analysis.store_summary STORE (a Dask build's store, an older store)."""
    import subprocess

    load_into_store(_graph(), tmp_path / "store")
    assert load_summary(tmp_path / "store") is None
    run = subprocess.run([sys.executable, "-m", "kg.analysis.store_summary", str(tmp_path / "store")],
                         capture_output=True, text=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert run.returncode == 0, run.stderr
    assert SUMMARY_FILE in run.stdout and load_summary(tmp_path / "store") is not None
    (tmp_path / "folder").mkdir()
    run = subprocess.run([sys.executable, "-m", "kg.analysis.store_summary", str(tmp_path / "folder")],
                         capture_output=True, text=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert run.returncode == 1 and "not an Oxigraph store" in run.stderr
