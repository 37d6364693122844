"""Per-language knowledge (clitics, titles, triggers, cues) loaded from ``kg/data/lang/<code>.toml``.

A new language is a new data file: nothing in the pipeline names a language's words.
"""

from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass, field
from typing import NamedTuple
from pathlib import Path

from kg.errors import GeoKGError
from kg.model import ROLES
from kg.morphology import expand, save as save_inflections
from kg.nlp.normalize import match_key

LANG_DIR = Path(__file__).parent / "data" / "lang"


@dataclass(frozen=True)
class Trigger:
    relation: str
    forms: frozenset[str]  # match keys (verbs and, where no ``nouns`` are listed, nouns too)
    nouns: frozenset[str] = frozenset()  # nominal forms: object needs a preposition
    obj_preps: tuple[str, ...] = ()
    # a verbal noun with its agent right after it marks its object with these too ("غزو روسيا
    # لأوكرانيا", "الغزو الروسي لأوكرانيا"; not "هجوم لحماس", an attack by Hamas)
    noun_obj_preps: tuple[str, ...] = ()
    reversal_obj_preps: tuple[str, ...] = ()  # mark the object after a reversal ("رفع العقوبات عن سوريا")
    agent_preps: tuple[str, ...] = ()
    symmetric: bool = False
    object_types: tuple[str, ...] = ()
    object_adjacent: bool = False
    object_next: bool = False  # the bare object right after the trigger, a determiner aside ("helped Kyiv plan")
    named_object: bool = False  # no nationality word as object ("added two Russian companies to its sanctions list")
    # a predicate only with an actor right after it; otherwise no trigger at all ("suspended Gabon";
    # "suspended military aid to Egypt" is a reversal of the aid, with no predicate of its own)
    actor_next: bool = False
    require_object_prep: bool = False
    locative_object: bool = False  # "struck targets in Syria": the place hit stands for the target
    locative_single: bool = False  # ... only when it is one place ("companies in China, Russia and Turkey": third parties)
    locative_direct: bool = False  # ... also right after an event noun ("air strikes in Kabul")
    city_object: bool = False  # a city after the trigger is in its state ("visited Johannesburg")
    event_object: bool = False  # "condemned the Israeli strikes": the agent of the event noun is the object
    # forms that trigger only with a weapon after them ("fired missiles at"; not "fired the minister")
    instrument_forms: frozenset[str] = frozenset()
    instruments: frozenset[str] = frozenset()
    circumstantial_forms: frozenset[str] = frozenset()  # forms that are triggers only set off by a comma ("، متهمة")
    instrument_window: int | None = None  # words after an armed form in which its instrument stands (else the component's)
    # a quotation in the window is the instrument unless one of these words of praise is in it
    # ("called the strikes "extrajudicial executions"", not "called the talks "constructive"");
    # None: a quotation is no instrument
    quoted_unless: frozenset[str] | None = None
    # a converse act whose weapon has a target of its own after one of these ("shot down drones launched
    # by the Houthis toward Israel": Israel was the target, not the one who shot them down)
    aimed_elsewhere: frozenset[str] = frozenset()
    # words right after the trigger that make it no act of the section ("sent a delegation", "أرسلت وفدا")
    unless_after: frozenset[str] = frozenset()
    purpose_subject: bool = False  # "travel to Moscow for talks with X": the traveller holds the talks
    converse: bool = False  # "bought missiles from Russia": the object gives, the subject receives
    mutual: bool = False  # "India and Pakistan exchanged fire": each did it to the other
    # forms read with another section's frame when this one finds no pair ("received tanks from"),
    # unless one of the words listed stands between ("received a call from")
    otherwise: tuple[str, frozenset[str], frozenset[str]] | None = None
    # a means marked by one of the prepositions and named by one of the words makes the act
    # another section's ("backed Azerbaijan with drones" is supply): (section, preps, words)
    means: tuple[str, frozenset[str], frozenset[str]] | None = None
    # a complement noun after the trigger whose own prepositions mark the object ("توعد X
    # بالرد على Y"): (words, preps)
    complement: tuple[frozenset[str], tuple[str, ...]] | None = None
    # forms read with another section's frame when every subject is a person and the object is a
    # person or one of the words follows: a person's attack in words ("Macron attacked Washington
    # over its tariffs", "هاجم عراقجي الولايات المتحدة في كلمة"): (section, forms, words)
    person_reading: tuple[str, frozenset[str], frozenset[str]] | None = None
    # forms whose subject hosts the object: a guest received in the host's own state visits it
    # ("Maduro hosted Pezeshkian in Caracas", "استقبل ديبي في نجامينا لافروف")
    hosting: frozenset[str] = frozenset()


