""""The government" alone, on sentences written for these tests: the state whose government
the text named last ("رحبت الحكومة اللبنانية … قرار الحكومة"), and no one before any such
naming (kg/nlp/coref.py, ``[coreference] definite_government``)."""

import pytest

from tests.conftest import run_extraction


def triples(text: str, lang: str) -> set[tuple[str, str, str]]:
    return {(c.subject, c.relation, c.object) for art in run_extraction(text, lang) for c in art.claims}


@pytest.mark.parametrize("text, lang, edge", [
    ("رحبت الحكومة اللبنانية بخطة الجيش. ورفض الأمين العام لحزب الله نعيم قاسم قرار الحكومة.", "ar",
     ("naim_qassem", "opposed", "LBN")),
    ("أعلنت الحكومة العراقية فتح تحقيق. واتهم زعيم التيار الصدري مقتدى الصدر الحكومة بالتقصير.", "ar",
     ("muqtada_al_sadr", "accused", "IRQ")),
    ("The Lebanese government welcomed the plan. Hezbollah leader Naim Qassem accused the government of serving U.S. interests.",
     "en", ("naim_qassem", "accused", "LBN")),
    ("Kenya's government denied the report. Al-Shabaab threatened the government with new attacks.", "en",
     ("al_shabaab", "threatened", "KEN")),
])
def test_the_government_is_the_state_named_with_it_last(text, lang, edge):
    assert edge in triples(text, lang), triples(text, lang)


@pytest.mark.parametrize("text, lang", [
    ("رفض الأمين العام لحزب الله نعيم قاسم قرار الحكومة.", "ar"),  # no government named before
    ("Hezbollah leader Naim Qassem accused the government of serving U.S. interests.", "en"),
    ("قالت لبنان إنها ترفض. ثم رفض الأمين العام لحزب الله نعيم قاسم قرار الحكومة.", "ar"),  # the state, not its government
])
def test_the_government_is_no_one_before_a_government_is_named(text, lang):
    assert not any(o in ("LBN",) and r in ("opposed", "accused") for _s, r, o in triples(text, lang)), triples(text, lang)
