"""A part in an act denied or claimed, a plan called off, a phrase set off by commas after a
negation, a place hit named before its event noun, and an event joined by another actor:
sentences written for these tests."""

import pytest


@pytest.mark.parametrize("lang, text, edge", [
    # a denied part ("involvement", "role", "أي تورط لها") in an act: the act, negative, by the denier's word
    ("en", "Hamas denied any involvement in the rocket attack on Israel.", ("hamas", "attacked", "ISR")),
    ("en", "Iran denied any role in the drone strike on US forces in Jordan.", ("IRN", "attacked", "USA")),
    ("en", "The PKK denied involvement in the Istanbul bombing.", ("pkk", "attacked", "TUR")),
    ("en", "Hamas denied any involvement in last week's attack on Israel.", ("hamas", "attacked", "ISR")),  # a time possessive
    ("ar", "نفت حركة حماس أي تورط لها في الهجوم الصاروخي على إسرائيل.", ("hamas", "attacked", "ISR")),
    ("ar", "نفت إيران أي دور لها في الهجوم على القوات الأمريكية في الأردن.", ("IRN", "attacked", "USA")),
    ("ar", "نفى حزب العمال الكردستاني أي تورط له في تفجير إسطنبول.", ("pkk", "attacked", "TUR")),
    ("ar", "نفت حركة حماس أي تورط لها في هجوم يوم السبت على إسرائيل.", ("hamas", "attacked", "ISR")),  # a time phrase
])
def test_a_denied_part_in_an_act_negates_the_act(lang, text, edge, lang_rows):
    rows = lang_rows(lang, text)
    assert (*edge, "negative", "asserted", edge[0]) in rows, rows
    assert not [r for r in rows if r[:3] == edge and r[3] == "positive"], rows


@pytest.mark.parametrize("lang, text", [
    # a part in a meeting denied: the meeting of its parties is not denied, nor is the denier a party
    ("en", "Turkey denied any role in the talks between Russia and Ukraine."),
    ("ar", "نفت تركيا أي دور لها في المحادثات بين روسيا وأوكرانيا."),
])
def test_a_denied_part_in_a_meeting_denies_no_meeting(lang, text, lang_rows):
    rows = lang_rows(lang, text)
    assert not [r for r in rows if "TUR" in r[:3:2]], rows
    assert not [r for r in rows if r[3] == "negative"], rows


@pytest.mark.parametrize("text, edge", [
    # the Pakistani Taliban are the TTP, not Afghanistan's Taliban
    ("The Pakistani Taliban claimed responsibility for the attack on Pakistani soldiers.", ("ttp", "attacked", "PAK")),
    ("The Islamic State claimed responsibility for the bombing in Kabul.", ("isis", "attacked", "AFG")),
])
def test_a_claimed_part_is_the_actors_own_statement(text, edge, en_rows):
    assert (*edge, "positive", "asserted", edge[0]) in en_rows(text)


def test_a_claim_of_another_stays_alleged(en_rows):
    rows = en_rows("Russia claimed that Ukraine shelled Belgorod.")
    assert not [r for r in rows if r[4] == "asserted" and r[1] == "attacked"], rows


@pytest.mark.parametrize("lang, text, edge", [
    # a plan called off (cancel, postpone, call off, ألغى, أرجأ) did not happen
    ("en", "U.S. Secretary of State Marco Rubio cancelled a planned trip to South Africa.", ("Marco Rubio", "visited", "ZAF")),
    ("en", "Erdogan postponed his visit to Washington.", ("Recep Tayyip Erdogan", "visited", "USA")),
    ("en", "Trump called off a meeting with Putin in Budapest.", ("Donald Trump", "metWith", "Vladimir Putin")),
    ("ar", "ألغى رئيس الوزراء العراقي محمد شياع السوداني زيارته المقررة إلى واشنطن الأسبوع المقبل.",
     ("محمد شياع السوداني", "visited", "USA")),
    ("ar", "أرجأ الرئيس التركي رجب طيب أردوغان زيارته إلى القاهرة.", ("رجب طيب أردوغان", "visited", "EGY")),
    ("ar", "ألغت الحكومة المصرية اجتماعا مع الوفد الإسرائيلي.", ("EGY", "metWith", "ISR")),
    # … named after the event, its parties' names and a time phrase between (not counted as words)
    ("en", "A meeting between Armenian Prime Minister Nikol Pashinyan and Azerbaijani President Ilham Aliyev, "
           "scheduled for Thursday in Abu Dhabi, has been postponed indefinitely.", ("Nikol Pashinyan", "metWith", "Ilham Aliyev")),
    # … and one ruled out
    ("en", "Orban again ruled out sending weapons to Ukraine.", ("Viktor Orbán", "supplied", "UKR")),
    ("ar", "استبعد وزير الخارجية المصري بدر عبد العاطي عقد أي لقاء قريب بين الرئيس عبد الفتاح السيسي ورئيس الوزراء "
           "الإسرائيلي بنيامين نتنياهو.", ("عبد الفتاح السيسي", "metWith", "بنيامين نتنياهو")),
])
def test_a_plan_called_off_is_negative(lang, text, edge, lang_rows):
    rows = lang_rows(lang, text)
    assert [r for r in rows if r[:4] == (*edge, "negative")], rows
    assert not [r for r in rows if r[:4] == (*edge, "positive")], rows


