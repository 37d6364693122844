"""One node per person across scripts: a person no list knows, written once in an English
and once in an Arabic report, gets one key (:func:`kg.nlp.romanize.person_key`, then
:func:`kg.nlp.romanize.merge_person_keys`); namesakes stay apart.

The Arabic spellings are the ones Arabic press uses (Al Jazeera, Asharq Al-Awsat, Al
Arabiya); where g is written both غ and ج, both are listed.
"""

import random
import time

import pytest

from kg.nlp.romanize import merge_person_keys, person_key

# the same person, English and Arabic script
SAME = [
    ("Giorgia Meloni", "جورجيا ميلوني"),
    ("Javier Milei", "خافيير ميلي"),
    ("Kim Yo-jong", "كيم يو جونغ"),
    ("Jean-Noël Barrot", "جان نويل بارو"),
    ("Pedro Sánchez", "بيدرو سانشيز"),
    ("Olaf Scholz", "أولاف شولتس"),
    ("Olaf Scholz", "أولاف شولتز"),
    ("Keir Starmer", "كير ستارمر"),
    ("Recep Tayyip Erdogan", "رجب طيب أردوغان"),
    ("Mark Rutte", "مارك روته"),
    ("Antony Blinken", "أنتوني بلينكن"),
    ("Robert F. Kennedy Jr.", "روبرت إف كينيدي الابن"),
    ("Robert F. Kennedy Jr.", "روبرت إف كينيدي جونيور"),
    ("Gustavo Petro", "غوستافو بيترو"),
    ("Gustavo Petro", "جوستافو بيترو"),
    ("Cyril Ramaphosa", "سيريل رامافوزا"),
    ("Abiy Ahmed", "آبي أحمد"),
    ("Ursula von der Leyen", "أورسولا فون دير لاين"),
    ("Friedrich Merz", "فريدريش ميرتس"),
    ("Yoon Suk Yeol", "يون سوك يول"),
    ("Sergei Shoigu", "سيرغي شويغو"),
    ("Volodymyr Zelensky", "فولوديمير زيلينسكي"),
    ("Emmanuel Macron", "إيمانويل ماكرون"),
    ("Luiz Inácio Lula da Silva", "لويس إيناسيو لولا دا سيلفا"),
    ("Nicolás Maduro", "نيكولاس مادورو"),
    ("Shehbaz Sharif", "شهباز شريف"),
    ("Prabowo Subianto", "برابوو سوبيانتو"),
    ("Narendra Modi", "ناريندرا مودي"),
    ("Valery Gerasimov", "فاليري غيراسيموف"),
    ("Valery Gerasimov", "فاليري جيراسيموف"),
    # the first 30 above are the ones counted in the issue; more of the same kinds follow
    ("Kassym-Jomart Tokayev", "قاسم جومارت توكاييف"),
    ("Ilham Aliyev", "إلهام علييف"),
    ("Nikol Pashinyan", "نيكول باشينيان"),
    ("Justin Trudeau", "جاستن ترودو"),
    ("Antonio Tajani", "أنطونيو تاياني"),
    ("Luigi Di Maio", "لويجي دي مايو"),
    ("Xavier Bettel", "كزافييه بيتيل"),
    ("Enrique Mora", "إنريكي مورا"),
    ("Xi Jinping", "شي جين بينغ"),
    ("Jens Stoltenberg", "ينس ستولتنبرغ"),
    ("Aleksandar Vučić", "ألكسندر فوتشيتش"),
    ("Kyriakos Mitsotakis", "كيرياكوس ميتسوتاكيس"),
    ("Félix Tshisekedi", "فيليكس تشيسيكيدي"),
    ("Paul Kagame", "بول كاغامي"),
    ("António Guterres", "أنطونيو غوتيريش"),
    ("Rafael Grossi", "رافائيل غروسي"),
    ("Kaja Kallas", "كايا كالاس"),
    ("Maria Zakharova", "ماريا زاخاروفا"),
    ("Yevgeny Prigozhin", "يفغيني بريغوجين"),
    ("Alexei Navalny", "أليكسي نافالني"),
    ("Benjamin Netanyahu", "بنيامين نتنياهو"),
    ("Yahya Sinwar", "يحيى السنوار"),
    ("Ismail Haniyeh", "إسماعيل هنية"),
    ("Hassan Nasrallah", "حسن نصر الله"),
    ("Ekrem İmamoğlu", "أكرم إمام أوغلو"),
    ("Bezalel Smotrich", "بتسلئيل سموتريتش"),
    ("Isaac Herzog", "إسحاق هرتسوغ"),
    ("Yoav Gallant", "يوآف غالانت"),
    ("Benny Gantz", "بيني غانتس"),
    ("Steve Witkoff", "ستيف ويتكوف"),
    ("Pete Hegseth", "بيت هيغسيث"),
    ("Mette Frederiksen", "ميته فريدريكسن"),
    ("Charles Michel", "شارل ميشيل"),
    ("Moon Jae-in", "مون جاي إن"),
    ("Lee Jae-myung", "لي جاي ميونغ"),
    ("Shigeru Ishiba", "شيغيرو إيشيبا"),
    ("Fumio Kishida", "فوميو كيشيدا"),
    ("Ahmed al-Sharaa", "أحمد الشرع"),
    ("Khalifa Haftar", "خليفة حفتر"),
    ("Abdulhamid Dbeibah", "عبد الحميد الدبيبة"),
    ("Najib Mikati", "نجيب ميقاتي"),
    ("Nawaf Salam", "نواف سلام"),
    ("Joseph Aoun", "جوزيف عون"),
    ("Hulusi Akar", "خلوصي أكار"),
    ("Mohamed Hamdan Dagalo", "محمد حمدان دقلو"),
    ("Abdel Fattah al-Burhan", "عبد الفتاح البرهان"),
    ("Masoud Pezeshkian", "مسعود بزشكيان"),
    ("François Bayrou", "فرانسوا بايرو"),
    ("Michel Barnier", "ميشال بارنييه"),
    ("Gideon Saar", "جدعون ساعر"),
    ("Ulf Kristersson", "أولف كريسترشون"),
    ("Ramzan Kadyrov", "رمضان قديروف"),
    ("Viktor Orbán", "فيكتور أوربان"),
    ("Claudia Sheinbaum", "كلاوديا شينباوم"),
    ("Annalena Baerbock", "أنالينا بيربوك"),
    ("Volker Türk", "فولكر تورك"),
    ("Sébastien Lecornu", "سيباستيان لوكورنو"),
    ("Ferdinand Marcos Jr.", "فرديناند ماركوس الابن"),
    ("Mohammed bin Abdulrahman Al Thani", "محمد بن عبد الرحمن آل ثاني"),
    ("Abdullah bin Zayed", "عبد الله بن زايد"),
    ("Matthew Miller", "ماثيو ميلر"),
    ("Daniel Chapo", "دانيال تشابو"),
    ("Scott Bessent", "سكوت بيسنت"),
    ("Marco Rubio", "ماركو روبيو"),
    ("Charles III", "تشارلز الثالث"),
    # the people of the namesake pairs below, in both scripts
    ("Kim Jong Un", "كيم جونغ أون"),
    ("Kim Jong Il", "كيم جونغ إيل"),
    ("Mohammed bin Salman", "محمد بن سلمان"),
    ("Mohammed bin Zayed", "محمد بن زايد"),
    ("Abdullah Abdullah", "عبد الله عبد الله"),
    ("Abdullah II", "عبد الله الثاني"),
    ("Ali Khamenei", "علي خامنئي"),
    ("Ali Larijani", "علي لاريجاني"),
    ("George W. Bush", "جورج دبليو بوش"),
    ("Donald Trump", "دونالد ترامب"),
    ("Donald Trump Jr.", "دونالد ترامب الابن"),
    ("Mahmoud Abbas", "محمود عباس"),
    ("Hassan Diab", "حسن دياب"),
    ("Hussein Diab", "حسين دياب"),
    ("Wahid Shammari", "وحيد الشمري"),
]
CORE = SAME[:30]

