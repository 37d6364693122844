"""Arabic names found after titles, on sentences written for these tests: a definite plural
ends a name ("عدد الطائرات" is the number of planes), a function word after "و" opens no
second name ("ولا موعد"), while real names after a title still stand."""

import pytest

from tests.conftest import run_extraction


@pytest.mark.parametrize("text", [
    "ولم يحدد الرئيس الأميركي عدد الطائرات ولا موعد التسليم.",
    "وقال الرئيس الأميركي دونالد ترامب ولا موعد للتسليم بعد.",
    "وأوضح وزير الخارجية المصري حجم المساعدات ولا موعد وصولها.",
])
def test_common_words_after_a_title_are_no_person(ar_rows, text):
    rows = ar_rows(text)
    assert not any(r[0].startswith(("person-", "عدد", "لا", "حجم")) for r in rows), rows
    assert not any(r[1] == "leaderOf" and r[0] not in ("دونالد ترامب",) for r in rows), rows


@pytest.mark.parametrize("text, row", [
    ("وقال الرئيس الكيني ويليام روتو إن الاتفاق مهم.", ("ويليام روتو", "leaderOf", "KEN")),
    ("وقال وزير الخارجية التركي هاكان فيدان إن المحادثات بناءة.", ("هاكان فيدان", "affiliatedWith", "TUR")),
])
def test_names_after_a_title_still_stand(ar_rows, text, row):
    assert any(r[:3] == row for r in ar_rows(text))


# Arabic names that no list knows, after a title: a kunya, a nisba surname, a title "of the" body
@pytest.mark.parametrize("text, name", [
    ("نفى المسؤول الأمني للكتائب أبو علي العسكري أي صلة لفصيله بالهجمات.", "أبو علي العسكري"),
    ("وقال القيادي في الحركة أبو خالد الحسني إن الوفد غادر.", "أبو خالد الحسني"),
    ("وقال المسؤول الأمني أحمد العسكري إن الوفد غادر.", "أحمد العسكري"),
])
def test_ar_kunya_and_nisba_surnames_belong_to_the_name(text, name):
    art = run_extraction(text, "ar")[0]
    persons = [a for a in art.actors.values() if a.type == "Person"]
    assert any(a.labels.get("ar") == name for a in persons), [a.labels for a in persons]


def test_ar_a_title_qualifier_alone_is_no_name():
    art = run_extraction("وقال الناطق العسكري للجيش إن الوفد غادر.", "ar")[0]
    assert not [a for a in art.actors.values() if a.type == "Person"]
