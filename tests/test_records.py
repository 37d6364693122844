"""``graph.ttl`` rendered straight from extraction records (kg.rdf.records) is the same
text, byte for byte, as the rdflib graph path, in one process and in several."""

from __future__ import annotations

import json

import pytest
from rdflib import Graph, Literal, URIRef

from kg.build import build_paths, extract_paths, merge_persons, write_graph
from kg.analysis.graph import to_networkx
from kg.cli import main
from kg.rdf.namespaces import new_graph
from kg.rdf.records import TripleIndex, can_render, render_turtle
from kg.rdf.writer import build_graph, serialize_turtle
from kg.views.html import write_view

# Actors shared across articles and languages (one node each), persons named in two
# scripts, negated and hypothetical claims (no direct triple), analysts quoted.
ARTICLES = [
    ("r1", "en", "Putin met Erdogan in Ankara on Monday. Russia did not impose sanctions on Turkey. "
                 "Analyst John Smith said Moscow could supply gas to Ankara."),
    ("r2", "ar", "التقى الرئيس الروسي فلاديمير بوتين نظيره التركي رجب طيب أردوغان في أنقرة. "
                 "وانتقدت فرنسا روسيا بسبب الهجوم على أوكرانيا."),
    ("r3", "en", "France criticized Russia. Germany supplied tanks to Ukraine, and Berlin accused "
                 "Moscow of attacking Kyiv."),
    ("r4", "ar", "فرضت الولايات المتحدة عقوبات على إيران، ولم تعقد أي محادثات مع طهران."),
    ("r5", "en", "The UN Secretary-General visited Cairo and met Egyptian officials."),
]


def _articles(tmp_path, *feeds):
    paths = []
    for n, rows in enumerate(feeds or [ARTICLES]):
        paths.append(tmp_path / f"feed{n}" / "feed.jsonl")
        paths[-1].parent.mkdir()
        paths[-1].write_text("\n".join(json.dumps({"id": i, "lang": lang, "text": text}, ensure_ascii=False)
                                        for i, lang, text in rows) + "\n", encoding="utf-8")
    report = extract_paths(paths)
    assert not report.errors
    merge_persons(report.articles)
    return report.articles


def _graph_path(articles) -> tuple[str, int]:
    g = build_graph(articles, new_graph(bulk=True))
    return serialize_turtle(g), len(g)


@pytest.mark.parametrize("jobs", [1, 2, 3])
def test_direct_render_is_the_graph_path_byte_for_byte(tmp_path, jobs):
    articles = _articles(tmp_path)
    expected, triples = _graph_path(articles)
    assert "gkg:sanctioned" in expected and "gkg:Claim" in expected
    assert render_turtle(articles, jobs) == (expected, triples)


def test_direct_render_parses_back_to_the_same_graph(tmp_path):
    articles = _articles(tmp_path)
    text, triples = render_turtle(articles, 2)
    g = Graph().parse(data=text, format="turtle")
    assert len(g) == triples
    assert g.isomorphic(Graph().parse(data=_graph_path(articles)[0], format="turtle"))


def test_shared_identifiers_fall_back_to_the_graph(tmp_path):
    """Two records with one identifier (in two feeds) describe one article node: only a
    graph merges them."""
    articles = _articles(tmp_path, ARTICLES[:2], [("r1", "en", "Japan and India signed a defence cooperation agreement.")])
    assert [a.identifier for a in articles] == ["r1", "r2", "r1~2"]  # a build keeps both (issue 17)
    articles[2].identifier = "r1"  # as a caller of write_graph may still give them
    assert not can_render(articles)
    assert can_render(articles[:2])
    expected = _graph_path(articles)
    for jobs in (1, 2):
        text, triples, kept = write_graph(articles, new_graph(bulk=True), jobs, keep=None)
        assert (text, triples) == expected and isinstance(kept, Graph)


@pytest.mark.parametrize("jobs", [1, 2])
def test_write_graph_keeps_what_is_asked(tmp_path, jobs):
    articles = _articles(tmp_path)
    expected, triples = _graph_path(articles)
    kept = new_graph(bulk=True)
    assert write_graph(articles, kept, jobs, keep="graph") == (expected, triples, kept)
    assert len(kept) == triples
    skipped = new_graph(bulk=True)
    assert write_graph(articles, skipped, jobs, keep=None) == (expected, triples, None)
    assert len(skipped) == 0
    text, count, index = write_graph(articles, new_graph(bulk=True), jobs, keep="index")
    assert (text, count) == (expected, triples)
    assert isinstance(index, TripleIndex) and len(index) == triples


