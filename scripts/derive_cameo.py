#!/usr/bin/env python3
"""Derive English relation-trigger lemmas for geokg from the CAMEO verb dictionary.

Input: ``CAMEO.2.0.txt`` of openeventdata/UniversalPetrarch (PETRARCH verb dictionary, MIT
licence) and the ``LICENSE`` file beside it. Output: ``kg/data/lang/en.cameo.toml``, one table
per geokg event relation with a sorted list of lower-case verb lemmas ("bomb", "shoot down",
"impose sanctions"); the consumer inflects the first word and adds the relation's object
prepositions.

How a lemma gets its relation (CAMEO code -> relation by the longest prefix in ``RELATIONS``):

* a verb line (``ATTACK``, ``+SHOOT_DOWN {...}``) takes its own ``[code]`` if it has one,
  else the code of its block (``---  KILL   [190]  ---``). A verb with a coded line keeps
  that relation whatever its patterns say. Coded lines that disagree (two blocks) are
  settled by the block named after the verb, else the verb is ambiguous in CAMEO itself and
  dropped. Verb lines of ``[---]`` blocks code nothing;
* a pattern line applies, as in PETRARCH, to every verb of its block and codes the phrase it
  describes: ``- * SANCTIONS [163]`` -> "impose sanctions", ``- * (BY) [051]`` -> "stand by".
  Phrases are kept only if listed in ``KEPT_PHRASES`` (with the code checked). A pattern with
  nothing after the verb but the target (``- * +``) codes the bare verb, which counts only for
  verbs with no coded line. Patterns that name a subject (``- TALKS *``) are skipped;
* compound codes ``[042:043]`` count by their first (source -> target) code; ``[:173]``
  (only the reverse event) and ``[---]`` code nothing; a phrase coded two ways is dropped;
* the precision review (``EXCLUDED``) removes verbs that are wrong or ambiguous in news text,
  or that en.toml already files under another relation; coordination fragments
  (``+KILLED_AND``) are dropped.

Run from anywhere::

    python scripts/derive_cameo.py [CAMEO.2.0.txt] [--license LICENSE] [--out PATH]
    python scripts/derive_cameo.py --explain strike "impose sanctions"   # why kept or dropped

Stdlib only; the output is sorted and byte-stable, written atomically.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_INPUT = REPO_ROOT.parent / "shared" / "field-data" / "petrarch" / "CAMEO.2.0.txt"
DEFAULT_OUTPUT = REPO_ROOT / "kg" / "data" / "lang" / "en.cameo.toml"

SOURCE_REPO = "openeventdata/UniversalPetrarch"
SOURCE_COMMIT = "067552d83956f552d355256bf200e89ec9fdb7dc"
SOURCE_PATH = "UniversalPetrarch/data/dictionaries/CAMEO.2.0.txt"

# CAMEO code prefix -> geokg relation; the longest matching prefix wins, unlisted codes are dropped.
RELATIONS: dict[str, str] = {
    "04": "metWith", "042": "visited", "043": "metWith",
    "05": "cooperatedWith", "051": "supported", "057": "cooperatedWith",
    "06": "cooperatedWith",
    "07": "supplied",
    "110": "criticized", "111": "criticized",
    "112": "accused",
    "12": "opposed",
    "13": "threatened",
    "16": "sanctioned", "172": "sanctioned",
    "171": "attacked", "175": "attacked", "18": "attacked", "19": "attacked", "20": "attacked",
}
# output order, with the CAMEO codes each table comes from
TABLES: dict[str, str] = {
    "metWith": "CAMEO 040, 041, 043-046",
    "visited": "CAMEO 042",
    "cooperatedWith": "CAMEO 050, 052-057, 06",
    "supported": "CAMEO 051",
    "supplied": "CAMEO 07",
    "criticized": "CAMEO 110, 111",
    "accused": "CAMEO 112",
    "opposed": "CAMEO 12",
    "threatened": "CAMEO 13",
    "sanctioned": "CAMEO 16, 172",
    "attacked": "CAMEO 18-20, 171, 175",
}

# ---------------------------------------------------------------------------------------------
# precision review
#
# The consumer matches these lemmas (inflected) anywhere near two actors, so a verb is kept only
# if, between two state actors in a news sentence, it states the relation most of the time.
# Everything CAMEO codes for a relation is kept unless listed in EXCLUDED; a verb + object
# phrase from a pattern line is dropped unless listed in KEPT_PHRASES. The script fails if an
# entry here no longer matches anything the dictionary codes (see ``stale_review_entries``).

WORDNET = "WordNet synonym of the block; does not mean this relation in news"
GENERIC = "too generic: in news it mostly means something else"
INFLECTED = "an inflected form, not a base form"
DOMESTIC = "a domestic, legal or personal act, not a relation between two actors"
FIGURATIVE = "mostly figurative in news (politics, economy, sport)"
MOTION = "movement or travel: says nothing about meeting anyone"
THINKING = "thinking or learning, not consulting"
EMOTION = "an emotion or attitude, not a statement against an actor"
DEBATE = "arguing a point or a rivalry, not criticism of an actor"
DELAY = "delaying or hindering: no rejection of an actor"
CRIME = "mostly crime reporting about individuals"


def _same(reason: str, lemmas: str) -> dict[str, str]:
    return {lemma.replace("_", " "): reason for lemma in lemmas.split()}


EXCLUDED: dict[str, str] = {
    "occupy": "'Israel's occupied West Bank', 'occupied territories': the adjective is everywhere in Middle East news",
    "disagree": "two sides that disagree have not criticized each other",
    # --- metWith (CAMEO 04) ---
    "meet": "'meet demands/expectations/targets'; en.toml lists its own meet/met forms (keep 'meet with')",
    "call": "'call for', 'called on', 'called it': rarely a phone call",
    "communicate": GENERIC,
    "broker": "en.toml lists broker/brokered under cooperatedWith",
    "arrive": "en.toml lists 'arrive in' under visited",
    "travel": "en.toml lists 'travel to' under visited",
    "tour": "en.toml lists tour under visited; also a noun",
    "touring": INFLECTED,
    "debate": "parliamentary or public debate, not a meeting",
    "invite": "an invitation is not a meeting",
    "reinvite": "an invitation is not a meeting",
    "summon": "summoning an envoy is a protest, not a meeting",
    "confront": "hostile: 'confront Iran', not a meeting",
    "face": "'face sanctions/criticism/pressure'",
    "encounter": "'encounter resistance/problems'",
    "brave": "'brave the cold'; adjective",
    "run into": "'run into problems/opposition'",
    "join": "'join NATO/the talks/the war': membership or participation",
    "unite": "'unite against' / domestic unity, not a meeting",
    "introduce": "'introduce sanctions/a bill'",
    "kick off": "starts an event; no meeting of two actors",
    "approach": "'approach to the crisis'; mostly a noun",
    "interact": GENERIC,
    "get together": "colloquial, rare in news; not a bilateral meeting",
    "walk out": "leaving a meeting is the opposite of meeting",
    **_same(MOTION, "depart egress embark go go_away go_forth go_to journey leave leave_behind"),
    **_same(THINKING, "consider contemplate excogitate meditate mull muse ponder reason reconsider ruminate "
                      "speculate think weigh hear learn find_out"),
    **_same(WORDNET, "acquaint amass apprise apprize assemble cable cluster conglomerate congregate conjoin "
                     "constellate converge elicit flock gather give_notice innovate insert notify promulgate "
                     "send_word"),
    # --- visited (CAMEO 042) ---
    "attend": "attending an event abroad is not visiting the actor named",
    "convene": "'convened a meeting/the council': no visit",
    # --- cooperatedWith (CAMEO 05 except 051, 06) ---
    "support": "en.toml lists support under supported; 'support' is also a noun",
    "back": "en.toml lists back under supported; 'back' is mostly an adverb ('back to')",
    "ally": "en.toml lists 'ally with' under cooperatedWith and 'allied', 'ally' (noun) under supported",
    "give": "too generic ('give a speech'); en.toml lists give under supplied (kept here: 'give aid')",
    "provide": "en.toml lists provide under supplied",
    "supply": "en.toml lists supplied under supplied; also a noun",
    "grant": "'grant asylum/a visa/an interview'; en.toml treats giving as supply",
    "lend": "'lend support/credence'; lending money is supply in en.toml",
    "loan": "mostly a noun; en.toml lists loans under supplied",
    "aid": "mostly a noun ('aid to Ukraine' is supply in en.toml)",
    "arm": "en.toml lists 'arming' under supplied; 'arm' is also a noun (military arm)",
    "side with": "en.toml lists side with under supported",
    "equip": "en.toml lists equip under supplied",
    "furnish": "furnishing is supply (en.toml), not cooperation",
    "extradite": "the object is mostly the person handed over, not the partner state",
    "buy": "en.toml reads buying as supply received ([triggers.received])",
    "purchase": "en.toml reads purchases as supply received ([triggers.received])",
    "import": "en.toml reads imports as supply received ([triggers.received])",
    "fund": "en.toml lists fund/funded under supplied; also a noun",
    "finance": "en.toml lists finance under supplied; also a noun",
    "sponsor": "backing in en.toml (backer_suffixes 'sponsored'); 'state sponsor of terrorism'",
    "bankroll": "funding is supply in en.toml (finance, fund)",
    "underwrite": "insurance and bond markets",
    "pay": GENERIC,
    "pay for": "'pay for the war' = bear the cost",
    "agree": "'agreed to step down', 'agree that': en.toml keeps its own agree/agreed forms",
    "deal": "'deal with the threat', 'deal a blow'; mostly a noun",
    "trade": "'traded fire/accusations' (en.toml: exchanged_fire); mostly a noun",
    "exchange": "'exchanged fire/accusations' (en.toml: exchanged_fire); mostly a noun",
    "swap": "prisoner swaps between enemies; mostly a noun",
    "bargain": "'more than it bargained for'; mostly a noun",
    "barter": "barter trade; rare between actors",
    "haggle": "haggling is negotiating, not cooperation",
    "apologise": "an apology is no cooperation and geokg has no relation for it",
    "apologize": "an apology is no cooperation and geokg has no relation for it",
    "forgive": "'forgive debt' or personal forgiveness",
    "forgave": INFLECTED,
    "forgiven": INFLECTED,
    "formalize": "'formalize the agreement' names no partner",
    "establish": "'establish a committee/base'; kept only as 'establish diplomatic relations' etc.",
    "re-establish": "'re-establish control/order'; kept only as 'reestablish diplomatic ties'",
    "link": "'linked to' = suspected connection (accusations)",
    "ease": "en.toml reads easing as the reversal of a trigger ('eased sanctions')",
    "step up": "'step up attacks/pressure': intensifies anything",
    "escalate": "escalating is conflict, not cooperation",
    "control": "control of territory, not cooperation",
    "command": "military command of troops",
    "dictate": "coercive, not cooperation",
    "head": "'headed the delegation', 'head to Moscow'",
    "lead": "'lead the delegation/the world'; noun 'lead'",
    "rule": "'rule out', 'ruled that'; noun 'rule'",
    "admit": "'admitted responsibility', 'admit to NATO'",
    "confess": "confessions in trials",
    "expose": "exposing is hostile, not cooperation",
    "reveal": "disclosure names no partner",
    "unveil": "disclosure names no partner",
    "divulge": "disclosure names no partner",
    "confide": "disclosure names no partner",
    "profess": "disclosure names no partner",
    "influence": "hostile influence operations; mostly a noun",
    "impact": "mostly a noun; 'impacted by' the war",
    "affect": "'affected by the war/sanctions'",
    "persuade": "persuading is pressure, not cooperation",
    "tempt": "persuading is pressure, not cooperation",
    "promote": "'promote peace/trade' names no partner; promotions of officials",
    "advertise": WORDNET,
    "advertize": WORDNET,
    "rejoice": EMOTION,
    "exult": EMOTION,
    "exuberate": EMOTION,
    "triumph": "a victory over someone, not cooperation",
    "serve": "'serve a sentence', 'served as minister'",
    "benefit": "'benefit from': no cooperation",
    "issue": "'issue a statement/warning'; noun 'issue'",
    "award": "prizes and contracts, not cooperation between actors",
    "accord": "mostly a noun ('the Paris accord', 'of its own accord')",
    "add": GENERIC,
    "conduct": "'conduct strikes/exercises/tests'",
    "organize": "'organize protests/elections'",
    "organise": "'organise protests/elections'",
    "orchestrate": "'orchestrated the attack/coup': hostile",
    "integrate": "domestic integration of forces/migrants",
    "merge": "corporate and party mergers",
    "unify": "domestic unification",
    "combine": GENERIC,
    "associate": "'associated with' = suspected link",
    "concert": "mostly a noun ('concert', 'in concert with')",
    "conform": "'conform to rules': no partner",
    **_same(GENERIC, "boost increase enhance expand deepen intensify improve facilitate"),
    **_same(WORDNET, "abate administer allocate allot ameliorate amplify appease apportion assign assuage "
                     "attach attire augment bequeath bestow better bind blend chain coalesce compound conflate "
                     "connect constitute correlate direct enact endow enjoin enlarge enlist enroll entrust "
                     "exaggerate expediate found fuse gear govern handle harmonise harmonize heighten institute "
                     "magnify manage mitigate outfit oversee prescribe redouble regulate relate render simplify "
                     "steer stock supervise supervize synchronise synchronize task tender tie_in unionise unionize"),
    # --- supported (CAMEO 051) ---
    "recognize": "'recognize Kosovo' is diplomatic recognition; 'recognize the need'",
    "recognise": "'recognise Kosovo' is diplomatic recognition; 'recognise the need'",
    "encourage": "'encouraged X to ...' is an appeal, not support",
    "reassure": "reassurance names a worry, not support",
    "embolden": "'emboldened Russia' is said critically",
    "glorify": "'glorify terrorism' is said critically",
    "legitimize": "'would legitimize the junta' is said critically",
    "legitimise": "'would legitimise the junta' is said critically",
    "honor": "'honor commitments'; noun 'honor'",
    "honour": "'honour commitments'; noun 'honour'",
    "respect": "'respect sovereignty/the ceasefire'",
    "affirm": "'affirmed its commitment' names no actor supported",
    "reassert": "'reassert control'",
    "favor": "'in favor of'; mostly a noun",
    "favour": "'in favour of'; mostly a noun",
    "prefer": GENERIC,
    "value": "mostly a noun ('value of', 'values')",
    "prize": "mostly a noun (Nobel prize)",
    "reward": "mostly a noun (bounty)",
    "celebrate": "celebrating an event, not an actor",
    "commemorate": "anniversaries",
    "cheer": "crowds cheering",
    "clap": "crowds clapping",
    "toast": "banquet toasts; noun",
    "bless": "religious",
    "sanctify": "religious",
    "admire": EMOTION,
    "appreciate": "currency appreciation ('the yuan appreciated against the dollar')",
    "esteem": EMOTION,
    "exalt": WORDNET,
    "spur": "'spur growth/inflation'",
    **_same(WORDNET, "enliven galvanize inspire invigorate revitalize rouse"),
    # --- supplied (CAMEO 07) ---
    "help": "too generic ('help end the war', 'help to')",
    "contribute": "'contributed to the crisis'",
    "intervene": "CAMEO 070 odd: military intervention is not aid",
    "interfere": "interference in internal affairs is hostile, not aid",
    "step in": "'step in to mediate' names no aid",
    "defend": "'defended the decision' (verbal); self-defence",
    "protect": "'protect civilians/interests' names no recipient",
    "guard": "mostly a noun (border guard, Revolutionary Guard)",
    "shield": "mostly a noun; 'shield from accountability'",
    "shelter": "mostly a noun (bomb shelter)",
    "safeguard": "'safeguard interests'; mostly a noun",
    "look after": "personal care",
    "tend": "'tend to'",
    "ward": "noun (hospital ward)",
    "rescue": "rescue of people, not supply between actors",
    "evacuate": "evacuation of own citizens",
    "stabilize": "'stabilize the economy/region'",
    "stabilise": "'stabilise the economy/region'",
    # --- criticized (CAMEO 110, 111) ---
    "condemn": "en.toml lists condemn under opposed",
    "denounce": "en.toml lists denounce under opposed",
    "decry": "en.toml lists decry under opposed",
    "deplore": "en.toml lists deplore under opposed",
    "oppose": "en.toml lists oppose under opposed",
    "brand": "en.toml lists 'branded' under accused; noun 'brand'",
    "allege": "en.toml lists 'alleged' under accused and as an alleged cue",
    "claim": "'claimed responsibility/victory'; en.toml alleged cue",
    "aver": "assertion, not criticism",
    "avow": "assertion, not criticism",
    "swear": "'sworn in', 'swear allegiance'",
    "express": "'express hope/support' (generic)",
    "dismiss": "'dismissed the minister' (fired)",
    "challenge": "mostly a noun ('challenges facing'); legal challenges",
    "dispute": "mostly a noun ('territorial dispute between X and Y')",
    "dissent": "mostly a noun (domestic dissent)",
    "counter": "'counter terrorism/drones'; counter- prefix",
    "contest": "elections; 'contested region'",
    "rebuff": "rebuffing an offer is rejection (opposed), not criticism",
    "spurn": "spurning an offer is rejection (opposed), not criticism",
    "snub": "a diplomatic slight, not criticism",
    "slight": "adjective ('slight increase')",
    "renounce": "'renounce violence/citizenship'",
    "suspect": "mostly a noun (suspects)",
    "distrust": EMOTION,
    "oppugn": WORDNET,
    "mock": "adjective ('mock attacks/drills/trial'); en.toml lists mock itself",
    "malign": "adjective ('Iran's malign influence/activities')",
    "savage": "adjective ('savage attack')",
    "lecture": "mostly a noun (university lecture)",
    "grill": "questioning in hearings; noun",
    "jeer": "crowds jeering",
    "scoff": "scoffing names no criticised actor most of the time",
    "humiliate": "humiliation is not criticism",
    "humble": "adjective",
    "chasten": "mostly 'chastened' (adjective)",
    "reprobate": "noun/adjective",
    "dress down": "clothing",
    "crucify": "religious; rare",
    "curse": "religious; noun",
    "blaspheme": "religious",
    **_same(DEBATE, "argue compete contend contradict contrast contravene counterbalance differ wrangle"),
    **_same(EMOTION, "abhor cry despair disappoint discourage dishearten dismay grieve lament mourn regret sadden "
                     "wail weep whine"),
    **_same(WORDNET, "debase defile degrade disgrace"),
    # --- accused (CAMEO 112) ---
    "charge": "'in charge', 'charges' (noun), 'charge a battery'; en.toml keeps 'charged'",
    "fault": "mostly a noun ('at fault', 'fault line')",
    # --- opposed (CAMEO 12) ---
    "object": "noun ('unidentified object', the 2023 balloons); en.toml keeps 'object to', 'objected'",
    "veto": "en.toml reads vetoing as the reversal of a trigger; CAMEO codes it 172 (sanction)",
    "decline": "'declined to comment', 'prices declined'",
    "fail": "'failed to', 'fail' (generic)",
    "defect": "defection of persons; noun 'defect'",
    "breach": "'breach of the ceasefire/airspace'; mostly a noun",
    "prevent": "'prevent a war/escalation' names no rejected actor",
    "override": "domestic vetoes and courts",
    "overrule": "courts",
    "table": "mostly a noun ('negotiating table')",
    "remit": "mostly a noun ('within its remit')",
    "stall": "'talks stalled' (intransitive)",
    **_same(DELAY, "defer delay forestall hamper hinder impede inhibit postpone procrastinate retard shelve stymie"),
    # --- threatened (CAMEO 13) ---
    "caution": "advice ('cautioned against'); mostly a noun",
    "endanger": "'endangers stability' names no threatening act",
    "risk": "mostly a noun ('risk of')",
    # --- sanctioned (CAMEO 16, 172) ---
    "sentence": "court sentences; mostly a noun",
    "fine": "adjective ('fine'); court fines",
    "tax": "mostly a noun (taxes)",
    "bar": "mostly a noun (bar association); 'barred from' domestic",
    "prohibit": "'prohibits the use of' (treaties, laws)",
    "forbid": "'forbidden' in laws and religion",
    "interdict": "maritime interdiction of vessels; rare",
    "censor": DOMESTIC,
    "criminalize": DOMESTIC,
    "criminalise": DOMESTIC,
    "illegalize": DOMESTIC,
    "illegalise": DOMESTIC,
    "disallow": DOMESTIC,
    "disband": DOMESTIC,
    "secede": DOMESTIC,
    "abort": "'abort the mission/launch'; abortion",
    "call off": "'called off the strike/search/match'",
    "rescind": "'rescind the decision' names no target",
    "betray": "betrayal is an accusation, not a sanction",
    "sabotage": "sabotage is an attack or an accusation, not a sanction",
    "undermine": "'undermine efforts/stability' (verbal)",
    "disrupt": "'disrupt supply chains'",
    "disassociate": "distancing, rare",
    **_same(WORDNET, "countermine disarray disorder"),
    # --- attacked (CAMEO 18-20, 171, 175) ---
    "strike": "'strike a deal', labour strikes; en.toml has the noun (kept here: 'strike deal' under cooperatedWith)",
    "hit": "'hit a record', 'hit by inflation/sanctions'; en.toml keeps its own hit forms",
    "beat": "'beat a rival/record'; sport and elections",
    "fire": "'fired the minister'; en.toml fires only with a weapon after it",
    "blast": "'blasted the decision' is criticism; noun 'blast'",
    "assail": "'assailed the decision' is criticism (en.toml lists assail under criticized)",
    "hammer": "'hammered out a deal'; 'hammered by criticism'",
    "target": "'sanctions targeting X'; en.toml keeps 'targeted'",
    "shell": "noun (artillery shells, shell companies, Shell); en.toml keeps 'shelled'",
    "pound": "currency (pound, pounds); en.toml has no pound",
    "retaliate": "en.toml files 'vow to retaliate' under threatened; mostly a promise",
    "clash": "mutual: en.toml lists clash under exchanged_fire (each side attacked the other)",
    "storm": "noun (storms); en.toml keeps only 'stormed', 'storming'",
    "kill": "en.toml keeps only 'killed' ('the killing of X' names a victim)",
    "murder": "mostly the noun in crime and court reports ('murder charges')",
    "engage": "'engage in talks', 'engage with'",
    "take": GENERIC,
    "take over": "'took over the presidency/a company'",
    "catch": GENERIC,
    "grab": GENERIC,
    "nab": CRIME,
    "snatch": CRIME,
    "pull": GENERIC,
    "pluck": GENERIC,
    "extract": "'extract concessions/oil'",
    "die": "dying is no attack by one actor on another",
    "fight down": "'fight down inflation'",
    "combat": "'combat terrorism/drugs': policy, often joint",
    "struggle": "'struggle with the economy'",
    "grapple": "'grapple with the crisis'",
    "conflict": "mostly a noun ('the conflict between')",
    "battle": "mostly the noun, and legal, electoral and political battles",
    "skirmish": "mutual, like clash (en.toml: exchanged_fire)",
    "siege": "a noun",
    "match": "sport; 'match the offer'",
    "pit": "'pitted against'; noun",
    "ring": "noun; 'ring the bell'",
    "circle": "noun; 'inner circle'",
    "surround": "'controversy surrounding', 'surrounding areas'",
    "overcome": "'overcome differences'",
    "overwhelm": "'overwhelmed by refugees'",
    "overtake": "economic rankings",
    "overshadow": "'overshadowed the summit'",
    "overturn": "courts overturning rulings",
    "overpower": "rare; individual crime",
    "master": WORDNET,
    "surmount": WORDNET,
    "best": "adjective ('best')",
    "dominate": "'dominated the talks/market'",
    "break": GENERIC,
    "crack": "'crack down' (CAMEO 170), 'crack the code'; noun",
    "bust": "drug busts; noun",
    "smash": "'smash records'; rare",
    "shatter": "'shattered hopes/records'",
    "ruin": "'ruined the economy', 'ruins' (noun)",
    "spoil": "'spoil the talks'; 'spoils of war'",
    "mar": "'marred by violence' (passive, no agent)",
    "tarnish": "reputations",
    "damage": "'damaged relations'; mostly a noun",
    "harm": "'harm relations/interests'; mostly a noun",
    "hurt": "'hurt the economy/feelings'",
    "impair": "'impair relations'",
    "injure": "'injured' is mostly an adjective; victims are persons",
    "wound": "'wounded' is mostly an adjective; victims are persons",
    "bruise": FIGURATIVE,
    "corrupt": "adjective ('corrupt officials')",
    "contaminate": "pollution",
    "vitiate": WORDNET,
    "devastate": "'devastated by the news' (emotion); natural disasters",
    "desolate": "adjective",
    "eradicate": "'eradicate poverty/polio'",
    "detonate": "'detonated a nuclear device' (tests) names no target",
    "explode": "intransitive ('a bomb exploded')",
    "blow": "noun ('a blow to')",
    "flatten": "'flatten the curve' (pandemic)",
    "stamp out": "'stamp out corruption'",
    "wipe out": "'wipe out debts/gains'",
    "disarm": "disarmament deals",
    "appropriate": "adjective ('appropriate')",
    "nationalize": "nationalisation is economic policy, not an attack",
    "nationalise": "nationalisation is economic policy, not an attack",
    "revolutionize": WORDNET,
    "revolutionise": WORDNET,
    "subvert": "'subvert democracy' (accusation)",
    "usurp": "'usurp power' (accusation)",
    "pirate": "noun; software piracy",
    "steal": "'steal the election' (accusation); theft",
    "wrest": "'wrest control' (often political)",
    "infest": WORDNET,
    "inhabit": WORDNET,
    "reside": WORDNET,
    "intrude on": "privacy",
    "foray": "'foray into politics/markets'",
    "foray into": "'foray into politics/markets'",
    "rampage": CRIME,
    "scuffle": "minor scuffles between protesters and police; mostly a noun",
    "square off": "'squared off in a debate'",
    "quarrel": "verbal; mostly a noun",
    "duel": "verbal or sport",
    "altercate": "verbal",
    "wrestle": "'wrestle with the problem'; sport",
    "snipe": "'sniped at' is verbal",
    "lash": "'lashed out' is criticism; flogging",
    "whip": "party whips; flogging",
    "flog": "judicial flogging; 'flog a dead horse'",
    "cane": "judicial caning; noun",
    "kick": "'kick off', football",
    "slap": "'slapped sanctions/tariffs' is sanction",
    "thump": FIGURATIVE,
    "clobber": FIGURATIVE,
    "pummel": FIGURATIVE,
    "pelt": "stones thrown by crowds at persons",
    "ram": "vehicle rammings by individuals; noun (sheep)",
    "stone": "noun; individual stonings",
    "stab": CRIME + "; 'stab in the back'",
    "strangle": CRIME + "; 'strangle the economy'",
    "string up": CRIME,
    "hang": "executions; 'hang on'",
    "torture": "mostly the noun in reports and accusations; victims are persons",
    "rape": CRIME,
    "abuse": "mostly a noun ('human rights abuses', 'abuse of power')",
    "mistreat": "treatment of detainees; victims are persons",
    "dishonor": WORDNET,
    "dishonour": WORDNET,
    "ravish": WORDNET,
    "ravage": "'ravaged by war/disease' (passive, no agent)",
    "reave": WORDNET,
    "despoil": WORDNET,
    "tear": "'tear gas' (noun), 'tear up the deal'",
    "rip": "'rip up the agreement'",
    "blitz": "media/ad blitz",
    "bludgeon": FIGURATIVE,
}

# kept phrases whose object is marked otherwise than their relation's main table's ("cut ties
# WITH Morocco", "closed its airspace TO Indian aircraft", not "sanctions ON"): they join the
# en.toml trigger section that has that frame (same relation)
FRAME_SECTIONS: dict[str, str] = {
    **dict.fromkeys(["sever ties", "sever diplomatic ties", "sever diplomatic relations", "cut ties",
                     "cut diplomatic ties", "cut diplomatic relations", "break relations", "freeze relations",
                     "reduce ties"], "cut_ties"),
    "close airspace": "closed_airspace",
}
# verbs whose bare object is a topic, not a party ("discussed Syria"): en.toml [triggers.discussed]
FRAME_VERBS: dict[str, str] = {"discuss": "discussed"}
# the frame sections after the relation tables, with what their phrases are
FRAME_TABLES: dict[str, str] = {
    "cut_ties": "sanctioned (CAMEO 160, 161): ties cut with the object, marked \"with\"",
    "closed_airspace": "sanctioned (CAMEO 172): airspace closed to the object",
    "discussed": "metWith (CAMEO 040s): what is discussed is a topic; the party is marked \"with\"",
}

# verb + object (or particle) phrases from pattern lines that state the relation on their own,
# with the CAMEO code(s) their patterns carry (checked against the dictionary)
KEPT_PHRASES: dict[str, str] = {
    # metWith
    "hold consultations": "040", "exchange views": "046", "hold summit": "040/044", "hold meeting": "046",
    "resume talks": "046", "begin talks": "044/046",
    # visited
    "pay visit": "042",
    # cooperatedWith
    "establish diplomatic relations": "054", "establish diplomatic ties": "054", "establish relations": "054",
    "establish ties": "050", "restore diplomatic ties": "050", "restore relations": "050", "restore ties": "050",
    "reestablish diplomatic ties": "050", "resume relations": "050", "resume ties": "050",
    "resume cooperation": "060", "improve ties": "050", "mend relations": "050", "repair ties": "050",
    "upgrade diplomatic relations": "050", "maintain ties": "050", "forge alliance": "050",
    "form alliance": "050", "forge ties": "050/060", "join forces": "060", "join coalition": "050",
    "fight alongside": "062", "strike deal": "057", "clinch deal": "061", "make peace": "050",
    "exchange ambassadors": "054", "open embassy": "054", "reopen embassy": "054", "expand cooperation": "050",
    "hold joint exercises": "062", "conduct joint maneuvers": "062",
    # supported
    "stand by": "051", "voice support": "051", "express solidarity": "051",
    # supplied
    "give aid": "070", "rush aid": "070", "extend loan": "071", "grant loan": "071",
    # criticized
    "hit out": "111",
    # threatened
    "vow revenge": "138",
    # sanctioned
    "impose sanctions": "163", "slap sanctions": "163", "extend sanctions": "163", "enforce sanctions": "163",
    "sever ties": "160", "sever diplomatic ties": "161", "sever diplomatic relations": "161", "cut ties": "160",
    "cut diplomatic ties": "161", "cut diplomatic relations": "161", "break relations": "161",
    "freeze relations": "160", "reduce ties": "161",  # "recall/withdraw ambassador" need their own frame (the state left): en.toml [triggers.recalled_envoy]
    "close embassy": "161", "close airspace": "172",
    # attacked
    "open fire": "193", "return fire": "190",
}

# ---------------------------------------------------------------------------------------------
# parsing

PREPOSITIONS = frozenset("""aboard about above across after against along amid among around as at before
behind below beneath beside between beyond by despite down during for from in inside into near of off on
onto out outside over past since through throughout to toward towards under until up upon via with within
without""".split())
MARKERS = frozenset({"$", "+", "^", "%", "*", "**"})
HEADER_RE = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]")
CODE_RE = re.compile(r"\[([^\]]*)\]")
TOKEN_RE = re.compile(r"\{[^}]*\}|\([^)]*\)|[^\s{}()]+")
WORD_RE = re.compile(r"^[A-Z][A-Z'\-]*(?:_[A-Z][A-Z'\-]*)*_?$")


def primary_code(raw: str | None) -> str | None:
    """``"190"`` -> ``"190"``; ``"042:043"`` -> ``"042"``; ``":173"``, ``"---"``, ``"080!"`` -> None."""
    if raw is None:
        return None
    first = raw.split(":")[0].strip()
    return first if re.fullmatch(r"\d{2,4}", first) else None


def relation_of(code: str | None) -> str | None:
    if code is None:
        return None
    for n in range(len(code), 1, -1):
        if code[:n] in RELATIONS:
            return RELATIONS[code[:n]]
    return None


def strip_comment(line: str) -> str:
    """The line without its comment: ``#`` and the legacy ``;`` start one."""
    m = re.search(r"[#;]", line)
    return line[: m.start()] if m else line