class SectionForms(NamedTuple):
    """The forms of one trigger section."""

    verbs: list[str]  # verb forms (all forms, where the language reads nouns like verbs)
    nouns: list[str]  # nominal forms with frames of their own ([syntax] nominal_triggers)
    instrument: list[str]  # forms that trigger only with a weapon after them
    all: list[str]  # everything the matcher looks for, definite variants included


@dataclass
class LanguageData:
    code: str
    raw: dict
    titles: dict[str, str] = field(default_factory=dict)  # title key -> role
    plural_titles: frozenset[str] = frozenset()  # title keys that name several holders ("ministers", "الوزيرين")
    triggers: dict[str, Trigger] = field(default_factory=dict)
    _key_sets: dict[tuple[str, ...], frozenset[str]] = field(default_factory=dict, repr=False, compare=False)
    _sections: dict[str, "SectionForms"] = field(default_factory=dict, repr=False, compare=False)

    def keys(self, *path: str) -> frozenset[str]:
        """Match keys of a list in the data file, e.g. ``keys("cues", "negation")``; folded
        once per list, as callers ask for them per document."""
        found = self._key_sets.get(path)
        if found is None:
            node = self.raw
            for part in path:
                node = node.get(part, {})
            found = self._key_sets[path] = frozenset(match_key(x) for x in (node or []))
        return found

    def trigger_forms(self, relation: str) -> list[str]:
        """The surface forms of a trigger: those written in the data file, those generated
        from its lemmas (``lemmas`` are verbs, ``noun_lemmas`` nouns), plus, where the file
        asks for it (``generate_definite_triggers``), each one-word form with the definite
        article ("ضربات" → "الضربات"): nouns are written once."""
        return self.section_forms(relation).all

    def section_forms(self, relation: str) -> "SectionForms":
        """The forms of a trigger section, written and generated once per section: every
        lemma expanded here only (the generators run at language load, once)."""
        found = self._sections.get(relation)
        if found is None:
            found = self._sections[relation] = self._make_section_forms(relation)
        return found

    def _make_section_forms(self, relation: str) -> "SectionForms":
        spec = self.raw.get("triggers", {}).get(relation, {})
        armed = spec.get("with_instrument", {})
        verb_forms = expand(self.raw, spec.get("lemmas", []), "verb")
        noun_forms = expand(self.raw, spec.get("noun_lemmas", []), "noun")
        verbs = list(dict.fromkeys(list(spec.get("forms", [])) + verb_forms))
        nouns = list(dict.fromkeys(list(spec.get("nouns", [])) + noun_forms))
        # the article goes on nouns, participles and written forms, not on generated verb forms
        # ("الاتهموا"); a form that is also a noun ("دعم") takes it
        takes_article = set(spec.get("forms", [])) | set(nouns) | set(expand(self.raw, spec.get("lemmas", []), "verb_nominal"))
        bare_verbs = [f for f in verb_forms if f not in takes_article]
        armed_verbs = expand(self.raw, armed.get("lemmas", []), "verb")
        instrument = self.with_definite(list(armed.get("forms", []))) + armed_verbs
        if self.value("syntax", "nominal_triggers", default=False):
            # a verb phrase whose first word is also a noun of the section reads as that noun
            # ("meeting with" from "meet with": "held a meeting with X")
            heads = {n for n in nouns if " " not in n}
            nouns = list(dict.fromkeys(nouns + [v for v in verbs if " " in v and v.split()[0] in heads]))
        else:
            verbs, nouns = list(dict.fromkeys(verbs + nouns)), []
        articled = self.with_definite([f for f in verbs + nouns if f not in bare_verbs])
        return SectionForms(verbs=verbs, nouns=nouns, instrument=instrument,
                            all=list(dict.fromkeys(articled + bare_verbs + instrument
                                                   + list(spec.get("circumstantial_forms", [])))))

    def with_definite(self, forms: list[str]) -> list[str]:
        """``forms`` and, where the file asks for it, their one-word definite variants."""
        forms = list(forms)
        morph = self.raw.get("morphology", {})
        article = morph.get("definite_article", "")
        if morph.get("generate_definite_triggers") and article:
            known = {match_key(f) for f in forms}
            forms += [article + f for f in forms if " " not in f and not match_key(f).startswith(match_key(article))
                      and match_key(article + f) not in known]
        return forms

    def strings(self, *path: str) -> list[str]:
        node = self.raw
        for part in path:
            node = node.get(part, {})
        return list(node or [])

    def value(self, *path: str, default=None):
        node = self.raw
        for part in path:
            if not isinstance(node, dict) or part not in node:
                return default
            node = node[part]
        return node

    @functools.cached_property
    def credit_re(self) -> re.Pattern | None:
        pattern = self.value("segmentation", "credit_pattern")
        return re.compile(pattern) if pattern else None


