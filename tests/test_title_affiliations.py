"""Whom a titled person is affiliated with (kg/nlp/persons.py): the body the title names,
also a body or group found by pattern in the article; an apposition with a bare title; a
name that qualifies a noun is no affiliation. Sentences written for these tests."""

import pytest


@pytest.mark.parametrize("lang, text, edge", [
    ("ar", "وقال المتحدث باسم خفر السواحل الفلبيني جاي تارييلا إن السفينة تضررت.", ("جاي تارييلا", "affiliatedWith", "phl_coast_guard")),
    ("ar", "وقال المتحدث باسم حركة \"إم 44\" جون بيار إن الهجوم فشل.", ("جون بيار", "affiliatedWith", "org-m44")),
    ("ar", "وقال المتحدث باسم البحرية الكينية أحمد يوسف إن الزورق غرق.", ("أحمد يوسف", "affiliatedWith", "ken_navy")),
    ("en", "Jay Tarriela, spokesman of the Russian foreign ministry, said the vessel was damaged.", ("Jay Tarriela", "affiliatedWith", "rus_mfa")),
    ("en", "Jay Tarriela, a spokesman for the Philippine Coast Guard, said the vessel was damaged.", ("Jay Tarriela", "affiliatedWith", "phl_coast_guard")),
    ("en", "M44 rebels spokesman Jean Pierre said the attack failed.", ("Jean Pierre", "affiliatedWith", "org-m44")),
])
def test_a_title_is_affiliated_with_the_body_it_names(ar_rows, en_rows, lang, text, edge):
    rows = (ar_rows if lang == "ar" else en_rows)(text)
    assert any(r[:3] == edge for r in rows), rows


@pytest.mark.parametrize("text", [
    "Ali Vaez, director of the Iran project at the Crisis Institute, said talks failed.",
    "Ali Vaez, head of the China desk, said talks failed.",
])
def test_a_name_that_qualifies_a_noun_is_no_affiliation(en_rows, text):
    assert not [r for r in en_rows(text) if r[1] == "affiliatedWith" and r[2] in ("IRN", "CHN")], en_rows(text)


# a plural or dual title ([titles] plural_Official, plural_Analyst) gives each coordinated name the
# title and its state; a coordinated name keeps its own known state; with no name it names no one
@pytest.mark.parametrize("lang, text, edges", [
    ("en", "The EU imposed sanctions on Israeli ministers Itamar Ben-Gvir and Bezalel Smotrich.",
     [("Itamar Ben-Gvir", "affiliatedWith", "ISR"), ("Bezalel Smotrich", "affiliatedWith", "ISR")]),
    ("en", "US senators Lindsey Graham and Richard Blumenthal visited Kyiv on Friday.",
     [("Lindsey Graham", "affiliatedWith", "USA"), ("Richard Blumenthal", "affiliatedWith", "USA"),
      ("Richard Blumenthal", "visited", "UKR")]),
    ("en", "Russian officials Sergei Ryabkov and Alexei Overchuk met Chinese envoy Li Hui in Moscow.",
     [("Alexei Overchuk", "affiliatedWith", "RUS"), ("Alexei Overchuk", "metWith", "Li Hui"), ("Li Hui", "affiliatedWith", "CHN")]),
    ("ar", "فرض الاتحاد الأوروبي عقوبات على الوزيرين الإسرائيليين إيتمار بن غفير وبتسلئيل سموتريتش.",
     [("إيتمار بن غفير", "affiliatedWith", "ISR"), ("بتسلئيل سموتريتش", "affiliatedWith", "ISR")]),
    ("ar", "زار السيناتوران الأمريكيان ليندسي غراهام وريتشارد بلومنثال كييف.",
     [("ليندسي غراهام", "affiliatedWith", "USA"), ("ريتشارد بلومنثال", "affiliatedWith", "USA")]),
    ("ar", "التقى المسؤولان الروسيان سيرغي ريابكوف وأليكسي أوفرتشوك المبعوث الصيني لي هوي في موسكو.",
     [("أليكسي أوفرتشوك", "affiliatedWith", "RUS"), ("أليكسي أوفرتشوك", "metWith", "لي هوي"), ("لي هوي", "affiliatedWith", "CHN")]),
])
def test_a_plural_title_is_each_coordinated_name_s(lang_rows, lang, text, edges):
    rows = lang_rows(lang, text)
    for edge in edges:
        assert any(r[:3] == edge for r in rows), (edge, rows)


@pytest.mark.parametrize("lang, text", [
    ("en", "Russian officials said Ukraine attacked a refinery in Bryansk."),
    ("en", "Foreign Ministers Sergei Lavrov and Wang Yi met in Beijing."),  # Wang Yi is not Lavrov's
    ("ar", "قال المسؤولون الروس إن أوكرانيا هاجمت مصفاة في بريانسك."),
])
def test_a_plural_title_names_no_one_alone_and_lends_no_state(lang_rows, lang, text):
    rows = lang_rows(lang, text)
    assert not [r for r in rows if r[1] == "affiliatedWith" and r[2] == "RUS" and r[0] != "Sergei Lavrov"], rows
    assert not [r for r in rows if r[0] in ("RUS", "UKR") and r[1] == "affiliatedWith"], rows