# a probe written on 2026-12-07 with people none of the lists above holds, to see how the model
# does on names it was not fitted to: 36 of 43 merged on first run; the three letter rules it
# then gained (an initial y before a consonant is a vowel, a v is ف or و, a و before an alef may
# be written or not, a "dh" may be d + h) and the Chadian "Mahamat" bring it to 40
FRESH = [
    ("Badr Abdelatty", "بدر عبد العاطي"), ("Ayman Safadi", "أيمن الصفدي"), ("Penny Wong", "بيني وونغ"),
    ("Mélanie Joly", "ميلاني جولي"), ("Radosław Sikorski", "رادوسلاف سيكورسكي"), ("Tom Fletcher", "توم فليتشر"),
    ("Ahmed Attaf", "أحمد عطاف"), ("Nasser Bourita", "ناصر بوريطة"), ("Yvette Cooper", "إيفيت كوبر"),
    ("José Manuel Albares", "خوسيه مانويل ألباريس"), ("Cho Tae-yul", "تشو تاي يول"), ("Mia Mottley", "ميا موتلي"),
    ("Bola Tinubu", "بولا تينوبو"), ("William Ruto", "وليام روتو"), ("Hakainde Hichilema", "هاكايندي هيشيليما"),
    ("Gabriel Boric", "غابرييل بوريك"), ("Santiago Peña", "سانتياغو بينيا"), ("Dina Boluarte", "دينا بولوارتي"),
    ("Anwar Ibrahim", "أنور إبراهيم"), ("Paetongtarn Shinawatra", "بايتونغتارن شيناواترا"),
    ("Kristalina Georgieva", "كريستالينا جورجييفا"), ("Tedros Adhanom Ghebreyesus", "تيدروس أدهانوم غيبريسوس"),
    ("Filippo Grandi", "فيليبو غراندي"), ("Martin Griffiths", "مارتن غريفيث"), ("Hans Grundberg", "هانس غروندبرغ"),
    ("Geir Pedersen", "غير بيدرسن"), ("Stéphane Dujarric", "ستيفان دوجاريك"), ("Farhan Haq", "فرحان حق"),
    ("Hossein Amir-Abdollahian", "حسين أمير عبد اللهيان"), ("Mohammad Javad Zarif", "محمد جواد ظريف"),
    ("Alexander Stubb", "ألكسندر ستوب"), ("Petr Pavel", "بيتر بافل"), ("Zoran Milanović", "زوران ميلانوفيتش"),
    ("Edi Rama", "إيدي راما"), ("Hassan Sheikh Mohamud", "حسن شيخ محمود"), ("Mahamat Idriss Déby", "محمد إدريس ديبي"),
    ("Ibrahim Traoré", "إبراهيم تراوري"), ("Assimi Goïta", "أسيمي غويتا"), ("Abdourahamane Tiani", "عبد الرحمن تياني"),
    ("Faustin-Archange Touadéra", "فوستين أرشانج تواديرا"),
]

