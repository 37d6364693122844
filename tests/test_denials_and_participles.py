"""A denial told in the sentence of the accusation, a participle that modifies an event noun,
and a noun's subject given by a complementizer's pronoun: sentences written for these tests."""

import pytest


@pytest.mark.parametrize("lang, text, edge", [
    # "…, a charge X denied": the alleged act is, by X's word, negative
    ("en", "Sudan accused the UAE of arming the RSF, a charge Abu Dhabi has repeatedly denied.", ("ARE", "supplied", "rsf")),
    ("en", "Kenya accused Uganda of backing al-Shabaab, an accusation Kampala denies.", ("UGA", "supported", "al_shabaab")),
    ("en", "Ukraine accused Belarus of supplying Russia with fuel, which Minsk denies.", ("BLR", "supplied", "RUS")),
    ("en", "Egypt accused Ethiopia of arming the RSF, claims that Addis Ababa rejected.", ("ETH", "supplied", "rsf")),
    ("ar", "واتهم السودان الإمارات بتسليح قوات الدعم السريع، وهو ما تنفيه أبوظبي.", ("ARE", "supplied", "rsf")),
    ("ar", "واتهمت كينيا أوغندا بدعم حركة الشباب، وهي اتهامات نفتها كمبالا مرارا.", ("UGA", "supported", "al_shabaab")),
    ("ar", "واتهمت أوكرانيا بيلاروسيا بتزويد روسيا بالوقود، وهو ما نفته مينسك.", ("BLR", "supplied", "RUS")),
])
def test_a_denial_after_the_accusation_negates_the_alleged_act(lang, text, edge, ar_rows, en_rows):
    rows = (ar_rows if lang == "ar" else en_rows)(text)
    subject, relation, obj = edge
    denied = [r for r in rows if r[:4] == (subject, relation, obj, "negative")]
    assert denied and denied[0][5] == subject, rows  # the denier's own word
    assert not [r for r in rows if r[:4] == (subject, relation, obj, "positive")], rows  # reported as denied, not as done


@pytest.mark.parametrize("lang, text, edge", [
    # the denial is of another act, by another clause: the accusation's act stays alleged
    ("en", "Ukraine accused Russia of shelling Kharkiv, and Moscow denied targeting civilians.", ("RUS", "attacked", "UKR")),
    ("ar", "واتهمت أوكرانيا روسيا بقصف خاركيف، فيما نفت موسكو استهداف المدنيين.", ("RUS", "attacked", "UKR")),
])
def test_a_denial_of_something_else_leaves_the_accusation(lang, text, edge, ar_rows, en_rows):
    rows = (ar_rows if lang == "ar" else en_rows)(text)
    assert (*edge, "positive", "alleged", None) in rows
    assert not [r for r in rows if r[:3] == edge and r[3] == "negative"]


@pytest.mark.parametrize("lang, text, edge, polarity", [
    # a participle after an event noun of its relation is the noun's: negated with it
    ("ar", "وأكدت الهند أنها لن تنضم إلى العقوبات الغربية المفروضة على روسيا.", ("IND", "sanctioned", "RUS"), "negative"),
    ("ar", "ورفضت تركيا الانضمام إلى العقوبات الأوروبية المفروضة على روسيا.", ("TUR", "sanctioned", "RUS"), "negative"),
    ("ar", "ورفعت الولايات المتحدة العقوبات المفروضة على سوريا.", ("USA", "sanctioned", "SYR"), "negative"),
    ("ar", "ولم ترفع الولايات المتحدة العقوبات المفروضة على سوريا.", ("USA", "sanctioned", "SYR"), "positive"),
    ("en", "India will not join the sanctions imposed on Russia.", ("IND", "sanctioned", "RUS"), "negative"),
    ("en", "The US lifted the sanctions imposed on Syria.", ("USA", "sanctioned", "SYR"), "negative"),
    ("en", "The EU did not lift the sanctions imposed on Belarus.", ("eu", "sanctioned", "BLR"), "positive"),
    # ... not a relative clause with a verb of its own: Washington did impose them
    ("ar", "ورفضت روسيا العقوبات التي فرضتها واشنطن عليها.", ("USA", "sanctioned", "RUS"), "positive"),
    ("en", "Russia condemned the sanctions imposed by the EU.", ("RUS", "opposed", "eu"), "positive"),
])
def test_a_participle_takes_its_event_nouns_polarity(lang, text, edge, polarity, ar_edges, en_edges):
    found = (ar_edges if lang == "ar" else en_edges)(text)
    assert (*edge, polarity) in found
    other = "positive" if polarity == "negative" else "negative"
    assert (*edge, other) not in found


@pytest.mark.parametrize("text, edge", [
    # a noun after a light verb and its preposition, after "أنها": the pronoun's antecedent acts
    ("وقالت تركيا إنها لن تشارك في العقوبات على روسيا.", ("TUR", "sanctioned", "RUS", "negative")),
    ("وأعلنت اليابان أنها ستنضم إلى العقوبات على كوريا الشمالية.", ("JPN", "sanctioned", "PRK", "positive")),
    ("وقالت مصر إنها شاركت في المحادثات مع إثيوبيا.", ("EGY", "metWith", "ETH", "positive")),
])
def test_a_complementizer_pronoun_is_the_subject_of_a_noun(text, edge, ar_edges):
    assert edge in ar_edges(text)


def test_a_noun_after_a_verb_of_its_own_takes_no_complementizer_pronoun(ar_edges):
    # "تدعم" is no light verb: Egypt backs the talks, it does not hold them
    found = ar_edges("وقالت مصر إنها تدعم المحادثات بين السودان وإثيوبيا.")
    assert ("SDN", "metWith", "ETH", "positive") in found
    assert not {e for e in found if e[0] == "EGY" and e[1] == "metWith"}


