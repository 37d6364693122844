"""Towns, the second tier of the places (kg/data/places/towns.tsv): a town an attack hit
stands for its state only right after a place noun ("the town of Kupiansk", "بلدة كوبيانسك"),
while a large city (cities.tsv) counts anywhere, as before."""

from __future__ import annotations

import pytest

from kg.extract.places import city_index, town_index
from kg.nlp.normalize import match_key


def _state(index, name: str) -> set[str]:
    words = tuple(match_key(name).split())
    return {state for found, state in index.get(words[0], []) if found == words}


@pytest.mark.parametrize("text", [
    "Russian forces shelled the town of Kupiansk on Saturday.",
    "Russian artillery pounded the eastern town of Pokrovsk overnight.",
    "Russian missiles struck the city of Kramatorsk, killing four people.",
    "A Russian drone attack hit the port of Berdyansk.",  # "port", not "port of"
])
def test_english_town_after_a_place_noun(en_edges, text):
    assert ("RUS", "attacked", "UKR", "positive") in en_edges(text)


def test_english_village_hit_by_israel_is_lebanon(en_edges):
    assert ("ISR", "attacked", "LBN", "positive") in en_edges("Israeli jets struck the village of Baalbek on Monday.")


@pytest.mark.parametrize("text", [
    "قصفت القوات الروسية بلدة كوبيانسك يوم السبت.",
    "غارات روسية على مدينة كراماتورسك.",
    "قصف مدفعي روسي لبلدة باخموت.",  # the preposition on the place noun
    "غارات روسية ببلدة كوبيانسك الحدودية.",
])
def test_arabic_town_after_a_place_noun(ar_edges, text):
    assert ("RUS", "attacked", "UKR", "positive") in ar_edges(text)


def test_arabic_town_hit_by_israel_is_lebanon(ar_edges):
    assert ("ISR", "attacked", "LBN", "positive") in ar_edges("غارات إسرائيلية على مدينة بعلبك.")


@pytest.mark.parametrize("lang, text", [
    ("en", "Russian forces shelled Kupiansk on Saturday."),
    ("en", "Russian forces shelled the outskirts of Kupiansk."),  # "of" alone is no place noun
    ("ar", "قصفت القوات الروسية كوبيانسك يوم السبت."),
])
def test_a_town_without_a_place_noun_is_no_target(en_edges, ar_edges, lang, text):
    edges = en_edges(text) if lang == "en" else ar_edges(text)
    assert not {e for e in edges if e[1] == "attacked"}, edges


def test_a_large_city_still_counts_anywhere(en_edges, ar_edges):
    assert ("RUS", "attacked", "UKR", "positive") in en_edges("Russian forces shelled Kharkiv.")
    assert ("RUS", "attacked", "UKR", "positive") in ar_edges("قصفت روسيا خاركيف.")


@pytest.mark.parametrize("text", [
    "شنت إسرائيل غارات على المنطقة الخضراء.",  # the Green Zone, not Rahat
    "قصفت روسيا منطقة الساحل.",  # the coast, not As Sahil in Egypt
])
def test_an_arabic_common_word_after_a_place_noun_is_no_town(ar_edges, text):
    assert not {e for e in ar_edges(text) if e[1] == "attacked" and e[2] in ("ISR", "EGY")}


def test_english_words_are_no_town_names():
    index = town_index("en")
    for word in ("hope", "bath", "reading", "mobile", "green"):
        assert not _state(index, word), word


def test_the_tiers_do_not_share_a_name():
    cities, towns = city_index("en"), town_index("en")
    for name in ("Kharkiv", "Aleppo", "Mosul"):
        assert _state(cities, name) and not _state(towns, name), name
    assert _state(towns, "Kupiansk") == {"UKR"} and not _state(cities, "Kupiansk")
    assert _state(town_index("ar"), "كوبيانسك") == {"UKR"}


def test_a_name_of_two_states_is_no_town():
    # Rafah is in Egypt and in Palestine (whose places the annotation codes to no state)
    assert not _state(town_index("en"), "Rafah") and not _state(town_index("ar"), "رفح")