def available_languages() -> list[str]:
    return sorted(p.stem for p in LANG_DIR.glob("*.toml") if "." not in p.stem)  # "en.cameo" is a supplement


LEMMA_LISTS = ("cues", "syntax")  # sections whose word lists may name verbs by lemma


def _expand_lemma_lists(raw: dict) -> None:
    """A cue or syntax list may name verbs by lemma: ``negation_lemmas = ["رفض|يرفض"]`` adds
    every form of them to ``negation`` ("رفضوا", "يرفضون", "refused", "refuses"),
    ``light_verb_lemmas`` to ``light_verbs``."""
    for section in LEMMA_LISTS:
        lists = raw.get(section, {})
        for name in [n for n in lists if n.endswith("_lemmas")]:
            base = name[: -len("_lemmas")]
            base = base + "s" if base + "s" in lists and base not in lists else base  # light_verb_lemmas → light_verbs
            have = list(lists.get(base, []))
            lists[base] = have + [f for f in expand(raw, lists[name], "verb") if f not in have]


def _plural_titles(raw: dict) -> list[str]:
    """The plural and dual forms of the titles ``[titles] plural_<Role>`` names by role
    ("minister" → "ministers", "وزير|وزراء" → "وزيران", "وزيرين", "وزراء"), added to that role's
    titles: "Israeli ministers X and Y", "الوزيرين الإسرائيليين X وY" give each name the title.
    English titles are also written capitalised ("Foreign Ministers")."""
    titles = raw.setdefault("titles", {})
    english = raw.get("morphology", {}).get("inflector") == "english"
    found: list[str] = []
    for role in ROLES:
        for lemma in titles.get(f"plural_{role}", []):
            singular = lemma.split("|")[0]
            forms = [f for f in expand(raw, [lemma], "noun") if f != singular]
            if english:
                forms += [" ".join(w[:1].upper() + w[1:] for w in f.split()) for f in forms]
            have = list(titles.get(role, []))
            titles[role] = have + [f for f in dict.fromkeys(forms) if f not in have]
            found += forms
    return found


# supplement sections that are data of their own, not trigger lemmas: ``[agents]`` (agent
# nouns by sector, ``en.agents.toml`` from the Phoenix agents dictionary, ``ar.agents.toml``)
DATA_SUPPLEMENTS = frozenset({"agents"})


def _merge_supplements(code: str, raw: dict) -> None:
    """Lexicon supplements derived from other resources (``<code>.<name>.toml``, e.g.
    ``en.cameo.toml`` from the CAMEO verb dictionary): each ``[section] lemmas`` joins the
    lemmas of the trigger section of that name, whose frame it takes; a section of
    ``DATA_SUPPLEMENTS`` joins the language's data as it is."""
    for path in sorted(LANG_DIR.glob(f"{code}.*.toml")):
        supplement = tomllib.loads(path.read_text(encoding="utf-8"))
        for section, spec in supplement.items():
            if section in DATA_SUPPLEMENTS:  # a data section of its own: lists join the language file's
                have = raw.setdefault(section, {})
                for name, values in spec.items():
                    if not isinstance(values, list):
                        raise GeoKGError(f"{path.name}: [{section}] {name} must be a list")
                    old = list(have.get(name, []))
                    have[name] = old + [v for v in values if v not in old]
                continue
            trigger = raw.setdefault("triggers", {}).get(section)
            if trigger is None:
                raise GeoKGError(f"{path.name}: [{section}] is no trigger section of {code}.toml")
            for kind in ("lemmas", "noun_lemmas"):
                have = set(trigger.get(kind, []))
                trigger[kind] = list(trigger.get(kind, [])) + [x for x in spec.get(kind, []) if x not in have]