# still two nodes: a Turkish v that Arabic writes و, read as a vowel, in a part too short to lack
# a letter (a tolerance there would merge "Bessent" and "Pashinyan")
KNOWN_MISSES = [
    ("Devlet Bahçeli", "دولت بهتشلي"),
    # a German w that Arabic writes ف: a w/ف alternation would make وحيد and فهد one name
    ("Johann Wadephul", "يوهان فاديفول"),
    # a Persian ch that Arabic writes ج: an s/ج alternation would merge far too much
    ("Abbas Araghchi", "عباس عراقجي"),
    # a Polish rz that Arabic leaves out
    ("Andrzej Duda", "أندريه دودا"),
]

# the same person twice in one script, a shorter and a longer form
SAME_SHORT = [
    ("Luiz Inácio Lula da Silva", "Lula da Silva"),
    ("لويس إيناسيو لولا دا سيلفا", "لولا دا سيلفا"),
    ("Kim Jong Un", "Kim Jong-un"),
    ("Yoon Suk Yeol", "Yoon Suk-yeol"),
    ("Mohammed bin Abdulrahman Al Thani", "Mohammed bin Abdulrahman"),
    ("Mohammed bin Salman bin Abdulaziz", "Mohammed bin Salman"),
    ("تميم بن حمد آل ثاني", "تميم بن حمد"),
]

# different people who share a first name or a surname
DIFFERENT = [
    ("Kim Jong Un", "Kim Yo-jong"),
    ("كيم جونغ أون", "كيم يو جونغ"),
    ("Kim Jong Un", "كيم يو جونغ"),
    ("Kim Jong Un", "Kim Jong Il"),
    ("كيم جونغ أون", "كيم جونغ إيل"),
    ("Mohammed bin Salman", "Mohammed bin Zayed"),
    ("محمد بن سلمان", "محمد بن زايد"),
    ("Abdullah II", "Abdullah Abdullah"),
    ("عبد الله الثاني", "عبد الله عبد الله"),
    ("Ali Khamenei", "Ali Larijani"),
    ("علي خامنئي", "علي لاريجاني"),
    ("George W. Bush", "George H. W. Bush"),
    ("جورج بوش الابن", "جورج بوش الأب"),
    ("Donald Trump", "Donald Trump Jr."),
    ("دونالد ترامب", "دونالد ترامب الابن"),
    ("Mahmoud Abbas", "Mohammed Abbas"),
    ("محمود عباس", "Mohammed Abbas"),
    ("Hassan Diab", "Hussein Diab"),
    ("حسن دياب", "حسين دياب"),
    ("Raúl Castro", "Fidel Castro"),
    ("Omar Haddad", "Samir Haddad"),
    ("Ahmed al-Sharaa", "Farouk al-Sharaa"),
    ("Jair Bolsonaro", "Eduardo Bolsonaro"),
    ("Joe Biden", "Hunter Biden"),
    ("Sergei Lavrov", "Sergei Ryabkov"),
    ("Patrick Pouyanne", "باتريك مويايا"),
    ("Kim Jong Un", "Kim Jong Nam"),
    ("Bashar al-Assad", "حافظ الأسد"),
    ("Mohammed bin Salman", "Khalid bin Salman"),
    ("Mohammed bin Salman", "Khalid bin Mohammed bin Salman"),
    ("Lee Jae-myung", "Lee Jae-yong"),
    ("Aleksandr Novak", "Alexei Novak"),
    # the letter rules above must not join these: ف and و stay apart, a v is not optional
    ("وحيد الشمري", "فهد الشمري"),
    ("Wahid Shammari", "فهد الشمري"),
    ("Navid Karimi", "Farid Karimi"),
    ("Kevin Smith", "Ken Smith"),
]


