"""Arabic paradigms from the [paradigms] tables of ar.toml (kg/morphology/affix.py).

Every expected form below is written by hand, as news writes it; the generator must give
each of them, and must not give the forms listed as wrong.
"""

from __future__ import annotations

import pytest

from kg.lang import load_language
from kg.morphology.affix import forms
from kg.nlp.normalize import match_key
from tests.conftest import edges

TABLES = load_language("ar").raw["paradigms"]


def verb(entry: str) -> set[str]:
    return set(forms(entry, "verb", TABLES))


def noun(entry: str) -> set[str]:
    return set(forms(entry, "noun", TABLES))


def check(made: set[str], expected: str, wrong: str = "") -> None:
    missing = [f for f in expected.split() if f not in made]
    assert not missing, f"not generated: {missing}"
    extra = [f for f in wrong.split() if f in made]
    assert not extra, f"generated but wrong: {extra}"


VERBS = {
    # sound, Form I: root participles فاعل / مفعول
    "دعم|يدعم": (
        "دعم دعمت دعمتا دعما دعموا دعمنا دعمتم دعمتما دعمن دعمو "
        "يدعم تدعم ندعم أدعم يدعمون تدعمون يدعمان تدعمان تدعمين يدعمن تدعمن يدعموا يدعما تدعمي يدعمو "
        "داعم داعمة داعمان داعمين داعمون داعمات داعما مدعوم مدعومة مدعومون مدعومين",
        "مدعم دعمون يدعمين"),
    "قصف|يقصف": (
        "قصف قصفت قصفوا قصفا قصفنا قصفتم يقصف تقصف نقصف يقصفون يقصفان تقصفان يقصفوا قاصف قاصفة قاصفات مقصوف",
        "مقصف قصفون"),
    # sound, Form II: tagged, participle on the present stem
    "دمر|يدمر|II": (
        "دمر دمرت دمروا دمرا دمرنا يدمر تدمر ندمر أدمر يدمرون يدمران تدمران مدمر مدمرة مدمرون مدمرين",
        "دامر مدمور"),
    "زود|يزود|II": ("زود زودت زودوا زودنا يزود تزود يزودون يزودان مزود مزودة", "زاود مزوود"),
    # sound, Form III
    "هاجم|يهاجم": (
        "هاجم هاجمت هاجموا هاجما هاجمتا هاجمنا يهاجم تهاجم نهاجم أهاجم يهاجمون يهاجمان تهاجمان "
        "مهاجم مهاجمة مهاجمون مهاجمين مهاجمات",
        "مهجوم هاجام"),
    "ناقش|يناقش": ("ناقش ناقشت ناقشوا ناقشا يناقش تناقش يناقشون يناقشان مناقش", "منقوش"),
    # sound, Form IV
    "أرسل|يرسل": ("أرسل أرسلت أرسلوا أرسلا أرسلنا يرسل ترسل نرسل يرسلون يرسلان مرسل مرسلة", "راسل مرسول"),
    "أسقط|يسقط": ("أسقط أسقطت أسقطوا أسقطنا يسقط تسقط يسقطون مسقط", "ساقط"),
    # sound, Form V
    "توعد|يتوعد": ("توعد توعدت توعدوا توعدا يتوعد تتوعد يتوعدون يتوعدان متوعد متوعدا متوعدة", "تاوعد"),
    "توسط|يتوسط": ("توسط توسطت توسطوا يتوسط تتوسط يتوسطون متوسط", ""),
    # sound, Form VI: ن + نا is written once (تعاونّا)
    "تعاون|يتعاون": (
        "تعاون تعاونت تعاونوا تعاونا يتعاون تتعاون نتعاون يتعاونون تتعاونان يتعاونان متعاون متعاونة",
        "تعاوننا تعاونن يتعاوننن"),
    "تبادل|يتبادل": ("تبادل تبادلت تبادلوا تبادلا يتبادل تتبادل يتبادلان تتبادلان متبادل متبادلة", ""),
    # sound, Form VIII
    "اتهم|يتهم": (
        "اتهم اتهمت اتهمتا اتهموا اتهما اتهمن اتهمنا اتهمتم اتهمتما اتهمو "
        "يتهم تتهم نتهم أتهم يتهمون تتهمون يتهمان تتهمان تتهمين يتهمن يتهموا يتهما تتهمي يتهمو "
        "متهم متهمة متهمون متهمين متهمات متهما",
        "تاهم متهوم اتهمون"),
    "اجتمع|يجتمع": ("اجتمع اجتمعت اجتمعوا اجتمعا اجتمعنا يجتمع تجتمع يجتمعون يجتمعان تجتمعان مجتمع", ""),
    "انتقد|ينتقد": ("انتقد انتقدت انتقدوا انتقدا ينتقد تنتقد ينتقدون منتقد منتقدون", ""),
    # sound, Form X
    "استهدف|يستهدف": ("استهدف استهدفت استهدفوا استهدفا يستهدف تستهدف يستهدفون مستهدف مستهدفة", ""),
    "استنكر|يستنكر": ("استنكر استنكرت استنكروا يستنكر تستنكر يستنكرون مستنكر", ""),
    # hollow: long vowel before a vowel, short stem before a consonant and in the jussive;
    # the passive is written apart (أُدين), and so is the passive participle of derived forms (مدان)
    "أدان|يدين": (
        "أدان أدانت أدانتا أدانوا أدانا أدانو أدنت أدنا أدنتم يدين تدين ندين أدين يدينون يدينان تدينان "
        "يدينوا يدن تدن أدينت مدان مدانة",
        "أدانن أدون يدون يدانون"),
    "زار|يزور": (
        "زار زارت زاروا زارا زرت زرنا زرتم زرن يزور تزور نزور أزور يزورون يزوران تزورين يزوروا "
        "يزر تزر يزرن زائر زائرة زائرون مزور",
        "زورت زارنا يزورن"),
    "اجتاح|يجتاح": ("اجتاح اجتاحت اجتاحوا اجتحت اجتحنا يجتاح تجتاح يجتاحون يجتح اجتيح مجتاح", "اجتاحنا"),
    "استضاف|يستضيف": ("استضاف استضافت استضفت يستضيف تستضيف يستضيفون استضيف مستضيف مستضاف يستضاف", ""),
    # defective: ى / ا, ي / و / ى; التقاه → التقا before an object pronoun
    "التقى|يلتقي": (
        "التقى التقت التقتا التقيا التقوا التقينا التقيت التقيتم التقين التقا التقو "
        "يلتقي تلتقي نلتقي ألتقي يلتقون تلتقون يلتقيان تلتقيان تلتقين يلتقوا يلتقيا يلتق تلتق نلتق",
        "التقيوا يلتقيون التقات"),
    "اعتدى|يعتدي": (
        "اعتدى اعتدت اعتدوا اعتديا اعتدينا يعتدي تعتدي يعتدون يعتديان يعتد اعتدي معتد معتدي معتدية معتدون معتدى",
        "اعتدات يعتديون"),
    "دعا|يدعو": (
        "دعا دعت دعتا دعوا دعون دعوت دعونا دعوتم يدعو تدعو ندعو أدعو يدعون يدعوان تدعين تدعي يدع تدع دعي يدعى",
        "دعى داعي داع دعيا يدعوون"),
    "غزا|يغزو": ("غزا غزت غزوا غزونا يغزو تغزو يغزون يغزوان يغز", "غزى غاز غازي"),
    "تلقى|يتلقى": (
        "تلقى تلقت تلقوا تلقيا تلقيت يتلقى تتلقى نتلقى يتلقون يتلقيان تتلقيان يتلقين يتلقا يتلق متلق متلقي متلقى",
        "يتلقيون تلقات"),
    "اشترى|يشتري": ("اشترى اشترت اشتروا اشتريا اشتريت يشتري تشتري يشترون يشتريان مشتر مشتري مشتريات", ""),
    # doubled: merged stem before a vowel, unmerged before a consonant
    "شن|يشن": (
        "شن شنت شنتا شنا شنوا شنو شننت شننا شننتم شنن يشن تشن نشن أشن يشنون تشنون يشنان تشنان يشنوا يشنن",
        "شان مشنون شنتم يشننن شنننا"),
    "رد|يرد": ("رد ردت ردوا ردا رددت رددنا رددتم يرد ترد يردون يردان يرددن", "راد ردتم"),
    "احتل|يحتل|doubled": (
        "احتل احتلت احتلوا احتلا احتللت احتللنا احتللتم احتللن يحتل تحتل يحتلون يحتلان يحتللن محتل محتلة محتلون",
        "احتلن احتلتم يحتلن"),
    "أمد|يمد": ("أمد أمدت أمدوا أمددت أمددنا يمد تمد نمد يمدون يمدان ممد", "أمدن"),
    # hamzated: أ + أ → آ, seats before the suffixes
    "أخذ|يأخذ": ("أخذ أخذت أخذوا أخذنا يأخذ تأخذ نأخذ آخذ يأخذون يأخذان آخذة مأخوذ", "أأخذ أاخذ"),
    "سأل|يسأل": ("سأل سألت سألوا سألنا يسأل تسأل يسألون سائل سائلة مسؤول", "ساأل"),
    "بدأ|يبدأ": ("بدأ بدأت بدأوا بدؤوا بدآ بدأنا يبدأ تبدأ يبدأون يبدؤون يبدآن تبدآن تبدئين يبدأن", "بدأا يبدأان تبدأين"),
    "أيد|يؤيد|II": ("أيد أيدت أيدوا أيدنا يؤيد تؤيد نؤيد أؤيد يؤيدون تؤيدان مؤيد مؤيدة مؤيدون مؤيدين", "آيد مأيود ئيد"),
}


