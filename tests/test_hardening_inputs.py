"""Issue 17: inputs that cannot break a build.

Long inputs are cut before spaCy sees them with offsets kept; identifiers are unique by
construction and a real collision keeps both articles; every JSONL record is checked on
its own; bad arguments, unreadable folders and binary files are one line each.
"""

from __future__ import annotations

import json
import os
import re
import time

import pytest
from rdflib import Graph, Literal
from rdflib.namespace import DCTERMS, RDF

from kg.build import extract_paths
from kg.cli import main
from kg.ingest import readers
from kg.ingest.readers import RawDocument, iter_inputs, parse_date, read_documents
from kg.ingest.segment import MAX_PIECE, MAX_SENTENCE, bounded_spans, segment_page
from kg.lang import load_language
from kg.parallel import extract_documents
from kg.rdf.namespaces import GKG

EN = "France supplied tanks to Ukraine. Russia criticized Paris.\n"
FILLER = "The weather was mild and the markets were calm on that day. "


def _build(tmp_path, *paths, extra=(), out="out"):
    code = main(["build", *map(str, paths), "--out", str(tmp_path / out), "--quiet", "--no-view", *extra])
    return code, tmp_path / out / "graph.ttl"


def _articles(ttl) -> dict[str, dict]:
    g = Graph().parse(ttl)
    found = {}
    for a in g.subjects(RDF.type, GKG.Article):
        found[str(g.value(a, DCTERMS.identifier))] = {
            "iri": str(a), "title": [str(t) for t in g.objects(a, DCTERMS.title)],
            "source": g.value(a, DCTERMS.source), "date": g.value(a, DCTERMS.date),
            "lang": str(g.value(a, DCTERMS.language))}
    return found


# --------------------------------------------------------------------------- long inputs


def _covers(text: str, spans) -> str:
    return "".join(text[a:b] for a, b in spans)


def test_bounded_spans_cut_lines_then_sentences_then_length():
    text = ("Short line.\n" + FILLER * 300 + "\n" + "word " * 5000).rstrip()
    spans = bounded_spans(text, [(0, len(text))])
    assert all(0 <= a < b <= len(text) and b - a <= MAX_PIECE for a, b in spans)
    assert re.sub(r"\s", "", _covers(text, spans)) == re.sub(r"\s", "", text)  # nothing lost but spaces
    assert any(text[b - 1] == "." for a, b in spans)  # cut at sentence ends where there are some
    # a stretch without a sentence end is cut at spaces into pieces of their own
    long = [(a, b) for a, b in spans if text[a:b].startswith("word")]
    assert all(b - a <= MAX_SENTENCE for a, b in long) and len(long) >= 8
    assert all(text[b:b + 1] in (" ", "") for a, b in long)


def test_normal_spans_are_untouched_and_runs_of_punctuation_are_left_out():
    text = "Egypt met Jordan.\nIran sanctioned Iraq."
    assert bounded_spans(text, [(0, len(text))]) == [(0, len(text))]
    text = 'France supplied tanks. ' + '"' * 5000 + ' Russia criticized Paris. ' + '- ' * 100 + 'End.'
    spans = bounded_spans(text, [(0, len(text))])
    assert [text[a:b].strip(' ."') for a, b in spans] == ["France supplied tanks", "Russia criticized Paris", "End"]


def test_a_text_without_spaces_is_cut_at_the_limit():
    text = "x" * (3 * MAX_SENTENCE + 5)
    spans = bounded_spans(text, [(0, len(text))])
    assert _covers(text, spans) == text and max(b - a for a, b in spans) <= MAX_SENTENCE


def test_an_article_over_a_million_characters_is_segmented_for_spacy():
    text = "Talks\n\n" + (FILLER * 20 + "\n\n") * 1400  # 1.7 million characters
    assert len(text) > 1_000_000
    page = segment_page(RawDocument("big", text, "big.txt", {"lang": "en"}), load_language("en"))
    spans = [s for seg in page.segments for s in seg.spans]
    assert max(b - a for a, b in spans) <= MAX_PIECE < 1_000_000


