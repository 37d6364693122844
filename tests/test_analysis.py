"""kg.analysis: RDF → networkx, aggregation, projections, centrality, communities, CLI text."""

from __future__ import annotations

import sys
from pathlib import Path

import networkx as nx
import pytest
from rdflib import Graph
from rdflib.namespace import RDF

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from kg.analysis.graph import aggregate_edges, load_graph, to_networkx  # noqa: E402
from kg.analysis.names import find_actor, normalize_name  # noqa: E402
from kg.analysis.networks import (  # noqa: E402
    centrality, check_relations, communities, community_map, cooperation_projection, ego_network,
    interaction_graph, meetings_network, pagerank, paths_between, relation_projection, sanctions_network,
    signed_projection, supply_network, top_actors,
)
from kg.analysis.report import actor_report, stats_data, stats_report  # noqa: E402
from kg.cli import main  # noqa: E402
from kg.errors import GeoKGError  # noqa: E402
from kg.model import Actor, ArticleResult, Claim  # noqa: E402
from kg.rdf.namespaces import GKG  # noqa: E402
from kg.rdf.writer import build_graph, serialize_turtle  # noqa: E402
from tests.fixtures.view_graph import XSS_EVIDENCE, view_articles, view_graph  # noqa: E402


@pytest.fixture(scope="module")
def g() -> Graph:
    return view_graph()


@pytest.fixture(scope="module")
def G(g) -> nx.MultiDiGraph:
    return to_networkx(g)


