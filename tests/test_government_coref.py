""""The government" alone, on sentences written for these tests: the state whose government
the text named last ("رحبت الحكومة اللبنانية … قرار الحكومة"), and no one before any such
naming (kg/nlp/coref.py, ``[coreference] definite_government``)."""

import pytest

from tests.conftest import claim_triples, run_extraction


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
    assert edge in claim_triples(text, lang), claim_triples(text, lang)


@pytest.mark.parametrize("text, lang", [
    ("رفض الأمين العام لحزب الله نعيم قاسم قرار الحكومة.", "ar"),  # no government named before
    ("Hezbollah leader Naim Qassem accused the government of serving U.S. interests.", "en"),
    ("قالت لبنان إنها ترفض. ثم رفض الأمين العام لحزب الله نعيم قاسم قرار الحكومة.", "ar"),  # the state, not its government
])
def test_the_government_is_no_one_before_a_government_is_named(text, lang):
    assert not any(o in ("LBN",) and r in ("opposed", "accused") for _s, r, o in claim_triples(text, lang)), claim_triples(text, lang)


@pytest.mark.parametrize("text, lang, edge", [
    ("The Somali army said it killed 30 fighters. Al-Shabaab accused the army of killing civilians.", "en",
     ("al_shabaab", "accused", "som_army")),
    ("The Kenyan police said three officers were killed. Al-Shabaab threatened the police.", "en",
     ("al_shabaab", "threatened", "ken_police")),
    ("قال الجيش السوداني إنه صد هجوما. وكانت قوات الدعم السريع قد شنت هجمات بالمسيرات على مواقع الجيش.", "ar",
     ("rsf", "attacked", "sudanese_army")),
])
def test_the_army_is_the_army_named_last(text, lang, edge):
    assert edge in claim_triples(text, lang), claim_triples(text, lang)


@pytest.mark.parametrize("text, lang", [
    ("Al-Shabaab accused the army of killing civilians.", "en"),  # no army named before
    ("قال الجيش السوداني إنه صد هجوما. وأطلق الجيش المصري النار على مسلحين.", "ar"),  # another army, named
    ("قال الجيش الكوري الشعبي إنه أطلق صاروخا. وأطلق الجيش الجنوبي طلقات تحذيرية على كوريا الشمالية.", "ar"),
])
def test_the_army_is_no_one_unnamed_or_qualified(text, lang):
    found = claim_triples(text, lang)
    assert not any(s in ("sudanese_army", "kpa") and r in ("attacked", "threatened") for s, r, _o in found), found


def test_a_spokesman_of_the_army_speaks_for_the_army_named_last():
    art = run_extraction("قال الجيش السوداني إنه صد هجوما. وقال المتحدث باسم الجيش العميد نبيل عبد الله إن القوات "
                         "صدت الهجوم.", "ar")[0]
    assert any(a.affiliation == "sudanese_army" for a in art.actors.values() if a.type == "Person"), art.actors
