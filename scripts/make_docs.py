"""Regenerate what the README shows from the current build of ``seeds/`` (``make docs``).

Figures typed into a README go stale the day the extraction changes (the README said
"622 triples" of a graph of 612). So the README's outputs live in marked regions,
``<!-- docs:NAME -->`` … ``<!-- /docs:NAME -->``, which this script rewrites with the real
output of the commands they show, run on a fresh build of the seed; the test suite checks
that the committed README holds exactly what this script would write
(``tests/test_docs.py``). It also takes ``docs/view-seed.png`` (headless Chromium, 1280×800)
and executes ``notebooks/explore.ipynb`` in place, so the notebook is stored with the
outputs of the current code.

    .venv/bin/python scripts/make_docs.py                # all three
    .venv/bin/python scripts/make_docs.py --readme-only  # the README's regions only
    .venv/bin/python scripts/make_docs.py --check        # exit 1 if the README is stale
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

README = ROOT / "README.md"
SCREENSHOT = ROOT / "docs" / "view-seed.png"
NOTEBOOK = ROOT / "notebooks" / "explore.ipynb"
PROMPT = "$ .venv/bin/"  # commands are shown as a user types them after `make run`


@dataclass(frozen=True)
class Command:
    """One command of a region, as printed, and how much of its output to show."""

    argv: str  # after "kg ", relative to the repository root, as the README prints it
    comment: str = ""
    head: int | None = None  # keep this many lines, then "…" and the last line (the row count)


REGIONS: dict[str, list[Command]] = {
    "cookbook": [
        Command("query output/graph.ttl who-sanctioned"),
        Command("query output/graph.ttl negated-claims", "what the press says did not happen"),
        Command("query output/graph.ttl hypothetical-claims", "possible or alleged, with who said so", head=5),
        Command("validate output/graph.ttl"),
    ],
    "stats": [
        Command("stats output/graph.ttl --top 5"),
    ],
}


@contextlib.contextmanager
def _cwd(path: Path) -> Iterator[None]:
    old = Path.cwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(old)


def run_kg(argv: list[str]) -> str:
    """stdout of ``kg ARGV`` run in this process (the CLI a user runs, without a subprocess)."""
    from kg.cli import main

    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        code = main(argv)
    if code:
        raise SystemExit(f"kg {' '.join(argv)} exited with {code}")
    return out.getvalue()


def build_seed(workdir: Path) -> Path:
    """``kg build seeds --out output`` as ``make run`` does, with ``output/`` in ``workdir``."""
    out = workdir / "output"
    from kg.cli import main

    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        if main(["build", str(ROOT / "seeds"), "--out", str(out)]):
            raise SystemExit("kg build seeds failed")
    return out


def _shown(command: Command, output: str) -> list[str]:
    lines = output.rstrip("\n").splitlines()
    if command.head is not None and len(lines) > command.head + 1:
        lines = lines[: command.head] + ["…"] + lines[-1:]
    head = f"{PROMPT}kg {command.argv}" + (f"      # {command.comment}" if command.comment else "")
    return [head] + lines


def region_text(name: str, workdir: Path) -> str:
    """The body of region ``name``: a fenced block of each command and its output, run in
    ``workdir`` (which holds ``output/`` from :func:`build_seed`)."""
    blocks = []
    with _cwd(workdir):
        for command in REGIONS[name]:
            blocks.append("\n".join(_shown(command, run_kg(shlex.split(command.argv)))))
    return "```\n" + "\n\n".join(blocks) + "\n```"


def view_caption(workdir: Path) -> str:
    """The line under the screenshot: what the picture shows, counted by the view itself."""
    from rdflib import Graph

    from kg.analysis.graph import to_networkx
    from kg.views.model import build_view

    graph = Graph().parse(workdir / "output" / "graph.ttl", format="turtle")
    view = build_view(to_networkx(graph, include_negated=True))
    return (f"![The seed graph in the interactive view](docs/view-seed.png)\n\n"
            f"*`output/graph.html` of the seed at 1280×800: {view.title}, {len(view.nodes)} actors, "
            f"{len(view.edges)} relations "
            f"({sum(item['count'] for item in view.legend_relations)} claims; the legend counts claims).*")


def all_regions(workdir: Path) -> dict[str, str]:
    regions = {name: region_text(name, workdir) for name in REGIONS}
    regions["view"] = view_caption(workdir)
    return regions


_REGION = re.compile(r"(<!-- docs:(?P<name>[a-z-]+) -->\n)(?P<body>.*?)(\n<!-- /docs:(?P=name) -->)", re.S)


def readme_regions(text: str) -> dict[str, str]:
    return {m["name"]: m["body"] for m in _REGION.finditer(text)}


def rewrite(text: str, regions: dict[str, str]) -> str:
    """``text`` with the body of every marked region replaced; a region the script does not
    know, or one it knows that the text lacks, is an error (a typo would go stale silently)."""
    found = set(readme_regions(text))
    if found != set(regions):
        raise SystemExit(f"README regions {sorted(found)} differ from the script's {sorted(regions)}")
    return _REGION.sub(lambda m: m.group(1) + regions[m["name"]] + m.group(4), text)


def screenshot(html: Path, target: Path) -> None:
    """A 1280×800 screenshot of the page by headless Chromium (the view needs a browser to draw)."""
    binary = os.environ.get("GEOKG_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not binary:
        raise SystemExit("docs/view-seed.png needs chromium (Debian: apt-get install chromium); "
                         "--readme-only skips it")
    with tempfile.TemporaryDirectory(prefix="geokg-docs-") as profile:
        subprocess.run([binary, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                        f"--user-data-dir={profile}", "--window-size=1280,800", "--virtual-time-budget=10000",
                        f"--screenshot={target}", html.as_uri()],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)


def execute_notebook(path: Path) -> None:
    """Run the notebook top to bottom in its folder and store it with its outputs."""
    import nbclient
    import nbformat

    nb = nbformat.read(path, as_version=4)
    nbclient.NotebookClient(nb, timeout=600, kernel_name="python3", record_timing=False,
                            resources={"metadata": {"path": str(path.parent)}}).execute()
    nbformat.write(nb, path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--readme-only", action="store_true", help="only the README's regions")
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if the README is stale")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="geokg-docs-") as tmp:
        workdir = Path(tmp)
        build_seed(workdir)
        text = README.read_text(encoding="utf-8")
        new = rewrite(text, all_regions(workdir))
        if args.check:
            print("README is up to date" if new == text else "README is stale: run make docs")
            return 0 if new == text else 1
        if new != text:
            README.write_text(new, encoding="utf-8")
        print(f"wrote {README.relative_to(ROOT)}")
        if not args.readme_only:
            screenshot(workdir / "output" / "graph.html", SCREENSHOT)
            print(f"wrote {SCREENSHOT.relative_to(ROOT)}")
            execute_notebook(NOTEBOOK)
            print(f"wrote {NOTEBOOK.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
