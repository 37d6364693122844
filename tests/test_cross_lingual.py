"""One node per person across articles and scripts; namesakes stay apart."""

from rdflib import Graph
from rdflib.namespace import RDF

from kg.cli import main
from kg.nlp.romanize import merge_person_keys, person_key
from kg.rdf.namespaces import GKG


def test_same_person_in_arabic_and_english_script():
    assert person_key("سيرغي بيرسانوف") == person_key("Sergei Bersanov") == person_key("Sergey Bersanov")
    assert person_key("فيكتور بارانيتس") == person_key("Viktor Baranets")
    assert person_key("خليل الحية") == person_key("Khalil al-Hayya")


def test_near_spellings_merge_but_namesakes_do_not():
    a, b = person_key("قسطنطين أسمولوف"), person_key("Konstantin Asmolov")
    assert merge_person_keys([a, b]) in ({a: b}, {b: a})
    assert merge_person_keys([person_key("سيرغي بيرسانوف"), person_key("Ivan Bersanov")]) == {}
    assert merge_person_keys([person_key("Omar Haddad"), person_key("Samir Haddad")]) == {}


def test_build_one_arabic_and_one_english_article_gives_one_node_per_person(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "ar.txt").write_text("قال المحلل السياسي نيكولاي فولكوف إن روسيا ستدعم صربيا.\n"
                              "وأضاف الخبير العسكري سامي حداد أن تركيا هاجمت سوريا.\n", encoding="utf-8")
    (d / "en.txt").write_text("Russian analyst Nikolai Volkov said Moscow backs Serbia.\n"
                              "Military expert Fadi Haddad said Turkey struck Syria.\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["build", str(d), "--out", str(out), "--quiet", "--no-view"]) == 0
    g = Graph().parse(out / "graph.ttl")
    persons = set(g.subjects(RDF.type, GKG.Person))
    volkov = [p for p in persons if "fl" in str(p).split("/")[-1] and "nk" in str(p).split("/")[-1]]
    assert len(volkov) == 1, persons
    labels = {str(l) for l in g.objects(volkov[0], None) if getattr(l, "language", None)}
    assert "نيكولاي فولكوف" in labels and "Nikolai Volkov" in labels
    haddads = [p for p in persons if str(p).endswith("-hd")]
    assert len(haddads) == 2  # Sami and Fadi Haddad are two people
