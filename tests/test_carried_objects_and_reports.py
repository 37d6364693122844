"""A pronoun carried by إيا resumes the main clause's object; a person's attack is verbal; a
rejected report is read past the denier's title and a phrase set off by commas; the agent a
report names is the accused; "بلاده" of a ministry's spokesman is the ministry's state.
Sentences written for these tests (kg/extract/objects.py carried_object, kg/extract/controllers.py,
kg/extract/polarity.py, kg/nlp/coref.py)."""

import pytest


@pytest.mark.parametrize("text, edges", [
    ("فرضت وزارة الخزانة الأميركية عقوبات على شركة \"سي لاين\" للشحن، متهمةً إياها بالالتفاف على القيود.",
     {("us_treasury", "accused", "org-s-ln")}),
    ("انتقد الرئيس التركي رجب طيب أردوغان إسرائيل، متهما إياها بارتكاب إبادة جماعية.",
     {("رجب طيب أردوغان", "accused", "ISR")}),
    ("انتقدت الصين الولايات المتحدة، متهمة إياها بتزويد تايوان بالأسلحة.",
     {("CHN", "accused", "USA"), ("USA", "supplied", "TWN")}),
    ("أدانت وزارة الخارجية السعودية الغارات الإسرائيلية على العاصمة السورية دمشق، معتبرة إياها انتهاكاً صارخاً.",
     {("sau_mfa", "opposed", "ISR"), ("ISR", "attacked", "SYR")}),
])
def test_a_carried_pronoun_resumes_the_main_clause_s_object(ar_rows, text, edges):
    got = {r[:3] for r in ar_rows(text)}
    assert edges <= got, got


def test_a_carried_pronoun_under_a_denial_resumes_no_actor(ar_rows):
    # "إياها" is the reports denied, not Russia
    rows = ar_rows("نفت الصين تقارير عن تزويد روسيا بمحركات، واصفة إياها بأنها افتراءات.")
    assert not [r for r in rows if r[2] == "RUS" and r[1] != "supplied"], rows


@pytest.mark.parametrize("lang, text, edge", [
    ("en", "French President Emmanuel Macron attacked Washington over its tariffs.", ("Emmanuel Macron", "criticized", "USA")),
    ("en", "Turkish President Recep Tayyip Erdogan attacked Israel in a speech on Monday.", ("Recep Tayyip Erdogan", "criticized", "ISR")),
    ("ar", "هاجم الرئيس الفنزويلي نيكولاس مادورو واشنطن في خطاب متلفز.", ("نيكولاس مادورو", "criticized", "USA")),
    ("ar", "هاجم وزير الخارجية الإيراني عباس عراقجي الولايات المتحدة، متهما إياها بدعم إسرائيل.", ("عباس عراقجي", "criticized", "USA")),
    ("en", "Trump attacked Biden on Monday.", ("Donald Trump", "criticized", "Joe Biden")),  # a person attacked
])
def test_a_person_s_attack_is_in_words(lang_rows, lang, text, edge):
    got = {r[:3] for r in lang_rows(lang, text)}
    assert edge in got and (edge[0], "attacked", edge[2]) not in got, got


@pytest.mark.parametrize("lang, text, edge", [
    ("en", "Russia attacked Ukraine overnight.", ("RUS", "attacked", "UKR")),
    ("ar", "هاجم حزب الله إسرائيل بالصواريخ.", ("hezbollah", "attacked", "ISR")),
    ("en", "Putin attacked Ukraine in February 2022.", ("Vladimir Putin", "attacked", "UKR")),  # no word of speech
    ("en", "Trump attacked Iran's nuclear facilities with B-2 bombers.", ("Donald Trump", "attacked", "IRN")),
    ("ar", "هاجم بوتين أوكرانيا.", ("فلاديمير بوتين", "attacked", "UKR")),
])
def test_a_state_s_or_a_group_s_attack_stays_an_attack(lang_rows, lang, text, edge):
    assert edge in {r[:3] for r in lang_rows(lang, text)}