@functools.lru_cache(maxsize=None)
def load_language(code: str) -> LanguageData:
    path = LANG_DIR / f"{code}.toml"
    if not path.exists():
        raise GeoKGError(f"no language data for '{code}' (have: {', '.join(available_languages())})")
    raw = tomllib.loads(path.read_text(encoding="utf-8"))
    _merge_supplements(code, raw)
    _expand_lemma_lists(raw)
    plurals = _plural_titles(raw)
    data = LanguageData(code=code, raw=raw)
    article = raw.get("morphology", {}).get("definite_article", "")
    make_definite = raw.get("morphology", {}).get("generate_definite_titles", False)
    for role in ROLES:
        for form in raw.get("titles", {}).get(role, []):
            key = match_key(form)
            data.titles.setdefault(key, role)
            if make_definite and article and not key.startswith(match_key(article)):
                data.titles.setdefault(match_key(article) + key, role)
    data.plural_titles = frozenset(k for form in plurals for k in (
        match_key(form), *((match_key(article) + match_key(form),) if make_definite and article else ())))
    for relation, spec in raw.get("triggers", {}).items():
        armed = spec.get("with_instrument", {})
        otherwise = spec.get("otherwise")
        means = spec.get("means")
        complement = spec.get("complement")
        person = spec.get("person_reading")
        data.triggers[relation] = Trigger(
            relation=spec.get("relation", relation),  # a section may name the converse of a relation
            forms=frozenset(match_key(f) for f in data.trigger_forms(relation)),
            nouns=frozenset(match_key(f) for f in data.section_forms(relation).nouns),
            obj_preps=tuple(match_key(p) for p in spec.get("obj_preps", [])),
            noun_obj_preps=tuple(match_key(p) for p in spec.get("noun_obj_preps", [])),
            reversal_obj_preps=tuple(match_key(p) for p in spec.get("reversal_obj_preps", [])),
            agent_preps=tuple(match_key(p) for p in spec.get("agent_preps", [])),
            symmetric=bool(spec.get("symmetric", False)),
            object_types=tuple(spec.get("object_types", [])),
            object_adjacent=bool(spec.get("object_adjacent", False)),
            object_next=bool(spec.get("object_next", False)),
            named_object=bool(spec.get("named_object", False)),
            actor_next=bool(spec.get("actor_next", False)),
            require_object_prep=bool(spec.get("require_object_prep", False)),
            locative_object=bool(spec.get("locative_object", False)),
            locative_single=spec.get("locative_object") == "single",
            locative_direct=bool(spec.get("locative_direct", False)),
            city_object=bool(spec.get("city_object", False)),
            event_object=bool(spec.get("event_object", False)),
            purpose_subject=bool(spec.get("purpose_subject", False)),
            converse=bool(spec.get("converse", False)),
            mutual=bool(spec.get("mutual", False)),
            otherwise=(otherwise["section"], frozenset(match_key(f) for f in otherwise["forms"]),
                       frozenset(match_key(f) for f in otherwise.get("unless", []))) if otherwise else None,
            means=(means["section"], frozenset(match_key(p) for p in means["preps"]),
                   frozenset(match_key(f) for f in data.with_definite(means["words"]))) if means else None,
            complement=(frozenset(match_key(f) for f in complement["words"]),
                        tuple(match_key(p) for p in complement["preps"])) if complement else None,
            person_reading=(person["section"], frozenset(match_key(f) for f in expand(raw, person["lemmas"], "verb")),
                            frozenset(match_key(f) for f in data.with_definite(person.get("words", [])))) if person else None,
            instrument_forms=frozenset(match_key(f) for f in data.section_forms(relation).instrument),
            # instruments as written and from noun lemmas ("صاروخ|صواريخ": صاروخا، صاروخين، الصواريخ …)
            instruments=frozenset(match_key(f) for f in data.with_definite(
                list(armed.get("instruments", [])) + expand(raw, armed.get("instrument_lemmas", []), "noun"))),
            circumstantial_forms=frozenset(match_key(f) for f in spec.get("circumstantial_forms", [])),
            instrument_window=armed.get("window"),
            quoted_unless=frozenset(match_key(f) for f in data.with_definite(armed["quoted_unless"]))
            if "quoted_unless" in armed else None,
            aimed_elsewhere=frozenset(match_key(p) for p in spec.get("aimed_elsewhere", [])),
            unless_after=frozenset(match_key(f) for f in data.with_definite(spec.get("unless_after", []))),
            hosting=frozenset(match_key(f) for f in expand(raw, spec.get("host_lemmas", []), "verb")),
        )
    save_inflections()  # what the inflectors derived for this language, for the next run
    return data
