"""The RDF contract of issue 2, checked on records built by hand."""

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS

from kg.model import Actor, ArticleResult, Claim
from kg.rdf.namespaces import ACTOR, GKG, WD
from kg.rdf.writer import build_graph, serialize_turtle


def _article(identifier="a1", lang="en"):
    a = ArticleResult(identifier, lang, title="Test title", publisher="Wire", published="2024-05-01")
    a.actors["RUS"] = Actor("RUS", "Country", wikidata="Q159", labels={"en": "Russia"}, alt_labels={"en": {"Moscow"}})
    a.actors["PRK"] = Actor("PRK", "Country", wikidata="Q423", labels={"en": "North Korea"})
    a.actors["person-ivan-petrov"] = Actor("person-ivan-petrov", "Person", role="Analyst", affiliation="RUS",
                                           labels={"en": "Ivan Petrov"})
    a.claims += [
        Claim("RUS", "supplied", "PRK", evidence="Russia sent fuel to North Korea.", start=0, end=32),
        Claim("RUS", "metWith", "PRK", polarity="negative", evidence="No meeting was held.", start=33, end=53),
        Claim("PRK", "supplied", "RUS", modality="possible", attributed_to="person-ivan-petrov",
              evidence="Pyongyang could send shells, Petrov said.", start=54, end=96),
    ]
    return a


def test_actor_article_and_claim_triples():
    g = build_graph([_article()])
    rus = ACTOR.RUS
    assert (rus, RDF.type, GKG.Country) in g
    assert (rus, RDFS.label, Literal("Russia", lang="en")) in g
    assert (rus, SKOS.altLabel, Literal("Moscow", lang="en")) in g
    assert (rus, OWL.sameAs, WD.Q159) in g
    petrov = ACTOR["person-ivan-petrov"]
    assert {GKG.Person, GKG.Analyst} <= set(g.objects(petrov, RDF.type))
    art = next(g.subjects(DCTERMS.identifier, Literal("a1")))
    assert (art, RDF.type, GKG.Article) in g
    assert (art, DCTERMS.language, Literal("en")) in g
    assert set(g.objects(art, GKG.mentions)) == {rus, ACTOR.PRK, petrov}
    claims = set(g.subjects(RDF.type, GKG.Claim))
    assert len(claims) == 3
    for c in claims:
        assert (c, PROV.wasDerivedFrom, art) in g
        for p in (RDF.subject, RDF.predicate, RDF.object, GKG.polarity, GKG.modality, GKG.evidence):
            assert len(list(g.objects(c, p))) == 1


def test_only_positive_asserted_claims_become_direct_triples():
    g = build_graph([_article()])
    assert (ACTOR.RUS, GKG.supplied, ACTOR.PRK) in g
    assert (ACTOR.RUS, GKG.metWith, ACTOR.PRK) not in g  # negated
    assert (ACTOR.PRK, GKG.supplied, ACTOR.RUS) not in g  # possible


def test_attribution_and_negation_are_kept_on_the_claim():
    g = build_graph([_article()])
    negated = [c for c in g.subjects(GKG.polarity, GKG.Negative)]
    assert len(negated) == 1 and (negated[0], RDF.predicate, GKG.metWith) in g
    attributed = list(g.subject_objects(GKG.attributedTo))
    assert attributed == [(attributed[0][0], ACTOR["person-ivan-petrov"])]
    assert (attributed[0][0], GKG.modality, GKG.Possible) in g


def test_same_input_gives_the_same_graph_and_bytes():
    first = serialize_turtle(build_graph([_article()]))
    second = serialize_turtle(build_graph([_article()]))
    assert first == second
    doubled = build_graph([_article(), _article()])
    assert len(doubled) == len(build_graph([_article()]))  # no duplicate claims


def test_symmetric_claims_get_one_iri_whatever_the_order():
    a, b = _article(), _article()
    a.claims = [Claim("RUS", "metWith", "PRK", evidence="x", start=1, end=2)]
    b.claims = [Claim("PRK", "metWith", "RUS", evidence="x", start=1, end=2)]
    assert set(build_graph([a]).subjects(RDF.type, GKG.Claim)) == set(build_graph([b]).subjects(RDF.type, GKG.Claim))


def test_turtle_has_no_stray_prefixes():
    ttl = serialize_turtle(build_graph([_article()]))
    assert "ns1:" not in ttl and "PREFIX brick:" not in ttl


def test_a_scraped_url_with_spaces_becomes_a_valid_iri():
    import pyoxigraph

    a = _article()
    a.url = 'https://news.example/ar/2024/الحوثي و{إيران} "report".html'
    ttl = serialize_turtle(build_graph([a]))
    quads = list(pyoxigraph.parse(ttl.encode("utf-8"), format=pyoxigraph.RdfFormat.TURTLE))
    sources = [q.object.value for q in quads if q.predicate.value == str(DCTERMS.source)]
    assert sources == ["https://news.example/ar/2024/%D8%A7%D9%84%D8%AD%D9%88%D8%AB%D9%8A%20%D9%88%7B%D8%A5%D9%8A%D8%B1%D8%A7%D9%86%7D%20%22report%22.html"]
