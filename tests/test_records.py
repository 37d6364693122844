"""``graph.ttl`` rendered straight from extraction records (kg.rdf.records) is the same
text, byte for byte, as the rdflib graph path, in one process and in several."""

from __future__ import annotations

import json

import pytest
from rdflib import Graph

from kg.build import extract_paths, merge_persons, write_graph
from kg.cli import main
from kg.rdf.namespaces import new_graph
from kg.rdf.records import can_render, render_turtle
from kg.rdf.writer import build_graph, serialize_turtle

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
    assert [a.identifier for a in articles].count("r1") == 2
    assert not can_render(articles)
    assert can_render(articles[:2])
    expected = _graph_path(articles)
    for jobs in (1, 2):
        assert write_graph(articles, new_graph(bulk=True), jobs, keep_graph=False) == expected


@pytest.mark.parametrize("jobs", [1, 2])
def test_write_graph_fills_the_graph_only_when_kept(tmp_path, jobs):
    articles = _articles(tmp_path)
    expected, triples = _graph_path(articles)
    kept = new_graph(bulk=True)
    assert write_graph(articles, kept, jobs, keep_graph=True) == (expected, triples)
    assert len(kept) == triples
    skipped = new_graph(bulk=True)
    assert write_graph(articles, skipped, jobs, keep_graph=False) == (expected, triples)
    assert len(skipped) == 0


def test_empty_article_list_renders_nothing():
    assert render_turtle([], 2) == ("", 0)


@pytest.mark.parametrize("flags", [["--no-view"], ["--no-view", "--jobs", "2"], ["--jobs", "2"],
                                   ["--no-view", "--format", "ttl", "nq"]])
def test_cli_build_writes_the_same_turtle_whichever_path(tmp_path, flags):
    src = tmp_path / "in"
    src.mkdir()
    for i, lang, text in ARTICLES:
        (src / f"{i}-{lang}.txt").write_text(text + "\n", encoding="utf-8")
    assert main(["build", str(src), "--out", str(tmp_path / "ref"), "--quiet", "--no-view",
                 "--format", "ttl", "nq"]) == 0  # keeps the rdflib graph: the reference path
    assert main(["build", str(src), "--out", str(tmp_path / "new"), "--quiet", *flags]) == 0
    assert (tmp_path / "new" / "graph.ttl").read_bytes() == (tmp_path / "ref" / "graph.ttl").read_bytes()


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
