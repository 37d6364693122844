"""State bodies by pattern (kg/nlp/bodies.py), on sentences written for these tests."""

import pytest

from tests.conftest import run_extraction


def actors(text: str, lang: str) -> dict:
    return {k: a for art in run_extraction(text, lang) for k, a in art.actors.items()}


@pytest.mark.parametrize("text, lang, key, state", [
    ("The Ethiopian army shelled Eritrea on Monday.", "en", "eth_army", "ETH"),
    ("Mali's defence ministry accused Algeria of arming rebels.", "en", "mli_mod", "MLI"),
    ("The Kenyan navy intercepted a Somali boat.", "en", "ken_navy", "KEN"),
    ("Washington sanctioned the Iranian central bank.", "en", "irn_central_bank", "IRN"),
    ("هاجم الجيش الإثيوبي مواقع في إريتريا.", "ar", "eth_army", "ETH"),
    ("أدانت وزارة الخارجية الليبية الهجوم.", "ar", "lby_mfa", "LBY"),
    ("وقالت الخارجية الكينية إن الزيارة ناجحة.", "ar", "ken_mfa", "KEN"),
    ("فرضت واشنطن عقوبات على البنك المركزي اليمني.", "ar", "yem_central_bank", "YEM"),
])
def test_state_and_body_noun_give_an_organization_of_that_state(text, lang, key, state):
    found = actors(text, lang)
    assert key in found, sorted(found)
    assert found[key].type == "Organization" and found[key].affiliation == state


def test_same_body_is_one_node_across_languages():
    en = actors("The Ethiopian army shelled Eritrea.", "en")
    ar = actors("قصف الجيش الإثيوبي إريتريا.", "ar")
    assert "eth_army" in en and "eth_army" in ar


def test_a_known_body_keeps_its_known_key():
    """The Pentagon says it is the USA's defence ministry: "the US defense ministry" is it."""
    assert "pentagon" in actors("The US defense ministry criticized Iran.", "en")


def test_the_body_alone_is_a_label():
    found = actors("Mali's defence ministry accused Algeria of arming rebels.", "en")
    assert "defence ministry" in found["mli_mod"].alt_labels["en"]


@pytest.mark.parametrize("text, lang, state", [
    ("Turkish forces struck Iraq on Sunday.", "en", "TUR"),  # unnamed troops stand for the state
    ("An army of volunteers attacked Russia.", "en", None),
    ("قصفت القوات التركية العراق.", "ar", "TUR"),
    ("وأحيت فرقة موسيقية مصرية حفلا في القاهرة.", "ar", None),
    # the masculine nisba goes with the spokesman, not with the (feminine) ministry
    ("وقال المتحدث باسم الخارجية الكيني إن الزيارة ناجحة.", "ar", None),
])
def test_no_body_without_a_state_and_a_body_noun(text, lang, state):
    found = actors(text, lang)
    assert not [k for k, a in found.items() if a.type == "Organization" and not k.startswith(("un", "nato"))], found
    if state:
        assert state in found


@pytest.mark.parametrize("text, lang, key, label", [
    ("Russia's defence ministry said its forces struck Kharkiv.", "en", "rus_mod", "defence ministry"),
    ("وقالت وزارة الدفاع الروسية إن قواتها قصفت خاركيف.", "ar", "rus_mod", "وزارة الدفاع"),
])
def test_a_known_body_named_whole_also_has_the_body_alone_as_a_label(text, lang, key, label):
    actors = {k: a for art in run_extraction(text, lang) for k, a in art.actors.items()}
    names = {actors[key].labels.get(lang)} | actors[key].alt_labels.get(lang, set())
    assert label in names, names


def test_a_seat_of_government_stands_for_its_government():
    """"أربيل", "Erbil": the Kurdistan Regional Government, as the Kremlin is Russia's."""
    assert "krg" in actors("واتهمت أربيل بغداد بخرق الاتفاق.", "ar")
    assert "krg" in actors("Erbil accused Baghdad of breaking the deal.", "en")


def test_a_nameless_office_is_no_name_of_its_state():
    """"زعيم كوريا الشمالية" stands for the state where no holder is found, but it is not one
    of the state's names."""
    arts = run_extraction("قال زعيم كوريا الشمالية إن بلاده مستعدة.", "ar")
    names = {n for a in arts if "PRK" in a.actors
             for n in [a.actors["PRK"].labels.get("ar")] + sorted(a.actors["PRK"].alt_labels.get("ar", set()))}
    assert "زعيم كوريا الشمالية" not in names, names


@pytest.mark.parametrize("text, lang, key", [
    ("The U.S. embassy in Manila condemned China's reckless actions.", "en", "usa_embassy_phl"),
    ("Russia's embassy in Amman said the meeting was cancelled.", "en", "rus_embassy_jor"),
    ("ودانت السفارة الأميركية في مانيلا الأفعال الصينية.", "ar", "usa_embassy_phl"),
    ("وقالت السفارة الروسية لدى الأردن إن الاجتماع ألغي.", "ar", "rus_embassy_jor"),
])
def test_an_embassy_is_a_body_of_its_state_named_with_its_host(text, lang, key):
    found = actors(text, lang)
    assert key in found, sorted(found)
    assert found[key].affiliation == key[:3].upper()
    assert key[-3:].upper() not in found  # the host is a place in the name, not an actor