@pytest.mark.parametrize("entry", list(VERBS))
def test_verb_paradigm(entry):
    expected, wrong = VERBS[entry]
    check(verb(entry), expected, wrong)


NOUNS = {
    # the accusative tanwin alif, the dual, the plural given
    "هجوم|هجمات": ("هجوم هجوما هجومان هجومين هجمات", "هجومات الهجوم وهجوم هجومها"),
    "اتفاق|اتفاقات": ("اتفاق اتفاقا اتفاقان اتفاقين اتفاقات", "اتفاقيات"),
    # no plural given: the sound feminine plural; no tanwin alif after ء or ة
    "اعتداء": ("اعتداء اعتداءات اعتداءان اعتداءين", "اعتداءا"),
    "تهديد": ("تهديد تهديدا تهديدان تهديدين تهديدات", ""),
    "محادثة": ("محادثة محادثات محادثتان محادثتين", "محادثةا محادثةات محادثتات"),
    "غارة": ("غارة غارات غارتان غارتين", "غارةا غاراتا"),
    "قمة|قمم": ("قمة قمم قمتان قمتين", "قمات"),
    # "-": no plural; "fem": the feminine singular too
    "قصف|-": ("قصف قصفا", "قصفات"),
    "حليف|حلفاء|fem": ("حليف حليفا حليفان حليفين حلفاء حليفة حليفتان حليفتين حليفات", "حلفاءا حليفةا"),
    "وصول|-|-accusative": ("وصول وصولان", "وصولا وصولات"),
}


