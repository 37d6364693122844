"""State-to-state dyads (kg.analysis.networks.by_country) and the --by-country flags."""

import networkx as nx

from kg.analysis.networks import by_country, state_of


def small_graph() -> nx.MultiDiGraph:
    G = nx.MultiDiGraph()
    G.add_node("RUS", type="Country", affiliation=None)
    G.add_node("UKR", type="Country", affiliation=None)
    G.add_node("nato", type="Organization", affiliation=None)
    G.add_node("rus_mod", type="Organization", affiliation="RUS")
    G.add_node("person-spokes", type="Person", affiliation="rus_mod")
    G.add_node("person-lone", type="Person", affiliation=None)
    edge = dict(polarity="positive", modality="asserted", structural=False, evidence="…")
    G.add_edge("rus_mod", "UKR", key="c1", relation="attacked", **edge)
    G.add_edge("person-spokes", "nato", key="c2", relation="criticized", **edge)
    G.add_edge("person-spokes", "RUS", key="c3", relation="affiliatedWith", **edge)
    G.add_edge("person-spokes", "rus_mod", key="c4", relation="supported", **edge)  # inside one state
    G.add_edge("person-lone", "UKR", key="c5", relation="visited", **edge)
    return G


def test_state_of_follows_affiliations_to_a_country():
    G = small_graph()
    assert state_of(G, "person-spokes") == "RUS"  # spokesman -> ministry -> state
    assert state_of(G, "rus_mod") == "RUS"
    assert state_of(G, "nato") == "nato" and state_of(G, "person-lone") == "person-lone"


def test_claims_are_lifted_with_their_evidence_and_origin():
    H = by_country(small_graph())
    edges = {(u, v, d["relation"]): d for u, v, d in H.edges(data=True)}
    assert set(edges) == {("RUS", "UKR", "attacked"), ("RUS", "nato", "criticized"), ("person-lone", "UKR", "visited")}
    assert edges[("RUS", "UKR", "attacked")]["lifted_from"] == ("rus_mod", "UKR")
    assert edges[("RUS", "UKR", "attacked")]["evidence"] == "…"
    assert "rus_mod" not in H and "person-spokes" not in H


def test_stats_by_country_on_the_cli(tmp_path):
    from tests.fixtures.contract_graph import contract_graph
    from kg.cli import main

    path = tmp_path / "g.ttl"
    contract_graph().serialize(path, format="turtle")
    assert main(["stats", str(path), "--by-country", "--json"]) == 0