@pytest.mark.parametrize("lang, text, row", [
    ("ar", "نفت الصين، خلال مؤتمر صحفي في بكين، تقارير عن تزويد روسيا بمحركات.", ("CHN", "supplied", "RUS", "negative")),
    ("ar", "نفى المتحدث باسم الخارجية الصينية لين جيان تقارير عن تزويد بلاده روسيا بمحركات.", ("CHN", "supplied", "RUS", "negative")),
    ("ar", "نفت إيران تقارير إعلامية عن إرسال صواريخ إلى روسيا.", ("IRN", "supplied", "RUS", "negative")),
    ("en", "Chinese foreign ministry spokesman Lin Jian on Monday dismissed reports of Beijing supplying engines to Russia.",
     ("CHN", "supplied", "RUS", "negative")),
    ("en", "China, at a press conference in Beijing, denied reports that it supplied engines to Russia.", ("CHN", "supplied", "RUS", "negative")),
])
def test_a_rejected_report_past_titles_and_set_off_phrases(lang_rows, lang, text, row):
    rows = lang_rows(lang, text)
    assert row in {r[:4] for r in rows}, rows
    assert not [r for r in rows if r[1] == "supplied" and r[3] == "positive"], rows


def test_an_actor_inside_a_set_off_phrase_is_no_argument_outside_it(ar_rows):
    rows = ar_rows("اتهمت الحكومة العراقية، في بيان صدر عن مكتبها في بغداد، تركيا بقصف مواقع في دهوك.")
    got = {r[:3] for r in rows}
    assert {("IRQ", "accused", "TUR"), ("TUR", "attacked", "IRQ")} <= got, rows


@pytest.mark.parametrize("text, row", [
    # a negation reaches past a verb-first subject's title and name and a phrase set off by commas
    ("امتنع وزير الخارجية الهندي سوبرامانيام جايشانكار، خلال مؤتمر صحفي في نيودلهي، عن انتقاد موسكو بسبب هجماتها.",
     ("سوبراهمانيام جايشانكار", "criticized", "RUS", "negative")),
    ("لم يفرض الاتحاد الأوروبي، في ختام اجتماع وزراء خارجيته في بروكسل، عقوبات على إسرائيل.", ("eu", "sanctioned", "ISR", "negative")),
    # a threat, a criticism or an accusation directed (وجّه) at someone with إلى
    ("نفى وزير الخارجية العراقي فؤاد حسين أن تكون بغداد قد وجّهت أي تهديد إلى الكويت.", ("IRQ", "threatened", "KWT", "negative")),
    ("وجّه رئيس الوزراء الإسرائيلي بنيامين نتنياهو انتقادات حادة إلى الأمين العام للأمم المتحدة أنطونيو غوتيريش.",
     ("بنيامين نتنياهو", "criticized", "أنطونيو غوتيريش", "positive")),
    ("وجهت إيران اتهامات إلى الولايات المتحدة بدعم الإرهاب.", ("IRN", "accused", "USA", "positive")),
])
def test_negations_and_directed_nouns_in_arabic(ar_rows, text, row):
    rows = ar_rows(text)
    assert row in {r[:4] for r in rows}, rows


def test_a_visit_to_a_place_is_no_directed_criticism(ar_rows):
    rows = ar_rows("انتقد الرئيس الإيراني زيارة الوزير الأمريكي إلى السعودية.")
    assert not [r for r in rows if r[1] == "criticized" and r[2] == "SAU"], rows


