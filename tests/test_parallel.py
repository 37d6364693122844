"""`--jobs N`: worker processes give the same graph, byte for byte, as one process."""

from __future__ import annotations

import json

import pytest

from kg.build import build_paths, extract_paths
from kg.cli import main
from kg.parallel import chunks, extract_documents, extract_files, read_file
from kg.rdf.writer import serialize_turtle

ARTICLES = {
    "a1-ar.txt": "وزير الخارجية المصري يزور تركيا\n\n"
                 "زار وزير الخارجية المصري سامح شكري أنقرة يوم الإثنين، والتقى نظيره التركي. "
                 "وقالت مصر إنها لن تفرض عقوبات على تركيا.\n",
    "a2-en.txt": "Japan and India sign a defence pact\n\n"
                 "Japan and India signed a defence cooperation agreement on Tuesday. "
                 "China criticized the pact, and Beijing accused Tokyo of provoking tension.\n",
    "a3-bad.txt": "",  # empty: reported in one line and skipped
    "a4-en.md": "# Canada sanctions Iran\n\nCanada imposed sanctions on Iran on Friday. "
                "Ottawa did not impose sanctions on Iraq.\n",
    "a5-ar.txt": "أعلنت فرنسا أنها زودت أوكرانيا بصواريخ، فيما انتقدت روسيا باريس.\n",
}


@pytest.fixture
def corpus(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    for name, text in ARTICLES.items():
        (d / name).write_text(text, encoding="utf-8")
    lines = [{"id": f"feed-{i}", "lang": lang, "text": text}
             for i, (lang, text) in enumerate([("en", "Germany supplied tanks to Poland. Poland thanked Berlin."),
                                               ("ar", "التقى الرئيس الفرنسي نظيره المصري في القاهرة.")])]
    (d / "a6-feed.jsonl").write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n",
                                     encoding="utf-8")
    return d


def test_parallel_extraction_same_graph_bytes(corpus):
    one = serialize_turtle(build_paths([corpus]))
    errors: list[str] = []
    report = extract_paths([corpus], jobs=2, on_error=errors.append)
    assert report.files == len(ARTICLES) + 1
    assert len(errors) == 1 and errors[0].endswith("a3-bad.txt: empty file")
    assert report.errors == errors
    two = serialize_turtle(build_paths([corpus], jobs=2))
    assert one == two
    assert "sanctioned" in one


def test_parallel_keeps_order(corpus):
    files = sorted(corpus.iterdir())
    docs = [d for f in files for d in read_file(f)[0]]
    serial = extract_documents(docs)
    articles, errors = extract_files(files, 2)
    assert [a.identifier for a in articles] == [a.identifier for a in serial]
    assert errors == [read_file(corpus / "a3-bad.txt")[1]]


def test_one_big_jsonl_file_is_split(tmp_path):
    """A day of news in one JSONL file still uses every worker."""
    lines = [{"id": f"n{i}", "lang": "en", "text": f"France supplied {n} tanks to Ukraine. Russia criticized Paris."}
             for i, n in enumerate(["two", "three", "four", "five", "six", "seven", "eight", "nine"])]
    feed = tmp_path / "day.jsonl"
    feed.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    docs = read_file(feed)[0]
    assert len(chunks(docs, 2)) > 2
    one = serialize_turtle(build_paths([feed]))
    assert one == serialize_turtle(build_paths([feed], jobs=2))
    assert [a.identifier for a in extract_files([feed], 2)[0]] == [f"n{i}" for i in range(8)]


def test_cli_jobs_same_bytes(corpus, tmp_path):
    assert main(["build", str(corpus), "--out", str(tmp_path / "o1"), "--quiet", "--no-view"]) == 1  # a bad file
    assert main(["build", str(corpus), "--out", str(tmp_path / "o2"), "--quiet", "--no-view", "--jobs", "2"]) == 1
    assert (tmp_path / "o1" / "graph.ttl").read_bytes() == (tmp_path / "o2" / "graph.ttl").read_bytes()


def test_cli_rejects_negative_jobs(corpus, tmp_path):
    assert main(["build", str(corpus), "--out", str(tmp_path / "o"), "--jobs", "-1", "--quiet"]) == 2


def test_parallel_collection_restores_the_collector(corpus):
    import gc
    before = gc.get_threshold()
    articles, _ = extract_files(sorted(corpus.iterdir()), 2)
    assert articles
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0