def lemma_of(word: str) -> str:
    """``CRACK_DOWN`` / ``+CRACK_DOWN`` / ``KRONE_`` -> ``crack down`` / ``krone``."""
    return " ".join(w for w in word.lstrip("+").lower().split("_") if w)


@dataclass
class VerbLine:
    word: str  # as written, upper case, "_" joined, no leading "+"
    forms: tuple[str, ...]
    code: str | None  # its own primary code, if any
    has_code: bool  # a [..] follows the verb (even [---])
    line: int


@dataclass
class Pattern:
    before: tuple[str, ...]
    after: tuple[str, ...]
    code: str | None
    line: int


@dataclass
class Block:
    name: str
    code: str | None
    line: int
    verbs: list[VerbLine] = field(default_factory=list)
    patterns: list[Pattern] = field(default_factory=list)


def parse(text: str) -> tuple[dict[str, list[str]], list[Block]]:
    """Synonym sets (``&NAME`` -> phrases, upper case) and verb blocks, up to the
    TRANSFORMATIONS section."""
    synsets: dict[str, list[str]] = {}
    blocks: list[Block] = []
    current_set: str | None = None
    block: Block | None = None
    for lineno, raw in enumerate(text.splitlines(), 1):
        line = raw.rstrip()
        if line.startswith("#"):
            if "TRANSFORMATIONS" in line:
                break
            continue
        if not line.strip():
            current_set = None
            continue
        if line.startswith("&"):
            current_set = line.split()[0]
            synsets[current_set] = []
            continue
        if current_set is not None and line.startswith("+"):
            synsets[current_set].append(strip_comment(line).strip()[1:])
            continue
        m = HEADER_RE.match(line)
        if m:
            block = Block(m.group(1), primary_code(m.group(2)), lineno)
            blocks.append(block)
            continue
        if block is None:
            continue
        content = strip_comment(line)
        if line.startswith("-"):
            cm = CODE_RE.search(content)
            body = content[1: cm.start()] if cm else content[1:]
            tokens = TOKEN_RE.findall(body)
            if "*" not in tokens:
                continue
            star = tokens.index("*")
            block.patterns.append(Pattern(tuple(tokens[:star]), tuple(tokens[star + 1:]),
                                          primary_code(cm.group(1) if cm else None), lineno))
            continue
        cm = CODE_RE.search(content)
        head = content[: cm.start()] if cm else content
        bm = re.match(r"\s*(\+?[A-Z][A-Z_'\-]*)\s*(?:\{([^}]*)\})?\s*$", head)
        if not bm:
            raise ValueError(f"line {lineno}: cannot read verb line {raw!r}")
        forms = tuple(f.lstrip("+") for f in (bm.group(2) or "").split())
        block.verbs.append(VerbLine(bm.group(1).lstrip("+"), forms,
                                    primary_code(cm.group(1)) if cm else None, cm is not None, lineno))
    return synsets, blocks