@pytest.mark.parametrize("lang, text, person", [
    ("ar", "التقى وزير الخارجية الهندي سوبرامانيام جايشانكار نظيره الروسي.", "سوبراهمانيام جايشانكار"),  # a first name spelled otherwise
    ("en", "Indian Foreign Minister Subrahmanyam Jaishankar met Sergei Lavrov.", "Subrahmanyam Jaishankar"),
])
def test_a_known_surname_after_a_first_name_spelled_otherwise(lang_rows, lang, text, person):
    assert (person, "affiliatedWith", "IND") in {r[:3] for r in lang_rows(lang, text)}


@pytest.mark.parametrize("text, edge", [
    ("جدد ولي العهد السعودي الأمير محمد بن سلمان وقوف المملكة إلى جانب سوريا.", ("SAU", "supported", "SYR")),
    ("وقفت روسيا إلى جانب إيران.", ("RUS", "supported", "IRN")),
    ("تقف الصين إلى جانب روسيا في حربها على أوكرانيا.", ("CHN", "supported", "RUS")),
    # a call the subject received, told of in a phrase set off by commas: the caller met the subject
    ("بحث ولي العهد السعودي الأمير محمد بن سلمان، في اتصال هاتفي تلقاه من الرئيس السوري أحمد الشرع، تطورات الأوضاع.",
     ("محمد بن سلمان", "metWith", "أحمد الشرع")),
])
def test_standing_by_a_side_and_a_call_received(ar_rows, text, edge):
    assert edge in {r[:3] for r in ar_rows(text)}


def test_alongside_is_no_object(ar_rows):
    rows = ar_rows("شاركت مصر إلى جانب السعودية في مناورات مع باكستان.")
    assert not [r for r in rows if r[2] == "SAU"], rows


@pytest.mark.parametrize("text, edge", [
    ("أعربت جامعة الدول العربية عن رفضها القاطع لمصادقة الحكومة الإسرائيلية على مخطط استيطاني.", ("arab_league", "opposed", "ISR")),
    ("أعربت مصر عن رفضها لمصادقة إسرائيل على الخطة.", ("EGY", "opposed", "ISR")),
    ("ندد الأردن بقرار الحكومة الإسرائيلية.", ("JOR", "opposed", "ISR")),
])
def test_the_owner_of_an_act_opposed(ar_rows, text, edge):
    assert edge in {r[:3] for r in ar_rows(text)}


def test_a_name_that_starts_like_a_clitic_is_no_act(ar_rows):
    assert not [r for r in ar_rows("أعربت مصر عن رفضها لبنان.") if r[1] == "opposed"]


def test_a_carried_pronoun_after_a_verb_with_no_claim_resumes_nothing(ar_rows):
    # "انتقد" made no claim: its object is unknown, not the first clause's China
    rows = ar_rows("التقى بوتين نظيره الصيني، ثم انتقد الولايات المتحدة، متهما إياها بتأجيج الحرب.")
    assert not [r for r in rows if r[1] == "accused" and r[2] == "CHN"], rows


@pytest.mark.parametrize("text, edges", [
    ("التقى الوزيران الإسرائيليان إيتمار بن غفير وبتسلئيل سموتريتش بالسفير الأمريكي.",
     {("إيتمار بن غفير", "metWith", "USA"), ("بتسلئيل سموتريتش", "affiliatedWith", "ISR")}),
    ("التقى المسؤولان الإيرانيان علي لاريجاني وعباس عراقجي بالرئيس الروسي.",
     {("عباس عراقجي", "metWith", "RUS"), ("علي لاريجاني", "affiliatedWith", "IRN")}),
])
def test_a_dual_title_before_an_object_s_title(ar_rows, text, edges):
    got = {r[:3] for r in ar_rows(text)}
    assert edges <= got and not [e for e in got if e[0] in ("ISR", "IRN") and e[1] == "metWith"], got


@pytest.mark.parametrize("text", [
    "Biden arrived in New York for the UN General Assembly.",  # no York
    "Lavrov arrived in New York on Monday.",
])
def test_a_city_inside_a_longer_name_is_none(en_rows, text):
    assert not [r for r in en_rows(text) if r[2] == "GBR"]