def test_an_embassy_without_a_state_is_no_body():
    found = actors("The embassy in Manila was closed on Friday.", "en")
    assert not any("embassy" in k for k in found), sorted(found)


@pytest.mark.parametrize("text, lang, state", [
    ("The U.S. State Department ordered its staff to leave Bamako.", "en", "USA"),
    ("The Ethiopian army shelled positions near the border.", "en", "ETH"),
    ("وأعلنت وزارة الخارجية الأمريكية إجلاء موظفيها.", "ar", "USA"),
])
def test_the_state_named_in_a_bodys_name_is_mentioned(text, lang, state):
    art = run_extraction(text, lang)[0]
    assert state in art.actors and state in {m.actor for m in art.mentions}


def test_a_state_inside_a_bodys_name_is_no_argument():
    """"the U.S. State Department criticized Iran": the department criticized, not the state."""
    rows = {(c.subject, c.relation, c.object) for art in run_extraction("The U.S. State Department criticized Iran.", "en")
            for c in art.claims}
    assert ("us_state_dept", "criticized", "IRN") in rows and not any(r[0] == "USA" for r in rows)


@pytest.mark.parametrize("text, lang, key, group", [
    ("Islamic State's Mozambique branch attacked villages in the north.", "en", "isis_moz", "isis"),
    ("Al-Qaeda's Yemen branch claimed the attack.", "en", "al_qaeda_yem", "al_qaeda"),
    ("وهاجم مقاتلو فرع تنظيم الدولة في موزمبيق قرى في الشمال.", "ar", "isis_moz", "isis"),
    ("وتبنى فرع تنظيم القاعدة في اليمن الهجوم.", "ar", "al_qaeda_yem", "al_qaeda"),
])
def test_a_groups_branch_in_a_state_is_a_body_of_the_group(text, lang, key, group):
    found = actors(text, lang)
    assert key in found and found[key].affiliation == group, sorted(found)


@pytest.mark.parametrize("text, lang", [
    ("Russia's Mozambique branch closed.", "en"),  # a state has no branch
    ("افتتح فرع البنك في مصر.", "ar"),  # no known group
])
def test_no_branch_without_a_group_and_a_state(text, lang):
    assert not [k for k in actors(text, lang) if "_" in k], sorted(actors(text, lang))


@pytest.mark.parametrize("text, lang, key, state", [
    # a body named alone is the home state's: the state the article has named most as an actor
    ("Colombia recalled its ambassador from Washington. The Foreign Ministry called the decision unacceptable.",
     "en", "col_mfa", "COL"),
    ("Russia launched strikes on Kyiv on Monday. The Defence Ministry said it hit military targets.", "en", "rus_mod", "RUS"),
    ("أغلقت الجزائر مجالها الجوي أمام مالي. ورفضت وزارة الخارجية الاتهامات المالية.", "ar", "dza_mfa", "DZA"),
    ("هاجمت إثيوبيا مواقع في إريتريا. وقالت وزارة الدفاع إنها دمرت مخازن أسلحة.", "ar", "eth_mod", "ETH"),
])
def test_a_body_named_alone_is_the_home_states(text, lang, key, state):
    found = actors(text, lang)
    assert key in found and found[key].affiliation == state, sorted(found)


@pytest.mark.parametrize("text, lang", [
    ("The Foreign Ministry said the talks had failed.", "en"),  # no state named before it
    ("Russia said the army had withdrawn.", "en"),  # English services need their state
    ("أعلنت الجزائر أن الجيش الوطني الشعبي أسقط طائرة.", "ar"),  # the nisba continues a name
])
def test_no_home_state_body_without_a_state_or_with_a_longer_name(text, lang):
    found = actors(text, lang)
    assert not [k for k in found if k.endswith(("_mfa", "_army"))], sorted(found)


@pytest.mark.parametrize("text", [
    "زار بيونغ يانغ وزير الدفاع الروسي ونائب وزير الخارجية.",  # a title, not the ministry
    "بدأت روسيا تكتسب هامشا أكبر في سياستها الخارجية.",  # "foreign" policy
    "قال قائد الجيش إن روسيا هاجمت أوكرانيا.",  # the army heads a title
])
def test_a_short_body_word_alone_is_no_body(text):
    assert not [k for k in actors(text, "ar") if k.endswith(("_mfa", "_army", "_mod"))]


# an intelligence or security service named with its state is a body of that state (issue 14)
@pytest.mark.parametrize("lang, text, edge", [
    ("en", "Armenia's National Security Service accused Russia's Federal Security Service of funnelling money to opposition groups.",
     ("arm_intelligence", "accused", "rus_intelligence")),
    ("ar", "اتهم جهاز المخابرات الأوكراني روسيا بشن هجوم إلكتروني.", ("ukr_intelligence", "accused", "RUS")),
])
def test_an_intelligence_service_is_its_state_s_body(lang_rows, lang, text, edge):
    assert edge in {r[:3] for r in lang_rows(lang, text)}


def test_a_known_service_keeps_its_own_key(ar_rows):
    assert not [r for r in ar_rows("التقى رئيس جهاز المخابرات الإسرائيلي الوزير الأمريكي.") if "isr_intelligence" in r[:3]]