@pytest.mark.parametrize("entry", list(NOUNS))
def test_noun_paradigm(entry):
    expected, wrong = NOUNS[entry]
    check(noun(entry), expected, wrong)


def test_extras_exclusions_and_dropped_groups():
    made = verb("أدان|يدين|-participle_passive; -مدين* ادانة")
    check(made, "أدان يدين ادانة", "مدين مدينة مدينون مدان مدانة")
    check(verb("اتهم|يتهم|-participle"), "اتهم يتهمون", "متهم متهمة")
    check(verb("زار|يزور|-passive -present_jussive"), "زار يزور يزرن", "زير يزار يزر")


def test_harakat_are_ignored():
    assert verb("دمّر|يدمّر|II") == verb("دمر|يدمر|II")


def test_a_tail_follows_every_form():
    made = verb("حمل المسؤولية|يحمل|II -participle; -تحمل*")
    assert {"حمل المسؤولية", "حملت المسؤولية", "حملوا المسؤولية", "يحمل المسؤولية", "يحملون المسؤولية"} <= made
    assert not {"تحمل المسؤولية", "محمل المسؤولية", "حملت", "حمل"} & made


@pytest.mark.parametrize("entry, kind", [
    ("اتهم", "verb"),  # no present
    ("اتهم|يتهم|IIX", "verb"),  # unknown tag
    ("اتهم|تتهم", "verb"),  # the present is the 3ms
    ("اتصال هاتفي", "noun"),  # phrases go in `forms`
])
def test_bad_entries_are_refused(entry, kind):
    with pytest.raises(ValueError):
        forms(entry, kind, TABLES)


