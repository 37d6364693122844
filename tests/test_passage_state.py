"""An office named without its state, held by a person no list knows, on sentences written for
these tests: the state of the passage when it names one (kg/nlp/focus.py, ``[titles]
state_offices``), no state when it names two or none."""

import pytest

from tests.conftest import claim_triples


def office_states(text: str, lang: str) -> set[tuple[str, str]]:
    """(relation, state) of the leaderOf/affiliatedWith claims of persons found by pattern."""
    return {(r, o) for s, r, o in claim_triples(text, lang)
            if s.startswith("person-") and r in ("leaderOf", "affiliatedWith")}


@pytest.mark.parametrize("text, lang, edge", [
    ("Algeria denied arming the rebels in the north.\n\nForeign Minister Karim Benali called the accusation baseless.",
     "en", ("affiliatedWith", "DZA")),
    ("The Russian envoy arrived in Bamako on Tuesday. He met transitional President Assimi Goita on Wednesday.",
     "en", ("leaderOf", "MLI")),
    ("Egyptian Foreign Minister Badr Abdelatty flew to Asmara on Monday and held talks with President Isaias Afwerki.",
     "en", ("leaderOf", "ERI")),
    ('Norway is hosting the exercise with troops from a dozen allies. "Russia is deliberately putting civilian '
     'lives at risk," Defence Minister Tore Sandvik told the broadcaster.', "en", ("affiliatedWith", "NOR")),
    ("نفت الجزائر تسليح المتمردين في الشمال.\n\nووصف وزير الخارجية كريم بن علي الاتهامات بأنها باطلة.",
     "ar", ("affiliatedWith", "DZA")),
    ("وصل المبعوث الروسي إلى باماكو يوم الثلاثاء. والتقى الرئيس الانتقالي آسيمي غويتا يوم الأربعاء.",
     "ar", ("leaderOf", "MLI")),
    ("قال مادورو إن الضربات عدوان. ووصف وزير الخارجية إيفان خيل الضربات بأنها غير قانونية.",
     "ar", ("affiliatedWith", "VEN")),
])
def test_an_office_without_its_state_is_the_passages_state(text, lang, edge):
    assert edge in office_states(text, lang), claim_triples(text, lang)


@pytest.mark.parametrize("text, lang", [
    ("Foreign Minister Karim Benali called the accusation baseless.", "en"),  # no state named
    ("Guyana accused Venezuela of firing on a patrol.\n\nPresident Irfaan Ali said the shots came from the river.",
     "en"),  # two states: which one is world knowledge
    ("Lebanon accused Israel of violating the ceasefire. Spokesman Ali Nasser said the army would respond.",
     "en"),  # no office of a state's government
    ("ووصف وزير الخارجية كريم بن علي الاتهامات بأنها باطلة.", "ar"),
    ("اتهمت غيانا فنزويلا بإطلاق النار على دورية. وقال وزير الخارجية هيو تود إن الطلقات جاءت من الضفة الأخرى.", "ar"),
])
def test_an_office_takes_no_state_from_a_passage_naming_none_or_two(text, lang):
    assert not office_states(text, lang), claim_triples(text, lang)


def test_the_subject_of_a_relative_clause_is_no_speaker():
    from tests.conftest import run_extraction
    art = run_extraction("Guyana accused Venezuela of firing on a patrol near the border that Caracas claims.", "en")[0]
    assert {(c.subject, c.relation, c.object, c.attributed_to) for c in art.claims} >= {("GUY", "accused", "VEN", None)}
    assert not any(c.attributed_to == "VEN" for c in art.claims), art.claims
