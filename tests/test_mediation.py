"""Mediators (kg/extract/mediation.py) and places hit by an event noun, on sentences written
for these tests: a mediator that brokered a deal cooperates with each party and with its
co-mediators, and is no party of the deal itself; one that is still mediating brokered nothing."""

import pytest


def _has(rows, edge, polarity="positive"):
    s, r, o = edge
    symmetric = r in ("cooperatedWith", "metWith")
    return any(row[1] == r and row[3] == polarity and
               ((row[0], row[2]) == (s, o) or (symmetric and (row[0], row[2]) == (o, s))) for row in rows)


@pytest.mark.parametrize("lang, text, edges", [
    ("en", "Pakistan and Afghanistan agreed to a truce after talks mediated by Qatar and Turkey.",
     [("QAT", "cooperatedWith", "PAK"), ("TUR", "cooperatedWith", "AFG"), ("QAT", "cooperatedWith", "TUR"),
      ("PAK", "cooperatedWith", "AFG")]),
    ("en", "Israel and Hamas agreed to a truce brokered by Egypt.",
     [("EGY", "cooperatedWith", "ISR"), ("EGY", "cooperatedWith", "hamas")]),
    ("en", "Thanks to Egypt's mediation, Israel and Hamas signed an agreement.",
     [("EGY", "cooperatedWith", "ISR"), ("ISR", "cooperatedWith", "hamas")]),
    ("en", "Israel and Hamas signed an agreement. The deal was brokered by Egypt and Qatar.",
     [("EGY", "cooperatedWith", "hamas"), ("QAT", "cooperatedWith", "ISR"), ("EGY", "cooperatedWith", "QAT")]),
    ("ar", "توصلت باكستان وأفغانستان إلى اتفاق لوقف إطلاق النار بوساطة قطر وتركيا.",
     [("QAT", "cooperatedWith", "PAK"), ("TUR", "cooperatedWith", "AFG"), ("QAT", "cooperatedWith", "TUR")]),
    ("ar", "وقعت إسرائيل وحماس اتفاقا برعاية أميركية.",
     [("USA", "cooperatedWith", "ISR"), ("USA", "cooperatedWith", "hamas"), ("ISR", "cooperatedWith", "hamas")]),
    ("ar", "اتفقت إسرائيل وحماس على هدنة. وجاء ذلك بوساطة مصرية.",
     [("EGY", "cooperatedWith", "ISR"), ("EGY", "cooperatedWith", "hamas")]),
    ("ar", "توسطت قطر في اتفاق بين إسرائيل وحماس.",
     [("QAT", "cooperatedWith", "ISR"), ("ISR", "cooperatedWith", "hamas")]),
])
def test_mediators_cooperate_with_the_parties(ar_rows, en_rows, lang, text, edges):
    rows = (ar_rows if lang == "ar" else en_rows)(text)
    for edge in edges:
        assert _has(rows, edge), (edge, rows)


@pytest.mark.parametrize("lang, text, absent", [
    # the mediator signed nothing with one party alone
    ("ar", "وقعت إسرائيل وحماس اتفاقا برعاية أميركية.", ("USA", "cooperatedWith", "USA")),
    ("en", "Israel and Hamas signed an agreement. The deal was brokered by Egypt and Qatar.", ("EGY", "cooperatedWith", "EGY")),
    # still mediating: no deal brokered yet
    ("ar", "وتتوسط القاهرة والدوحة في صفقة بين حماس وإسرائيل.", ("EGY", "cooperatedWith", "hamas")),
    ("en", "Qatar is mediating a deal between Israel and Hamas.", ("QAT", "cooperatedWith", "ISR")),
    # health care is no sponsorship
    ("ar", "وقدمت مصر الرعاية الصحية للجرحى بعد لقاء إسرائيل وحماس.", ("EGY", "cooperatedWith", "ISR")),
])
def test_mediation_that_must_not_fire(ar_rows, en_rows, lang, text, absent):
    rows = (ar_rows if lang == "ar" else en_rows)(text)
    assert not _has(rows, absent), rows


@pytest.mark.parametrize("lang, text, edge", [
    # an attack noun with the place right after it: the place's state is hit
    ("en", "Islamabad carried out air strikes in Kabul.", ("PAK", "attacked", "AFG")),
    ("en", "Israel launched strikes in Lebanon overnight.", ("ISR", "attacked", "LBN")),
    ("ar", "وشنت باكستان غارات جوية في كابول.", ("PAK", "attacked", "AFG")),
    ("ar", "نفذت إسرائيل غارات في لبنان.", ("ISR", "attacked", "LBN")),
    # a time adverb between the subject and the verb governing an event noun
    ("en", "Trump has so far held off on new sanctions against Moscow.", ("Donald Trump", "sanctioned", "RUS")),
])
def test_event_noun_arguments(ar_rows, en_rows, lang, text, edge):
    rows = (ar_rows if lang == "ar" else en_rows)(text)
    assert any(r[:3] == edge for r in rows), rows


@pytest.mark.parametrize("lang, text, absent", [
    ("en", "Pakistan's ambassador in Kabul met Taliban officials.", ("PAK", "attacked", "AFG")),
    ("en", "Russia condemned the strikes in Syria.", ("RUS", "attacked", "SYR")),
    ("ar", "أدانت روسيا الغارات في سوريا.", ("RUS", "attacked", "SYR")),
    ("en", "Iran said the attacks on Israel in Syria were planned.", ("IRN", "attacked", "SYR")),
])
def test_event_noun_places_that_must_not_fire(ar_rows, en_rows, lang, text, absent):
    rows = (ar_rows if lang == "ar" else en_rows)(text)
    assert not any(r[:3] == absent for r in rows), rows


@pytest.mark.parametrize("lang, text", [
    # a host of talks between two sides meets each side (FORMAT: mediators that only hold talks)
    ("en", "Oman hosted a meeting between Iran and the United States."),
    ("ar", "استضافت سلطنة عمان اجتماعا بين إيران والولايات المتحدة."),
])
def test_the_host_of_talks_meets_each_side(ar_rows, en_rows, lang, text):
    edges = {(r[0], r[1], r[2]) for r in (ar_rows if lang == "ar" else en_rows)(text)}
    assert {("OMN", "metWith", "IRN"), ("OMN", "metWith", "USA")} <= edges, edges
    assert not [e for e in edges if e[1] == "cooperatedWith"], edges
