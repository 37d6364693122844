"""Groups and companies no list knows (kg/nlp/groups.py), on sentences written for these tests."""

import pytest

from tests.conftest import run_extraction


def orgs(text: str, lang: str) -> dict[str, object]:
    return {a.labels.get(lang): a for art in run_extraction(text, lang) for a in art.actors.values()
            if a.type == "Organization"}


@pytest.mark.parametrize("text, lang, name", [
    ("Harakat Ansar al-Sunna (HAS) attacked Niger on Friday.", "en", "Harakat Ansar al-Sunna"),
    ("Kenyan jets bombed camps of the Jabhat Tahrir Somalia (JTS) near the border.", "en", "Jabhat Tahrir Somalia"),
    ("Chile said the militant group al-Mourabitoun threatened Peru.", "en", "al-Mourabitoun"),
    ("Peru signed a deal with arms maker Northrop Grumman on Monday.", "en", "Northrop Grumman"),
    ("The K42 rebels attacked Chad on Monday.", "en", "K42"),
    ('هاجمت حركة "إم 44" المتمردة قوات تشادية.', "ar", "إم 44"),
    ("وقالت جبهة «تيغراي الحرة» إنها ستهاجم إريتريا.", "ar", "تيغراي الحرة"),
    ('ووقعت الحكومة عقدا مع شركة "سوناطراك" الجزائرية.', "ar", "سوناطراك"),
])
def test_introduced_names_are_organizations(text, lang, name):
    assert name in orgs(text, lang), orgs(text, lang)


def test_the_acronym_alone_is_the_same_actor_later():
    art = run_extraction("Harakat Ansar al-Sunna (HAS) was founded in 2020. Niger said HAS attacked Mali.", "en")[0]
    keys = {c.subject for c in art.claims if c.relation == "attacked"}
    assert keys == {"org-harakat-ansar-al-sunna"}


@pytest.mark.parametrize("text, lang", [
    ("The economy grew, Gross Domestic Product (GDP) data showed, Kenya said.", "en"),  # no hint of a body
    ("Japan tested an Intercontinental Ballistic Missile (ICBM) defence, Korea said.", "en"),
    ("The company CEO Patrick Vale met Kenya's president.", "en"),  # a title is not a company name
    ('وقال المتحدث باسم الحركة جون بيار إن التوقيع "لا يعني التخلي عن مطالبنا".', "ar"),  # a quotation, not a name
    ('وحملت الحكومة "فصائل مسلحة" مسؤولية الهجوم.', "ar"),  # no head noun before the quotes
])
def test_no_organization_without_a_head_or_a_hint(text, lang):
    found = orgs(text, lang)
    assert not [n for n in found if n and n not in ("Korea",)], found


@pytest.mark.parametrize("text, name", [
    ("وهاجمت حركة تحرير السودان مواقع للجيش السوداني.", "حركة تحرير السودان"),
    ("ونفت الجزائر تقديم أي دعم لجبهة تحرير أزواد.", "جبهة تحرير أزواد"),
    ("وقالت جبهة تحرير مورو الإسلامية إنها وقعت اتفاقا مع الفلبين.", "جبهة تحرير مورو الإسلامية"),
])
def test_liberation_fronts_need_no_quotes(text, name):
    assert name in orgs(text, "ar"), orgs(text, "ar")


def test_liberating_a_city_is_no_group():
    assert not orgs("تحرير المدينة من المسلحين أولوية للحكومة العراقية.", "ar")


@pytest.mark.parametrize("text, name, state", [
    ("UK Export Finance, Britain's export credit agency, said it was reconsidering its support.", "UK Export Finance", "GBR"),
    ("Sonatrach, Algeria's state energy company, halted gas supplies to Spain.", "Sonatrach", "DZA"),
    ("Rosatom, Russia's nuclear agency, said the plant was safe.", "Rosatom", "RUS"),
])
def test_a_name_in_apposition_to_a_states_company_is_its_organization(text, name, state):
    found = orgs(text, "en")
    assert name in found and found[name].affiliation == state, found


@pytest.mark.parametrize("text", [
    "In March, Britain's export agency said it would review the loan.",  # a date, not a name
    "John Smith, Britain's ambassador, said the talks failed.",  # an ambassador is no company
])
def test_apposition_without_a_name_or_a_company_head_gives_no_organization(text):
    assert not [n for n in orgs(text, "en") if n], orgs(text, "en")


@pytest.mark.parametrize("text, name", [
    ("Civilians were killed, according to the conflict monitor Cabo Ligado.", "Cabo Ligado"),
    ("The deal was signed by the Turkish firm Shahin Co.", "Shahin Co."),
])
def test_a_name_at_the_end_of_a_sentence_leaves_its_full_stop(text, name):
    assert name in orgs(text, "en"), orgs(text, "en")


def test_a_name_ends_with_its_sentence():
    found = orgs("Civilians were killed, according to the conflict monitor Cabo Ligado. About 4,000 Rwandan soldiers stayed.", "en")
    assert "Cabo Ligado" in found and not [n for n in found if n and "About" in n], found


def test_a_number_joins_the_letters_before_it_in_both_scripts():
    # "M24" (no list knows it) is one key written "M24", "M 24" or "إم 24"; longer words keep their hyphen
    from kg.nlp.groups import group_key
    assert group_key("M24") == group_key("M 24") == group_key("إم 24") == "org-m24"
    assert group_key("Brigade 313") == "org-brigade-313"
    assert group_key("the 5th Brigade") == "org-the-5th-brigade"