def merged(a: str, b: str) -> bool:
    ka, kb = person_key(a), person_key(b)
    return ka == kb or bool(merge_person_keys([ka, kb]))


@pytest.mark.parametrize("en, ar", SAME)
def test_same_person_across_scripts(en, ar):
    assert merged(en, ar), (person_key(en), person_key(ar))


@pytest.mark.parametrize("en, ar", FRESH)
def test_same_person_across_scripts_on_a_fresh_probe(en, ar):
    assert merged(en, ar), (person_key(en), person_key(ar))


@pytest.mark.xfail(strict=True)
@pytest.mark.parametrize("en, ar", KNOWN_MISSES)
def test_known_misses(en, ar):
    assert merged(en, ar)


@pytest.mark.parametrize("long, short", SAME_SHORT)
def test_short_form_is_the_same_person(long, short):
    assert merged(long, short), (person_key(long), person_key(short))


@pytest.mark.parametrize("a, b", DIFFERENT)
def test_namesakes_stay_apart(a, b):
    assert not merged(a, b), (person_key(a), person_key(b))


def test_core_pairs_merge():
    assert sum(merged(en, ar) for en, ar in CORE) >= 26


def test_all_names_at_once_give_one_node_per_person():
    """Merging is transitive: in one build, near spellings must not chain two people into one node."""
    person: dict[str, str] = {}

    def find(n):
        while person.get(n, n) != n:
            n = person[n]
        return n

    for a, b in SAME + SAME_SHORT:
        ra, rb = find(a), find(b)
        if ra != rb:
            person[max(ra, rb)] = min(ra, rb)
    names = {n for pair in SAME + SAME_SHORT + DIFFERENT for n in pair}
    keys = {person_key(n) for n in names}
    mapping = merge_person_keys(keys)
    nodes: dict[str, set[str]] = {}
    for n in names:
        key = person_key(n)
        nodes.setdefault(mapping.get(key, key), set()).add(find(n))
    assert [sorted(p) for p in nodes.values() if len(p) > 1] == []


def test_keys_are_readable_skeletons():
    assert person_key("Giorgia Meloni") == person_key("جورجيا ميلوني") == "person-grg-mln"
    assert person_key("Robert F. Kennedy Jr.") == "person-rbrt-f-knd-junior"  # the initial as spelled out: إف
    assert person_key("Mohammed bin Salman") == person_key("محمد بن سلمان") == "person-mohammed-bn-slmn"
    assert person_key("Michel Barnier") == "person-msl-brnR"  # upper case: a letter the other script may not write


def _many_names(n: int) -> set[str]:
    """``n`` made-up names, many of them with one common first name, as in Arabic news."""
    rng = random.Random(7)
    firsts = ["Mohammed"] * 8 + ["Ahmed", "Ali", "Hassan", "Omar", "Khaled", "Abdullah", "Sergei", "John", "Kim",
                                 "Jean"]
    syllables = ["ba", "ka", "ri", "mo", "sa", "tu", "ne", "la", "di", "fo", "gu", "ha", "zi", "ve", "po", "sh", "qa",
                 "wa"]

    def surname():
        return "".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))).capitalize()

    names: set[str] = set()
    while len(names) < n:
        r = rng.random()
        names.add(f"{rng.choice(firsts)} bin {surname()} {surname()}" if r < 0.2 else
                  f"{rng.choice(firsts)} {surname()} {surname()}" if r < 0.4 else f"{rng.choice(firsts)} {surname()}")
    return names


def test_merge_is_near_linear():
    """Builds of 10,000 articles merge thousands of keys: candidates meet through blocking
    keys, not by comparing every pair (a third of these names start with one first name)."""
    keys = {person_key(n) for n in _many_names(5000)}
    start = time.perf_counter()
    merge_person_keys(keys)
    assert time.perf_counter() - start < 8.0
