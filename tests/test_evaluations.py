"""Reproaches and circumstantial participles, on sentences written for these tests: what a
speaker calls an actor or its acts is criticism when the words are a reproach; an Arabic
participle set off by a comma ("، متهمة X") belongs to the main clause's subject."""

import pytest

from kg.pipeline import make_nlp


@pytest.mark.parametrize("lang, text, edge", [
    ("en", 'Rutte condemned the incursion, calling Russia\'s behaviour "reckless".', ("Mark Rutte", "criticized", "RUS")),
    ("en", "Russia called the US sanctions illegal.", ("RUS", "criticized", "USA")),
    ("en", "Turkey described Greece's move as a provocation.", ("TUR", "criticized", "GRC")),
    ("ar", 'ووصفت وزارة الخارجية الفلبينية الخطوة الصينية بأنها "غير قانونية".', ("phl_mfa", "criticized", "CHN")),
    ("ar", "ووصفت إيران الضربات الإسرائيلية بأنها عدوان سافر.", ("IRN", "criticized", "ISR")),
    ("ar", 'ورفضت مصر الاتهامات، واصفة ما ساقته إثيوبيا بأنه "حجج واهية".', ("EGY", "criticized", "ETH")),
    # circumstantial participles: the main clause's subject accuses the actor after them
    ("ar", "هاجمت روسيا كييف، متهمة أوكرانيا بقصف مناطقها الحدودية.", ("RUS", "accused", "UKR")),
    ("ar", "وصدمت سفينة خفر السواحل الصيني سفينة فلبينية، متهمة مانيلا بالاستفزاز المتعمد.", ("chn_coast_guard", "accused", "PHL")),
    ("ar", "وقالت مصر إن إسرائيل هاجمت غزة، متهمة حماس بخرق الهدنة.", ("EGY", "accused", "hamas")),
    ("en", "Israel said Hamas attacked its border posts, accusing Iran of arming the group.", ("ISR", "accused", "IRN")),
    ("en", "NATO chief Mark Rutte said the alliance's air defences worked, calling Russia's behaviour \"reckless\".",
     ("Mark Rutte", "criticized", "RUS")),
])
def test_reproaches_and_participles(ar_rows, en_rows, lang, text, edge):
    rows = (ar_rows if lang == "ar" else en_rows)(text)
    assert any(r[:3] == edge and r[3] == "positive" for r in rows), rows


@pytest.mark.parametrize("lang, text, absent", [
    ("en", "Macron called Modi a friend of France.", ("Emmanuel Macron", "criticized")),
    ("en", "Turkey described Greece as a close partner.", ("TUR", "criticized")),
    ("ar", "ووصف الرئيس التركي فرنسا بأنها شريك استراتيجي.", (None, "criticized")),
    ("ar", "وروسيا متهمة بقصف أوكرانيا.", ("RUS", "accused")),  # a passive participle: Russia is the accused
    ("en", "The US imposed sanctions on Iran, targeting its oil exports.", ("USA", "attacked")),
    ("ar", "هاجمت روسيا كييف، متهمة أوكرانيا بقصف مناطقها الحدودية.", ("UKR", "attacked", "RUS", "positive", "asserted")),
])
def test_reproaches_and_participles_that_must_not_fire(ar_rows, en_rows, lang, text, absent):
    rows = (ar_rows if lang == "ar" else en_rows)(text)
    assert not any((absent[0] is None or r[0] == absent[0]) and r[1:len(absent)] == absent[1:] for r in rows), rows


@pytest.mark.parametrize("lang, text, tokens", [
    ("ar", 'بأنه "حجج واهية".', ["واهية", '"', "."]),
    ("ar", "قال «نعم».", ["نعم", "»", "."]),
    ("en", 'called it "reckless".', ["reckless", '"', "."]),
])
def test_punctuation_after_a_closing_quote_is_split(lang, text, tokens):
    words = [t.text for t in make_nlp(lang).make_doc(text)]
    assert words[-3:] == tokens
