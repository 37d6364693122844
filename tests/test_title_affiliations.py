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
