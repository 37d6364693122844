"""kg.views: the view model, the offline HTML page, the PNG and ``kg view``."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from kg.analysis.graph import to_networkx  # noqa: E402
from kg.cli import main  # noqa: E402
from kg.errors import GeoKGError  # noqa: E402
from kg.rdf.writer import serialize_turtle  # noqa: E402
from kg.views import png as png_module  # noqa: E402
from kg.views.html import iframe_html, render_view, write_view  # noqa: E402
from kg.views.model import RELATION_COLORS, build_view  # noqa: E402
from kg.views.png import write_png  # noqa: E402
from tests.fixtures.view_graph import (  # noqa: E402
    EXPECTED_EDGES, EXPECTED_EDGES_WITH_NEGATED, EXPECTED_NODES, XSS_EVIDENCE, XSS_LABEL, XSS_TITLE,
    random_graph, view_graph,
)


@pytest.fixture(scope="module")
def g():
    return view_graph()


@pytest.fixture(scope="module")
def big():
    return random_graph(2000)


@pytest.fixture(scope="module")
def ttl(g, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("graph") / "graph.ttl"
    path.write_text(serialize_turtle(g), encoding="utf-8")
    return path


def page_data(page: str) -> dict:
    """The JSON the page hands to vis.js."""
    m = re.search(r"var D = (\{.*?\});\n", page, re.S)
    assert m, "no data in the page"
    return json.loads(m.group(1))


# --------------------------------------------------------------------------- the view model

def test_default_view_hides_negated_and_isolated(g):
    view = build_view(g)
    assert len(view.nodes) == EXPECTED_NODES and len(view.edges) == EXPECTED_EDGES
    assert "person-sergei-bersanov" not in {n["id"] for n in view.nodes}
    assert all(e["polarity"] == "positive" for e in view.edges)
    assert any("negated claim" in n for n in view.notes)
    shown = build_view(g, show_negated=True)
    assert len(shown.edges) == EXPECTED_EDGES_WITH_NEGATED
    negated = [e for e in shown.edges if e["polarity"] == "negative"]
    assert len(negated) == 1 and negated[0]["style"] == "negated" and negated[0]["dashes"]


def test_styles_follow_the_claims(g):
    view = build_view(g)
    by = {(e["source"], e["target"], e["relation"]): e for e in view.edges}
    sanctions = by[("USA", "RUS", "sanctioned")]
    assert sanctions["article_count"] == 2 and sanctions["style"] == "asserted" and sanctions["dashes"] is False
    assert sanctions["width"] > by[("USA", "RUS", "criticized")]["width"]  # more articles, thicker
    assert sanctions["color"] == RELATION_COLORS["sanctioned"]
    assert by[("RUS", "PRK", "supplied")]["dashes"] and by[("PRK", "RUS", "supplied")]["dashes"]  # possible, alleged
    assert by[("person-kim-jong-un", "person-vladimir-putin", "metWith")]["symmetric"]
    # parallel edges between Russia and North Korea are curved apart, never on top of each other
    curves = [e["curve"] for e in view.edges if {e["source"], e["target"]} == {"RUS", "PRK"}]
    assert len(set(curves)) == len(curves) == 3
    sizes = {n["id"]: n["value"] for n in view.nodes}
    assert sizes["RUS"] > sizes["USA"]
    colors = {n["id"]: n["color"] for n in view.nodes}
    assert colors["RUS"] == colors["USA"] != colors["person-vladimir-putin"]  # by class


def test_tooltips_carry_evidence_and_titles(g):
    view = build_view(g)
    tips = {e["id"]: "\n".join(t for _, t in e["tip"]) for e in view.edges}
    sanctions = next(t for k, t in tips.items() if k.startswith("USA|RUS|sanctioned"))
    assert "The United States sanctioned Russia over the deal." in sanctions
    assert "فرضت الولايات المتحدة عقوبات جديدة على روسيا." in sanctions
    assert "Moscow and Pyongyang deepen ties" in sanctions and "2 articles" in sanctions
    alleged = next(t for k, t in tips.items() if k.startswith("PRK|RUS|supplied"))
    assert "alleged" in alleged and "according to United States" in alleged
    assert any(XSS_EVIDENCE in t for t in tips.values())


def test_filters(g):
    only = build_view(g, relations=["sanctioned", "supplied"])
    assert {e["relation"] for e in only.edges} == {"sanctioned", "supplied"}
    assert {n["id"] for n in only.nodes} == {"USA", "RUS", "PRK"}
    strong = build_view(g, min_articles=2)
    assert [(e["source"], e["target"], e["relation"]) for e in strong.edges] == [("USA", "RUS", "sanctioned")]
    ego = build_view(g, actor="الولايات المتحدة")
    assert ego.focus == "USA" and {n["id"] for n in ego.nodes} == {"USA", "RUS"}
    assert ego.nodes[0]["id"] == "USA" and ego.nodes[0]["focus"]
    with pytest.raises(GeoKGError):
        build_view(g, relations=["bombed"])
    with pytest.raises(GeoKGError):
        build_view(g, actor="Atlantis")
    with pytest.raises(GeoKGError):
        build_view(g, color_by="rainbow")
    empty = build_view(g, relations=["attacked"])
    assert empty.nodes == [] and any("Nothing to show" in n for n in empty.notes)


def test_communities_and_arabic(g):
    view = build_view(g, color_by="community", lang="ar")
    colors = {n["id"]: n["color"] for n in view.nodes}
    assert colors["RUS"] == colors["PRK"] != colors["USA"]
    labels = {n["id"]: n["label"] for n in view.nodes}
    assert labels["RUS"] == "روسيا"
    assert view.legend_nodes[0]["label"].startswith("المجموعة 1")
    assert view.title == "الفاعلون الجيوسياسيون"


def test_big_graph_is_pruned_with_a_note_and_a_python_layout(big):
    start = time.monotonic()
    view = build_view(big)
    assert time.monotonic() - start < 15
    assert len(view.nodes) == 400 and view.pruned and view.total_actors == 2000
    assert view.notes[0].startswith("Showing the 400 most central of 2,000 actors")
    assert not view.physics
    assert len({(n["x"], n["y"]) for n in view.nodes}) == 400  # every node has its own place
    ids = {n["id"] for n in view.nodes}
    assert all(e["source"] in ids and e["target"] in ids for e in view.edges)
    again = build_view(big)
    assert [(n["id"], n["x"], n["y"]) for n in again.nodes] == [(n["id"], n["x"], n["y"]) for n in view.nodes]
    everything = build_view(big, max_nodes=2000)
    assert len(everything.nodes) == 2000 and not everything.pruned
    assert len({(n["x"], n["y"]) for n in everything.nodes}) > 1990


def test_a_pruned_view_is_the_same_in_every_process():
    """Pruning took a subgraph of a set of actor keys, whose order follows the process's
    string hash seed: the communities (and the page) changed from run to run."""
    script = ("import hashlib, sys\n"
              "sys.path.insert(0, '.')\n"
              "from kg.views.model import build_view\n"
              "from tests.fixtures.view_graph import random_graph\n"
              "v = build_view(random_graph(1200, edges_per_actor=5, n_articles=2000), max_nodes=300)\n"
              "print(hashlib.md5(repr([(n['id'], n['tip']) for n in v.nodes]).encode()).hexdigest())\n")
    root = Path(__file__).resolve().parent.parent
    runs = {subprocess.run([sys.executable, "-c", script], cwd=root, capture_output=True, text=True, check=True,
                           env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2")}
    assert len(runs) == 1, runs


# --------------------------------------------------------------------------- the HTML page

def test_page_is_offline_and_self_contained(g, tmp_path):
    out = write_view(g, tmp_path / "graph.html", lang="ar")
    page = out.read_bytes().decode("utf-8")  # UTF-8, whatever the locale
    assert page.startswith("<!DOCTYPE html>")
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", page, re.I)
    assert not re.search(r"@import|url\(\s*['\"]?(?:https?:)?//", page)
    assert "cdnjs" not in page and "jsdelivr" not in page and "bootstrap" not in page.lower()
    assert "vis-network" in page and "vis.Network" in page
    assert '<html lang="ar" dir="rtl">' in page
    assert "روسيا" in page  # raw UTF-8, not \\u escapes
    data = page_data(page)
    assert len(data["nodes"]) == EXPECTED_NODES and len(data["edges"]) == EXPECTED_EDGES
    assert data["options"]["physics"]["enabled"] is True  # small: physics settles, then freezes


def test_csp_admits_exactly_the_pages_scripts(g):
    page = render_view(g)
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1).replace("&#39;", "'")
    assert "default-src 'none'" in csp and "connect-src 'none'" in csp and "unsafe-inline" not in csp.split("style-src")[0]
    scripts = re.findall(r"<script>(.*?)</script>", page, re.S)
    assert len(scripts) == 2
    for body in scripts:
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
        assert f"'sha256-{digest}'" in csp


def test_article_text_never_reaches_the_page_as_markup(g):
    page = render_view(g, show_negated=True)
    for payload in ("<img src=x onerror", "<script>window.__pwned", "<script>alert", "<b>bold</b>",
                    "onerror=window.__pwned=4>"):
        assert payload not in page, payload
    assert page.count("</script>") == 2  # our two scripts (vis itself spells "</"+"script>")
    data = page_data(page)
    texts = json.dumps(data, ensure_ascii=False)
    assert XSS_EVIDENCE.replace('"', '\\"') in texts  # intact as data, shown with textContent
    assert XSS_TITLE.replace('"', '\\"') in texts
    assert "Acme &lt;img src=x onerror=window.__pwned=4&gt;" in page  # the datalist, escaped
    assert XSS_LABEL in texts
    titled = render_view(g, title='<script>alert("t")</script>')
    assert '<script>alert("t")' not in titled and "&lt;script&gt;alert" in titled


def test_big_page_turns_physics_off_and_says_it_was_pruned(big, tmp_path):
    out = write_view(big, tmp_path / "big.html")
    page = out.read_text(encoding="utf-8")
    data = page_data(page)
    assert len(data["nodes"]) == 400 and data["pruned"]
    assert data["options"]["physics"] == {"enabled": False}
    assert all("x" in n and "y" in n for n in data["nodes"])
    assert 'class="note pruned"' in page and "400 most central of 2,000 actors" in page


def test_write_is_utf8_under_a_c_locale(ttl, tmp_path):
    out = tmp_path / "c-locale.html"
    env = {**os.environ, "LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0", "PYTHONIOENCODING": "ascii"}
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    proc = subprocess.run([sys.executable, "-m", "kg.cli", "view", str(ttl), "--out", str(out), "--lang", "ar"],
                          env=env, capture_output=True, timeout=60)
    assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")
    assert "كوريا الشمالية" in out.read_bytes().decode("utf-8")
    assert not list(tmp_path.glob(".c-locale.html.*"))  # no temporary file left behind


def test_iframe_for_notebooks(g):
    frame = iframe_html(render_view(g), height=500)
    assert frame.startswith('<div class="geokg-view"><iframe srcdoc=') and "height:500px" in frame
    assert "<script" not in frame and "&lt;script&gt;" in frame
    assert 'sandbox="allow-scripts"' in frame


def test_networkx_input_gives_the_same_page(g):
    assert render_view(to_networkx(g, lang="en"), lang="en") == render_view(g, lang="en")


# --------------------------------------------------------------------------- the PNG

def test_png(g, tmp_path):
    out = write_png(g, tmp_path / "view.png", lang="ar", show_negated=True)
    data = out.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000
    write_png(g, tmp_path / "community.png", color_by="community", actor="Russia")
    assert (tmp_path / "community.png").stat().st_size > 10_000


def test_png_without_arabic_shaping_uses_english_labels(g, monkeypatch, tmp_path):
    seen = {}
    real = png_module.build_view

    def spy(*args, **kwargs):
        seen.update(kwargs)
        return real(*args, **kwargs)

    monkeypatch.setattr(png_module, "arabic_shaper", lambda: None)
    monkeypatch.setattr(png_module, "build_view", spy)
    write_png(g, tmp_path / "noshape.png", lang="ar")
    assert seen["lang"] == "en"
    monkeypatch.setattr(png_module, "arabic_shaper", lambda: (lambda s: s[::-1]))
    write_png(g, tmp_path / "shape.png", lang="ar")
    assert seen["lang"] == "ar"


def test_png_of_a_big_graph(big, tmp_path):
    start = time.monotonic()
    write_png(big, tmp_path / "big.png")
    assert time.monotonic() - start < 20
    assert (tmp_path / "big.png").stat().st_size > 50_000


# --------------------------------------------------------------------------- kg view

def test_cli_view(ttl, tmp_path, capsys):
    html, png = tmp_path / "v.html", tmp_path / "v.png"
    assert main(["view", str(ttl), "--out", str(html), "--png", str(png), "--relation", "supplied", "sanctioned",
                 "--lang", "ar", "--color-by", "community"]) == 0
    data = page_data(html.read_text(encoding="utf-8"))
    assert {e["relation"] for e in data["edges"]} == {"supplied", "sanctioned"}
    assert png.read_bytes()[:4] == b"\x89PNG"
    assert main(["view", str(ttl), "--out", str(tmp_path / "e.html"), "--actor", "بوتين"]) == 0
    data = page_data((tmp_path / "e.html").read_text(encoding="utf-8"))
    assert {n["id"] for n in data["nodes"]} == {"person-vladimir-putin", "person-kim-jong-un", "RUS"}


@pytest.mark.parametrize("argv,message", [
    (["--relation", "bombed"], "unknown relation"),
    (["--actor", "Atlantis"], "no actor named"),
    (["--min-articles", "0"], "--min-articles"),
    ([], "nothing to write"),
])
def test_cli_view_errors(ttl, tmp_path, capsys, argv, message):
    out = ["--out", str(tmp_path / "x.html")] if argv else []
    assert main(["view", str(ttl), *out, *argv]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1
    assert not (tmp_path / "x.html").exists()


def test_cli_view_missing_graph(tmp_path, capsys):
    assert main(["view", str(tmp_path / "none.ttl"), "--out", str(tmp_path / "x.html")]) == 2
    assert "no such file" in capsys.readouterr().err