# ---------------------------------------------------------------------------------------------
# candidates


@dataclass(frozen=True)
class Candidate:
    lemma: str
    kind: str  # "verb" (a verb line), "bare" (a pattern coding the verb alone), "phrase" (verb + words)
    code: str | None
    block: str
    line: int


def _is_bare(tokens: tuple[str, ...]) -> bool:
    """Only the target/source markers and bare prepositions: "* (AGAINST)", "* + (OF)"."""
    for t in tokens:
        if t in MARKERS:
            continue
        if t.startswith("("):
            inner = t[1:-1].split()
            if all(w.lower() in PREPOSITIONS or w in MARKERS for w in inner):
                continue
        return False
    return True


def _object_words(tokens: tuple[str, ...], synsets: dict[str, list[str]]) -> list[str]:
    """The words right after the verb, up to the first marker or parenthesised phrase; a
    synonym set right after the verb gives one phrase per member."""
    words: list[str] = []
    for t in tokens:
        if t.startswith("{"):
            inner = t[1:-1].split()
            if inner and all(WORD_RE.match(w) for w in inner):
                words.extend(inner)
                continue
            break
        if t.startswith("&") and not words and t in synsets:
            return [lemma_of(m) for m in synsets[t]]
        if WORD_RE.match(t):
            words.append(t)
            continue
        break
    return [" ".join(lemma_of(w) for w in words)] if words else []


