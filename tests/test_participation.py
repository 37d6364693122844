"""Which mentions make an actor one of an article's actors (kg/extract/participation.py):
places, the country of a thing, modifiers and quoted agencies do not; acting mentions and
claim participants do. Sentences of our own, in both languages."""

import pytest

from tests.conftest import run_extraction


def actors_of(text: str, lang: str) -> set[str]:
    return set(run_extraction(text, lang)[0].actors)


@pytest.mark.parametrize("text, absent", [
    ("Japanese lenders are expected to keep financing the plant, the company said.", "JPN"),
    ("Exports through the Turkish port of Ceyhan resumed on Monday.", "TUR"),
    ("Workers of the French energy group returned to the site last week.", "FRA"),
    ("Prices of Russian oil fell sharply in Asian markets.", "RUS"),
])
def test_en_demonym_of_a_place_or_a_thing_is_no_actor(text, absent):
    assert absent not in actors_of(text, "en")


@pytest.mark.parametrize("text, present", [
    ("Japanese officials said the talks would resume.", "JPN"),
    ("Turkish forces crossed into the area overnight.", "TUR"),
    ("Russian diplomats left the city on Friday.", "RUS"),
])
def test_en_demonym_of_an_agent_is_the_country(text, present):
    assert present in actors_of(text, "en")


@pytest.mark.parametrize("text, absent", [
    ("استؤنفت الصادرات عبر ميناء جيهان التركي يوم الاثنين.", "TUR"),
    ("هاجمت مسيرة حقلا تديره شركة \"دي إن أو\" النرويجية في المحافظة.", "NOR"),
    ("تطالب المملكة بمسار واضح نحو إقامة دولة فلسطينية.", "PSE"),
    ("تراجعت أسعار النفط الخام الروسي في الأسواق الآسيوية.", "RUS"),
])
def test_ar_nisba_of_a_place_or_a_thing_is_no_actor(text, absent):
    assert absent not in actors_of(text, "ar")


@pytest.mark.parametrize("text, present", [
    ("قال مسؤولون يابانيون إن المحادثات ستستأنف.", "JPN"),
    ("أعلنت القيادة البولندية والليتوانية رفضها للخطة.", "LTU"),
    ("عبرت القوات التركية الحدود ليلا.", "TUR"),
])
def test_ar_nisba_of_an_agent_is_the_country(text, present):
    assert present in actors_of(text, "ar")


@pytest.mark.parametrize("text, lang, absent", [
    ("Reuters reported that the talks had stalled in Geneva.", "en", "reuters"),
    ("Officials told the Associated Press that the convoy was delayed.", "en", "ap"),
    ("ونقلت وكالة رويترز عن مسؤولين أن المحادثات تعثرت.", "ar", "reuters"),
])
def test_an_agency_that_reports_is_no_actor(text, lang, absent):
    assert absent not in actors_of(text, lang)


def test_an_agency_in_a_claim_is_an_actor():
    assert "reuters" in actors_of("Russia accused Reuters of spreading lies.", "en")


@pytest.mark.parametrize("text, lang, absent", [
    ("The strikes hit targets in Syria and Iraq, the ministry said.", "en", "IRQ"),
    ("Fighting was reported in Mali, Niger and Chad.", "en", "TCD"),
    ("وقعت الهجمات في سوريا والعراق خلال الأسبوع.", "ar", "IRQ"),
])
def test_names_coordinated_with_a_place_are_places(text, lang, absent):
    assert absent not in actors_of(text, lang)


def test_a_name_after_a_place_is_not_coordinated_with_it():
    assert "IRQ" in actors_of("The strikes hit targets in Syria, and Iraq condemned them.", "en")


def test_a_name_in_a_compound_adjective_is_no_actor():
    assert "al_qaeda" not in actors_of("An al Qaeda-linked group tightened its blockade on the capital.", "en")
    assert "USA" in actors_of("A US-backed militia took the town.", "en")



@pytest.mark.parametrize("text, lang, absent", [
    ("The bloc, which includes Niger and Chad, recalled its envoys.", "en", "TCD"),
    ("The alliance comprises Mali, Niger and Chad, officials said.", "en", "NER"),
    ("أعلن مجلس الكونفدرالية، التي تضم أيضا النيجر وتشاد، استدعاء سفرائها.", "ar", "TCD"),
])
def test_members_listed_after_a_verb_of_membership_are_no_actors(text, lang, absent):
    assert absent not in actors_of(text, lang)


def test_a_member_that_acts_is_an_actor():
    assert "TCD" in actors_of("The bloc includes Niger. Chad recalled its envoy from Paris.", "en")


@pytest.mark.parametrize("text, lang, present", [
    ("Several Western governments urged their citizens to leave.", "en", False),
    ("وطالبت الدول الغربية رعاياها بالمغادرة.", "ar", False),
    ("The West imposed sanctions on Russia.", "en", True),
    ("فرض الغرب عقوبات على روسيا.", "ar", True),
])
def test_western_countries_are_no_bloc_the_west_is(text, lang, present):
    assert ("west" in actors_of(text, lang)) == present


@pytest.mark.parametrize("text, absent", [
    # an origin is a place
    ("Tanker convoys on the main routes from Senegal were attacked again.", "SEN"),
    ("Thousands of refugees from Syria crossed the border.", "SYR"),
])
def test_en_an_origin_is_a_place(text, absent):
    assert absent not in actors_of(text, "en")


@pytest.mark.parametrize("text, present", [
    # a delegation or fighters from a body are the body acting; a claim's party counts
    ("A delegation from Hamas arrived in Cairo on Sunday.", "hamas"),
    ("Ukraine received tanks from Germany.", "DEU"),
])
def test_en_a_body_a_delegation_comes_from_acts(text, present):
    assert present in actors_of(text, "en")