@pytest.fixture(scope="module")
def ttl(g, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("graph") / "graph.ttl"
    path.write_text(serialize_turtle(g), encoding="utf-8")
    return path


# --------------------------------------------------------------------------- conversion

def test_nodes_carry_labels_class_and_wikidata(G):
    russia = G.nodes["RUS"]
    assert russia["iri"] == "https://w3id.org/geokg/actor/RUS"
    assert russia["labels"] == {"ar": "روسيا", "en": "Russia"}
    assert russia["label"] == "Russia"  # no language asked: English first
    assert russia["type"] == russia["class"] == "Country"
    assert russia["wikidata"] == "Q159"
    assert russia["article_count"] == 2
    putin = G.nodes["person-vladimir-putin"]
    assert (putin["type"], putin["class"], putin["role"]) == ("Person", "Leader", "Leader")
    assert putin["affiliation"] == "RUS"
    assert putin["alt_labels"] == {"ar": ["بوتين"]}
    assert G.nodes["person-sergei-bersanov"]["class"] == "Analyst"


def test_labels_follow_the_language_asked_and_fall_back(g):
    ar = to_networkx(g, lang="ar")
    assert ar.nodes["RUS"]["label"] == "روسيا"
    en = to_networkx(g, lang="en")
    assert en.nodes["RUS"]["label"] == "Russia"
    assert en.nodes["person-sergei-bersanov"]["label"] == "سيرغي بيرسانوف"  # only an Arabic label exists
    assert to_networkx(g, lang="fr").nodes["RUS"]["label"] == "Russia"


def test_one_edge_per_claim_keyed_by_claim_iri(g, G):
    claims = set(map(str, g.subjects(RDF.type, GKG.Claim)))
    keyed = {k for _, _, k, d in G.edges(keys=True, data=True) if not d["structural"]}
    assert keyed == claims and len(claims) == 11
    structural = [(u, v, d["relation"]) for u, v, d in G.edges(data=True) if d["structural"]]
    assert sorted(structural) == [("person-kim-jong-un", "PRK", "affiliatedWith"),
                                  ("person-vladimir-putin", "RUS", "affiliatedWith")]


def test_claim_edge_attributes(G):
    (key, d), = [(k, d) for _, _, k, d in G.edges("PRK", keys=True, data=True) if d["relation"] == "supplied"]
    assert d["claim"] == key
    assert (d["polarity"], d["modality"], d["attributed_to"]) == ("positive", "alleged", "USA")
    assert d["evidence"].startswith("North Korea allegedly supplied Russia")
    assert d["evidence_lang"] == "en"
    assert d["date"] == "2024-03-01"
    assert d["article_id"] == "view-en-001"
    assert d["article_title"] == "Moscow and Pyongyang deepen ties"
    assert d["items"] == ["artillery shells"]


def test_negated_claims_can_be_left_out(g, G):
    negated = [d for _, _, d in G.edges(data=True) if d["polarity"] == "negative"]
    assert len(negated) == 1 and negated[0]["relation"] == "supplied"
    without = to_networkx(g, include_negated=False)
    assert without.number_of_edges() == G.number_of_edges() - 1
    assert all(d["polarity"] == "positive" for _, _, d in without.edges(data=True))


def test_turtle_round_trip_gives_the_same_network(G, ttl):
    again = to_networkx(load_graph(ttl))
    assert sorted(again.nodes) == sorted(G.nodes)
    assert sorted(again.edges(keys=True)) == sorted(G.edges(keys=True))
    assert all(again.edges[e] == G.edges[e] for e in G.edges(keys=True))


def test_aggregate_groups_claims_by_edge(G):
    A = aggregate_edges(G)
    sanctions = A.edges["USA", "RUS", "sanctioned|positive|asserted"]
    assert sanctions["article_count"] == sanctions["weight"] == 2
    assert sanctions["claim_count"] == 2
    assert (sanctions["first_date"], sanctions["last_date"]) == ("2024-03-01", "2024-03-05")
    assert [e["date"] for e in sanctions["evidences"]] == ["2024-03-05", "2024-03-01"]  # newest first
    hedged = A.edges["PRK", "RUS", "supplied|positive|hedged"]
    assert hedged["modality_group"] == "hedged" and hedged["modalities"] == ["alleged"]
    assert hedged["attributed_to"] == ["USA"]
    assert A.edges["CHN", "RUS", "supplied|negative|asserted"]["polarity"] == "negative"
    assert aggregate_edges(A) is A


def test_symmetric_relations_group_whatever_the_direction():
    actors = {k: Actor(k, "Country", labels={"en": k}) for k in ("AAA", "BBB")}
    arts = [ArticleResult(f"sym-{i}", "en", published=f"2024-01-0{i}", actors=dict(actors),
                          claims=[Claim(s, "metWith", o, evidence=f"met {i}")])
            for i, (s, o) in enumerate([("AAA", "BBB"), ("BBB", "AAA"), ("AAA", "BBB")], 1)]
    A = aggregate_edges(to_networkx(build_graph(arts)))
    assert A.number_of_edges() == 1
    (u, v, d), = A.edges(data=True)
    assert (u, v) == ("AAA", "BBB") and d["article_count"] == 3 and d["symmetric"]


# --------------------------------------------------------------------------- projections

def test_relation_projections(G):
    S = sanctions_network(G)
    assert isinstance(S, nx.DiGraph) and list(S.edges(data="weight")) == [("USA", "RUS", 2)]
    P = supply_network(G)
    assert sorted(P.edges) == [("PRK", "RUS"), ("RUS", "PRK")]  # the negated China → Russia is not there
    M = meetings_network(G)
    assert not M.is_directed() and M.has_edge("person-vladimir-putin", "person-kim-jong-un")
    asserted_only = relation_projection(G, ["supplied"], modalities=["asserted"])
    assert asserted_only.number_of_edges() == 0
    both = relation_projection(G, ["sanctioned", "criticized"])
    assert both.edges["USA", "RUS"]["relations"] == {"criticized": 1, "sanctioned": 2}
    assert both.edges["USA", "RUS"]["weight"] == 2  # two distinct articles, not three claims
    assert relation_projection(G, ["affiliatedWith"]).number_of_edges() == 2


def test_relation_names_are_checked():
    assert check_relations(["metwith", "SANCTIONED,supplied"]) == ["metWith", "sanctioned", "supplied"]
    with pytest.raises(GeoKGError, match="unknown relation 'bombed'"):
        check_relations(["bombed"])


def test_signed_and_cooperation_projections(G):
    S = signed_projection(G)
    assert not S.is_directed()
    assert S.edges["RUS", "USA"]["sign"] == -1 and S.edges["RUS", "USA"]["negative"] == 2
    rp = S.edges["PRK", "RUS"]
    assert rp["sign"] == 1 and rp["positive"] == 2 and set(rp["relations"]) == {"cooperatedWith", "supplied"}
    assert S.edges["CHN", "RUS"]["relations"] == {"supported": 1}  # the negated supply counts for nothing
    C = cooperation_projection(G)
    assert set(C.nodes) == set(G.nodes)
    assert not C.has_edge("RUS", "USA") and C.has_edge("PRK", "RUS")


# --------------------------------------------------------------------------- centrality, communities

def test_pagerank_matches_networkx_definition(G):
    D = interaction_graph(G)
    ours = pagerank(D)
    assert abs(sum(ours.values()) - 1) < 1e-9
    from networkx.algorithms.link_analysis import pagerank_alg

    reference = getattr(pagerank_alg, "_pagerank_python", None)
    if reference is not None:  # networkx's own pure-Python reference implementation
        theirs = reference(D, tol=1e-10, max_iter=500)
        assert all(abs(ours[n] - theirs[n]) < 1e-6 for n in D)


def test_centrality_and_top_actors(G):
    scores = centrality(G)
    assert set(scores) == set(G.nodes)
    assert set(scores["RUS"]) == {"degree", "neighbours", "in_degree", "out_degree", "betweenness", "pagerank"}
    top = [n for n, _ in top_actors(G, 2, scores=scores)]
    assert set(top) == {"RUS", "PRK"}
    assert scores["RUS"]["betweenness"] > 0 and scores["USA"]["betweenness"] == 0
    assert scores["person-sergei-bersanov"]["neighbours"] == 0


def test_communities_are_a_seeded_partition(G):
    first = communities(G, seed=42)
    assert first == communities(G, seed=42)
    members = [n for c in first for n in c]
    assert sorted(members) == sorted(G.nodes)  # every actor exactly once
    where = community_map(first)
    assert where["RUS"] == where["PRK"] == where["CHN"]
    assert where["USA"] != where["RUS"]  # sanctions are not cooperation
    assert where["person-vladimir-putin"] == where["person-kim-jong-un"]
    greedy = communities(G, method="greedy")
    assert sorted(n for c in greedy for n in c) == sorted(G.nodes)
    with pytest.raises(GeoKGError):
        communities(G, method="leiden")


def test_ego_network_and_paths(G):
    ego = ego_network(G, "USA")
    assert set(ego) == {"USA", "RUS"}
    wider = ego_network(G, "USA", radius=2)
    assert {"PRK", "CHN", "person-vladimir-putin"} <= set(wider)
    paths = paths_between(G, "person-vladimir-putin", "USA")
    assert paths[0]["nodes"] == ["person-vladimir-putin", "RUS", "USA"]
    assert {h["relation"] for h in paths[0]["hops"][1]} == {"sanctioned", "criticized"}
    assert all(len(p["nodes"]) - 1 <= 4 for p in paths)
    assert paths_between(G, "USA", "person-sergei-bersanov") == []
    with pytest.raises(GeoKGError):
        ego_network(G, "nobody")


# --------------------------------------------------------------------------- names

@pytest.mark.parametrize("text,key", [
    ("أَمريكا", "امريكا"), ("الأمم المتحدة", "الامم المتحده"), ("مصطفى", "مصطفي"),
    ("  The   Kremlin ", "kremlin"), ("روســيا", "روسيا"), ("٢٠٢٤", "2024"),
])
def test_normalize_name(text, key):
    assert normalize_name(text) == key


@pytest.mark.parametrize("query,node", [
    ("Russia", "RUS"), ("russia", "RUS"), ("روسيا", "RUS"), ("RUS", "RUS"), ("Q159", "RUS"),
    ("الامم المتحده", "UN"), ("الأمم المتّحدة", "UN"), ("UN", "UN"), ("بوتين", "person-vladimir-putin"),
    ("putin", "person-vladimir-putin"), ("Washington", "USA"), ("كوريا الديمقراطية", "PRK"),
])
def test_find_actor(G, query, node):
    assert find_actor(G, query) == node


def test_find_actor_errors(G):
    with pytest.raises(GeoKGError, match="no actor named 'Atlantis'"):
        find_actor(G, "Atlantis")
    with pytest.raises(GeoKGError, match="ambiguous"):
        find_actor(G, "United")  # United States, United Nations
    with pytest.raises(GeoKGError, match="did you mean Russia"):
        find_actor(G, "Rusia")


# --------------------------------------------------------------------------- files and CLI

def test_load_graph_errors(tmp_path):
    with pytest.raises(GeoKGError, match="no such file"):
        load_graph(tmp_path / "missing.ttl")
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is <not turtle", encoding="utf-8")
    with pytest.raises(GeoKGError, match="not valid turtle") as err:
        load_graph(bad)
    assert "\n" not in str(err.value)
    empty = tmp_path / "empty.ttl"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(GeoKGError, match="empty"):
        load_graph(empty)


def test_stats_report(G):
    data = stats_data(G, top=3)
    assert data["actors"] == 9 and data["articles"] == 3 and data["claims"] == 11 and data["negated"] == 1
    assert {a["actor"] for a in data["top_actors"][:2]} == {"RUS", "PRK"}
    assert data["strongest_edges"][0]["relation"] == "sanctioned"
    assert data["strongest_edges"][0]["article_count"] == 2
    text = stats_report(G, top=3)
    assert "Top actors" in text and "Communities" in text and "Strongest edges" in text
    assert "United States → sanctioned → Russia" in text and "2024-03-01 – 2024-03-05" in text


def test_actor_report_in_arabic_with_evidence(g):
    text = actor_report(to_networkx(g, lang="ar"), "روسيا", lang="ar")
    assert text.startswith("روسيا  [RUS]")
    assert "الولايات المتحدة ← فرض عقوبات على ← روسيا" in text
    assert "فرضت الولايات المتحدة عقوبات جديدة على روسيا." in text
    assert "نُفي حدوثه" in text and "China did not supply weapons to Russia" in text
    assert "بحسب الولايات المتحدة" in text  # the alleged supply, attributed
    english = actor_report(g, "Russia", lang="en")
    assert "United States → sanctioned → Russia" in english and "Outgoing" in english


def test_cli_stats_and_actor(ttl, capsys):
    assert main(["stats", str(ttl), "--top", "3"]) == 0
    out = capsys.readouterr().out
    assert "North Korea [PRK]" in out and "Strongest edges" in out
    assert main(["stats", str(ttl), "--json"]) == 0
    assert '"actors": 9' in capsys.readouterr().out
    assert main(["actor", str(ttl), "الامم المتحده", "--lang", "ar"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("الأمم المتحدة  [UN]")
    assert XSS_EVIDENCE in out  # a terminal shows the text as it was published


def test_cli_errors_are_one_line(tmp_path, ttl, capsys):
    assert main(["stats", str(tmp_path / "nope.ttl")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no such file" in err
    assert main(["actor", str(ttl), "Atlantis"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no actor named" in err


def test_view_articles_fixture_is_well_formed():
    arts = view_articles()
    claims = [c for a in arts for c in a.claims]
    assert {c.modality for c in claims} == {"asserted", "possible", "alleged"}
    assert any(c.polarity == "negative" for c in claims) and any(c.attributed_to for c in claims)
    assert any("<img src=x onerror=" in c.evidence for c in claims)
    assert any("<script>" in c.evidence for c in claims)