def test_evidence_offsets_point_into_the_original_text():
    text = "Title\n\n" + FILLER * 400 + "France supplied tanks to Ukraine. " + FILLER * 400 + "\n" + "word " * 3000 + \
        "Russia criticized Paris."
    [article] = extract_documents([RawDocument("long", text, "long.txt", {"lang": "en"})])
    assert {(c.subject, c.relation, c.object) for c in article.claims} >= {("FRA", "supplied", "UKR"),
                                                                           ("RUS", "criticized", "FRA")}
    for claim in article.claims:
        assert text[claim.start:claim.end] == claim.evidence
    for mention in article.mentions:
        assert text[mention.start:mention.end] == mention.text


def test_pathological_punctuation_and_long_sentences_build_with_the_rest(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "quotes.txt").write_text("Talks\n\nEgypt met Jordan. " + '"' * 300_000 + " Iran sanctioned Iraq.\n")
    (d / "spaced.txt").write_text('" ' * 100_000 + "\nGermany supplied tanks to Ukraine.\n")
    (d / "sentence.txt").write_text(("France supplied tanks to Ukraine and " * 2000).strip())
    (d / "normal.txt").write_text(EN)
    started = time.perf_counter()
    code, ttl = _build(tmp_path, d)
    assert code == 0 and time.perf_counter() - started < 120
    found = _articles(ttl)
    assert set(found) == {"quotes", "spaced", "sentence", "normal"}
    text = ttl.read_text(encoding="utf-8")
    assert "actor:EGY" in text and "actor:IRN" in text and "actor:DEU" in text


