"""Issue 19: extraction on Dask gives the same quads as one process; incremental reruns
give the store a fresh build gives, and a rerun with nothing changed extracts nothing;
``kg serve`` answers every cookbook query with the rows of ``kg query``; ``kg push``
round-trips the triples. One Dask cluster (two worker processes) serves the module, its
address passed as ``--scheduler tcp://…`` the way a real cluster is used."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("dask.distributed")
ox = pytest.importorskip("pyoxigraph")

from kg.cli import main  # noqa: E402
from kg.rdf.cookbook import list_queries, run_query  # noqa: E402
from kg.rdf.store import open_engine, open_store  # noqa: E402
from kg.scale.dask_build import build_scaled, partitions, person_map  # noqa: E402
from kg.scale.endpoint import (HttpEngine, count_quads, free_port, oxigraph_binary, start_server,  # noqa: E402
                               stop_server, wait_ready)

# persons named in two scripts and two spellings (merged across articles), the same
# identifier in a feed and a file (renamed), negated and hypothetical claims
ARTICLES = {
    "r1.txt": "Putin met Erdogan in Ankara on Monday. Russia did not impose sanctions on Turkey. "
              "Analyst John Smith said Moscow could supply gas to Ankara.",
    "r2.txt": "التقى الرئيس الروسي فلاديمير بوتين نظيره التركي رجب طيب أردوغان في أنقرة. "
              "وانتقدت فرنسا روسيا بسبب الهجوم على أوكرانيا.",
    "r3.txt": "France criticized Russia. Germany supplied tanks to Ukraine, and Berlin accused Moscow of attacking Kyiv.",
    "r4.txt": "فرضت الولايات المتحدة عقوبات على إيران، ولم تعقد أي محادثات مع طهران.",
    "r5.txt": "The UN Secretary-General visited Cairo and met Egyptian officials.",
    "en-one.md": "Germany sends tanks to Ukraine\n\nGermany on Monday delivered tanks to Ukraine. "
                 "Russia's President Vladimir Putin criticized Berlin.",
}


def write_corpus(d: Path) -> Path:
    d.mkdir(parents=True)
    for name, text in ARTICLES.items():
        (d / name).write_text(text + "\n", encoding="utf-8")
    (d / "feed.jsonl").write_text("\n".join(
        json.dumps({"id": "r1", "lang": lang, "text": ARTICLES[f"r{n}.txt"]}, ensure_ascii=False)
        for n, lang in ((1, "en"), (2, "ar"))) + "\n", encoding="utf-8")
    return d


def quads(store_dir: Path) -> set[str]:
    store = ox.Store.read_only(str(store_dir))
    return {str(q) for q in store}


def nq_quads(path: Path) -> set[str]:
    store = ox.Store()
    store.load(path=str(path), format=ox.RdfFormat.N_QUADS)
    return {str(q) for q in store}


@pytest.fixture(scope="module")
def cluster():
    from dask.distributed import Client, LocalCluster

    c = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0",
                     memory_limit=0, silence_logs=50)
    client = Client(c)
    yield c.scheduler_address, client
    client.close()
    c.close()


@pytest.fixture(scope="module")
def built(tmp_path_factory, cluster):
    """(corpus, single-process nq build folder, Dask build folder)."""
    root = tmp_path_factory.mktemp("scale")
    corpus = write_corpus(root / "in")
    assert main(["build", str(corpus), "--out", str(root / "single"), "--format", "nq", "--no-view", "--quiet"]) == 0
    assert main(["build", str(corpus), "--out", str(root / "dask"), "--scheduler", cluster[0], "--quiet"]) == 0
    return corpus, root / "single", root / "dask"


def test_dask_build_gives_the_quads_of_one_process(built):
    _corpus, single, dask = built
    expected = nq_quads(single / "graph.nq")
    got = quads(dask / "store")
    assert got == expected
    assert any("urn:geokg:actors" in q for q in got) and len(expected) > 300
    manifest = json.loads((dask / "manifest.json").read_text())
    assert len(manifest["files"]) == 7 and manifest["triples"] == len(got)


def test_dask_build_writes_the_store_summary(built):
    from kg.analysis.store_summary import load_summary

    _corpus, _single, dask = built
    assert load_summary(dask / "store") is not None  # fresh: kg stats and kg actor read it


def test_local_scheduler_on_the_command_line(tmp_path, capsys):
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "a.txt").write_text(ARTICLES["r3.txt"] + "\n", encoding="utf-8")
    (corpus / "empty.txt").write_text("")
    code = main(["build", str(corpus), "--out", str(tmp_path / "out"), "--scheduler", "local", "--jobs", "1"])
    captured = capsys.readouterr()
    assert code == 1  # a file skipped, one line naming it, the rest built
    skipped = [line for line in captured.err.splitlines() if "skipped" in line]
    assert len(skipped) == 1 and "empty.txt" in skipped[0] and "Traceback" not in captured.err
    assert "extracted 2" in captured.out
    single = tmp_path / "single"
    main(["build", str(corpus), "--out", str(single), "--format", "nq", "--no-view", "--quiet"])
    assert quads(tmp_path / "out" / "store") == nq_quads(single / "graph.nq")


def test_bad_scheduler_and_options_are_one_line(tmp_path, capsys):
    corpus = write_corpus(tmp_path / "in")
    assert main(["build", str(corpus), "--out", str(tmp_path / "o"), "--scheduler", "nowhere"]) == 2
    assert main(["build", str(corpus), "--out", str(tmp_path / "o"), "--scheduler", "local",
                 "--format", "ttl", "nq"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 2 and all(line.startswith("kg build: error:") for line in err)


def test_incremental_rerun_add_change_remove(tmp_path, cluster):
    client = cluster[1]
    corpus = write_corpus(tmp_path / "in")
    out = tmp_path / "inc"
    first = build_scaled([corpus], out, out / "store", client)
    assert first.extracted == 7 and not first.incremental
    again = build_scaled([corpus], out, out / "store", client)
    assert again.incremental and again.extracted == 0 and again.rendered == 0  # nothing changed: no extraction
    assert again.triples == first.triples
    (corpus / "r3.txt").unlink()
    (corpus / "r4.txt").write_text("Vladimir Putin accused Germany of supplying tanks to Ukraine.\n", encoding="utf-8")
    (corpus / "new.txt").write_text("Putin met Erdogan in Moscow.\n", encoding="utf-8")
    inc = build_scaled([corpus], out, out / "store", client)
    assert inc.incremental and inc.extracted == 2 and inc.dropped == 2
    fresh = tmp_path / "fresh"
    build_scaled([corpus], fresh, fresh / "store", client)
    assert quads(out / "store") == quads(fresh / "store")
    single = tmp_path / "single"
    main(["build", str(corpus), "--out", str(single), "--format", "nq", "--no-view", "--quiet"])
    assert quads(out / "store") == nq_quads(single / "graph.nq")
    # the cache holds the current files only
    assert len({p.name.split(".")[0] for p in (out / ".kg-cache").glob("*.pkl")}) == 7


def test_clashing_identifiers_without_person_merge(tmp_path, cluster):
    """No person merged: the quads loaded as files arrive stay, but the two articles that
    shared the identifier ``x`` (one graph while loading) are written again, both."""
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "x.txt").write_text(ARTICLES["r3.txt"] + "\n", encoding="utf-8")
    (corpus / "y.jsonl").write_text(json.dumps({"id": "x", "text": ARTICLES["r4.txt"]}, ensure_ascii=False) + "\n",
                                    encoding="utf-8")
    said: list[str] = []
    out = tmp_path / "o"
    report = build_scaled([corpus], out, out / "store", cluster[1], progress=said.append)
    assert report.extracted == 2 and report.articles == 2
    assert any("the articles of 2 files" in m and " 0 merged person keys" in m for m in said)
    single = tmp_path / "single"
    main(["build", str(corpus), "--out", str(single), "--format", "nq", "--no-view", "--quiet"])
    assert quads(out / "store") == nq_quads(single / "graph.nq")


def test_person_merged_across_files(tmp_path, cluster):
    """One official written in two scripts in two files: the keys merge after extraction, so
    the articles naming the merged key are rendered again, its standing lines in the actor
    graph replaced and the actors merged again; the store is that of one process."""
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "a.txt").write_text("قال المسؤول في حركة حماس قسطنطين أسمولوف إن روسيا ستدعم صربيا.\n",
                                  encoding="utf-8")
    (corpus / "b.txt").write_text("Hamas official Konstantin Asmolov said Russia backs Serbia. France criticized Russia.\n",
                                  encoding="utf-8")
    (corpus / "c.txt").write_text(ARTICLES["r3.txt"] + "\n", encoding="utf-8")
    said: list[str] = []
    out = tmp_path / "o"
    build_scaled([corpus], out, out / "store", cluster[1], progress=said.append)
    assert any("1 merged person keys" in m for m in said)
    single = tmp_path / "single"
    main(["build", str(corpus), "--out", str(single), "--format", "nq", "--no-view", "--quiet"])
    expected = nq_quads(single / "graph.nq")
    assert quads(out / "store") == expected
    persons = {w for q in expected for w in q.split() if "/actor/person-" in w}
    assert len(persons) == 1 and sum(next(iter(persons)) in q for q in expected) > 3  # one node, in both files
    assert any("affiliatedWith" in q and "urn:geokg:actors" in q for q in expected)


def test_rebuild_and_lost_store(tmp_path, cluster):
    client = cluster[1]
    corpus = write_corpus(tmp_path / "in")
    out = tmp_path / "o"
    build_scaled([corpus], out, out / "store", client)
    expected = quads(out / "store")
    shutil.rmtree(out / "store")  # the manifest no longer describes a store: build afresh (from the cache)
    report = build_scaled([corpus], out, out / "store", client)
    assert not report.incremental and report.extracted == 0
    assert quads(out / "store") == expected
    assert build_scaled([corpus], out, out / "store", client, rebuild=True).extracted == 7


def test_partitions_and_person_map():
    groups = partitions(list(range(10)), [1] * 10, workers=1)
    assert [x for g in groups for x in g] == list(range(10))
    assert person_map({"person-vladimir-putin", "person-putin"}) in (
        {"person-vladimir-putin": "person-putin"}, {"person-putin": "person-vladimir-putin"}, {})


@pytest.fixture(scope="module")
def server(built):
    store = built[2] / "store"
    port = free_port()
    proc = start_server(store, port)
    yield store, f"http://127.0.0.1:{port}/query"
    stop_server(proc)


PARAMS = {"who-sanctioned": {"source": "United States"}, "meetings": {"actor": "Russia"},
          "supplied-to": {"target": "Ukraine"}, "country-dyads": {"source": "France"},
          "negated-claims": {"actor": "Russia"}}


def test_serve_answers_every_cookbook_query_like_kg_query(server):
    store, url = server
    local, http = open_engine(store), HttpEngine(url)
    for q in list_queries():
        for params in ({}, PARAMS.get(q.name)):
            if params is None:
                continue
            a, b = run_query(local, q, params), run_query(http, q, params)
            assert a.vars == b.vars, q.name
            assert sorted(a.rows, key=str) == sorted(b.rows, key=str), q.name
            assert a.boolean == b.boolean
    assert count_quads(url) == len(open_store(store, read_only=True))


def test_kg_serve_command(built):
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "kg", "serve", str(built[2]), "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=Path(__file__).parent.parent)
    try:
        assert proc.stdout.readline().startswith(b"serving")  # printed once the server answers
        wait_ready(f"http://127.0.0.1:{port}/query", None, 30)
        rows = HttpEngine(f"http://127.0.0.1:{port}/query").query(
            "SELECT (COUNT(*) AS ?n) WHERE { ?a a <https://w3id.org/geokg/ontology#Article> }").rows
        assert int(rows[0][0]) == 8
    finally:
        proc.terminate()
        assert proc.wait(timeout=10) == 0  # SIGTERM stops the server with it


def test_serve_bad_folder_is_one_line(tmp_path, capsys):
    assert main(["serve", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "not an Oxigraph store" in err


def test_push_round_trips_the_triples(built, tmp_path, capsys):
    store = built[2] / "store"
    target = tmp_path / "target"
    target.mkdir()
    port = free_port()
    proc = start_server(target, port, writable=True)
    try:
        assert main(["push", str(built[2]), "--endpoint", f"http://127.0.0.1:{port}/store"]) == 0
        n = len(open_store(store, read_only=True))
        assert f"{n} triples" in capsys.readouterr().out
        assert count_quads(f"http://127.0.0.1:{port}/query") == n
        assert main(["push", str(built[2]), "--endpoint", f"http://127.0.0.1:{port}/store", "--quiet"]) == 0
        assert count_quads(f"http://127.0.0.1:{port}/query") == n  # PUT replaces: pushing twice is the same
    finally:
        stop_server(proc)
    assert main(["push", str(built[2]), "--endpoint", f"http://127.0.0.1:{port}/store"]) == 2
    assert "cannot push" in capsys.readouterr().err


def test_oxigraph_server_is_installed():
    assert Path(oxigraph_binary()).is_file()


def test_http_engine_cut_answer_and_no_server_are_one_line():
    import threading
    from http.server import BaseHTTPRequestHandler, HTTPServer

    from kg.errors import GeoKGError

    class Cut(BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802 - http.server's name
            self.rfile.read(int(self.headers["Content-Length"]))
            self.send_response(200)
            self.send_header("Content-Type", "application/sparql-results+json")
            self.end_headers()
            self.wfile.write(b'{"head": {"vars": ["x"]}, "results": {"bindings": [')

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Cut)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with pytest.raises(GeoKGError, match="incomplete answer"):
            HttpEngine(f"http://127.0.0.1:{server.server_port}/query").query("SELECT * WHERE { ?s ?p ?o }")
    finally:
        server.shutdown()
    with pytest.raises(GeoKGError, match="cannot reach"):
        HttpEngine(f"http://127.0.0.1:{free_port()}/query", timeout=5).query("ASK {}")


def test_leftovers_of_a_killed_build_are_removed(tmp_path, cluster):
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "a.txt").write_text(ARTICLES["r5.txt"] + "\n", encoding="utf-8")
    out = tmp_path / "o"
    (out / ".kg-shards-99999").mkdir(parents=True)
    (out / ".kg-shards-99999" / "part-000000.nq").write_text("junk")
    (out / ".kg-cache").mkdir()
    (out / ".kg-cache" / ".x.pkl.1.tmp").write_bytes(b"junk")
    build_scaled([corpus], out, out / "store", cluster[1])
    assert not list(out.glob(".kg-shards-*")) and not list((out / ".kg-cache").glob(".*"))


@pytest.mark.parametrize("load_bytes", [1, 200, 1 << 30])
def test_store_target_batches_shards_in_order(tmp_path, load_bytes):
    """Shards wait for a batch (one bulk load of several, read as one stream) or load at
    once; a drop, a count or a close first loads what waits: the store is the same."""
    from kg.fsutil import Staging
    from kg.scale.target import StoreTarget

    def shard(name: str, graphs: str) -> Path:
        path = tmp_path / name
        path.write_text("".join(f"<urn:s{g}{n}> <urn:p> \"{g} {n}\" <urn:g{g}> .\n" for g in graphs for n in range(3)),
                        encoding="utf-8")
        return path

    with Staging() as stage:
        target = StoreTarget(tmp_path / "store", tmp_path, True, stage, load_bytes=load_bytes)
        target.load(shard("a.nq", "12"))
        target.load(shard("b.nq", "3"))
        target.drop(["urn:g2"])  # loaded first, then dropped
        target.load(shard("c.nq", "24"))
        assert target.count() == 4 * 3
        target.close()
        stage.commit()
    assert not list(tmp_path.glob("*.nq"))
    graphs = sorted({str(q.graph_name) for q in ox.Store.read_only(str(tmp_path / "store"))})
    assert graphs == ["<urn:g1>", "<urn:g2>", "<urn:g3>", "<urn:g4>"]
