"""What a reader of the view, the PNG and ``kg stats --lang ar`` meets (issue 18): titles that
name every input and no machine path, relation names in plain words, legend counts of claims,
labels readable over lines, a PNG legend inside the picture, Arabic text without English words
or misplaced punctuation."""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

import pytest
from rdflib import Graph, Literal
from rdflib.namespace import DCTERMS

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from kg.analysis import i18n  # noqa: E402
from kg.analysis.graph import to_networkx  # noqa: E402
from kg.analysis.report import actor_report, stats_data, stats_report  # noqa: E402
from kg.build import write_graph  # noqa: E402
from kg.model import ArticleResult, Claim  # noqa: E402
from kg.rdf.writer import build_graph, relative_source, relativize_sources  # noqa: E402
from kg.views.html import render_view  # noqa: E402
from kg.views.model import build_view  # noqa: E402
from kg.views.title import input_name, input_names, whole_graph_title  # noqa: E402
from tests.fixtures.view_graph import view_articles, view_graph  # noqa: E402

CAMEL = re.compile(r"\b[a-z]+[A-Z][A-Za-z]*\b")


@pytest.fixture(scope="module")
def g() -> Graph:
    return view_graph()


def page_data(page: str) -> dict:
    m = re.search(r"var D = (\{.*?\});\n", page, re.S)
    assert m, "no data in the page"
    return json.loads(m.group(1))


# --------------------------------------------------------------------------- titles and sources

@pytest.mark.parametrize("source, name", [
    ("dev/ar-001.txt", "dev"), ("seeds/sub/a.txt", "seeds"), ("feed.jsonl:12", "feed.jsonl"),
    ("a.txt", "a.txt"), ("https://www.example.org/news/1", "example.org"),
    ("/home/someone/data/dev/ar-001.txt", "dev"), ("C:\\Users\\me\\dev\\a.txt", "dev"), ("", None), (None, None),
])
def test_input_name_is_a_name_never_a_path(source, name):
    assert input_name(source) == name


def test_whole_graph_title_lists_every_input_by_name():
    articles = {str(i): {"source": s} for i, s in enumerate(
        ["seeds/a.txt", "dev/b.txt", "dev/c.txt", "/tmp/x/more/d.txt", "feed.jsonl:3"])}
    assert input_names(a["source"] for a in articles.values()) == ["dev", "feed.jsonl", "more", "seeds"]
    title = whole_graph_title(articles, "en")
    assert title == "Geopolitical actors — dev, feed.jsonl, more, seeds"
    assert "/" not in title
    assert whole_graph_title(articles, "ar").startswith("الفاعلون الجيوسياسيون — ")
    many = {str(i): {"source": f"in{i}/a.txt"} for i in range(7)}
    assert whole_graph_title(many, "en").endswith("in0, in1, in2, in3 + 3 more")
    assert whole_graph_title({}, "en") == "Geopolitical actors"


def _sourced_articles() -> list[ArticleResult]:
    articles = view_articles()
    for a, source in zip(articles, ["seeds/en.txt", "dev/ar.txt", "more/evil.txt"]):
        a.source_path = source
    return articles


def test_view_title_names_the_inputs():
    view = build_view(build_graph(_sourced_articles()))
    assert view.title == "Geopolitical actors — dev, more, seeds"
    focused = build_view(build_graph(_sourced_articles()), actor="Russia")
    assert focused.title == "Geopolitical actors: Russia"


def test_absolute_sources_are_made_relative():
    assert relative_source("/home/me/data/dev/ar-001.txt") == "dev/ar-001.txt"
    assert relative_source("dev/ar-001.txt") == "dev/ar-001.txt"
    assert relative_source("feed.jsonl:3") == "feed.jsonl:3"
    articles = _sourced_articles()
    articles[0].source_path = "/home/me/corpus/seeds/en.txt"  # a caller that passes a machine path
    g = build_graph(articles)
    sources = {str(o) for o in g.objects(None, DCTERMS.source)}
    assert sources == {"seeds/en.txt", "dev/ar.txt", "more/evil.txt"}