@pytest.mark.slow
def test_a_two_million_character_article_and_a_200k_word_sentence_build_with_the_rest(tmp_path, capsys):
    d = tmp_path / "in"
    d.mkdir()
    (d / "big.txt").write_text("Talks\n\n" + (EN + FILLER * 10 + "\n") * 3100, encoding="utf-8")  # ~2.05 M characters
    words = "Germany supplied tanks to Ukraine while Russia criticized Berlin and".split()
    (d / "sentence.txt").write_text(" ".join(words * (200_000 // len(words))), encoding="utf-8")  # no sentence end
    (d / "small.txt").write_text("Egypt met Jordan.\n", encoding="utf-8")
    assert (d / "big.txt").stat().st_size > 2_000_000
    code, ttl = _build(tmp_path, d)
    assert code == 0 and set(_articles(ttl)) == {"big", "sentence", "small"}
    assert "Traceback" not in capsys.readouterr().err


# --------------------------------------------------------------------------- identifiers


def test_same_file_names_in_two_folders_stay_two_articles(tmp_path, capsys):
    for folder, text in (("d1", "Talks\n\n" + EN), ("d2", "Anger\n\nRussia criticized France.\n")):
        (tmp_path / "in" / folder).mkdir(parents=True)
        (tmp_path / "in" / folder / "index.txt").write_text(text)
    code, ttl = _build(tmp_path, tmp_path / "in")
    found = _articles(ttl)
    assert code == 0 and set(found) == {"d1/index", "d2/index"}
    assert found["d1/index"]["title"] == ["Talks"] and found["d2/index"]["title"] == ["Anger"]
    assert found["d1/index"]["source"] == Literal("in/d1/index.txt")
    # the same folders given one by one: a real collision, one warning, both kept
    code, ttl = _build(tmp_path, tmp_path / "in" / "d1", tmp_path / "in" / "d2", out="o2")
    err = capsys.readouterr().err
    assert code == 0 and set(_articles(ttl)) == {"index", "index~2"}
    assert err.count("warning") == 1 and "identifier 'index' is already used by d1/index.txt" in err


def test_append_of_a_different_article_with_the_same_identifier_keeps_both(tmp_path, capsys):
    for folder, text in (("d1", "Talks\n\n" + EN), ("d2", "Anger\n\nRussia criticized France.\n")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "index.txt").write_text(text)
    _build(tmp_path, tmp_path / "d1")
    code, ttl = _build(tmp_path, tmp_path / "d2", extra=["--append"])
    assert code == 0 and "already used by d1/index.txt" in capsys.readouterr().err
    assert {k: v["title"] for k, v in _articles(ttl).items()} == {"index": ["Talks"], "index~2": ["Anger"]}
    # appending d2 again replaces its own article, nothing is duplicated
    code, ttl = _build(tmp_path, tmp_path / "d2", extra=["--append"])
    assert code == 0 and set(_articles(ttl)) == {"index", "index~2"}


def test_hash_and_slash_stay_apart(tmp_path):
    d = tmp_path / "in"
    (d / "a").mkdir(parents=True)
    (d / "a" / "2.txt").write_text("Second\n\nGermany sanctioned Iran.\n")
    (d / "a#2.txt").write_text("Hash\n\nEgypt met Jordan.\n")
    (d / "page.jsonl").write_text(json.dumps({"id": "a#2", "text": "Turkey met Qatar."}) + "\n")
    code, ttl = _build(tmp_path, d)
    found = _articles(ttl)
    assert code == 0 and set(found) == {"a/2", "a%232", "a%232~2"}  # the JSONL id and the file name: one warning
    assert len({v["iri"] for v in found.values()}) == 3


def test_a_jsonl_id_like_a_page_segment_does_not_merge_into_it(tmp_path):
    page = ("Egypt and Jordan agree\n\nEgypt met Jordan on Monday.\n\nRead also:\n\n"
            "Iran sanctioned Iraq on Tuesday\n\nTurkish news\n\nFollow us on Twitter\n\n"
            "Turkey accused Greece on Friday.\n")
    d = tmp_path / "in"
    d.mkdir()
    (d / "story.txt").write_text(page)
    segments = {a.identifier for a in extract_paths([d]).articles}
    (d / "feed.jsonl").write_text("".join(json.dumps({"id": ident, "text": "Turkey met Qatar."}) + "\n"
                                          for ident in sorted(segments)))
    code, ttl = _build(tmp_path, d)
    g = Graph().parse(ttl)
    nodes = {*g.subjects(RDF.type, GKG.Article), *g.subjects(RDF.type, GKG.HeadlineList)}
    assert code == 0 and len(segments) == 3 and len(nodes) == 2 * len(segments)  # a page's headline list is a node too


def test_collisions_rename_whole_pages():
    from kg.build import unique_identifiers
    from kg.model import ArticleResult

    def page(ident, source):
        return [ArticleResult(ident, "en", source_path=source),
                ArticleResult(f"{ident}#2", "en", source_path=source, part_of=ident)]

    articles = page("x", "a/x.txt") + page("x", "b/x.txt")
    warnings: list[str] = []
    assert unique_identifiers(articles, on_warning=warnings.append) == 1
    assert [(a.identifier, a.part_of) for a in articles] == [("x", None), ("x#2", "x"), ("x~2", None),
                                                             ("x~2#2", "x~2")]
    assert len(warnings) == 1
    again = page("x", "a/x.txt")
    assert unique_identifiers(again, existing={"x": "/data/a/x.txt"}) == 0  # re-ingesting: replaced
    assert unique_identifiers(again, existing={"x": "c/x.txt"}) == 1 and again[0].identifier == "x~2"


# --------------------------------------------------------------------------- JSONL records


def _feed(path, lines):
    path.write_text("\n".join(line if isinstance(line, str) else json.dumps(line, ensure_ascii=False)
                              for line in lines) + "\n", encoding="utf-8")
    return path


def test_each_jsonl_record_is_checked_on_its_own(tmp_path, capsys):
    feed = _feed(tmp_path / "feed.jsonl", [
        {"id": "a", "text": EN, "url": {"href": "https://x.org"}},
        {"id": "b", "text": "Russia criticized France.", "lang": "fr"},
        "{broken",
        {"id": "d", "text": "Germany sanctioned Iran.", "published": "yesterday"},
        {"id": "e", "text": "Egypt met Jordan.", "published": "2024-03-05T10:00:00Z", "lang": "en-GB"},
        {"id": ["x"], "text": "Turkey met Qatar."},
        {"id": 3.5, "text": "Turkey met Qatar."},  # a number: its text is the id
        {"id": "g", "text": 5},
        {"id": "h", "text": "Spain met Italy.", "title": 7},
    ])
    code, ttl = _build(tmp_path, feed)
    err = capsys.readouterr().err
    assert code == 1 and "Traceback" not in err
    assert f"{feed}:3: malformed JSON" in err and f"{feed}:8: JSON line has no 'text'" in err
    assert f"{feed}:1: 'url' is not a string" in err
    assert f"{feed}:2: language 'fr' is not supported" in err
    assert f"{feed}:4: 'published' is not a date ('yesterday'); dropped" in err
    assert f"{feed}:6: 'id' is not a string or a number" in err and f"{feed}:9: 'title' is not a string" in err
    found = _articles(ttl)
    assert set(found) == {"a", "b", "d", "e", "feed-6", "3.5", "h"}
    assert found["b"]["lang"] == "en" and found["e"]["lang"] == "en"
    assert found["d"]["date"] is None and str(found["e"]["date"]) == "2024-03-05"
    assert main(["validate", str(ttl)]) == 0


def test_jsonl_lines_are_split_on_newline_only(tmp_path):
    feed = tmp_path / "feed.jsonl"
    records = [{"id": "a", "text": "Egypt met\u2028Jordan.\u0085Iran sanctioned Iraq.\u2029End\x1c."},
               {"id": "b", "text": EN}]
    feed.write_bytes("\r\n".join(json.dumps(r, ensure_ascii=False) for r in records).encode("utf-8") + b"\r\n")
    docs = read_documents(feed)
    assert [d.identifier for d in docs] == ["a", "b"] and docs[0].text == records[0]["text"]


def test_a_lone_surrogate_does_not_break_the_graph(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"id": "a", "text": "Egypt met Jordan \\ud800 today.", "title": "T \\udfff"}\n')
    code, ttl = _build(tmp_path, feed)
    assert code == 0 and _articles(ttl)["a"]["title"] == ["T \ufffd"]


def test_the_size_limit_is_per_record_and_jsonl_is_streamed(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(readers, "MAX_BYTES", 2000)
    lines = [{"id": f"n{i}", "text": f"France supplied {i} tanks to Ukraine."} for i in range(60)]
    lines.insert(5, {"id": "huge", "text": "Egypt met Jordan. " * 200})
    feed = _feed(tmp_path / "day.jsonl", lines)
    assert feed.stat().st_size > 2000
    code, ttl = _build(tmp_path, feed)
    err = capsys.readouterr().err
    assert code == 1 and f"{feed}:6: too large" in err and err.count("skipped") == 1
    assert len(_articles(ttl)) == 60


def test_duplicate_ids_in_one_file_keep_both_records(tmp_path, capsys):
    feed = _feed(tmp_path / "feed.jsonl", [{"id": "x", "text": EN}, {"id": "x", "text": "Egypt met Jordan."}])
    code, ttl = _build(tmp_path, feed)
    assert code == 0 and set(_articles(ttl)) == {"x", "x~2"}
    assert "identifier 'x' is already used by feed.jsonl:1" in capsys.readouterr().err


@pytest.mark.parametrize("value, expected", [
    ("2024-03-05", "2024-03-05"), ("2024-03-05T23:10:00+03:00", "2024-03-05"), ("2024-03-05 10:00", "2024-03-05"),
    ("Tue, 05 Mar 2024 10:00:00 GMT", "2024-03-05"), ("yesterday", None), ("2024-13-01", None), ("05/03/2024", None),
])
def test_dates(value, expected):
    assert parse_date(value) == expected


# --------------------------------------------------------------------------- files and arguments


def test_a_symlink_loop_and_a_missing_argument_are_one_line_each(tmp_path, capsys):
    good = tmp_path / "good.txt"
    good.write_text(EN)
    loop = tmp_path / "loop"
    loop.symlink_to(loop)
    code, ttl = _build(tmp_path, loop, tmp_path / "missing", good)
    err = capsys.readouterr().err
    assert code == 1 and "Traceback" not in err
    assert f"{loop}: symbolic link loop" in err and f"{tmp_path / 'missing'}: no such file" in err
    assert set(_articles(ttl)) == {"good"}
    code = main(["build", str(loop), "--out", str(tmp_path / "o2")])
    err = capsys.readouterr().err
    assert code == 2 and len(err.strip().splitlines()) == 1 and "symbolic link loop" in err


def test_an_unreadable_folder_is_reported(tmp_path, monkeypatch):
    d = tmp_path / "in"
    (d / "locked").mkdir(parents=True)
    (d / "ok.txt").write_text(EN)
    walk = os.walk

    def failing_walk(top, onerror=None, **kwargs):
        for folder, dirs, files in walk(top, onerror=onerror, **kwargs):
            if folder.endswith("locked"):
                onerror(PermissionError(13, "Permission denied", folder))
                continue
            yield folder, dirs, files

    monkeypatch.setattr(readers.os, "walk", failing_walk)
    errors: list[str] = []
    items = list(iter_inputs([d], on_error=errors.append))
    assert [i.identifier for i in items] == ["ok"]
    assert errors == [f"{d / 'locked'}: folder skipped (permission denied)"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any folder")
def test_an_unreadable_folder_really(tmp_path, capsys):  # pragma: no cover - not as root
    d = tmp_path / "in"
    (d / "locked").mkdir(parents=True)
    (d / "locked" / "x.txt").write_text(EN)
    (d / "ok.txt").write_text(EN)
    (d / "locked").chmod(0)
    try:
        code, ttl = _build(tmp_path, d)
    finally:
        (d / "locked").chmod(0o755)
    assert code == 1 and "folder skipped" in capsys.readouterr().err


def test_binary_without_nul_bytes_is_refused(tmp_path):
    import random

    rnd = random.Random(1)
    data = bytes(rnd.choice([b for b in range(1, 256)]) for _ in range(20000))
    f = tmp_path / "blob.txt"
    f.write_bytes(data)
    with pytest.raises(readers.InputError, match="binary file"):
        read_documents(f)
    arabic = "قال وزير الخارجية المصري إن بلاده ترفض أي تصعيد في المنطقة.\n" * 20
    g = tmp_path / "cp1256.txt"
    g.write_bytes(arabic.encode("cp1256"))
    assert read_documents(g)[0].text == arabic  # a legacy Arabic page still reads


def test_sources_are_relative_to_the_input_argument(tmp_path, monkeypatch):
    d = tmp_path / "data" / "dev"
    d.mkdir(parents=True)
    (d / "a.txt").write_text(EN)
    code, first = _build(tmp_path, d)
    monkeypatch.chdir(tmp_path / "data")
    code2, second = _build(tmp_path, "dev", out="o2")
    assert code == code2 == 0 and first.read_bytes() == second.read_bytes()
    assert _articles(first)["a"]["source"] == Literal("dev/a.txt")
    assert str(tmp_path) not in first.read_text(encoding="utf-8")


def test_a_file_given_twice_is_read_once(tmp_path, capsys):
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text(EN)
    code, ttl = _build(tmp_path, d, d, d / "a.txt")
    assert code == 0 and set(_articles(ttl)) == {"a"} and "warning" not in capsys.readouterr().err


def test_a_failed_build_leaves_no_output_folder(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "empty.txt").write_text("")
    assert main(["build", str(d), "--out", str(tmp_path / "new" / "out"), "--quiet"]) == 2
    assert not (tmp_path / "new").exists()


def test_a_legacy_arabic_jsonl_line_still_reads(tmp_path):
    arabic = "قال وزير الخارجية المصري إن بلاده ترفض أي تصعيد في المنطقة " * 5
    feed = tmp_path / "feed.jsonl"
    feed.write_bytes(json.dumps({"id": "a", "text": arabic}, ensure_ascii=False).encode("cp1256") + b"\n")
    assert read_documents(feed)[0].text == arabic


def test_a_file_name_that_is_not_utf8(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    with open(os.fsencode(d) + b"/\xffbad.txt", "w") as fh:
        fh.write(EN)
    (d / "%FFbad.txt").write_text("Egypt met Jordan.\n")
    code, ttl = _build(tmp_path, d)
    found = _articles(ttl)
    assert code == 0 and set(found) == {"%FFbad", "%25FFbad"}
    assert found["%FFbad"]["source"] == Literal("in/%FFbad.txt")
