"""The ontology as a product: complete bilingual documentation, alignments, metadata."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS

import kg.rdf.namespaces
import kg.rdf.writer
from kg.rdf.cookbook import ontology_dir
from kg.rdf.namespaces import ACTOR_CLASSES, GKG, GKG_NS, PERSON_CLASSES, RELATIONS, SYMMETRIC_RELATIONS, WD

try:
    from tests.fixtures.contract_graph import contract_graph
except ImportError:  # tests/ itself on sys.path
    from fixtures.contract_graph import contract_graph

PLOVER = Namespace("https://w3id.org/geokg/plover/")
CAMEO = Namespace("https://w3id.org/geokg/cameo/")
ONTOLOGY = URIRef("https://w3id.org/geokg/ontology")
EVENT_RELATIONS = [r for r in RELATIONS if r not in ("leaderOf", "affiliatedWith")]

# relation -> (PLOVER event type, CAMEO codes) it must point to
ALIGNMENT = {
    "metWith": ("CONSULT", {"04"}),
    "visited": ("CONSULT", {"042"}),
    "sanctioned": ("SANCTION", {"163"}),
    "supplied": ("AID", {"07"}),
    "supported": ("SUPPORT", {"05"}),
    "opposed": ("REJECT", {"12"}),
    "criticized": ("ACCUSE", {"111"}),
    "accused": ("ACCUSE", {"112"}),
    "threatened": ("THREATEN", {"13"}),
    "attacked": ("ASSAULT", {"18", "19"}),
    "cooperatedWith": ("COOPERATE", {"06"}),
}


@pytest.fixture(scope="module")
def onto() -> Graph:
    return Graph().parse(ontology_dir() / "geokg.ttl", format="turtle")


def gkg_terms(g: Graph) -> set[URIRef]:
    """Terms the ontology declares in the gkg namespace."""
    return {s for s in g.subjects(RDF.type, None) if isinstance(s, URIRef) and str(s).startswith(str(GKG_NS))}


def langs(g: Graph, node, prop) -> set[str]:
    return {o.language for o in g.objects(node, prop) if isinstance(o, Literal) and str(o).strip()}


def test_parses_in_rdflib_and_oxigraph(onto):
    import pyoxigraph as ox

    quads = list(ox.parse(path=str(ontology_dir() / "geokg.ttl"), format=ox.RdfFormat.TURTLE))
    assert len(quads) == len(onto) > 300


def test_metadata_makes_it_publishable(onto):
    assert (ONTOLOGY, RDF.type, OWL.Ontology) in onto
    version_iri = onto.value(ONTOLOGY, OWL.versionIRI)
    version = str(onto.value(ONTOLOGY, OWL.versionInfo))
    assert re.fullmatch(r"\d+\.\d+\.\d+", version)
    assert str(version_iri).endswith(version)
    assert str(onto.value(ONTOLOGY, DCTERMS.license)).startswith("https://")
    assert onto.value(ONTOLOGY, DCTERMS.creator) is not None
    assert langs(onto, ONTOLOGY, DCTERMS.description) >= {"en", "ar"}
    assert langs(onto, ONTOLOGY, DCTERMS.title) >= {"en", "ar"}
    vann = Namespace("http://purl.org/vocab/vann/")
    assert str(onto.value(ONTOLOGY, vann.preferredNamespaceUri)) == str(GKG_NS)
    assert str(onto.value(ONTOLOGY, vann.preferredNamespacePrefix)) == "gkg"


def test_every_term_has_english_and_arabic_label_and_comment(onto):
    terms = gkg_terms(onto)
    assert len(terms) >= 38
    for term in terms:
        assert langs(onto, term, RDFS.label) >= {"en", "ar"}, term
        assert langs(onto, term, RDFS.comment) >= {"en", "ar"}, term
        assert (term, RDFS.isDefinedBy, ONTOLOGY) in onto, term


def test_every_property_has_domain_and_range(onto):
    props = [t for t in gkg_terms(onto)
             if (t, RDF.type, OWL.ObjectProperty) in onto or (t, RDF.type, OWL.DatatypeProperty) in onto]
    assert len(props) >= 22
    for prop in props:
        assert onto.value(prop, RDFS.domain) is not None, prop
        assert onto.value(prop, RDFS.range) is not None, prop


@pytest.mark.parametrize("name", RELATIONS)
def test_relation_property(onto, name):
    prop = GKG[name]
    assert (prop, RDF.type, OWL.ObjectProperty) in onto
    assert langs(onto, prop, RDFS.label) >= {"en", "ar"}
    assert langs(onto, prop, RDFS.comment) >= {"en", "ar"}
    expected_domain = GKG.Person if name == "leaderOf" else GKG.Actor
    assert onto.value(prop, RDFS.domain) == expected_domain
    assert onto.value(prop, RDFS.range) == GKG.Actor
    assert list(onto.objects(prop, SKOS.closeMatch)), f"{name} has no skos:closeMatch"
    symmetric = (prop, RDF.type, OWL.SymmetricProperty) in onto
    assert symmetric == (name in SYMMETRIC_RELATIONS)


@pytest.mark.parametrize("name", EVENT_RELATIONS)
def test_event_relations_align_to_plover_and_cameo(onto, name):
    plover, cameo = ALIGNMENT[name]
    matches = set(onto.objects(GKG[name], SKOS.closeMatch))
    plover_codes = {str(onto.value(m, SKOS.notation)) for m in matches if (m, SKOS.inScheme, PLOVER[""]) in onto}
    cameo_codes = {str(onto.value(m, SKOS.notation)) for m in matches if (m, SKOS.inScheme, CAMEO[""]) in onto}
    assert plover_codes == {plover}
    assert cameo_codes == cameo


def test_alignment_concepts_are_published_with_the_ontology(onto):
    for scheme in (PLOVER[""], CAMEO[""]):
        assert (scheme, RDF.type, SKOS.ConceptScheme) in onto
        assert onto.value(scheme, DCTERMS.source) is not None
    concepts = {o for name in RELATIONS for o in onto.objects(GKG[name], SKOS.closeMatch | SKOS.relatedMatch)
                if str(o).startswith(("https://w3id.org/geokg/plover/", "https://w3id.org/geokg/cameo/"))}
    for concept in concepts:
        assert (concept, RDF.type, SKOS.Concept) in onto, concept
        assert onto.value(concept, SKOS.notation) is not None, concept
        assert onto.value(concept, SKOS.prefLabel) is not None, concept
    # the sanction code sits under CAMEO's "reduce relations" family
    assert (CAMEO["163"], SKOS.broader, CAMEO["16"]) in onto


def test_standing_relations_align_to_org_and_schema(onto):
    assert (GKG.leaderOf, SKOS.closeMatch, URIRef("http://www.w3.org/ns/org#headOf")) in onto
    assert (GKG.affiliatedWith, SKOS.closeMatch, URIRef("http://schema.org/affiliation")) in onto


def test_class_hierarchy(onto):
    for name in ("Country", "Organization", "Person"):
        assert (GKG[name], RDFS.subClassOf, GKG.Actor) in onto
    for name in PERSON_CLASSES - {"Person"}:
        assert (GKG[name], RDFS.subClassOf, GKG.Person) in onto
    assert (GKG.Claim, RDFS.subClassOf, PROV.Entity) in onto
    assert (GKG.Article, RDFS.subClassOf, PROV.Entity) in onto
    assert (GKG.Actor, RDFS.subClassOf, PROV.Agent) in onto
    for name in ACTOR_CLASSES + ("Actor", "Article", "Claim", "Polarity", "Modality"):
        assert (GKG[name], RDF.type, OWL.Class) in onto


def test_actor_classes_align_to_wikidata(onto):
    assert (GKG.Country, SKOS.closeMatch, WD.Q6256) in onto
    assert (GKG.Person, SKOS.closeMatch, WD.Q5) in onto
    assert (GKG.Organization, SKOS.closeMatch, WD.Q43229) in onto
    assert (GKG.Organization, SKOS.narrowMatch, WD.Q245065) in onto


def test_polarity_and_modality_individuals(onto):
    for value, cls in [("Positive", "Polarity"), ("Negative", "Polarity"),
                       ("Asserted", "Modality"), ("Possible", "Modality"), ("Alleged", "Modality")]:
        assert (GKG[value], RDF.type, GKG[cls]) in onto
        assert (GKG[value], RDF.type, OWL.NamedIndividual) in onto
    assert (GKG.polarity, RDF.type, OWL.FunctionalProperty) in onto
    assert onto.value(GKG.polarity, RDFS.range) == GKG.Polarity
    assert onto.value(GKG.modality, RDFS.range) == GKG.Modality


def test_claim_property_ranges(onto):
    from rdflib.namespace import XSD  # (not at module level: pytest probes module globals)

    assert onto.value(GKG.evidence, RDFS.range) == RDF.langString
    assert onto.value(GKG.item, RDFS.range) == RDF.langString
    assert onto.value(GKG.startChar, RDFS.range) == XSD.integer
    assert onto.value(GKG.endChar, RDFS.range) == XSD.integer
    assert onto.value(GKG.attributedTo, RDFS.range) == GKG.Actor
    assert (GKG.attributedTo, RDFS.subPropertyOf, PROV.wasAttributedTo) in onto
    domain = onto.value(GKG.mentions, RDFS.domain)  # an article or a page's headline list
    assert set(onto.items(onto.value(domain, OWL.unionOf))) == {GKG.Article, GKG.HeadlineList}
    assert onto.value(GKG.mentions, RDFS.range) == GKG.Actor


def test_every_term_the_writer_uses_is_declared(onto):
    declared = gkg_terms(onto)
    used = {t for triple in contract_graph() for t in triple
            if isinstance(t, URIRef) and str(t).startswith(str(GKG_NS))}
    source = Path(kg.rdf.writer.__file__).read_text(encoding="utf-8")
    used |= {GKG[name] for name in re.findall(r"\bGKG\.([A-Za-z]+)", source)}
    assert used, "no gkg term found"
    assert used - declared == set()


def test_ontology_terms_exist_in_the_python_namespace(onto):
    """The closed GKG namespace and the ontology must not drift apart."""
    for term in gkg_terms(onto):
        name = str(term)[len(str(GKG_NS)):]
        assert GKG[name] == term  # raises AttributeError for a term GKG does not know


def _owlrl_errors(data: Graph, onto: Graph) -> list[str]:
    import owlrl

    g = Graph()
    for triple in data:
        g.add(triple)
    for triple in onto:
        g.add(triple)
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(g)
    errns = Namespace("http://www.daml.org/2002/03/agents/agent-ont#")
    return [str(m) for m in g.objects(None, errns.error)], g


def test_owl_rl_reasoning_is_consistent_and_useful(onto):
    errors, closed = _owlrl_errors(contract_graph(), onto)
    assert errors == []
    haddad, fenn = URIRef(str(kg.rdf.namespaces.ACTOR) + "person-karim-haddad"), \
        URIRef(str(kg.rdf.namespaces.ACTOR) + "person-olga-fenn")
    assert (fenn, GKG.metWith, haddad) in closed  # symmetric
    assert (haddad, RDF.type, GKG.Actor) in closed and (haddad, RDF.type, PROV.Agent) in closed


def test_disjoint_actor_classes_are_caught(onto):
    data = contract_graph()
    data.add((URIRef(str(kg.rdf.namespaces.ACTOR) + "RUS"), RDF.type, GKG.Person))
    errors, _ = _owlrl_errors(data, onto)
    assert errors
