"""An attack told before with no actor hit (a boat, a ship) still has an agent that a later
"condemned the attack" names; weapons as noun lemmas give every number and case
("صاروخين", "قذيفتين"). Sentences written for these tests."""

import pytest

from tests.conftest import claim_triples


@pytest.mark.parametrize("text, lang, edge", [
    ("U.S. forces struck a boat off Venezuela on Friday, killing four people. Cuba condemned the attack.", "en",
     ("CUB", "opposed", "USA")),
    ("The Houthis fired two missiles at a bulk carrier on Tuesday. Egypt condemned the attack.", "en",
     ("EGY", "opposed", "houthis")),
    ("شنت القوات الأمريكية ضربة على قارب قبالة فنزويلا. وأدانت كوبا الهجوم.", "ar", ("CUB", "opposed", "USA")),
    ("أطلق الحوثيون صاروخين على سفينة شحن. وأدانت مصر الهجوم.", "ar", ("EGY", "opposed", "houthis")),
])
def test_the_attack_condemned_is_the_one_told_before(text, lang, edge):
    assert edge in claim_triples(text, lang), claim_triples(text, lang)


@pytest.mark.parametrize("text, lang", [
    ("Israel denied striking the convoy. Egypt condemned the attack.", "en"),  # denied: no attack told
    ("Israel could strike the facility soon. Egypt condemned the attack.", "en"),  # not told as done
    ("نفت إسرائيل قصف القافلة. وأدانت مصر الهجوم.", "ar"),
])
def test_an_attack_denied_or_only_possible_is_no_antecedent(text, lang):
    assert not any(r == "opposed" and o == "ISR" for _s, r, o in claim_triples(text, lang)), claim_triples(text, lang)


@pytest.mark.parametrize("text, edge", [
    ("أطلق الحوثيون صاروخين على إسرائيل.", ("houthis", "attacked", "ISR")),  # dual
    ("وأطلقت حماس قذيفتين على إسرائيل.", ("hamas", "attacked", "ISR")),
    ("أطلقت إيران عشرات المسيرات على إسرائيل.", ("IRN", "attacked", "ISR")),  # broken plural, definite
])
def test_weapons_in_every_number_arm_the_verb(text, edge):
    assert edge in claim_triples(text, "ar"), claim_triples(text, "ar")


@pytest.mark.parametrize("text", [
    "أطلقت الصين مبادرة للسلام مع روسيا.",
    "أطلقت إيران سراح ناقلة بريطانية.",
])
def test_no_weapon_no_attack(text):
    assert not any(r == "attacked" for _s, r, _o in claim_triples(text, "ar"))


@pytest.mark.parametrize("text, lang, edge", [
    ("Iran has long been under U.S. sanctions.", "en", ("USA", "sanctioned", "IRN")),
    ("Iran, already under heavy U.S. sanctions, rejected the offer.", "en", ("USA", "sanctioned", "IRN")),
    ("ويخضع الحرس الثوري لعقوبات أمريكية منذ عام 2019.", "ar", ("USA", "sanctioned", "irgc")),
])
def test_what_an_actor_is_under_is_done_to_it(text, lang, edge):
    assert edge in claim_triples(text, lang), claim_triples(text, lang)


@pytest.mark.parametrize("text, lang", [
    ("Under the deal, Iran will ship oil to China.", "en"),
    ("Troops under Russian command attacked Ukraine.", "en"),
])
def test_under_names_no_act_without_a_received_noun(text, lang):
    assert not any(r == "sanctioned" for _s, r, _o in claim_triples(text, lang)), claim_triples(text, lang)


@pytest.mark.parametrize("text, lang, edges", [
    ("وعقدت جولة من المحادثات بين وزير الخارجية السوري أسعد الشيباني ووزير الشؤون الاستراتيجية الإسرائيلي رون ديرمر "
     "في باريس، بحضور المبعوث الأمريكي الخاص إلى سوريا توم باراك.", "ar",
     {("person-tm-brk", "metWith", "al_shaibani"), ("person-tm-brk", "metWith", "dermer")}),
    ("Syrian Foreign Minister Asaad al-Shaibani met Israeli minister Ron Dermer in Paris in the presence of U.S. envoy "
     "Tom Barrack.", "en", {("person-tm-brk", "metWith", "al_shaibani"), ("person-tm-brk", "metWith", "dermer")}),
])
def test_who_attends_talks_meets_each_side(text, lang, edges):
    assert edges <= claim_triples(text, lang), claim_triples(text, lang)


def test_attendance_with_no_actor_names_no_one():
    found = claim_triples("التقى الرئيس المصري نظيره السوداني بحضور عدد من الوزراء.", "ar")
    assert found == {("EGY", "metWith", "SDN")}, found


@pytest.mark.parametrize("text, lang", [
    ("وصل وزير الخارجية التركي هاكان فيدان، الأحد، إلى بنغازي.", "ar"),
    ("Turkish Foreign Minister Hakan Fidan visited, on Sunday, the eastern city of Benghazi.", "en"),
])
def test_a_time_phrase_between_a_visit_and_its_city(text, lang):
    assert ("fidan", "visited", "LBY") in claim_triples(text, lang), claim_triples(text, lang)


@pytest.mark.parametrize("text, edge", [
    ("Ukraine said it shot down 40 drones launched by Russia overnight.", ("RUS", "attacked", "UKR")),
    ("Israel intercepted a missile fired from Yemen on Sunday.", ("YEM", "attacked", "ISR")),
    ("Saudi Arabia said it destroyed a drone launched by the Houthis.", ("houthis", "attacked", "SAU")),
])
def test_what_a_defender_shoots_down_was_an_attack_on_it(text, edge):
    assert edge in claim_triples(text, "en"), claim_triples(text, "en")


@pytest.mark.parametrize("text, wrong", [
    ("Ukraine shot down 40 drones overnight.", None),  # no attacker named
    ("Russia shot down a Ukrainian fighter jet.", ("UKR", "attacked", "RUS")),  # no weapon of the list: Russia's act
    ("Israel intercepted the aid flotilla from Turkey.", ("TUR", "attacked", "ISR")),
])
def test_shooting_down_without_a_launched_weapon_turns_nothing_round(text, wrong):
    found = claim_triples(text, "en")
    assert (wrong not in found) if wrong else not any(r == "attacked" for _s, r, _o in found), found


def test_a_weapon_aimed_at_another_turns_nothing_round():
    found = claim_triples("US forces shot down drones launched by the Houthis toward Israel.", "en")
    assert ("houthis", "attacked", "USA") not in found, found