def test_the_code_knows_no_language():
    """A toy language in tables alone: stems, an alternation, affixes, a pattern rule."""
    tables = {
        "affixes": {"past": ["+ed"], "noun": ["+", "+s"]},
        "alternations": {"drop_e": ["e$", ""]},
        "verb": {
            "present_prefix": "to-",
            "patterns": ["plain"],
            "pattern_rules": [["plain", ""]],
            "types": {"weak": {"slots": [
                {"group": "past", "stem": "past", "alternation": "drop_e", "affixes": "past"},
                {"group": "present", "stem": "present", "affixes": ["+", "+s"]},
                {"group": "agent", "stem": "present", "affixes": ["+r"], "endings": "noun"},
            ]}},
            "type_rules": [["weak", ""]],
        },
        "noun": {"slots": [{"affixes": ["+"]}], "plural": [{"affixes": ["+en"]}]},
    }
    assert forms("trade|to-trade", "verb", tables) == ["traded", "trade", "trades", "trader", "traders"]
    assert forms("trade|to-trade|-agent", "verb", tables) == ["traded", "trade", "trades"]
    assert forms("ox", "noun", tables) == ["ox", "oxen"]


# Every form the file listed by hand before it had lemmas keeps its relation.
HAND_LISTED = {
    "metWith": "التقى التقت يلتقي تلتقي يلتق تلتق التقيا لقاء اللقاء اجتمع اجتمعت يجتمع تجتمع اجتماع الاجتماع قمة "
               "القمة محادثات المحادثات مباحثات المباحثات بحث بحثت يبحث تبحث ناقش ناقشت يناقش تباحث استقبل استقبلت "
               "يستقبل استضاف استضافت يستضيف تستضيف اجتماعا اجتماعات لقاءات اتصل اتصلت يتصل تتصل الحوار حوار "
               "مفاوضات المفاوضات التفاوض تفاوض يتفاوض تتفاوض",
    "visited": "زار زارت يزور تزور زيارة الزيارة زيارات وصل وصلت يصل تصل توجه توجهت جولة رحلة",
    "sanctioned": "عقوبات العقوبات عقوبة يفرض تفرض فرضت فرض المفروضة حظر الحظر بفرض",
    "supplied": "زود زودت يزود تزود تزويد أرسل أرسلت يرسل ترسل إرسال منح منحت يمنح تمنح قدم قدمت يقدم تقدم تقديم "
                "سلم سلمت تسليم إمداد إمدادات بيع باع باعت تبيع يبيع مساعدات المساعدات شحنات تصدير قرض قرضا قروض",
    "received": "تلقت تلقى يتلقى تتلقى تسلمت تسلم تتسلم يتسلم استلمت استلم اشترت اشترى تشتري يشتري شراء استوردت "
                "استورد تستورد يستورد استيراد",
    "supported": "دعم دعمت يدعم تدعم الدعم بدعم أيد أيدت يؤيد تؤيد تأييد ساند ساندت مساندة أشاد أشادت يشيد تشيد "
                 "إشادة رحب رحبت يرحب ترحب شكر شكرت يشكر تشكر حليفته حليف حلفاء",
    "opposed": "عارض عارضت يعارض تعارض معارضة رفض رفضت يرفض ترفض أدان أدانت يدين تدين يدن تدن إدانة استنكر "
               "استنكرت ندد نددت",
    "criticized": "انتقد انتقدت ينتقد تنتقد انتقادات انتقاد لام لامت وبخ",
    "accused": "اتهم اتهمت يتهم تتهم اتهامات اتهام حملت",
    "threatened": "هدد هددت يهدد تهدد تهديد تهديدات توعد توعدت حذر حذرت يحذر تحذر أنذر إنذار",
    "attacked": "هاجم هاجمت يهاجم تهاجم هجوم هجمات هجماتها الهجمات قصف قصفت يقصف تقصف ضرب ضربت يضرب تضرب تدمير "
                "استهدف استهدفت يستهدف تستهدف ضربة ضربات غارة غارات اعتدى اجتاح غزو غزا اجتياح شن شنت شنتا أسقط "
                "أسقطت إسقاط",
    "cooperatedWith": "تعاون التعاون للتعاون تعاونت اتفاق اتفاقية الاتفاق اتفقت اتفق اتفقا شراكة تحالف تقارب التقارب "
                      "مثلث محور صفقة تتوسط توسط توسطت يتوسط وساطة هدنة الهدنة وقع وقعت التوقيع تطبيع التطبيع",
}


