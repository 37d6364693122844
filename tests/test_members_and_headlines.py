"""A body's members marked as their phrase is, a headline's comma-joined subject before a
verb of no relation, and news verbs added as lemmas: sentences written for these tests."""

import pytest


@pytest.mark.parametrize("lang, text, edge", [
    # commanders, leaders or members of a body stand for it, with the preposition of their phrase
    ("en", "Britain imposed sanctions on commanders of the Rapid Support Forces.", ("GBR", "sanctioned", "rsf")),
    ("en", "The EU imposed sanctions on members of the Wagner group.", ("eu", "sanctioned", "wagner")),
    ("en", "Israel carried out a strike on leaders of Hamas in Doha.", ("ISR", "attacked", "hamas")),
    ("en", "Iran seized an oil tanker belonging to a Greek company.", ("IRN", "attacked", "GRC")),
    ("ar", "وفرضت بريطانيا الخميس عقوبات على قادة في قوات الدعم السريع.", ("GBR", "sanctioned", "rsf")),
    ("ar", "وفرضت واشنطن عقوبات على قياديين في حماس.", ("USA", "sanctioned", "hamas")),
    ("ar", "وشنت إسرائيل غارة على قيادي في حزب الله.", ("ISR", "attacked", "hezbollah")),
])
def test_members_of_a_body_stand_for_it(lang, text, edge, ar_edges, en_edges):
    assert (*edge, "positive") in (ar_edges if lang == "ar" else en_edges)(text)


def test_officials_in_a_capital_are_its_state(en_edges):
    assert ("Antony Blinken", "metWith", "CHN", "positive") in en_edges("Blinken held talks with officials in Beijing.")


@pytest.mark.parametrize("text, edge", [
    ("Morocco, Israel ink drone deal", ("MAR", "cooperatedWith", "ISR", "positive")),
    ("Armenia, Azerbaijan fail to clinch peace deal", ("ARM", "cooperatedWith", "AZE", "negative")),
    ("Philippines, US begin joint military drills", ("PHL", "cooperatedWith", "USA", "positive")),
    ("Egypt, Sudan seal water deal", ("EGY", "cooperatedWith", "SDN", "positive")),
])
def test_a_headlines_comma_pair_is_its_subject(text, edge, en_edges):
    assert edge in en_edges(text)


@pytest.mark.parametrize("text", [
    "In Syria, Turkey struck Kurdish positions.",  # a place phrase opens the sentence
    "Israel, Hamas said, violated the truce.",  # a speech verb between
])
def test_a_comma_pair_that_is_no_headline_subject(text, en_edges):
    assert not {e for e in en_edges(text) if e[1] == "cooperatedWith"}
    assert ("SYR", "attacked", "TUR", "positive") not in en_edges(text)


@pytest.mark.parametrize("text, edge", [
    ("South Africa rebuffs US pressure over the genocide case", ("ZAF", "opposed", "USA")),
    ("India spurned Chinese demands to withdraw its troops.", ("IND", "opposed", "CHN")),
    ("Turkey rebuffed Sweden.", ("TUR", "opposed", "SWE")),
    ("Russian drones slammed into an apartment block in Odesa overnight.", ("RUS", "attacked", "UKR")),
    ("A Ukrainian drone smashed into a refinery in Russia.", ("UKR", "attacked", "RUS")),
])
def test_news_verbs_as_lemmas(text, edge, en_edges):
    assert (*edge, "positive") in en_edges(text)


def test_slamming_into_an_opponent_is_no_attack(en_edges):
    assert not en_edges("The minister slammed into the opposition of Hungary.")
