"""Everything the matchers look up, built once per language from the data files and the
known-actor data: surface forms with their actors, the vocabulary for clitic stripping."""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass, field

from kg.gazetteer import KnownActor, load_known_actors, user_actor_files
from kg.lang import LanguageData, load_language
from kg.nlp.normalize import is_arabic, match_key


PLACE = "place"  # the key and kind of place names that hold a state's name ([places] names)


@dataclass
class Lexicon:
    lang: str
    data: LanguageData
    known: dict[str, KnownActor]
    forms: dict[str, tuple[str, str]] = field(default_factory=dict)  # form text -> (actor key, kind)
    vocabulary: set[str] = field(default_factory=set)  # single-token keys worth un-cliticising to
    first_names: frozenset[str] = frozenset()
    surnames: dict[str, str] = field(default_factory=dict)  # last token key of known persons -> key
    countries: frozenset[str] = frozenset()  # keys of the known states


def get_lexicon(lang: str) -> Lexicon:
    """The lexicon of a language with the known actors in force (the user's own actor files
    included: a build with ``--actors`` gets a lexicon of its own)."""
    return _lexicon(lang, user_actor_files())


@functools.lru_cache(maxsize=None)
def _lexicon(lang: str, user_files: tuple[str, ...]) -> Lexicon:
    data = load_language(lang)
    known = load_known_actors()
    lex = Lexicon(lang=lang, data=data, known=known,
                  countries=frozenset(k for k, a in known.items() if a.type == "Country"))
    for actor in known.values():
        for form in actor.forms:
            if form.lang != lang:
                continue
            lex.forms.setdefault(form.text, (actor.key, form.kind))
    for text, found in list(lex.forms.items()):  # "Luiz Inacio Lula da Silva", "Viktor Orban": news drops accents
        folded = without_accents(text)
        if folded != text:
            lex.forms.setdefault(folded, found)
    for place in data.strings("places", "names"):  # "Sea of Japan": matched whole, then dropped
        lex.forms.setdefault(place, (PLACE, PLACE))
    words: set[str] = set()
    for text in lex.forms:
        words.update(match_key(text).split())
    for title in data.titles:
        words.update(title.split())
    for trig in data.triggers.values():
        for form in trig.forms:
            words.update(form.split())
        words.update(trig.obj_preps)
        words.update(trig.agent_preps)
    words.update(data.keys("syntax", "light_verbs"))  # "لعقد لقاء": clitics come off light verbs too
    for section in ("cues", "coreference", "names"):
        for values in data.raw.get(section, {}).values():
            if isinstance(values, list):
                for v in values:
                    words.update(match_key(v).split())
    for forms in data.value("state_bodies", "bodies", default={}).values():  # "والجيش المصري"
        for f in forms:
            words.update(match_key(f).split())
    for q in data.strings("titles", "qualifiers") + data.strings("titles", "analyst_modifiers"):
        words.update(match_key(q).split())
    name_starts = {match_key(text).split()[0] for text in lex.forms}
    lex.vocabulary = words - _prepositional_forms(data, words, name_starts) - _conjoined_name_starts(data, words, lex.forms)
    lex.first_names = data.keys("names", "first")
    return lex


def without_accents(text: str) -> str:
    """Latin letters without their accents ("Inácio" -> "Inacio", "Orbán" -> "Orban"); other
    scripts as they are (an Arabic letter's marks are the normaliser's business)."""
    if text.isascii() or is_arabic(text):
        return text
    return unicodedata.normalize("NFC", "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c)))


def _conjoined_name_starts(data: LanguageData, words: set[str], forms: dict) -> set[str]:
    """Words of the data that are a conjunction on the first word of a many-word name ("وجزر"
    of "جزيرة هيرد وجزر ماكدونالد"): kept whole they would never be split, and "الصين وجزر
    سليمان" would miss the Solomon Islands; split, the name's own pattern is split the same
    way. Only on stems of three letters or more that start no name themselves ("ولي" stays)."""
    conjunctions = data.keys("morphology", "conjunctions")
    if not conjunctions:
        return set()
    multi_starts = {key.split()[0] for key in map(match_key, forms) if " " in key}
    all_starts = {match_key(text).split()[0] for text in forms}
    return {w for w in words if w[:1] in conjunctions and len(w) >= 4 and w[1:] in multi_starts and w not in all_starts}


def _prepositional_forms(data: LanguageData, words: set[str], name_starts: set[str]) -> set[str]:
    """Words of the data that are a preposition clitic on the start of an actor's name
    ("لكوريا" in "هيئة الأركان المشتركة لكوريا الجنوبية", "للأمم" in "التابع للأمم
    المتحدة"). Kept whole in the vocabulary they would never be split, and "دعمها لكوريا
    الشمالية" would miss North Korea; split, the name's own pattern is split the same way.
    Only the language's ``name_prepositions`` count, and only on names of 4 letters or more
    ("ليون" is Lyon, not ل + a Korean name)."""
    preps = data.keys("morphology", "name_prepositions")
    if not preps:
        return set()
    from kg.nlp.clitics import CliticAnalyzer

    analyzer = CliticAnalyzer(data)
    conjunctions = "".join(data.keys("morphology", "conjunctions"))
    found = set()
    for word in words - name_starts:
        for reading in analyzer.readings(word):
            if reading.proclitic.lstrip(conjunctions) in preps and not reading.enclitic \
                    and len(reading.stem) >= 4 and reading.stem in name_starts:
                found.add(word)
                break
    return found