def test_append_cleans_machine_paths_of_an_older_graph():
    old = build_graph(_sourced_articles()[:1])
    article = next(old.subjects(DCTERMS.source, None))
    old.set((article, DCTERMS.source, Literal("/home/someone/corpus/seeds/en.txt")))  # as older builds wrote
    assert relativize_sources(Graph()) == 0
    turtle, _, kept = write_graph(_sourced_articles()[1:], old)
    assert "/home/someone" not in turtle
    assert {str(o) for o in kept.objects(None, DCTERMS.source)} == {"seeds/en.txt", "dev/ar.txt", "more/evil.txt"}


def test_build_append_titles_the_view_with_every_input(tmp_path, monkeypatch, capsys):
    from kg.cli import main

    first, second = tmp_path / "abs" / "first", tmp_path / "abs" / "second"
    for folder, text in ((first, "Russia sanctioned Japan on Monday."),
                         (second, "Japan sanctioned Russia on Tuesday.")):
        folder.mkdir(parents=True)
        (folder / "a.txt").write_text(f"Title\n\n{text}\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["build", str(first), "--out", str(out), "--quiet"]) == 0
    assert main(["build", str(second.resolve()), "--out", str(out), "--append", "--quiet"]) == 0
    page = (out / "graph.html").read_text(encoding="utf-8")
    title = re.search(r"<title>(.*?)</title>", page).group(1)
    assert title == "Geopolitical actors — first, second"
    assert str(tmp_path) not in page.split("<script>")[0]  # nowhere in the page's head, bar or notes
    assert str(tmp_path) not in (out / "graph.ttl").read_text(encoding="utf-8")


# --------------------------------------------------------------------------- relation names and counts

def test_legend_names_relations_in_plain_words_and_counts_claims(g):
    G = to_networkx(g)
    claims = Counter(d["relation"] for _, _, d in G.edges(data=True)
                     if d.get("claim") and d["polarity"] == "positive")
    for lang in ("en", "ar", None):
        view = build_view(g, lang=lang)
        assert view.legend_relations
        for item in view.legend_relations:
            assert item["label"] == i18n.relation_label(lang, item["relation"])
            assert not CAMEL.search(item["label"]), item
            assert item["count"] == claims[item["relation"]], item
    labels = {i["relation"]: i["label"] for i in build_view(g, lang="en").legend_relations}
    assert labels["metWith"] == "met with"
    assert {i["relation"]: i["label"] for i in build_view(g, lang="ar").legend_relations}["metWith"] == "التقى"


def test_two_claims_on_one_line_count_two(g):
    view = build_view(g, lang="en")
    sanctions = [e for e in view.edges if e["relation"] == "sanctioned"]
    assert len(sanctions) == 1  # one line …
    assert {i["relation"]: i["count"] for i in view.legend_relations}["sanctioned"] == 2  # … two claims


def test_page_legend_and_tooltips_use_plain_words(g):
    page = render_view(g, lang="en")
    legend = page[page.index('<aside id="legend">'):page.index("</aside>")]
    assert "met with" in legend and ">metWith<" not in legend
    assert 'title="--relation metWith"' in legend  # the name --relation takes, on hover
    tips = [row[1] for e in page_data(page)["edges"] for row in e["tip"] if row[0] == "h"]
    assert any(" met with " in t for t in tips)
    assert not any(CAMEL.search(t) for t in tips)


def test_labels_are_drawn_on_their_own_background(g):
    options = page_data(render_view(g))["options"]
    assert options["nodes"]["font"]["background"].startswith("rgba(255,255,255")
    assert options["edges"]["font"]["align"] == "top"  # an edge label above its line, not across it
    assert options["edges"]["font"]["background"].startswith("rgba(255,255,255")


def test_legend_is_a_column_beside_the_network():
    css = (ROOT / "kg" / "views" / "templates" / "view.css").read_text(encoding="utf-8")
    legend = re.search(r"#legend \{([^}]*)\}", css).group(1)
    assert "position: absolute" not in legend  # an overlay would hide the nodes below it


# --------------------------------------------------------------------------- Arabic text

def test_arabic_strings_isolate_command_line_options():
    text = i18n.t("ar", "negated_hidden_1")
    assert f"{i18n.LRI}--show-negated{i18n.PDI}" in text
    assert "--show-negated" in i18n.t("en", "negated_hidden_1") and i18n.LRI not in i18n.t("en", "negated_hidden_1")


def _latin_words(text: str, g: Graph) -> list[str]:
    """Latin words of ``text`` that are neither names from the graph nor allowed proper names."""
    names = {v for _, d in to_networkx(g).nodes(data=True) for v in d["labels"].values()}
    for name in sorted(names, key=len, reverse=True):
        text = text.replace(name, "")
    text = re.sub(r"\[[^\]]*\]", "", text)  # actor keys, as the query language names them
    text = re.sub(r"wd:Q\d+", "", text)
    for name in i18n.LATIN_NAMES:
        text = text.replace(name, "")
    return re.findall(r"[A-Za-z]{2,}", text)


def test_stats_in_arabic_has_no_english_words(g):
    text = stats_report(g, lang="ar")
    assert _latin_words(text, g) == [], text
    english = stats_report(g, lang="en")
    assert "met with" in english and "metWith" not in english
    assert stats_data(g)["claims"] == 11


def test_actor_report_in_arabic_has_no_english_words(g):
    text = actor_report(g, "روسيا", lang="ar")
    head = text.split("\n\n")[0]  # evidence below quotes the articles, in their language
    assert _latin_words(head, g) == [], head
    assert "العربية:" in head


# --------------------------------------------------------------------------- the PNG

def test_png_legend_stays_inside_the_picture(g):
    pytest.importorskip("matplotlib")
    from kg.views.png import draw_figure

    for kwargs in ({"color_by": "community"}, {"lang": "ar", "show_negated": True}, {"size": (7.0, 5.0)}):
        fig = draw_figure(g, **kwargs)
        renderer = fig.canvas.get_renderer()
        frame = fig.bbox
        (legend,) = fig.legends
        box = legend.get_window_extent(renderer)
        assert frame.x0 <= box.x0 and box.x1 <= frame.x1 and frame.y0 <= box.y0 and box.y1 <= frame.y1, kwargs
        (ax,) = fig.axes
        assert ax.get_position().x1 <= box.x0 / frame.width + 1e-6  # the network ends where the legend starts
        lowest = min(t.get_window_extent(renderer).y0 for t in fig.texts if t.get_gid() in ("title", "header"))
        assert box.y1 <= lowest, kwargs  # the legend starts below the header, whichever side it is on


def test_png_header_in_arabic_is_right_aligned_with_isolated_options(g):
    pytest.importorskip("matplotlib")
    from kg.views.png import draw_figure

    fig = draw_figure(g, lang="ar")
    header = [t for t in fig.texts if t.get_gid() in ("title", "header")]
    assert header and all(t.get_ha() == "right" for t in header)
    joined = "\n".join(t.get_text() for t in header)
    assert "--show-negated" in joined and f"{i18n.LRI}--show-negated{i18n.PDI}" in joined
    assert all(t.get_ha() == "left" for t in draw_figure(g, lang="en").texts if t.get_gid() == "header")


def test_shaping_for_an_older_matplotlib_keeps_brackets_and_options(monkeypatch):
    """matplotlib < 3.11 draws Arabic through arabic_reshaper and python-bidi (the [png] extra):
    the isolated option still reads "--show-negated" inside its brackets, no control
    character is left to draw as a box."""
    pytest.importorskip("arabic_reshaper")
    pytest.importorskip("bidi")
    from kg.views import png

    monkeypatch.setattr(png, "matplotlib_shapes_arabic", lambda: False)
    shape = png.arabic_shaper()
    shown = shape(i18n.t("ar", "negated_hidden_1"))
    assert shown.startswith(".(--show-negated ") and shown.count("(") == shown.count(")") == 1
    assert not set(shown) & {"\u2066", "\u2067", "\u2068", "\u2069", "\u202a", "\u202b", "\u202c"}
    assert shape("Russia") == "Russia"
