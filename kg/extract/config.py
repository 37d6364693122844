"""The claim rules' settings of one language, read from its data file once per process.

The rules look words up in a few dozen keyword sets (prepositions, coordinators, pronouns,
clause boundaries …). Reading them from :class:`~kg.lang.LanguageData` on every document
would fold the same lists again and again; reading them into one frozen object per
language keeps the hot path to attribute reads and lets every rule module share them
without a god object. Most fields are a plain list of the data file: their ``metadata``
names its path and :func:`claim_config` reads them all the same way, so a new list is one
line here. The others are derived, and :func:`claim_config` says how.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field, fields, replace
from typing import Any

from kg.lang import Trigger, load_language
from kg.morphology import expand
from kg.nlp.normalize import match_key

LIST_PUNCTUATION = frozenset({",", "،", "&", "-"})  # the words that join a list are in each language's data
CLAUSE_PUNCTUATION = frozenset({",", "،", ";", "؛", ":"})
BETWEEN = frozenset(match_key(w) for w in ("بين", "between"))  # "talks between X and Y"


def _keys(*path: str) -> Any:
    """A field holding the match keys of the data file's list at ``path``."""
    return field(metadata={"keys": path})


@dataclass(frozen=True, slots=True)
class ClaimConfig:
    """What the claim rules read about a language (see the data files for the lists)."""

    triggers: dict[str, Trigger]
    # -- derived (see claim_config)
    particles: frozenset[str]  # stand between a subject and its verb without breaking SVO ("موسكو لن تزود")
    verb_first: bool  # VSO word order
    all_preps: frozenset[str]
    boundaries: frozenset[str]  # clause boundaries, punctuation included
    modals: frozenset[str]  # "يمكن لروسيا أن تمنح": modal, actor with لـ, complementizer, verb
    modal_comp: str | None
    possessive: frozenset[str]  # surface strings, not match keys ("'s")
    pronouns: frozenset[str]  # personal and group pronouns
    coord: frozenset[str]  # list punctuation and the coordinators ("X and Y", "X nor Y")
    adjective_after: bool  # adjectives follow their noun
    future: frozenset[str]  # future proclitics
    locative: frozenset[str]
    owner_preps: frozenset[str]
    definite: str  # the definite article's key, "\0" where the language has none
    lam_contraction: str  # the preposition that contracts with the article ("لل" = ل + ال), if any
    victim_heads: frozenset[str]  # first words of the victim nouns: a cheap test before the full one
    event_nouns: frozenset[str]  # one-word nominal triggers of directed relations ("sanctions", "strikes")
    first_person: tuple[str, ...]  # first-person enclitics ("نا"), a tuple for str.endswith
    ally_written_with_pronoun: frozenset[str]  # [alliances] with_pronoun as written: "حليفة" and "حليفه" share a key
    actor_next_sections: frozenset[str]  # sections whose forms are triggers only with an actor right after
    unnamed_agents: frozenset[str]  # "gunmen", "المسلحين": armed men of no named actor
    weapons: frozenset[str]  # what attacks are made with ("drones", "مسيرات"): a weapon's maker is no agent
    passive_agent_tails: frozenset[str]  # last words of the passive agent prepositions ("قبل" of "من قبل"): a cheap test
    # -- lists of the data file
    light_verbs: frozenset[str] = _keys("syntax", "light_verbs")
    bloc_adjectives: frozenset[str] = _keys("syntax", "bloc_adjectives")  # "Western sanctions": a word, no name
    genitive_preps: frozenset[str] = _keys("syntax", "genitive_prepositions")  # "hundreds of strikes"
    state_nouns: frozenset[str] = _keys("syntax", "state_nouns")  # "Colombia's government" is Colombia
    state_nouns_in: frozenset[str] = _keys("syntax", "state_nouns_in")  # "the junta in Mali" is Mali
    state_places: frozenset[str] = _keys("syntax", "state_place_prepositions")  # … with "in"
    # the descriptors news puts before a body's name ("shipping company Sovcomflot", "militant group al-Shabaab")
    company_heads: frozenset[str] = _keys("named_groups", "company_heads")
    armed_heads: frozenset[str] = _keys("named_groups", "armed_heads")
    indefinite: frozenset[str] = _keys("syntax", "indefinite_articles")  # "a new attack" is no event told before
    passive_aux: frozenset[str] = _keys("syntax", "passive_auxiliaries")
    negation_near: frozenset[str] = _keys("cues", "negation_near")  # particles ("not", "لم"); other negation cues are verbs
    conjunctions: frozenset[str] = _keys("morphology", "conjunctions")  # proclitic conjunctions ("و", "ف")
    ally_nouns: frozenset[str] = _keys("alliances", "nouns")  # "Russia's ally Belarus" (kg/extract/alliances.py)
    ally_nouns_with_pronoun: frozenset[str] = _keys("alliances", "with_pronoun")  # "وحليفتها", folded
    accusing_speech: frozenset[str] = _keys("cues", "accusing_speech")  # relations (case-folded) a speaker's report accuses
    threatening_acts: frozenset[str] = _keys("cues", "threatening_acts")  # relations (case-folded) whose announcement by the actor is a threat
    threatening_reversals: frozenset[str] = _keys("cues", "threatening_reversals")  # relations whose announced end is a threat ("would cut off aid")
    possible_before_imperfect: frozenset[str] = _keys("cues", "possible_before_imperfect")  # "قد": may, or has
    relative_pronouns: frozenset[str] = _keys("syntax", "relative_pronouns")  # "which", "التي": the antecedent is acted on
    imperfect_prefixes: frozenset[str] = _keys("morphology", "imperfect_prefixes")
    plural_endings: frozenset[str] = _keys("morphology", "plural_endings")  # "العقوبات": a plural, no verbal noun
    progressive: frozenset[str] = _keys("syntax", "progressive_endings")  # "was targeting" is no passive
    agents: frozenset[str] = _keys("syntax", "agent_prepositions")
    passive_agents: frozenset[str] = _keys("syntax", "passive_agent_prepositions")  # "من قبل": the clause is passive
    means_preps: frozenset[str] = _keys("syntax", "means_prepositions")  # "killed X in an airstrike": the verb's means
    fem: frozenset[str] = _keys("coreference", "feminine_pronouns")
    # adverbs after which a verb shares the clause-before's subject ("حيث التقى": where he met)
    shared_subject_openers: frozenset[str] = _keys("syntax", "shared_subject_openers")
    possessive_pronouns: frozenset[str] = _keys("coreference", "possessive_pronouns")  # "its", "their": a state's
    masc: frozenset[str] = _keys("coreference", "masculine_pronouns")
    personal: frozenset[str] = _keys("coreference", "personal_pronouns")
    group_pronouns: frozenset[str] = _keys("coreference", "group_pronouns")
    hosts: frozenset[str] = _keys("coreference", "pronoun_hosts")
    object_pronouns: frozenset[str] = _keys("coreference", "object_pronouns")  # "Russia invaded it"
    object_carriers: frozenset[str] = _keys("coreference", "object_carriers")  # "متهماً إياه": the main clause's object
    feminine_carriers: frozenset[str] = _keys("coreference", "feminine_object_carriers")
    object_pronoun_relations: frozenset[str] = _keys("coreference", "object_pronoun_relations")
    subject_hosts: frozenset[str] = _keys("coreference", "subject_pronoun_hosts")
    name_stop: frozenset[str] = _keys("names", "stop")
    determiners: frozenset[str] = _keys("syntax", "determiners")
    commanded_bodies: frozenset[str] = _keys("titles", "commanded_bodies")  # kinds of state body a commander leads
    commanded_words: frozenset[str]  # their nouns ("army", "navy"): words of the body in "army chief"
    delegations: frozenset[str] = _keys("syntax", "delegations")  # "وفد من حماس": Hamas
    delegation_preps: frozenset[str] = _keys("syntax", "delegation_prepositions")
    member_links: frozenset[str] = _keys("syntax", "member_links")  # "fighters belonging to Hezbollah"
    # relations whose noun after a receiving verb is read from the receiver ("enjoys the backing of X")
    receiving_relations: frozenset[str] = _keys("syntax", "receiving_relations")
    pronoun_complementizers: frozenset[str] = _keys("coreference", "pronoun_complementizers")  # "أنها ستزود"
    compound_prep_nouns: frozenset[str] = _keys("syntax", "compound_preposition_nouns")  # "إلى جانب", "من جهتها"
    place_nouns: frozenset[str] = _keys("syntax", "place_nouns")  # "the city of Kharkiv", "مدينة حلب": a name follows
    border_words: frozenset[str] = _keys("syntax", "border_words")  # "near the Afghan border": the state's edge, not the state
    region_words: frozenset[str] = _keys("syntax", "region_words")  # "في جنوب لبنان": the preposition marks the place
    receiving_agent_preps: frozenset[str] = _keys("syntax", "receiving_agent_prepositions")
    list_item_openers: frozenset[str] = _keys("syntax", "list_item_openers")  # "X, his wife and Y": a list goes on
    kin_nouns: frozenset[str] = _keys("names", "kin_nouns")  # "X وزوجته وY": a list goes on
    membership_nouns: frozenset[str] = _keys("syntax", "membership_nouns")  # "Sweden's NATO membership"
    noun_determiners: frozenset[str] = _keys("syntax", "noun_determiners")
    control_markers: frozenset[str] = _keys("syntax", "control_markers")
    passive_control: frozenset[str] = _keys("syntax", "passive_control_markers")
    complementizers: frozenset[str] = _keys("syntax", "complementizers")
    demonstratives: frozenset[str] = _keys("syntax", "demonstratives")
    modal_verbs: frozenset[str] = _keys("syntax", "modal_verbs")
    backer_suffixes: frozenset[str] = _keys("syntax", "backer_suffixes")
    victim_nouns: frozenset[str] = _keys("syntax", "victim_nouns")
    circumstantial_endings: frozenset[str] = _keys("syntax", "circumstantial_endings")  # "، متهمة X": a participle
    nominal_markers: frozenset[str] = _keys("syntax", "nominal_markers")  # "خلال استقباله": a verbal noun follows
    deal_nouns: frozenset[str] = _keys("syntax", "deal_nouns")  # "اتفاق الدوحة", "the Minsk agreement": named by a place
    deployment_nouns: frozenset[str] = _keys("syntax", "deployment_nouns")  # "condemned the deployment of US warships"
    deployed_forces: frozenset[str] = _keys("syntax", "deployed_forces")  # … whose forces: their owner is meant
    text_nouns: frozenset[str] = _keys("syntax", "text_nouns")  # "a declaration condemning X": its author acts
    text_verbs: frozenset[str] = _keys("syntax", "text_verbs")  # "refused to sign a declaration condemning X"
    manner_preps: frozenset[str] = _keys("syntax", "manner_prepositions")  # "accused X of … by arming Y"
    circumstance_preps: frozenset[str] = _keys("syntax", "circumstance_prepositions")  # "during talks": the clause's
    free_choice: frozenset[str] = _keys("syntax", "free_choice")  # "any strike": no event unless negated
    joining_verbs: frozenset[str] = _keys("syntax", "joining_verbs")  # "will not join EU sanctions": the joiner acts
    manner_adverbs: frozenset[str] = _keys("syntax", "manner_adverbs")  # "condemned strongly", "أدانت بشدة"
    heads_of_bodies: frozenset[str] = _keys("titles", "heads_of_bodies")  # "NATO chief": a body's leader
    government_nouns: frozenset[str] = _keys("titles", "government_of")  # "حكومة نتنياهو", "the Trump administration"
    counterparts: frozenset[str] = _keys("titles", "counterpart")  # "نظيره اليوناني": the other side's holder of the office
    circumstantial_patterns: tuple = ()  # compiled: what a circumstantial participle looks like ("^م")
    # -- the component's settings (``geokg_claims`` config), not the language's
    window: int = 12  # words after a trigger in which its arguments stand
    subject_gap: int = 2  # words between a subject and its verb
    modality_window: int = 6  # words before a trigger in which a "possible" cue counts
    negation_window: int = 4  # accepted for configs that set it; no rule reads it
    instrument_window: int = 6  # words after "launched" in which a weapon must stand

    def with_windows(self, **windows: int) -> ClaimConfig:
        """This language's settings with the component's windows (once per pipeline)."""
        return replace(self, **windows)