def candidates(synsets: dict[str, list[str]], blocks: list[Block]) -> list[Candidate]:
    """Every (lemma, code) the dictionary states. A pattern applies to every verb of its
    block, as in PETRARCH."""
    out: list[Candidate] = []
    for b in blocks:
        verbs = list(dict.fromkeys(v.word for v in b.verbs))
        for v in b.verbs:
            out.append(Candidate(lemma_of(v.word), "verb", v.code if v.has_code else b.code, b.name, v.line))
        for p in b.patterns:
            if not all(t in MARKERS for t in p.before):
                continue  # a named subject ("TALKS *", "&MILITARY *"): not a verb between two actors
            for verb in verbs:
                if all(t in MARKERS for t in p.after):
                    out.append(Candidate(lemma_of(verb), "bare", p.code, b.name, p.line))
                elif _is_bare(p.after):  # "- * (BY)": the verb + its preposition ("stand by")
                    preps = " ".join(w.lower() for t in p.after if t.startswith("(")
                                     for w in t[1:-1].split() if w not in MARKERS)
                    out.append(Candidate(f"{lemma_of(verb)} {preps}", "phrase", p.code, b.name, p.line))
                else:
                    for obj in _object_words(p.after, synsets):
                        out.append(Candidate(f"{lemma_of(verb)} {obj}", "phrase", p.code, b.name, p.line))
    return out


