"""Who leads a body or a delegation, said by "led by" / "برئاسة" after it, on sentences
written for these tests: the person leads the body, or belongs to the body whose
delegation it leads, and is no argument of the clause's verb."""

import pytest


@pytest.mark.parametrize("lang, text, row", [
    ("en", "A Hamas delegation led by Khalil al-Hayya arrived in Cairo.", ("Khalil al-Hayya", "affiliatedWith", "hamas")),
    ("en", "The Rapid Support Forces, led by Mohamed Hamdan Dagalo, attacked the Sudanese army.",
     ("Mohamed Hamdan Dagalo", "leaderOf", "rsf")),
    ("en", "Egypt, Qatar and a Hamas delegation headed by Khalil al-Hayya held talks.", ("Khalil al-Hayya", "affiliatedWith", "hamas")),
    ("ar", "وصل وفد من حماس برئاسة خليل الحية إلى القاهرة.", ("خليل الحية", "affiliatedWith", "hamas")),
    ("ar", "أرسلت حماس وفدا يرأسه خليل الحية إلى القاهرة.", ("خليل الحية", "affiliatedWith", "hamas")),
    ("ar", "هاجمت قوات الدعم السريع بقيادة محمد حمدان دقلو الجيش السوداني.", ("محمد حمدان دقلو", "leaderOf", "rsf")),
])
def test_led_by(ar_rows, en_rows, lang, text, row):
    rows = (ar_rows if lang == "ar" else en_rows)(text)
    assert row in {r[:3] for r in rows}, rows


@pytest.mark.parametrize("lang, text, edge", [
    # the leader is no argument: the body acts
    ("en", "A Hamas delegation led by Khalil al-Hayya arrived in Cairo.", ("hamas", "visited", "EGY")),
    ("ar", "وصل وفد من حماس برئاسة خليل الحية إلى القاهرة.", ("hamas", "visited", "EGY")),
    ("ar", "هاجمت قوات الدعم السريع بقيادة محمد حمدان دقلو الجيش السوداني.", ("rsf", "attacked", "sudanese_army")),
])
def test_the_led_body_acts(ar_rows, en_rows, lang, text, edge):
    edges = {r[:3] for r in (ar_rows if lang == "ar" else en_rows)(text)}
    assert edge in edges and not [e for e in edges if e[1] in ("visited", "attacked") and e != edge], edges


def test_talks_led_by_a_minister_lead_no_actor(en_rows):
    rows = en_rows("The talks were led by Qatari Prime Minister Mohammed bin Abdulrahman Al Thani.")
    assert not [r for r in rows if r[1] in ("affiliatedWith", "leaderOf") and r[2] != "QAT"], rows


@pytest.mark.parametrize("lang, text", [
    # envoys and words sent are no supply
    ("en", "Hamas sent a delegation to Cairo."),
    ("en", "Russia sent a message to Ukraine."),
    ("ar", "أرسلت حماس وفدا إلى القاهرة."),
    ("ar", "أرسلت روسيا رسالة إلى أوكرانيا."),
])
def test_sent_envoys_are_no_supply(ar_rows, en_rows, lang, text):
    rows = (ar_rows if lang == "ar" else en_rows)(text)
    assert not [r for r in rows if r[1] == "supplied"], rows


@pytest.mark.parametrize("lang, text", [("en", "Russia sent tanks to Syria."), ("ar", "أرسلت روسيا دبابات إلى سوريا.")])
def test_sent_arms_are_supply(ar_rows, en_rows, lang, text):
    assert ("RUS", "supplied", "SYR") in {r[:3] for r in (ar_rows if lang == "ar" else en_rows)(text)}
