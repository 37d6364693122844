"""Issue 17: the --store is replaced atomically and locked for writers; a failed or killed
build keeps the previous store; concurrent writers wait; a corrupt store is one line in
every reader; two concurrent --append runs keep every article."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from kg.cli import main
from kg.fsutil import Staging, lock_path, locked, recover_directory, swap_directory
from kg.rdf.store import is_store, open_store, triple_count

ROOT = Path(__file__).resolve().parent.parent
EN = ("Britain imposed sanctions on Russia on Monday. Prime Minister Keir Starmer met Ukraine's "
      "President Volodymyr Zelensky in London.\n")
EN2 = "France supplied tanks to Ukraine. Russia criticized Paris.\n"
AR = "فرضت الولايات المتحدة عقوبات على إيران، والتقى وزير الخارجية الأمريكي نظيره السعودي في الرياض.\n"


def _kg(*args: str, code: str = "", timeout: float = 120) -> subprocess.CompletedProcess:
    """``kg ARGS`` in a new process (``code`` runs first, e.g. to make it die half way)."""
    script = f"import sys\n{code}\nfrom kg.cli import main\nsys.exit(main())\n"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-c", script, *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=timeout)


def _folder(tmp_path: Path, name: str, **files: str) -> Path:
    d = tmp_path / name
    d.mkdir()
    for stem, text in files.items():
        (d / f"{stem}.txt").write_text(text, encoding="utf-8")
    return d


@pytest.fixture
def first_build(tmp_path):
    """A store and graph.ttl built from one article; returns (out, store, triples, graph bytes)."""
    src = _folder(tmp_path, "a", uk=EN)
    out, store = tmp_path / "out", tmp_path / "store"
    assert main(["build", str(src), "--out", str(out), "--store", str(store), "--quiet", "--no-view"]) == 0
    return out, store, triple_count(store), (out / "graph.ttl").read_bytes()


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith((".new", ".old", ".tmp")))


def test_a_failed_build_keeps_the_previous_store_and_graph(first_build, tmp_path, monkeypatch, capsys):
    out, store, triples, before = first_build
    src = _folder(tmp_path, "b", uk=EN, fr=EN2)
    import kg.views.html

    def broken(*args, **kwargs):  # fails after the graph and the store are staged
        raise OSError(28, "No space left on device", str(out / "graph.html"))

    monkeypatch.setattr(kg.views.html, "render_view", broken)
    code = main(["build", str(src), "--out", str(out), "--store", str(store), "--quiet"])
    err = capsys.readouterr().err
    assert code == 2 and "no space left" in err and "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert triple_count(store) == triples
    assert (out / "graph.ttl").read_bytes() == before
    assert not (out / "graph.html").exists()  # graph.ttl and graph.html: together or not at all
    assert _leftovers(tmp_path) == [] and _leftovers(out) == []


@pytest.mark.slow
def test_a_killed_build_keeps_the_previous_store(first_build, tmp_path):
    out, store, triples, before = first_build
    src = _folder(tmp_path, "b", uk=EN, fr=EN2)
    die = ("import os, signal\nimport kg.rdf.store as st\n_bulk = st._bulk\n"
           "def dying(*a):\n    _bulk(*a)\n    os.kill(os.getpid(), signal.SIGKILL)\nst._bulk = dying\n")
    run = _kg("build", str(src), "--out", str(out), "--store", str(store), "--quiet", "--no-view", code=die)
    assert run.returncode == -9
    assert triple_count(store) == triples and (out / "graph.ttl").read_bytes() == before
    assert any(name.endswith(".new") for name in _leftovers(tmp_path))  # the half-built store of the killed run
    assert main(["build", str(src), "--out", str(out), "--store", str(store), "--quiet", "--no-view"]) == 0
    assert triple_count(store) > triples
    assert _leftovers(tmp_path) == [] and _leftovers(out) == []  # cleaned by the next writer


@pytest.mark.slow
def test_a_second_writer_waits_for_the_first(first_build, tmp_path):
    out, store, _, _ = first_build
    src = _folder(tmp_path, "b", fr=EN2)
    release = threading.Event()

    def hold():
        with locked(lock_path(store), "test"):
            release.wait(60)

    holder = threading.Thread(target=hold)
    holder.start()
    time.sleep(0.2)
    proc = subprocess.Popen([sys.executable, "-c", "import sys; from kg.cli import main; sys.exit(main())", "build",
                             str(src), "--out", str(out), "--store", str(store), "--quiet", "--no-view"],
                            cwd=ROOT, env=dict(os.environ, PYTHONPATH=str(ROOT)), stderr=subprocess.PIPE, text=True)
    try:
        line = proc.stderr.readline()
        assert "waiting for another kg process" in line and str(store) in line
        assert proc.poll() is None
    finally:
        release.set()
        holder.join()
    assert proc.wait(120) == 0
    assert is_store(store) and triple_count(store) > 0


@pytest.mark.slow
def test_concurrent_builds_into_one_store(tmp_path):
    a = _folder(tmp_path, "a", uk=EN)
    b = _folder(tmp_path, "b", fr=EN2, us=AR)
    store = tmp_path / "store"
    procs = [subprocess.Popen([sys.executable, "-c", "import sys; from kg.cli import main; sys.exit(main())", "build",
                               str(src), "--out", str(tmp_path / f"out-{src.name}"), "--store", str(store),
                               "--quiet", "--no-view"], cwd=ROOT, env=dict(os.environ, PYTHONPATH=str(ROOT)),
                              stderr=subprocess.PIPE, text=True) for src in (a, b)]
    for p in procs:
        assert p.wait(120) == 0, p.stderr.read()
    import pyoxigraph as ox

    counts = {len(list(ox.parse(path=str(tmp_path / f"out-{src.name}" / "graph.ttl"), format=ox.RdfFormat.TURTLE)))
              for src in (a, b)}
    assert triple_count(store) in counts  # whole: the graph of the build that finished last
    assert _leftovers(tmp_path) == []


@pytest.mark.slow
def test_concurrent_appends_keep_every_article(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    sources = [_folder(tmp_path, "a", uk=EN), _folder(tmp_path, "b", fr=EN2), _folder(tmp_path, "c", us=AR)]
    release = threading.Event()

    def hold():  # both runs must meet at the lock
        with locked(lock_path(out / "graph.ttl"), "test"):
            release.wait(60)

    holder = threading.Thread(target=hold)
    holder.start()
    time.sleep(0.2)
    procs = [subprocess.Popen([sys.executable, "-c", "import sys; from kg.cli import main; sys.exit(main())", "build",
                               str(src), "--out", str(out), "--append", "--quiet", "--no-view"], cwd=ROOT,
                              env=dict(os.environ, PYTHONPATH=str(ROOT)), stderr=subprocess.PIPE, text=True)
             for src in sources]
    try:
        for p in procs:
            assert "waiting for another kg process" in p.stderr.readline()
    finally:
        release.set()
        holder.join()
    for p in procs:
        assert p.wait(120) == 0
    text = (out / "graph.ttl").read_text(encoding="utf-8")
    for ident in ("uk", "fr", "us"):
        assert f'dcterms:identifier "{ident}"' in text


@pytest.mark.parametrize("command", [
    ["stats", "{store}"], ["actor", "{store}", "Russia"], ["view", "{store}", "--out", "{tmp}/v.html"],
    ["query", "{store}", "meetings"], ["query", "{store}", "meetings", "--engine", "rdflib"],
])
def test_a_corrupt_store_is_one_line(first_build, tmp_path, capsys, command):
    _, store, _, _ = first_build
    for sst in store.glob("*.sst"):
        with open(sst, "r+b") as fh:
            fh.truncate(100)
    args = [c.format(store=store, tmp=tmp_path) for c in command]
    code = main(args)
    err = capsys.readouterr().err
    assert code == 2 and "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert str(store) in err and "corrupt" in err


def test_a_store_writer_holding_rocksdb_open_is_one_line(first_build, capsys):
    _, store, _, _ = first_build
    writer = open_store(store)  # RocksDB's own lock: a second read-write open is refused
    try:
        code = main(["build", str(ROOT / "seeds"), "--out", str(store.parent / "o2"), "--store", str(store),
                     "--quiet", "--no-view"])
        assert code == 0  # a build never opens the store it replaces: it swaps a new one in
    finally:
        del writer


def test_swap_without_renameat2_and_recovery(tmp_path, monkeypatch):
    import kg.fsutil

    target = tmp_path / "store"
    target.mkdir()
    (target / "old").write_text("old")
    monkeypatch.setattr(kg.fsutil, "_exchange", lambda a, b: False)
    with Staging() as stage:
        new = stage.directory(target)
        new.mkdir()
        (new / "new").write_text("new")
        stage.commit()
    assert [p.name for p in target.iterdir()] == ["new"] and _leftovers(tmp_path) == []
    # a run killed between the two renames: the target is missing, the old directory is put back
    old = tmp_path / f".store.{os.getpid()}-abcd.old"
    target.rename(old)
    recover_directory(target)
    assert (target / "new").exists() and not old.exists()


def test_swap_directory_is_one_step_on_linux(tmp_path):
    target, new = tmp_path / "t", tmp_path / "n"
    target.mkdir()
    new.mkdir()
    (new / "x").write_text("x")
    swap_directory(new, target)
    assert (target / "x").exists() and not new.exists()