# ---------------------------------------------------------------------------------------------
# decisions


@dataclass
class Decision:
    lemma: str
    relation: str | None  # the relation CAMEO gives it (None: none, or ambiguous)
    kept: bool
    reason: str
    sources: list[Candidate]


def _outcome(code: str | None) -> str:
    rel = relation_of(code)
    return rel if rel else ("no event" if code is None else f"CAMEO {code} (not a geokg relation)")


def cameo_relation(lemma: str, cands: list[Candidate]) -> tuple[str | None, str]:
    """The relation CAMEO gives a lemma, and why (or why none)."""
    coded_lines = [c for c in cands if c.kind == "verb" and c.code is not None]
    if coded_lines:
        outcomes = {_outcome(c.code) for c in coded_lines}
        if len(outcomes) > 1:
            # the block named after the verb is where CAMEO's coders defined it
            own = {_outcome(c.code) for c in coded_lines if lemma_of(c.block.rstrip("_")) == lemma}
            if len(own) != 1:
                return None, "ambiguous in CAMEO: " + "; ".join(sorted(outcomes))
            outcomes = own
        (out,) = outcomes
        return (out, "verb line") if out in TABLES else (None, out)
    patterns = [c for c in cands if c.kind in ("bare", "phrase")]
    outcomes = {_outcome(c.code) for c in patterns}
    if not outcomes:
        return None, "no event (uncoded verb line)"
    if len(outcomes) > 1:
        return None, "ambiguous in CAMEO: " + "; ".join(sorted(outcomes))
    (out,) = outcomes
    return (out, "pattern") if out in TABLES else (None, out)