@functools.lru_cache(maxsize=None)
def claim_config(lang: str) -> ClaimConfig:
    """The settings of a language, with the default windows."""
    data = load_language(lang)
    listed = {f.name: data.keys(*f.metadata["keys"]) for f in fields(ClaimConfig) if "keys" in f.metadata}
    modal = data.value("syntax", "modal_subject", default={}) or {}
    definite = match_key(data.value("morphology", "definite_article", default="") or "") or "\0"
    return ClaimConfig(
        triggers=data.triggers,
        particles=data.keys("cues", "negation_near") | {k for k in data.keys("cues", "possible") if " " not in k and len(k) <= 4}
        | listed["light_verbs"],
        verb_first=data.value("syntax", "word_order", default="SVO") == "VSO",
        all_preps=data.keys("syntax", "prepositions"),
        boundaries=data.keys("syntax", "clause_boundaries") | CLAUSE_PUNCTUATION,
        modals=frozenset(match_key(m) for m in modal.get("modals", [])),
        modal_comp=match_key(modal["complementizer"]) if modal.get("complementizer") else None,
        possessive=frozenset(data.strings("morphology", "possessive")),
        pronouns=listed["personal"] | listed["group_pronouns"],
        coord=LIST_PUNCTUATION | data.keys("syntax", "coordinators"),
        adjective_after=data.value("syntax", "adjective_position", default="before") == "after",
        future=frozenset(match_key(f) for f in data.strings("morphology", "future")),
        locative=data.keys("syntax", "locative"),
        owner_preps=data.keys("syntax", "owner_prepositions"),
        definite=definite,
        lam_contraction=definite[-1:] if data.value("morphology", "lam_contraction", default=False) else "",
        victim_heads=frozenset(v.split()[0] for v in listed["victim_nouns"]),
        event_nouns=frozenset(n for t in data.triggers.values() if not t.symmetric for n in t.nouns if " " not in n),
        ally_written_with_pronoun=frozenset(data.strings("alliances", "with_pronoun")),
        actor_next_sections=frozenset(name for name, t in data.triggers.items() if t.actor_next),
        weapons=data.triggers["attacked"].instruments if "attacked" in data.triggers else frozenset(),
        passive_agent_tails=frozenset(p.split()[-1] for p in data.keys("syntax", "passive_agent_prepositions")),
        first_person=tuple(sorted(data.keys("coreference", "first_person_enclitics"))),
        unnamed_agents=_unnamed_agents(data),
        commanded_words=frozenset(match_key(w) for kind in data.strings("titles", "commanded_bodies")
                                  for name in (data.raw.get("state_bodies", {}).get("bodies", {}).get(kind) or []) for w in name.split()),
        circumstantial_patterns=tuple(re.compile(p) for p in data.strings("syntax", "circumstantial_patterns")),
        **listed,
    )


def _unnamed_agents(data) -> frozenset[str]:
    """One-word nouns of armed men and rebels of the agents data ("gunmen", "الإرهابيين"): an
    antecedent of these is no actor ("terrorists who have killed …"). The English data lists
    base forms (its inflector gives the plurals), the Arabic data the forms themselves."""
    agents = data.raw.get("agents", {})
    words = [w for sector in ("armed_groups", "rebels") for w in agents.get(sector, []) if " " not in w]
    if data.value("morphology", "inflector", default="") == "english":
        words = expand(data.raw, words, "noun")
    return frozenset(match_key(w) for w in words)
