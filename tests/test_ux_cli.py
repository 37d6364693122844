"""Issue 18, what a new user meets on the command line: one loader for every format and a
store, progress bars, headline lists kept apart, readable eval, -v/--quiet, exit codes,
warnings for what is not read, ``--format`` before paths. Runs on the repository's seed
article (no ../shared, no network)."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph, Literal
from rdflib.namespace import DCTERMS, RDF, XSD

from kg.cli import build_parser, main
from kg.rdf.namespaces import GKG

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
FORMATS = ("ttl", "jsonld", "trig", "nq")


@pytest.fixture(scope="module")
def seed_build(tmp_path_factory):
    """The seed built once in every format, and into a store."""
    out = tmp_path_factory.mktemp("seed") / "out"
    store = out.parent / "store"
    code = main(["build", "--format", ",".join(FORMATS), str(SEEDS), "--out", str(out),
                 "--store", str(store), "--quiet", "--no-view"])
    assert code == 0
    return out, store


# --------------------------------------------------------------------------- 1. one loader


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_loads_the_same_graph(seed_build, fmt):
    from kg.rdf.loader import load_graph

    out, _ = seed_build
    reference = set(load_graph(out / "graph.ttl"))
    assert set(load_graph(out / f"graph.{fmt}")) == reference


def test_store_loads_the_same_graph(seed_build):
    from kg.rdf.loader import load_graph

    out, store = seed_build
    assert set(load_graph(store)) == set(load_graph(out / "graph.ttl"))


def test_both_old_loaders_are_the_one_loader(seed_build):
    from kg.analysis.graph import load_graph as analysis_load
    from kg.rdf.exports import load_graph as exports_load

    out, _ = seed_build
    assert set(analysis_load(out / "graph.trig")) == set(exports_load(out / "graph.nq"))


@pytest.mark.parametrize("target", ["graph.ttl", "graph.trig", "graph.nq", "graph.jsonld", "store"])
def test_stats_same_numbers_on_every_form(seed_build, target, capsys):
    out, store = seed_build
    path = store if target == "store" else out / target
    assert main(["stats", str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert main(["stats", str(out / "graph.ttl"), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == data
    assert data["claims"] > 0 and data["articles"] == 2


@pytest.mark.parametrize("target", ["graph.trig", "graph.nq", "store"])
def test_actor_reads_every_form(seed_build, target, capsys):
    out, store = seed_build
    path = store if target == "store" else out / target
    assert main(["actor", str(path), "Russia"]) == 0
    text = capsys.readouterr().out
    assert "Russia" in text and "empty" not in text


def test_validate_reads_a_store(seed_build, capsys):
    _, store = seed_build
    assert main(["validate", str(store)]) == 0
    assert capsys.readouterr().out.startswith("conforms")


def test_store_network_equals_file_network(seed_build):
    from kg.analysis.graph import read_network

    out, store = seed_build
    a, b = read_network(out / "graph.ttl"), read_network(store)
    assert sorted(a.edges(keys=True)) == sorted(b.edges(keys=True))
    assert {n: d["label"] for n, d in a.nodes(data=True)} == {n: d["label"] for n, d in b.nodes(data=True)}


def test_unknown_graph_file_is_one_line(tmp_path, capsys):
    bad = tmp_path / "graph.docx"
    bad.write_text("x", encoding="utf-8")
    assert main(["stats", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "graph.docx" in err and len(err.strip().splitlines()) == 1


# --------------------------------------------------------------------------- 2. progress


def test_progress_off_when_not_a_tty_and_with_quiet(monkeypatch):
    from kg import progress

    monkeypatch.delenv("GEOKG_PROGRESS", raising=False)
    monkeypatch.setattr(sys, "stderr", io.StringIO())
    progress.set_quiet(False)
    assert not progress.enabled()  # a StringIO is no terminal

    class Tty(io.StringIO):
        def isatty(self):
            return True

    monkeypatch.setattr(sys, "stderr", Tty())
    assert progress.enabled()
    progress.set_quiet(True)
    try:
        assert not progress.enabled()
    finally:
        progress.set_quiet(False)


def test_build_progress_counts_articles_not_files(tmp_path, monkeypatch):
    """One .jsonl file of 3 articles: the bar's total is 3 articles."""
    from kg import progress
    from kg.build import extract_paths

    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(json.dumps({"id": f"a{i}", "text": "Russia sanctioned Iran on Monday."})
                              for i in range(3)) + "\n", encoding="utf-8")
    totals = []
    real_bar = progress.bar

    def spy(*args, **kwargs):
        totals.append((kwargs.get("total"), kwargs.get("unit")))
        return real_bar(*args, **{**kwargs, "show": False})

    monkeypatch.setattr(progress, "bar", spy)
    report = extract_paths([feed], progress=True)
    assert len(report.articles) == 3 and totals == [(3, "article")]