@pytest.mark.parametrize("section", list(HAND_LISTED))
def test_hand_listed_forms_keep_their_relation(section):
    """In the section, or in a frame section of the same relation ("بحث" is [triggers.discussed], metWith)."""
    triggers = load_language("ar").triggers
    found = set().union(*(t.forms for name, t in triggers.items() if name == section or t.relation == section))
    lost = [f for f in HAND_LISTED[section].split() if match_key(f) not in found]
    assert not lost


def test_generated_nouns_get_their_definite_and_exclusions_hold():
    triggers = load_language("ar").triggers
    assert {match_key("الاعتداءات"), match_key("هجوما"), match_key("الإدانات")} <= \
        triggers["attacked"].forms | triggers["opposed"].forms
    # common words that a paradigm would give, left out by the entries
    for section, word in [("opposed", "مدينة"), ("metWith", "مجتمع"), ("metWith", "المستقبل"),
                          ("supported", "تشاد"), ("attacked", "مسقط"), ("attacked", "تدمر"),
                          ("cooperatedWith", "متوسط"), ("cooperatedWith", "توقع"), ("supplied", "مسلم"),
                          ("supplied", "قدما"), ("visited", "أصل")]:
        assert match_key(word) not in triggers[section].forms, (section, word)
    # the participle that is also the passive one is a trigger only set off by a comma ("، متهمة X")
    accused = triggers["accused"]
    assert match_key("متهمة") in accused.circumstantial_forms and match_key("المتهمة") not in accused.forms


def _written(node) -> set[str]:
    """Match keys of every word written in the data file (forms, lemma entries, other lists)."""
    if isinstance(node, dict):
        return set().union(*map(_written, node.values())) if node else set()
    if isinstance(node, list):
        return set().union(*map(_written, node)) if node else set()
    if isinstance(node, str):
        return {match_key(w) for w in node.replace("|", " ").replace(";", " ").split()}
    return set()


WRITTEN = _written(load_language("ar").raw)


@pytest.mark.parametrize("text, form, expected", [
    ("الولايات المتحدة وبريطانيا اتهمتا إيران بتزويد روسيا بمسيرات.", "اتهمتا",
     {("USA", "accused", "IRN", "positive"), ("GBR", "accused", "IRN", "positive")}),
    ("إيران واليمن يهددان إسرائيل.", "يهددان",
     {("IRN", "threatened", "ISR", "positive"), ("YEM", "threatened", "ISR", "positive")}),
    ("واشنطن وطوكيو تتعاونان في مجال الدفاع.", "تتعاونان", {("USA", "cooperatedWith", "JPN", "positive")}),
    ("نفذت إسرائيل هجوما على لبنان.", "هجوما", {("ISR", "attacked", "LBN", "positive")}),
    ("أدانت السعودية اعتداءات إسرائيل على لبنان.", "اعتداءات", {("ISR", "attacked", "LBN", "positive")}),
])
def test_generated_forms_yield_claims(text, form, expected):
    assert match_key(form) not in WRITTEN  # only the paradigm knows it
    assert expected <= edges(text, "ar")


def test_cue_and_syntax_lists_name_verbs_by_lemma():
    """``negation_lemmas`` adds every form to the cue list ``negation``, ``light_verb_lemmas``
    to the syntax list ``light_verbs``; the forms listed by hand stay first."""
    from kg.lang import load_language

    raw = load_language("ar").raw
    assert {"رفضوا", "يرفضون", "ترفض"} <= set(raw["cues"]["negation"])
    light = raw["syntax"]["light_verbs"]
    assert light[0] == "عقد" and {"توقع", "يوقعون", "تبرم", "أبرمت", "تشن", "يشنون"} <= set(light)
    assert "موقع" not in light  # a participle is left out: موقع is also "a site"