def decide(cands: list[Candidate]) -> dict[str, Decision]:
    by_lemma: dict[str, list[Candidate]] = {}
    for c in cands:
        by_lemma.setdefault(c.lemma, []).append(c)
    decisions: dict[str, Decision] = {}
    for lemma, group in sorted(by_lemma.items()):
        relation, why = cameo_relation(lemma, group)
        kept, reason = False, why
        is_phrase = all(c.kind == "phrase" for c in group)
        if relation is None:
            pass
        elif set(lemma.split()) & {"and", "or"}:
            reason = "a coordination fragment (ATTACKED_AND), not a verb"
        elif lemma in EXCLUDED:
            reason = "excluded: " + EXCLUDED[lemma]
        elif is_phrase and lemma not in KEPT_PHRASES:
            reason = "pattern phrase not in KEPT_PHRASES"
        else:
            kept, reason = True, why
        decisions[lemma] = Decision(lemma, relation, kept, reason, group)
    return decisions


def lemma_table(decisions: dict[str, Decision]) -> dict[str, list[str]]:
    table: dict[str, set[str]] = {rel: set() for rel in (*TABLES, *FRAME_TABLES)}
    for d in decisions.values():
        if d.kept:
            table[FRAME_SECTIONS.get(d.lemma) or FRAME_VERBS.get(d.lemma, d.relation)].add(d.lemma)
    seen: dict[str, str] = {}
    for rel, lemmas in table.items():
        for lemma in lemmas:
            if not re.fullmatch(r"[a-z][a-z'\-]*(?: [a-z][a-z'\-]*)*", lemma):
                raise ValueError(f"bad lemma {lemma!r} in {rel}")
            if lemma in seen:
                raise ValueError(f"{lemma!r} is in both {seen[lemma]} and {rel}")
            seen[lemma] = rel
    return {rel: sorted(lemmas) for rel, lemmas in table.items()}