@pytest.mark.parametrize("lang, text, edges", [
    # whoever owns the accusations a denier rejects accused the denier; the act named is denied
    ("en", "Azerbaijan denied Armenian claims that its troops had shelled villages.", {("ARM", "accused", "AZE", "positive")}),
    ("en", "Iran denied US allegations of arming the Houthis.",
     {("USA", "accused", "IRN", "positive"), ("IRN", "supplied", "houthis", "negative")}),
    ("en", "Iran dismissed the US allegations of arming the Houthis.",
     {("USA", "accused", "IRN", "positive"), ("IRN", "opposed", "USA", "positive"), ("IRN", "supplied", "houthis", "negative")}),
    ("en", "Russia denied reports of attacking Ukrainian ports.", {("RUS", "attacked", "UKR", "negative")}),
    ("ar", "ونفت إيران الاتهامات الأمريكية بتسليح الحوثيين.",
     {("USA", "accused", "IRN", "positive"), ("IRN", "supplied", "houthis", "negative")}),
    ("ar", "ورفضت روسيا اتهامات واشنطن.", {("USA", "accused", "RUS", "positive"), ("RUS", "opposed", "USA", "positive")}),
])
def test_denied_accusations(lang, text, edges, ar_edges, en_edges):
    found = (ar_edges if lang == "ar" else en_edges)(text)
    assert edges <= found, found
    assert not {e for e in found if e[3] == "positive" and e[1] not in ("accused", "opposed")}


def test_accusations_of_nobody_named_accuse_nobody(en_edges):
    assert not {e for e in en_edges("Iran rejected accusations of arming the Houthis.") if e[1] == "accused"}


@pytest.mark.parametrize("text, edge, state", [
    # a nationality before a company's descriptor is the company's, not an argument
    ("Washington imposed sanctions on Iranian airline Mahan Air.", ("USA", "sanctioned", "org-mahan-air"), "IRN"),
    ("The EU blacklisted Russian shipping company Sovcomflot.", ("eu", "sanctioned", "org-sovcomflot"), "RUS"),
    ("Israel struck the Lebanese group Hezbollah.", ("ISR", "attacked", "hezbollah"), "LBN"),
])
def test_a_companys_nationality_is_no_argument(text, edge, state, en_edges):
    found = en_edges(text)
    assert (*edge, "positive") in found
    assert not {e for e in found if state in (e[0], e[2])}


def test_a_nationality_before_firms_with_no_name_stays_the_state(en_edges):
    assert ("USA", "sanctioned", "CHN", "positive") in en_edges("The US sanctioned Chinese and Russian firms.")


@pytest.mark.parametrize("lang, text", [
    # a denial of any act of the kind in the clause after the accusation
    ("ar", "واتهمت الحكومة السودانية كينيا بدعم قوات الدعم السريع، فيما نفت نيروبي أن تكون قد قدمت أي دعم للقوات شبه العسكرية."),
    ("en", "Sudan accused Kenya of backing the RSF, while Nairobi denied providing any support to the paramilitaries."),
    ("en", "Sudan accused Kenya of backing the RSF. Nairobi has denied giving any support to the group."),
])
def test_a_blanket_denial_negates_the_alleged_acts_of_its_kind(lang, text, ar_edges, en_edges):
    assert ("KEN", "supported", "rsf", "negative") in (ar_edges if lang == "ar" else en_edges)(text)


def test_a_denial_of_any_other_kind_of_act_leaves_them(en_edges):
    found = en_edges("Sudan accused Kenya of backing the RSF, while Nairobi denied launching any attacks on Sudan.")
    assert ("KEN", "supported", "rsf", "negative") not in found


@pytest.mark.parametrize("text, objects", [
    # a plural descriptor lists its companies; their nationality is theirs
    ("Britain imposed sanctions on Russian oil giants Rosneft and Lukoil on Wednesday.", {"org-rosneft", "org-lukoil"}),
    ("The US blacklisted Chinese firms Huawei, ZTE and Hikvision.", {"org-huawei", "org-zte", "org-hikvision"}),
    ("China sanctioned US defence firms Lockheed Martin and Raytheon.", {"org-lockheed-martin", "org-raytheon"}),
])
def test_companies_listed_after_a_plural_descriptor(text, objects, en_edges):
    assert {e[2] for e in en_edges(text) if e[1] == "sanctioned"} == objects


def test_a_plural_descriptor_with_no_names_stays_the_state(en_edges):
    assert {e[2] for e in en_edges("The US sanctioned Chinese firms and Russian banks.")} == {"CHN"}


@pytest.mark.parametrize("lang, text, edge", [
    # a dispute verb with its manner before the reports it rejects; a refusal to sit at the table of talks
    ("en", 'Iranian Foreign Minister Abbas Araqchi dismissed as "baseless" reports that Tehran had shipped ballistic missiles to Russia.',
     ("IRN", "supplied", "RUS", "negative")),
    ("en", "Iran rejected reports that it had shipped missiles to Russia.", ("IRN", "supplied", "RUS", "negative")),
    ("ar", "وقالت كوريا الشمالية إن بيونغ يانغ لن تجلس إلى طاولة الحوار مع سيول.", ("PRK", "metWith", "KOR", "negative")),
    ("ar", "وجلست إيران إلى طاولة المفاوضات مع الولايات المتحدة.", ("IRN", "metWith", "USA", "positive")),
])
def test_disputed_reports_and_the_table_of_talks(lang, text, edge, ar_edges, en_edges):
    found = (ar_edges if lang == "ar" else en_edges)(text)
    assert edge in found
    assert (*edge[:3], "positive" if edge[3] == "negative" else "negative") not in found
