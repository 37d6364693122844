"""`kg build` and `kg eval` end to end on articles written for the tests."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph, Literal
from rdflib.namespace import DCTERMS, RDF

from kg.cli import main
from kg.rdf.namespaces import GKG

AR = ("قال وزير الخارجية الفرنسي جان مارتان إن فرنسا فرضت عقوبات على إيران.\n\n"
      "وزار مارتان مصر الأسبوع الماضي، ولم يعقد اجتماع بين البلدين.\n")
EN = ("Germany sends tanks to Ukraine\n\n"
      "Germany on Monday delivered tanks to Ukraine. Russia's President Vladimir Putin criticized Berlin.\n")


@pytest.fixture
def corpus(tmp_path):
    d = tmp_path / "articles"
    d.mkdir()
    (d / "ar-one.txt").write_text(AR, encoding="utf-8")
    (d / "en-one.md").write_text(EN, encoding="utf-8")
    return d


def test_build_writes_graph_and_summary(corpus, tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["build", str(corpus), "--out", str(out), "--quiet"]) == 0
    g = Graph().parse(out / "graph.ttl")
    idents = {str(o) for o in g.objects(None, DCTERMS.identifier)}
    assert {"ar-one", "en-one"} <= idents
    assert (None, RDF.type, GKG.Claim) in g
    assert main(["build", str(corpus), "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "articles" in printed and "claims" in printed and "sanctioned" in printed


def test_build_is_deterministic(corpus, tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    main(["build", str(corpus), "--out", str(a), "--quiet", "--no-view"])
    main(["build", str(corpus), "--out", str(b), "--quiet", "--no-view"])
    assert (a / "graph.ttl").read_bytes() == (b / "graph.ttl").read_bytes()


def test_bad_file_is_one_line_and_the_rest_is_kept(corpus, tmp_path, capsys):
    (corpus / "broken.txt").write_bytes(b"\x00\x01binary")
    (corpus / "empty.txt").write_text("")
    out = tmp_path / "out"
    code = main(["build", str(corpus), "--out", str(out), "--quiet", "--no-view"])
    err = capsys.readouterr().err
    assert code == 1
    lines = [l for l in err.splitlines() if l.strip()]
    assert any("broken.txt" in l and "binary" in l for l in lines)
    assert any("empty.txt" in l and "empty" in l for l in lines)
    assert "Traceback" not in err
    g = Graph().parse(out / "graph.ttl")
    assert (None, DCTERMS.identifier, Literal("en-one")) in g


def test_missing_input_is_a_clear_error(tmp_path, capsys):
    code = main(["build", str(tmp_path / "nope"), "--out", str(tmp_path / "o")])
    err = capsys.readouterr().err
    assert code == 2 and "nope" in err and "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_failed_run_keeps_the_existing_graph(corpus, tmp_path):
    out = tmp_path / "out"
    main(["build", str(corpus), "--out", str(out), "--quiet", "--no-view"])
    before = (out / "graph.ttl").read_bytes()
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "x.txt").write_text("")
    assert main(["build", str(bad), "--out", str(out), "--quiet", "--no-view"]) == 2
    assert (out / "graph.ttl").read_bytes() == before


def test_append_adds_articles_without_duplicates(corpus, tmp_path):
    out = tmp_path / "out"
    first = tmp_path / "first" / "articles"  # the same source as corpus/ar-one.txt: "articles/ar-one.txt"
    first.mkdir(parents=True)
    shutil.copy(corpus / "ar-one.txt", first)
    main(["build", str(first), "--out", str(out), "--quiet", "--no-view"])
    main(["build", str(corpus), "--out", str(out), "--append", "--quiet", "--no-view"])
    appended = Graph().parse(out / "graph.ttl")
    fresh_dir = tmp_path / "fresh"
    main(["build", str(corpus), "--out", str(fresh_dir), "--quiet", "--no-view"])
    fresh = Graph().parse(fresh_dir / "graph.ttl")
    assert len(appended) == len(fresh)


def _gold(tmp_path):
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "en-one.gold.json").write_text(json.dumps({
        "id": "en-one", "lang": "en",
        "actors": [
            {"key": "DEU", "type": "Country", "wikidata": "Q183", "names": ["Germany", "Berlin"]},
            {"key": "UKR", "type": "Country", "wikidata": "Q212", "names": ["Ukraine"]},
            {"key": "RUS", "type": "Country", "wikidata": "Q159", "names": ["Russia"]},
            {"key": "putin", "type": "Person", "role": "Leader", "wikidata": "Q7747", "names": ["Vladimir Putin"]},
        ],
        "relations": [
            {"source": "DEU", "relation": "supplied", "target": "UKR", "polarity": "positive", "modality": "asserted",
             "attributed_to": None, "evidence": "Germany on Monday delivered tanks to Ukraine."},
            {"source": "putin", "relation": "criticized", "target": "DEU", "polarity": "positive",
             "modality": "asserted", "attributed_to": None, "evidence": "Putin criticized Berlin."},
            {"source": "putin", "relation": "leaderOf", "target": "RUS", "polarity": "positive",
             "modality": "asserted", "attributed_to": None, "evidence": "Russia's President Vladimir Putin"},
        ]}), encoding="utf-8")
    return gold


def test_eval_reports_scores(corpus, tmp_path, capsys):
    out = tmp_path / "out"
    main(["build", str(corpus), "--out", str(out), "--quiet", "--no-view"])
    gold = _gold(tmp_path)
    capsys.readouterr()
    assert main(["eval", str(gold), "--graph", str(out / "graph.ttl"), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["actor_f1"] == pytest.approx(1.0)
    assert result["relation_f1"] == pytest.approx(1.0)


SCORER = Path(__file__).resolve().parents[2] / "shared" / "tools" / "score.py"


@pytest.mark.skipif(not SCORER.exists(), reason="../shared/tools/score.py is not next to this clone")
def test_eval_agrees_with_the_reference_scorer(tmp_path, capsys):
    seeds = SCORER.parents[1] / "seeds"
    dev = SCORER.parents[1] / "corpus" / "dev"
    out = tmp_path / "out"
    main(["build", str(seeds), str(dev), "--out", str(out), "--quiet", "--no-view"])
    capsys.readouterr()
    main(["eval", str(seeds), str(dev), "--graph", str(out / "graph.ttl"), "--json"])
    ours = json.loads(capsys.readouterr().out)
    ref = json.loads(subprocess.run([sys.executable, str(SCORER), str(out / "graph.ttl"), str(seeds), str(dev), "--json"],
                                    capture_output=True, text=True, check=True).stdout)
    for key in ("actor_f1", "relation_f1", "actor_p", "relation_r", "negated_as_positive", "edge_polarity_blind_f1",
                "negative_gold", "negative_found"):
        assert ours[key] == pytest.approx(ref[key]), key


def test_built_graph_conforms_to_the_shapes(corpus, tmp_path):
    from kg.rdf.validate import validate_graph
    out = tmp_path / "out"
    (corpus / "more.txt").write_text("وقال المتحدث باسم وزارة الخارجية الأمريكية جون ستيل إن واشنطن دعمت كييف.\n",
                                     encoding="utf-8")
    main(["build", str(corpus), "--out", str(out), "--quiet", "--no-view"])
    report = validate_graph(Graph().parse(out / "graph.ttl"))
    assert report.conforms, report.violations


def test_build_writes_an_offline_view(corpus, tmp_path):
    out = tmp_path / "out"
    main(["build", str(corpus), "--out", str(out), "--quiet"])
    html = (out / "graph.html").read_text(encoding="utf-8")
    import re
    assert not re.search(r'<(script|link)[^>]+(src|href)="(https?:)?//', html)
    assert "vis.Network" in html or "vis-network" in html


def test_build_writes_the_asked_formats(corpus, tmp_path):
    from rdflib import Dataset
    out = tmp_path / "out"
    assert main(["build", str(corpus), "--out", str(out), "--quiet", "--no-view",
                 "--format", "ttl", "jsonld", "trig", "nq"]) == 0
    ttl = Graph().parse(out / "graph.ttl")
    for name, fmt in (("graph.trig", "trig"), ("graph.nq", "nquads")):
        ds = Dataset()
        ds.parse(out / name, format=fmt)
        assert len(set(ds.triples((None, None, None)))) == len(ttl) or sum(1 for _ in ds.quads()) >= len(ttl)
    assert len(Graph().parse(out / "graph.jsonld", format="json-ld")) == len(ttl)


def test_query_and_stats_read_an_oxigraph_store(corpus, tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["build", str(corpus), "--out", str(out), "--quiet", "--no-view", "--store", str(out / "store")]) == 0
    capsys.readouterr()
    assert main(["query", str(out / "store"), "SELECT (COUNT(*) AS ?n) WHERE { ?c a <https://w3id.org/geokg/ontology#Claim> }",
                 "--format", "csv"]) == 0
    from_store = capsys.readouterr().out
    assert main(["query", str(out / "graph.ttl"), "SELECT (COUNT(*) AS ?n) WHERE { ?c a <https://w3id.org/geokg/ontology#Claim> }",
                 "--format", "csv"]) == 0
    assert capsys.readouterr().out == from_store
    assert main(["stats", str(out / "store")]) == 0
    assert "actors" in capsys.readouterr().out