def test_build_shows_a_bar_on_stderr_when_forced(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("GEOKG_PROGRESS", "1")
    d = tmp_path / "in"
    d.mkdir()
    (d / "one.txt").write_text("Russia sanctioned Iran on Monday.\n", encoding="utf-8")
    assert main(["build", str(d), "--out", str(tmp_path / "out"), "--no-view"]) == 0
    captured = capsys.readouterr()
    assert "extracting" in captured.err and "extracting" not in captured.out


def test_validate_progress_gives_the_same_report(seed_build):
    """Validation by chunks of focus nodes (so that a bar can move) finds what one pass finds."""
    from kg.rdf.loader import load_graph
    from kg.rdf.validate import validate_graph

    out, _ = seed_build
    g = load_graph(out / "graph.ttl")
    bad = next(g.subjects(RDF.type, GKG.Claim))
    g.remove((bad, GKG.evidence, None))
    g.add((bad, GKG.fromHeadline, Literal("yes")))
    whole = validate_graph(g, chunk=10**9)
    chunked = validate_graph(g, chunk=5)
    assert not whole.conforms and whole.violations == chunked.violations
    assert any("fromHeadline" in v for v in whole.violations)
    assert any("has no evidence" in v for v in whole.violations)
    from kg.rdf.validate import _pyshacl, ontology_graph, shapes_graph

    reference = Graph()
    reference += g
    reference += ontology_graph()
    ok, results, _ = _pyshacl(reference, shapes_graph())  # one plain pyshacl pass
    from rdflib.namespace import SH

    assert not ok
    assert len({(str(results.value(r, SH.focusNode)), str(results.value(r, SH.sourceShape)))
                for r in results.subjects(RDF.type, SH.ValidationResult)}) == len(whole.violations)


# --------------------------------------------------------------------------- 3. headlines


def test_headline_list_is_not_an_article(seed_build):
    out, _ = seed_build
    g = Graph().parse(out / "graph.ttl")
    lists = list(g.subjects(RDF.type, GKG.HeadlineList))
    assert len(lists) == 1
    part = lists[0]
    assert (part, RDF.type, GKG.Article) not in g
    assert str(g.value(part, DCTERMS.identifier)).endswith("#headlines")
    page = g.value(part, DCTERMS.isPartOf)
    assert (page, RDF.type, GKG.Article) in g


def test_headline_claims_are_marked_and_kept(seed_build):
    out, _ = seed_build
    g = Graph().parse(out / "graph.ttl")
    part = next(g.subjects(RDF.type, GKG.HeadlineList))
    from_list = set(g.subjects(None, part))
    from_list = {c for c in from_list if (c, RDF.type, GKG.Claim) in g}
    flagged = set(g.subjects(GKG.fromHeadline, Literal(True)))
    assert from_list and from_list <= flagged
    body = {c for c in g.subjects(RDF.type, GKG.Claim)} - flagged
    assert body and all(g.value(c, GKG.fromHeadline) is None for c in body)


def test_title_claims_are_marked():
    from kg.model import ArticleResult, Claim
    from kg.rdf.writer import article_triples

    text = "Japan and China cooperate as tensions rise\n\nJapan met China in Tokyo on Monday.\n"
    title = "Japan and China cooperate as tensions rise"
    in_title = Claim("JPN", "cooperatedWith", "CHN", evidence=title, start=0, end=len(title))
    start = text.index("Japan met")
    in_body = Claim("JPN", "metWith", "CHN", evidence="Japan met China in Tokyo on Monday.", start=start,
                    end=start + 35)
    article = ArticleResult("t", "en", text=text, title=title, claims=[in_title, in_body])
    triples = list(article_triples(article))
    flagged = {s for s, p, o in triples if p == GKG.fromHeadline and o == Literal(True)}
    assert len(flagged) == 1
    claim = next(iter(flagged))
    assert (claim, RDF.predicate, GKG.cooperatedWith) in set(triples)
    assert Literal(True).datatype == XSD.boolean


def test_stats_leaves_headline_claims_out_unless_asked(seed_build, capsys):
    out, _ = seed_build
    assert main(["stats", str(out / "graph.ttl"), "--json"]) == 0
    default = json.loads(capsys.readouterr().out)
    assert main(["stats", str(out / "graph.ttl"), "--json", "--with-headlines"]) == 0
    everything = json.loads(capsys.readouterr().out)
    assert default["headline_claims_left_out"] > 0
    assert everything["claims"] == default["claims"] + default["headline_claims_left_out"]
    assert default["articles"] == everything["articles"] == 2  # the headline list is no article


def test_view_leaves_headline_claims_out(seed_build):
    from kg.analysis.graph import read_network

    out, _ = seed_build
    G = read_network(out / "graph.ttl")
    assert not any(d.get("from_headline") for _, _, d in G.edges(data=True))
    H = read_network(out / "graph.ttl", include_headlines=True)
    assert any(d.get("from_headline") for _, _, d in H.edges(data=True))


def test_shapes_accept_headline_lists(seed_build, capsys):
    out, _ = seed_build
    assert main(["validate", str(out / "graph.ttl")]) == 0


def test_ontology_declares_headline_terms():
    onto = Graph().parse(ROOT / "ontology" / "geokg.ttl")
    from rdflib.namespace import OWL, RDFS

    assert (GKG.HeadlineList, RDF.type, OWL.Class) in onto
    assert (GKG.fromHeadline, RDF.type, OWL.DatatypeProperty) in onto
    assert onto.value(GKG.fromHeadline, RDFS.range) == XSD.boolean
    assert {lit.language for lit in onto.objects(GKG.HeadlineList, RDFS.comment)} == {"en", "ar"}


# --------------------------------------------------------------------------- 5. CLI


def test_python_dash_m_kg_runs():
    done = subprocess.run([sys.executable, "-m", "kg", "--version"], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0 and done.stdout.startswith("geokg")


def test_every_command_takes_verbose_and_quiet():
    parser = build_parser()
    commands = parser._subparsers._group_actions[0].choices
    assert {"build", "query", "eval", "validate", "stats", "actor", "view"} <= set(commands)
    for name, sub in commands.items():
        options = {o for action in sub._actions for o in action.option_strings}
        assert {"-v", "--verbose", "-q", "--quiet"} <= options, name


def test_help_has_the_exit_code_table(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    text = capsys.readouterr().out
    for code in ("0 ", "1 ", "2 ", "3 ", "130"):
        assert f"\n  {code}" in text
    assert "skipped" in text


def test_build_with_a_skipped_file_exits_1(tmp_path, capsys):
    d = tmp_path / "in"
    d.mkdir()
    (d / "good.txt").write_text("Russia sanctioned Iran on Monday.\n", encoding="utf-8")
    (d / "bad.txt").write_bytes(b"")  # empty: skipped
    assert main(["build", str(d), "--out", str(tmp_path / "out"), "--no-view", "-q"]) == 1
    assert (tmp_path / "out" / "graph.ttl").is_file()
    assert "skipped" in capsys.readouterr().err


def test_warnings_for_unread_file_types_and_languages(tmp_path, capsys):
    d = tmp_path / "in"
    d.mkdir()
    (d / "good.txt").write_text("Russia sanctioned Iran on Monday.\n", encoding="utf-8")
    (d / "report.docx").write_bytes(b"PK\x03\x04")
    (d / "x.gold.json").write_text("{}", encoding="utf-8")
    (d / "fr.txt").write_text(
        "La France et l'Allemagne ont signé un accord de coopération militaire à Paris. Le président de la "
        "République a rencontré le chancelier allemand pour discuter de la guerre en Ukraine et des sanctions "
        "contre la Russie. Les deux pays sont dans une position difficile, selon les analystes.\n", encoding="utf-8")
    assert main(["build", str(d), "--out", str(tmp_path / "out"), "--no-view", "-q"]) == 0
    err = capsys.readouterr().err.splitlines()
    assert sum("report.docx" in line and "warning" in line for line in err) == 1
    assert sum("fr.txt" in line and "French" in line for line in err) == 1
    assert not any("gold.json" in line for line in err)
    assert not any("good.txt" in line for line in err)


def test_english_and_arabic_are_not_flagged():
    from kg.ingest.language_check import unsupported_language

    assert unsupported_language((SEEDS / "000_7a27a54a086accf8.txt").read_text(encoding="utf-8")) is None
    english = ("The United States and Japan said on Monday that they would expand their military "
               "cooperation in the Pacific, as tensions with China rise over Taiwan and the South China Sea. ") * 2
    assert unsupported_language(english) is None
    assert unsupported_language("Путин встретился с Ким Чен Ыном во Владивостоке. " * 5) is not None


def test_verbose_logs_steps(seed_build, capsys):
    out, _ = seed_build
    assert main(["stats", str(out / "graph.ttl"), "-v"]) == 0
    err = capsys.readouterr().err
    assert "kg: read" in err and " s)" in err
    from kg import log

    log.set_verbose(False)


# --------------------------------------------------------------------------- 6. --format before paths


@pytest.mark.parametrize("argv, formats", [
    (["--format", "jsonld", "IN"], ["jsonld"]),
    (["--format", "jsonld,nq", "IN"], ["jsonld", "nq"]),
    (["--format", "ttl", "--format", "trig", "IN"], ["ttl", "trig"]),
    (["IN", "--format", "ttl", "nq"], ["ttl", "nq"]),  # the old form
])
def test_format_forms(argv, formats, tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "one.txt").write_text("Russia sanctioned Iran on Monday.\n", encoding="utf-8")
    out = tmp_path / "out"
    argv = [str(d) if a == "IN" else a for a in argv]
    assert main(["build", *argv, "--out", str(out), "--no-view", "-q"]) == 0
    names = {"ttl": "graph.ttl", "jsonld": "graph.jsonld", "trig": "graph.trig", "nq": "graph.nq"}
    for fmt in formats:
        assert (out / names[fmt]).is_file()


def test_bad_format_in_a_list_is_a_usage_error(tmp_path, capsys):
    with pytest.raises(SystemExit) as err:
        main(["build", "--format", "jsonld,xml", str(tmp_path)])
    assert err.value.code == 2
    assert "invalid format 'xml'" in capsys.readouterr().err


def test_build_without_paths_is_one_line(capsys):
    assert main(["build"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("kg build: error: give at least one file or folder") and len(err.splitlines()) == 1


def test_format_only_without_paths(capsys):
    with pytest.raises(SystemExit):
        main(["build", "--format", "nonsense_folder_that_is_a_path"])
    # 'nonsense…' is taken as a path, so --format has no format: a usage error naming --format
    assert "--format" in capsys.readouterr().err


# --------------------------------------------------------------------------- 4. eval and the seed's gold


def test_seed_ships_with_its_gold():
    golds = sorted(SEEDS.glob("*.gold.json"))
    assert golds
    for gold in golds:
        data = json.loads(gold.read_text(encoding="utf-8"))
        assert {"actors", "relations", "lang"} <= set(data)
        text = (SEEDS / gold.name.replace(".gold.json", ".txt")).read_text(encoding="utf-8")
        assert all(r["evidence"] in text for r in data["relations"])


def test_eval_on_the_seed_without_shared(seed_build, capsys):
    out, _ = seed_build
    assert main(["eval", str(SEEDS), "--graph", str(out / "graph.ttl"), "--errors"]) == 0
    text = capsys.readouterr().out
    assert "((" not in text and "P/R/F (" not in text and "'positive'" not in text
    lines = text.splitlines()
    header = next(i for i, line in enumerate(lines) if line.startswith("article"))
    assert set(lines[header + 1]) <= {"-", " "}  # a rule under the header
    row = lines[header + 2]
    assert row.startswith("000_7a27a54a086accf8")
    # numbers sit under their headers (right-aligned columns end together)
    assert lines[header].index("act F1") + len("act F1") == row.index("0.", lines[header].index("act F1")) + 5
    assert "relations" in text and "actors" in text


def test_eval_json_is_plain_data(seed_build, capsys):
    out, _ = seed_build
    assert main(["eval", str(SEEDS), "--graph", str(out / "graph.ttl"), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert 0.5 < data["relation_f1"] <= 1 and 0.5 < data["actor_f1"] <= 1
    article = data["per_article"]["000_7a27a54a086accf8"]
    assert all(isinstance(e, str) and "(" not in e.split(" (")[0] for e in article["false_edges"] + article["missed_edges"])
    assert "ar" in data["by_language"]


def test_eval_reads_other_formats_and_stores(seed_build, capsys):
    out, store = seed_build
    figures = []
    for graph in (out / "graph.ttl", out / "graph.nq", store):
        assert main(["eval", str(SEEDS), "--graph", str(graph), "--json"]) == 0
        data = json.loads(capsys.readouterr().out)
        figures.append((data["actor_f1"], data["relation_f1"]))
    assert len(set(figures)) == 1


def test_annotation_guide_ships():
    guide = (ROOT / "docs" / "annotation.md").read_text(encoding="utf-8")
    for term in ("gold.json", "names", "wikidata", "polarity", "modality", "attributed_to", "evidence",
                 "metWith", "cooperatedWith", "kg eval seeds"):
        assert term in guide


# --------------------------------------------------------------------------- 7. tables and SPARQL errors


def test_evidence_is_shortened_in_tables_only(seed_build, capsys):
    out, _ = seed_build
    graph = str(out / "graph.ttl")
    assert main(["query", graph, "analyst-claims"]) == 0
    table = capsys.readouterr().out
    assert "…" in table
    from kg.commands.query import MAX_CELL, _width

    for line in table.splitlines():
        for cell in line.split("  "):
            assert _width(cell.strip()) <= max(MAX_CELL, 60)
    assert main(["query", graph, "analyst-claims", "--format", "csv"]) == 0
    csv_text = capsys.readouterr().out
    assert "…" not in csv_text and max(len(line) for line in csv_text.splitlines()) > 150
    assert main(["query", graph, "analyst-claims", "--full"]) == 0
    assert "…" not in capsys.readouterr().out


def test_shorten_cuts_at_a_word():
    from kg.commands.query import shorten

    text = "Russia and North Korea agreed on Tuesday to expand their military cooperation, officials said."
    short = shorten(text, 40)
    assert short.endswith("…") and len(short) <= 40 and text.startswith(short[:-1])
    assert shorten("short", 40) == "short"


def test_meetings_prints_no_identical_rows(seed_build, capsys):
    out, _ = seed_build
    assert main(["query", str(out / "graph.ttl"), "meetings"]) == 0
    rows = capsys.readouterr().out.splitlines()[2:-1]
    assert rows and len(rows) == len(set(rows))
    assert main(["query", str(out / "graph.ttl"), "meetings", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert int(data["results"]["bindings"][0]["claims"]["value"]) >= 2  # the claims behind one meeting


def test_supplied_to_drops_the_empty_item_column(seed_build, capsys):
    out, _ = seed_build
    assert main(["query", str(out / "graph.ttl"), "supplied-to"]) == 0
    header = capsys.readouterr().out.splitlines()[0].split()
    assert "item" not in header and "sourceLabel" in header
    assert main(["query", str(out / "graph.ttl"), "supplied-to", "--format", "csv"]) == 0
    assert "item" in capsys.readouterr().out.splitlines()[0].split(",")  # csv keeps every variable


@pytest.mark.parametrize("engine", ["oxigraph", "rdflib"])
@pytest.mark.parametrize("query, where", [
    ("SELECT ?x WHERE {\n  ?x a foo:Bar }", "line 2"),
    ("SELECT ?x WHERE { ?x ?y }", "line 1"),
])
def test_bad_sparql_is_one_line_with_its_place(seed_build, capsys, engine, query, where):
    out, _ = seed_build
    assert main(["query", str(out / "graph.ttl"), query, "--engine", engine]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "SPARQL error" in err
    if engine == "oxigraph":
        assert where in err and "column" in err
        assert "\\u{" not in err


def test_unknown_prefix_is_named():
    from kg.rdf.sparql_errors import describe

    text = "SELECT ?x WHERE {\n  ?x a foo:Bar }"
    err = SyntaxError("error at 2:14: expected one of Prefix not found, ['%']")
    assert describe(err, text) == "line 2, column 14: unknown prefix 'foo:' in foo:Bar (declare it with PREFIX)"


def test_store_load_shows_progress(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("GEOKG_PROGRESS", "1")
    from kg.rdf.store import load_into_store

    ttl = tmp_path / "g.ttl"
    ttl.write_text("<urn:a> <urn:b> <urn:c> .\n<urn:a> <urn:b> <urn:d> .\n", encoding="utf-8")
    assert load_into_store(ttl, tmp_path / "store", replace=True, expected=2) == 2
    assert "loading the store" in capsys.readouterr().err


@pytest.mark.parametrize("target", ["graph.trig", "graph.nq", "store"])
def test_view_reads_every_form(seed_build, target, tmp_path, capsys):
    out, store = seed_build
    path = store if target == "store" else out / target
    page = tmp_path / "view.html"
    assert main(["view", str(path), "--out", str(page)]) == 0
    assert page.is_file() and "Kim Jong Un" in page.read_text(encoding="utf-8")
