"""Allies named by a noun are cooperation (kg/extract/alliances.py). Sentences written for these tests."""

import pytest


@pytest.mark.parametrize("lang, text", [
    ("en", "Drones entered Polish airspace from Belarus, Russia's close ally, officials said."),
    ("en", "Belarus, a close ally of Russia, hosted the drills."),
    ("en", "Russia's ally Belarus hosted the drills."),
    ("en", "Russia and its ally Belarus held drills."),
    ("ar", "وقالت بيلاروسيا، حليفة روسيا الوثيقة، إنها لم تتدخل."),
    ("ar", "وأجرت روسيا وحليفتها بيلاروسيا مناورات."),
])
def test_an_ally_named_by_a_noun_cooperates_with_its_owner(ar_rows, en_rows, lang, text):
    rows = (ar_rows if lang == "ar" else en_rows)(text)
    assert any({r[0], r[2]} == {"BLR", "RUS"} and r[1] == "cooperatedWith" for r in rows), rows


@pytest.mark.parametrize("lang, text", [
    ("en", "Russia said its allies would respond to Belarus."),  # no ally named
    ("en", "Belarus said allies of the region met."),
    ("ar", "وقال حلفاء روسيا إنهم سيردون على بيلاروسيا."),
])
def test_allies_without_a_named_ally_give_no_claim(ar_rows, en_rows, lang, text):
    rows = (ar_rows if lang == "ar" else en_rows)(text)
    assert not any(r[1] == "cooperatedWith" for r in rows), rows