def test_one_process_makes_each_articles_triples_once_for_text_and_index(tmp_path):
    """kg.rdf.records.render_with_index: the Turtle of render_turtle and the index of
    TripleIndex.of_articles, the same triples in the same order, from one pass."""
    from kg.rdf.records import render_with_index

    articles = _articles(tmp_path)
    text, count, index = render_with_index(articles)
    assert (text, count) == render_turtle(articles, 1)
    expected = TripleIndex.of_articles(articles)
    assert len(index) == len(expected)
    def ordered(ix):
        return [(p, list(subjects.items())) for p, subjects in ix._by_predicate.items()]
    assert ordered(index) == ordered(expected)  # the view reads them in this order


def _network(G):
    return (sorted(G.nodes(data=True)), sorted((u, v, k, sorted(d.items())) for u, v, k, d in G.edges(keys=True, data=True)),
            G.graph)


def test_the_view_network_of_the_index_is_the_graph_network(tmp_path):
    articles = _articles(tmp_path)
    graph = build_graph(articles, new_graph(bulk=True))
    index = TripleIndex.of_articles(articles)
    assert len(index) == len(graph)
    for lang in (None, "ar", "en"):
        for negated in (True, False):
            expected = to_networkx(graph, lang=lang, include_negated=negated)
            assert expected.number_of_edges() > 5
            assert _network(to_networkx(index, lang=lang, include_negated=negated)) == _network(expected)


def test_index_reads_like_a_graph():
    s1, s2, p, q = (URIRef(f"urn:x:{n}") for n in ("s1", "s2", "p", "q"))
    index = TripleIndex([(s1, p, Literal("a")), (s1, p, Literal("b")), (s2, p, Literal("a")), (s2, q, s1)])
    assert len(index) == 4
    assert sorted(index.objects(s1, p)) == [Literal("a"), Literal("b")]
    assert list(index.objects(s1, q)) == [] and list(index.objects(URIRef("urn:x:none"), p)) == []
    assert sorted(index.subjects(p, Literal("a"))) == [s1, s2]
    assert list(index.subjects(q, s1)) == [s2]
    assert sorted(index.subject_objects(q)) == [(s2, s1)]


def test_empty_article_list_renders_nothing():
    assert render_turtle([], 2) == ("", 0)


@pytest.mark.parametrize("flags", [["--no-view"], ["--no-view", "--jobs", "2"], ["--jobs", "2"], [],
                                   ["--no-view", "--format", "ttl", "nq"]])
def test_cli_build_writes_the_same_files_whichever_path(tmp_path, flags):
    src = tmp_path / "in"
    src.mkdir()
    for i, lang, text in ARTICLES:
        (src / f"{i}-{lang}.txt").write_text(text + "\n", encoding="utf-8")
    assert main(["build", str(src), "--out", str(tmp_path / "ref"), "--quiet", "--no-view",
                 "--format", "ttl", "nq"]) == 0  # keeps the rdflib graph: the reference path
    assert main(["build", str(src), "--out", str(tmp_path / "new"), "--quiet", *flags]) == 0
    assert (tmp_path / "new" / "graph.ttl").read_bytes() == (tmp_path / "ref" / "graph.ttl").read_bytes()
    if "--no-view" not in flags:  # the view from the records' index is the view of the graph
        write_view(build_paths([src]), tmp_path / "ref.html")  # titled from the graph's inputs, like kg build
        assert (tmp_path / "new" / "graph.html").read_bytes() == (tmp_path / "ref.html").read_bytes()


def test_cli_append_still_merges_with_the_existing_graph(tmp_path):
    src1, src2 = tmp_path / "a", tmp_path / "b"
    src1.mkdir()
    src2.mkdir()
    (src1 / "one.txt").write_text(ARTICLES[0][2] + "\n", encoding="utf-8")
    (src2 / "two.txt").write_text(ARTICLES[2][2] + "\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["build", str(src1), "--out", str(out), "--quiet", "--no-view", "-j", "2"]) == 0
    assert main(["build", str(src2), "--out", str(out), "--quiet", "--no-view", "-j", "2", "--append"]) == 0
    both = tmp_path / "both"
    assert main(["build", str(src1), str(src2), "--out", str(both), "--quiet", "--no-view"]) == 0
    appended = Graph().parse(out / "graph.ttl")
    assert appended.isomorphic(Graph().parse(both / "graph.ttl"))
