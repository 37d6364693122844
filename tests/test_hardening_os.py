"""Issue 17: OS errors are one line naming the path; graph.ttl and graph.html are replaced
together or not at all; temporary files of killed runs are cleaned."""

from __future__ import annotations

import errno
import os

import pytest

import kg.fsutil
from kg.cli import main

EN = "France supplied tanks to Ukraine. Russia criticized Paris.\n"
EN2 = "Egypt met Jordan. Iran sanctioned Iraq.\n"


@pytest.fixture
def src(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text(EN, encoding="utf-8")
    return d


def _one_line(err: str) -> str:
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and "Traceback" not in err, err
    return lines[0]


def test_out_is_a_file(src, tmp_path, capsys):
    out = tmp_path / "out.txt"
    out.write_text("not a folder")
    assert main(["build", str(src), "--out", str(out), "--quiet"]) == 2
    line = _one_line(capsys.readouterr().err)
    assert str(out) in line and "is a file, not a folder" in line
    assert out.read_text() == "not a folder"
    assert main(["build", str(src), "--out", str(out / "sub"), "--quiet"]) == 2
    line = _one_line(capsys.readouterr().err)
    assert str(out / "sub") in line


def test_read_only_out(src, tmp_path, monkeypatch, capsys):
    out = tmp_path / "out"
    out.mkdir()
    real_access = os.access
    monkeypatch.setattr(kg.fsutil.os, "access", lambda p, mode: False if str(p) == str(out) else real_access(p, mode))
    assert main(["build", str(src), "--out", str(out), "--quiet"]) == 2
    line = _one_line(capsys.readouterr().err)
    assert str(out) in line and "cannot write" in line


def test_read_only_file_system_while_writing(src, tmp_path, monkeypatch, capsys):
    out = tmp_path / "out"
    assert main(["build", str(src), "--out", str(out), "--quiet", "--no-view"]) == 0
    before = (out / "graph.ttl").read_bytes()

    def read_only(path, data):
        raise OSError(errno.EROFS, "Read-only file system", str(path))

    monkeypatch.setattr(kg.fsutil, "write_file", read_only)
    (src / "b.txt").write_text(EN2, encoding="utf-8")
    assert main(["build", str(src), "--out", str(out), "--quiet", "--no-view"]) == 2
    line = _one_line(capsys.readouterr().err)
    assert f"{out / 'graph.ttl'}: cannot write (read-only file system)" in line
    assert (out / "graph.ttl").read_bytes() == before


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_read_only_out_really(src, tmp_path, capsys):  # pragma: no cover - not as root
    out = tmp_path / "out"
    out.mkdir()
    out.chmod(0o555)
    try:
        assert main(["build", str(src), "--out", str(out), "--quiet"]) == 2
    finally:
        out.chmod(0o755)
    assert str(out) in _one_line(capsys.readouterr().err)


def test_disk_full_keeps_graph_and_view_together(src, tmp_path, monkeypatch, capsys):
    out = tmp_path / "out"
    assert main(["build", str(src), "--out", str(out), "--quiet"]) == 0
    ttl, html = (out / "graph.ttl").read_bytes(), (out / "graph.html").read_bytes()
    write_file = kg.fsutil.write_file

    def full_on_the_view(path, data):
        if ".graph.html." in path.name:
            write_file(path, data[:100])
            raise OSError(errno.ENOSPC, "No space left on device", str(path))
        return write_file(path, data)

    monkeypatch.setattr(kg.fsutil, "write_file", full_on_the_view)
    (src / "b.txt").write_text(EN2, encoding="utf-8")
    assert main(["build", str(src), "--out", str(out), "--quiet"]) == 2
    line = _one_line(capsys.readouterr().err)
    assert f"{out / 'graph.html'}: cannot write (no space left on the device)" in line
    assert (out / "graph.ttl").read_bytes() == ttl and (out / "graph.html").read_bytes() == html
    assert sorted(p.name for p in out.iterdir()) == [".graph.ttl.lock", "graph.html", "graph.ttl"]


def test_stale_temporary_files_are_cleaned(src, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    dead = out / ".graph.ttl.999999999-0badc0de.tmp"  # a pid no process has
    legacy = out / ".graph.html.abcd1234.tmp"  # mkstemp name of an older version
    other = out / "notes.tmp"  # not ours: kept
    for f in (dead, legacy, other):
        f.write_text("partial")
    assert main(["build", str(src), "--out", str(out), "--quiet"]) == 0
    assert not dead.exists() and not legacy.exists() and other.exists()
    # kg view and every atomic write: temporary files of dead processes beside the target go
    view = tmp_path / "v.html"
    stale, live = tmp_path / ".v.html.999999999-00aa.tmp", tmp_path / f".v.html.{os.getpid()}-00bb.tmp"
    stale.write_text("partial")
    live.write_text("being written")
    assert main(["view", str(out / "graph.ttl"), "--out", str(view)]) == 0
    assert view.exists() and not stale.exists() and live.exists()


def test_view_into_a_folder_or_under_a_file_is_one_line(src, tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["build", str(src), "--out", str(out), "--quiet", "--no-view"]) == 0
    assert main(["view", str(out / "graph.ttl"), "--out", str(out)]) == 2
    assert str(out) in _one_line(capsys.readouterr().err)
    assert main(["view", str(out / "graph.ttl"), "--out", str(out / "graph.ttl" / "v.html")]) == 2
    assert "graph.ttl" in _one_line(capsys.readouterr().err)


def test_store_path_is_a_file(src, tmp_path, capsys):
    store = tmp_path / "store"
    store.write_text("x")
    assert main(["build", str(src), "--out", str(tmp_path / "out"), "--store", str(store), "--quiet"]) == 2
    assert str(store) in _one_line(capsys.readouterr().err)


def test_unexpected_errors_are_one_line(src, tmp_path, monkeypatch, capsys):
    import kg.commands.build

    def boom(*args, **kwargs):
        raise OSError(errno.EIO, "Input/output error", "/dev/sdz")

    monkeypatch.setattr(kg.commands.build, "extract_paths", boom)
    assert main(["build", str(src), "--out", str(tmp_path / "out")]) == 2
    assert _one_line(capsys.readouterr().err) == "kg build: error: /dev/sdz: input/output error"

    def bug(*args, **kwargs):
        raise KeyError("oops")

    monkeypatch.setattr(kg.commands.build, "extract_paths", bug)
    assert main(["build", str(src), "--out", str(tmp_path / "out")]) == 3
    assert "internal error: KeyError" in _one_line(capsys.readouterr().err)
    monkeypatch.setenv("GEOKG_TRACEBACK", "1")
    with pytest.raises(KeyError):
        main(["build", str(src), "--out", str(tmp_path / "out")])


def test_an_article_that_breaks_extraction_is_one_line(src, tmp_path, monkeypatch, capsys):
    import kg.extract.article

    real = kg.extract.article.extract_page

    def fragile(page):
        if "Egypt" in page.doc.text:
            raise IndexError("a bug this article finds")
        return real(page)

    monkeypatch.setattr(kg.extract.article, "extract_page", fragile)
    (src / "b.txt").write_text(EN2, encoding="utf-8")
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}"
        assert main(["build", str(src), "--out", str(out), "--quiet", "--no-view", "--jobs", jobs]) == 1
        line = _one_line(capsys.readouterr().err)
        assert "in/b.txt: extraction failed on this article (IndexError" in line
        assert 'dcterms:identifier "a"' in (out / "graph.ttl").read_text(encoding="utf-8")
