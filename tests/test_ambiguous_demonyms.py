"""Demonyms no list takes alone ("المالي" is also "financial", "Congolese" names two states):
next to a state's head noun they name the country the article names unambiguously elsewhere.
Sentences written for these tests."""

import pytest

from conftest import run_extraction


def _keys(text: str, lang: str) -> set[str]:
    return {k for art in run_extraction(text, lang) for k in art.actors}


@pytest.mark.parametrize("lang, text, key", [
    ("ar", "وصل الوفد إلى باماكو. وقال رئيس الوزراء المالي الجنرال عبد الله مايغا إن الوضع هادئ.", "MLI"),
    ("ar", "وصل الوفد إلى باماكو. وأعلنت الحكومة المالية رفضها للخطة.", "MLI"),
    ("ar", "أعلنت كينشاسا الحداد. وقال الجيش الكونغولي إنه صد الهجوم.", "COD"),
    ("en", "Kinshasa declared mourning. The Congolese government said it repelled the attack.", "COD"),
])
def test_an_ambiguous_demonym_after_a_state_head_names_the_country_of_the_article(lang, text, key):
    rows = run_extraction(text, lang)
    assert any(key in art.actors or any(key in (c.subject, c.object) for c in art.claims) for art in rows), \
        [(a.actors.keys(), a.claims) for a in rows]


def test_the_person_gets_the_ambiguous_country(ar_rows):
    rows = ar_rows("وصل الوفد إلى باماكو. وقال رئيس الوزراء المالي الجنرال عبد الله مايغا إن الوضع هادئ.")
    assert ("عبد الله مايغا", "leaderOf", "MLI") in {r[:3] for r in rows}, rows


@pytest.mark.parametrize("lang, text, key", [
    ("ar", "قدمت الحكومة دعما ماليا لباماكو. وقال وزير المالية إن الأزمة المالية مستمرة.", None),  # financial
    ("ar", "وأعلنت الحكومة المالية رفضها للخطة.", "MLI"),  # no unambiguous mention of Mali in the article
    ("en", "The Congolese government said it repelled the attack.", "COD"),  # which Congo: not said
    ("en", "Kinshasa and Brazzaville met. The Congolese government said it was ready.", None),
])
def test_an_ambiguous_demonym_without_its_context_stays_unread(ar_rows, en_rows, lang, text, key):
    rows = (ar_rows if lang == "ar" else en_rows)(text)
    if key is None:  # no claim may rest on the ambiguous word
        assert not any(r[1] == "leaderOf" for r in rows), rows
    else:
        assert key not in _keys(text, lang)