def stale_review_entries(decisions: dict[str, Decision]) -> list[str]:
    """Review entries that no longer match anything the dictionary codes for a relation."""
    stale = [f"EXCLUDED[{k!r}]" for k in EXCLUDED if k not in decisions or decisions[k].relation is None]
    for phrase, codes in KEPT_PHRASES.items():
        d = decisions.get(phrase)
        if d is None or d.relation is None:
            stale.append(f"KEPT_PHRASES[{phrase!r}]")
        elif {relation_of(c) for c in codes.split("/")} != {d.relation} or \
                not set(codes.split("/")) <= {c.code for c in d.sources}:
            stale.append(f"KEPT_PHRASES[{phrase!r}] (CAMEO codes it {sorted({c.code for c in d.sources})})")
    return stale


# ---------------------------------------------------------------------------------------------
# output


def licence_notice(path: Path) -> str:
    text = path.read_text(encoding="utf-8").strip()
    if not text.startswith("MIT License") or "Permission is hereby granted" not in text:
        raise ValueError(f"{path} is not the MIT licence this script was written for")
    return text


def header_copyright(text: str) -> str | None:
    """The copyright line in the dictionary's own header comment."""
    m = re.search(r"^#\s*(Copyright \(c\) [^\n]*?)\s*$", text, re.M)
    return m.group(1) if m else None


