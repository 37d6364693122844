"""The README cannot go stale: its generated regions hold what ``make docs`` writes today, and
every command it prints runs on a fresh clone (no ``../shared``) or says that it needs it."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _make_docs():
    spec = importlib.util.spec_from_file_location("make_docs", ROOT / "scripts" / "make_docs.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_docs"] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


make_docs = _make_docs()


@pytest.fixture(scope="module")
def workdir(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("docs")
    make_docs.build_seed(work)
    return work


def test_readme_regions_are_what_make_docs_writes(workdir):
    expected = make_docs.all_regions(workdir)
    found = make_docs.readme_regions(README)
    assert set(found) == set(expected) == {"cookbook", "stats", "view"}
    for name in expected:
        assert found[name] == expected[name], f"README region docs:{name} is stale: run `make docs`"
    assert make_docs.rewrite(README, expected) == README


def test_rewrite_refuses_unknown_or_missing_regions():
    text = "a\n<!-- docs:stats -->\nold\n<!-- /docs:stats -->\nb\n"
    assert make_docs.rewrite(text, {"stats": "new"}) == "a\n<!-- docs:stats -->\nnew\n<!-- /docs:stats -->\nb\n"
    with pytest.raises(SystemExit):
        make_docs.rewrite(text, {"stats": "new", "view": "x"})


def test_generated_commands_are_the_ones_a_user_types():
    """Each command shown in a region is `.venv/bin/kg …` on `output/` of `make run`, nothing else."""
    for name, commands in make_docs.REGIONS.items():
        for command in commands:
            assert "output/graph.ttl" in command.argv and "shared" not in command.argv, command
    shown = re.findall(r"^\$ (.*?)(?:\s+#.*)?$", README, re.M)
    assert shown and all(c.startswith(".venv/bin/kg ") for c in shown), shown


def _paragraphs(text: str) -> list[str]:
    return [p for p in re.split(r"\n\s*\n", text) if p.strip()]


def test_commands_that_need_shared_say_so():
    """A fresh clone has no ../shared: a command using it must carry the warning with it."""
    for name in ("README.md", "benchmarks/README.md"):
        text = (ROOT / name).read_text(encoding="utf-8")
        for para in _paragraphs(text):
            uses = re.search(r"(kg (build|eval)|make_corpus\.py)[^\n`]*\.\./shared", para)
            if uses:
                assert "need" in para and "`../shared`" in para, f"{name}: {para[:200]}"
        if name == "benchmarks/README.md":
            block = text[text.index("## How to reproduce"):]
            assert "need `../shared`" in block.split("```")[0]


def test_two_setup_commands_and_the_dev_lock():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "make run" in README and "make test" in README
    test_rule = re.search(r"^test: (.*)$", makefile, re.M).group(1)
    assert "DEV_STAMP" in test_rule  # make test installs the dev lock before running pytest
    assert re.search(r"^\$\(DEV_STAMP\):.*\n(\t.*\n)*\t.*requirements-dev\.lock", makefile, re.M)
    run_lock = (ROOT / "requirements.lock").read_text(encoding="utf-8")
    dev_lock = (ROOT / "requirements-dev.lock").read_text(encoding="utf-8")

    def names(lock: str) -> set[str]:
        return {re.split(r"[=<>\[]", line)[0].lower().replace("_", "-") for line in lock.splitlines()
                if line and not line.startswith(("#", "-"))}

    runtime, dev = names(run_lock), names(dev_lock)
    assert {"spacy", "rdflib", "networkx", "pyvis", "pyoxigraph"} <= runtime
    assert not ({"pytest", "ipykernel", "matplotlib", "nbclient", "nbformat"} & runtime)
    assert {"pytest", "ipykernel", "matplotlib", "nbclient", "nbformat", "arabic-reshaper", "python-bidi"} <= dev
    assert not (runtime & dev)
    assert "-r requirements.lock" in dev_lock


def test_pyproject_extras():
    tomllib = pytest.importorskip("tomllib")  # Python 3.11+

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    extras = project["optional-dependencies"]
    assert {"png", "notebook", "dev"} <= set(extras)
    assert any(d.startswith("matplotlib") for d in extras["png"])
    assert any(d.startswith("arabic-reshaper") for d in extras["png"])
    assert any(d.startswith("python-bidi") for d in extras["png"])
    assert not any(d.startswith(("matplotlib", "pytest", "ipykernel")) for d in project["dependencies"])


def test_readme_commands_run_on_a_fresh_clone(workdir, monkeypatch, tmp_path):
    """Every `.venv/bin/kg …` command the README prints, but those that say they need
    ../shared, runs as printed on the output of `make run` (no ../shared anywhere)."""
    import shlex

    monkeypatch.setenv("GEOKG_SHARED", str(tmp_path / "no-shared"))
    commands = re.findall(r"`\.venv/bin/kg ([^`]*)`", README)
    commands += [c.split("  #")[0].strip() for c in re.findall(r"^\$ \.venv/bin/kg (.*)$", README, re.M)]
    runnable = [c for c in commands if "../shared" not in c]
    assert len(runnable) >= 7, runnable
    with make_docs._cwd(workdir):
        for command in runnable:
            make_docs.run_kg(shlex.split(command))  # raises on a non-zero exit
    assert (workdir / "output" / "graph.png").stat().st_size > 10_000