@pytest.mark.parametrize("lang, text, edge", [
    # the cancellation of another act leaves this one: a visit after a meeting called off
    ("ar", "زار الرئيس التركي القاهرة بعد أن ألغى الاجتماع مع وزير الخارجية.", ("TUR", "visited", "EGY")),
    ("en", "Erdogan visited Cairo after he cancelled a meeting with the foreign minister.", ("Recep Tayyip Erdogan", "visited", "EGY")),
])
def test_a_cancellation_of_another_act_leaves_this_one(lang, text, edge, lang_rows):
    rows = lang_rows(lang, text)
    assert [r for r in rows if r[:4] == (*edge, "positive")], rows


@pytest.mark.parametrize("text, edge, polarity", [
    # a phrase set off by commas after a negation or an auxiliary is read past
    ("The European Union will not, for now, impose sanctions on Israel.", ("eu", "sanctioned", "ISR"), "negative"),
    ("The European Union will not, at this stage, impose sanctions on Israel.", ("eu", "sanctioned", "ISR"), "negative"),
    ("The EU has, in recent weeks, supplied Ukraine with artillery shells.", ("eu", "supplied", "UKR"), "positive"),
    ("Iran, for its part, accused Israel of attacking its embassy.", ("IRN", "accused", "ISR"), "positive"),
])
def test_a_parenthetical_after_a_negation_is_read_past(text, edge, polarity, en_rows):
    rows = en_rows(text)
    assert [r for r in rows if r[:4] == (*edge, polarity)], rows


@pytest.mark.parametrize("text, edge", [
    # a place named before an event noun of a place hit, after an article: the place hit
    ("The PKK carried out the Istanbul bombing, Turkey said.", ("pkk", "attacked", "TUR")),
    ("Ukraine carried out the Moscow drone attack, Russian officials said.", ("UKR", "attacked", "RUS")),
    ("Israel launched the Beirut strike on Tuesday.", ("ISR", "attacked", "LBN")),
    ("Islamic State claimed responsibility for the Kabul airport bombing.", ("isis", "attacked", "AFG")),
])
def test_a_place_before_the_event_noun_is_hit(text, edge, en_rows):
    assert [r for r in en_rows(text) if r[:4] == (*edge, "positive")]


@pytest.mark.parametrize("text, edge", [
    # a state's name or an object after the noun: the name before is the agent
    ("The Kyiv strike on Moscow was condemned by Russia.", ("UKR", "attacked", "RUS")),
    ("The US strike on Iran killed a commander.", ("USA", "attacked", "IRN")),
    ("The Kremlin attacks Ukraine almost daily.", ("RUS", "attacked", "UKR")),
])
def test_a_name_before_a_noun_with_an_object_is_its_agent(text, edge, en_rows):
    rows = en_rows(text)
    assert [r for r in rows if r[:4] == (*edge, "positive")], rows
    assert not [r for r in rows if r[:3] == (edge[2], edge[1], edge[0])], rows


@pytest.mark.parametrize("lang, text, edges", [
    # an event joined: whoever joins acts ("EU sanctions", "العقوبات الأمريكية" are the owner's)
    ("en", "Serbia will not join EU sanctions against Russia.", [("SRB", "sanctioned", "RUS", "negative")]),
    ("en", "Japan joined US sanctions on Iran.", [("JPN", "sanctioned", "IRN", "positive")]),
    ("en", "Serbia refused to join the EU sanctions on Russia.", [("SRB", "sanctioned", "RUS", "negative")]),
    ("ar", "لن تنضم الصين إلى العقوبات الأمريكية على إيران.", [("CHN", "sanctioned", "IRN", "negative")]),
    ("ar", "شاركت بريطانيا في الضربات الأمريكية على الحوثيين.", [("GBR", "attacked", "houthis", "positive")]),
    ("ar", "لم تشارك لا السعودية ولا الإمارات في الضربات الأميركية الأخيرة على مواقع الحوثيين في صنعاء.",
     [("SAU", "attacked", "houthis", "negative"), ("ARE", "attacked", "houthis", "negative")]),
])
def test_whoever_joins_an_event_acts(lang, text, edges, lang_rows):
    rows = lang_rows(lang, text)
    for edge in edges:
        assert [r for r in rows if r[:4] == edge], rows
    assert not [r for r in rows if r[0] in ("eu", "USA") and r[3] == "negative"], rows


@pytest.mark.parametrize("lang, text, edge", [
    # no joining verb: the owner of the event acts
    ("en", "The EU sanctions on Russia hurt Serbia.", ("eu", "sanctioned", "RUS")),
    ("ar", "انتقدت روسيا العقوبات الأمريكية على إيران.", ("USA", "sanctioned", "IRN")),
])
def test_without_a_joining_verb_the_owner_acts(lang, text, edge, lang_rows):
    assert [r for r in lang_rows(lang, text) if r[:4] == (*edge, "positive")]