def _comment(text: str) -> list[str]:
    return [("# " + line).rstrip() for line in text.splitlines()]


def render(table: dict[str, list[str]], licence: str, own_copyright: str | None, digest: str) -> str:
    lines = [
        "# English relation-trigger lemmas derived from the CAMEO verb dictionary.",
        "# GENERATED by scripts/derive_cameo.py from CAMEO.2.0.txt of " + SOURCE_REPO,
        f"# (commit {SOURCE_COMMIT}, {SOURCE_PATH};",
        f"# sha256 {digest}).",
        "# Do not edit by hand: change the review lists in the script and rerun it.",
        "#",
        "# One table per geokg event relation. `lemmas` are lower-case English verb base forms; a",
        "# phrase inflects its first word (\"impose sanctions\" -> \"imposed sanctions\"). CAMEO codes",
        "# map to relations by the longest prefix (see RELATIONS in the script); the lemmas passed",
        "# a precision review for news text (EXCLUDED and KEPT_PHRASES in the script). The last",
        "# tables are en.toml frame sections (FRAME_SECTIONS): phrases whose object is marked otherwise.",
        "#",
        "# The source is distributed under the MIT License; its notice follows.",
    ]
    if own_copyright and own_copyright not in licence:
        lines += ["# (The dictionary's own header carries the same terms with", f"# \"{own_copyright}\".)"]
    lines += ["#", *_comment(licence), ""]
    for rel, codes in (TABLES | FRAME_TABLES).items():
        lines += ["", f"[{rel}]", f"# {codes}"]
        items = [f'"{lemma}"' for lemma in table[rel]]
        if not items:
            lines.append("lemmas = []")
            continue
        lines.append("lemmas = [")
        row = ""
        for item in items:
            if row and len(row) + len(item) + 2 > 96:
                lines.append("  " + row.rstrip())
                row = ""
            row += item + ", "
        lines.append("  " + row.rstrip().rstrip(","))
        lines.append("]")
    return "\n".join(lines) + "\n"


def write_atomic(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(text.encode("utf-8"))
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def explain(decisions: dict[str, Decision], lemmas: list[str]) -> str:
    """One line per lemma: relation, kept or dropped, why, and the dictionary lines behind it."""
    chosen = [decisions[x] for x in lemmas if x in decisions] if lemmas else \
        [d for d in decisions.values() if d.relation or d.reason.startswith("ambiguous")]
    out = []
    for d in chosen:
        where = ", ".join(sorted({f"{c.block}:{c.line}[{c.code or '---'}]" for c in d.sources}))
        out.append(f"{d.lemma}\t{d.relation or '-'}\t{'kept' if d.kept else 'dropped'}\t{d.reason}\t{where}")
    missing = [x for x in lemmas if x not in decisions]
    out += [f"{x}\t-\tabsent\tnot in the dictionary\t" for x in missing]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("input", nargs="?", type=Path, default=DEFAULT_INPUT,
                    help=f"CAMEO.2.0.txt (default: {DEFAULT_INPUT})")
    ap.add_argument("--license", type=Path, help="the source's MIT LICENSE (default: LICENSE beside the input)")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUTPUT, help=f"output TOML (default: {DEFAULT_OUTPUT})")
    ap.add_argument("--explain", nargs="*", metavar="LEMMA",
                    help="print the decision for these lemmas (all coded ones if none) instead of writing")
    args = ap.parse_args(argv)

    raw = args.input.read_bytes()
    text = raw.decode("utf-8")
    synsets, blocks = parse(text)
    decisions = decide(candidates(synsets, blocks))
    if args.explain is not None:
        print(explain(decisions, args.explain))
        return 0
    stale = stale_review_entries(decisions)
    if stale:
        print("review entries that match nothing CAMEO codes for a relation:\n  " + "\n  ".join(stale),
              file=sys.stderr)
        return 1
    table = lemma_table(decisions)
    licence = licence_notice(args.license or args.input.parent / "LICENSE")
    out = render(table, licence, header_copyright(text), hashlib.sha256(raw).hexdigest())
    write_atomic(args.out, out)
    counts = ", ".join(f"{rel} {len(v)}" for rel, v in table.items())
    print(f"wrote {args.out}: {sum(map(len, table.values()))} lemmas ({counts}); {len(EXCLUDED)} excluded",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
