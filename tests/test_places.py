"""Cities as the place an attack hit (kg/extract/places.py, kg/data/places/cities.tsv), on
sentences written for these tests: the city stands for its state only as a missing target."""

import pytest


@pytest.mark.parametrize("lang, text, edge", [
    ("en", "Russia struck Kharkiv overnight.", ("RUS", "attacked", "UKR")),
    ("en", "Russian drones hit targets in Odesa.", ("RUS", "attacked", "UKR")),
    ("en", "A Russian drone strike on Odesa killed three people.", ("RUS", "attacked", "UKR")),
    ("en", "Russian missiles hit the eastern city of Kharkiv.", ("RUS", "attacked", "UKR")),
    ("ar", "قصفت روسيا خاركيف ليلا.", ("RUS", "attacked", "UKR")),
    ("ar", "قصفت روسيا مدينة خاركيف.", ("RUS", "attacked", "UKR")),
    ("ar", "شنت طائرات روسية غارات على حلب.", ("RUS", "attacked", "SYR")),
])
def test_a_city_hit_stands_for_its_state(ar_rows, en_rows, lang, text, edge):
    assert edge in {r[:3] for r in (ar_rows if lang == "ar" else en_rows)(text)}


@pytest.mark.parametrize("lang, text", [
    ("en", "Turkey and Russia held talks in Istanbul."),  # a venue, no party
    ("ar", "عقدت روسيا وأوكرانيا محادثات في إسطنبول."),
    ("en", "Ukraine's army shelled positions near Kharkiv."),  # its own state's city
    ("en", "Kharkiv residents fled the fighting."),  # no attack named
])
def test_a_city_is_no_actor(ar_rows, en_rows, lang, text):
    rows = (ar_rows if lang == "ar" else en_rows)(text)
    assert not [r for r in rows if "TUR" in r[:3] and r[1] == "metWith" and "RUS" not in r[:3]], rows
    assert not [r for r in rows if r[1] == "attacked"], rows
