"""What the claim rules read: one document's context and one sentence's state.

The rules are plain functions over these records rather than methods of one extractor
object: each module takes what it needs from :class:`DocContext` (token table, mentions,
triggers, cues, discourse, the language's :class:`~kg.extract.config.ClaimConfig`) and,
inside a sentence, from :class:`SentenceState`. The records are built once per document
and per sentence; nothing here runs per token.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import NamedTuple

from spacy.tokens import Doc

from kg.extract.config import ClaimConfig
from kg.lang import Trigger
from kg.nlp.discourse import Discourse
from kg.nlp.tokens import TokenTable

Cue = tuple[str, int, int]  # (cue name, start token, end token)


class Mark(NamedTuple):
    """An actor mention or a trigger as the rules read it: spaCy ``Span`` attributes
    resolve their strings on every access, these are plain fields."""

    start: int
    end: int
    label_: str
    kb_id_: str = ""
    text: str = ""


class Sentence(NamedTuple):
    start: int
    end: int
    start_char: int
    end_char: int


@dataclass
class Group:
    """Coordinated actor mentions read as one argument ("X and Y", "the two leaders")."""

    keys: list[str]
    start: int  # token span over all members
    end: int
    label: str | None = ""
    members: list = field(default_factory=list)
    conjoined: bool = False  # joined by a real conjunction, not commas alone

    def types(self, discourse) -> set[str]:
        if self.label == "place":  # a city stands for its state (kg/extract/places.py)
            return {"Country"}
        if discourse is None:  # a doc made by nlp() alone
            return set()
        return {discourse.actors[k].type for k in self.keys if k in discourse.actors}


@dataclass(slots=True)
class DocContext:
    """One document as the rules read it, built once by the component."""

    doc: Doc
    cfg: ClaimConfig
    t: TokenTable  # token attributes by index, read by every rule
    text: str
    offset: int  # character offset of the doc in its page
    discourse: Discourse | None  # None for a doc made by nlp() alone, outside an article
    spans: list[Mark]  # actor mentions, by start
    span_starts: list[int]
    covered: set[int]  # tokens inside a mention (nested ones included)
    brackets: list[int]  # tokens that open a bracket
    hyphens: frozenset[int]  # tokens that are a hyphen ("close-range")
    cues: list[Cue]  # by start
    cue_starts: list[int]
    trigs: list[Mark]  # trigger matches, longest first, by start
    trig_starts: list[int]
    trig_tokens: set[int]
    victim_at: list[int]  # tokens that may open a victim noun ("killing")
    sents: list[Sentence]
    sent_starts: list[int]
    modifier_tokens: set[int] = field(default_factory=set)  # nationality adjectives and backers dropped before their head
    adjuncts: frozenset[int] = frozenset()  # time adjuncts of the syntax layer: no distance between arguments
    reciprocals: dict[int, int] = field(default_factory=dict)  # "each other", "بعضهما": start -> end
    last_pair: tuple[str, str] | None = None  # the parties of the latest symmetric claim (talks, a deal)
    # the agent of the latest positive claim of each relation, for an event told again ("… condemned the strikes")
    last_agent: dict[str, str] = field(default_factory=dict)
    members: frozenset[int] = frozenset()  # starts of mentions listed after a verb of membership: no arguments
    cities: dict[int, Group] | None = None  # city names by start (kg/extract/places.py), found once when first asked
    # the place named before each trigger noun, by (start, end, section) (kg/extract/places.py): asked by the
    # noun's reading, its arguments and its denial
    compound_places: dict[tuple[int, int, str], Group | None] = field(default_factory=dict)
    pronoun_hosts: list[int] | None = None  # where an object pronoun may stand (kg/extract/objects.py), found once
    # the marker of each group read so far, by (start, label, size of modifier_tokens) (kg/extract/markers.py)
    markers: dict[tuple[int, str | None, int], str | None] = field(default_factory=dict)

    def sent_at(self, i: int) -> Sentence:
        """The sentence holding token i (Token.sent rescans the doc each time)."""
        return self.sents[bisect.bisect_right(self.sent_starts, i) - 1]

    def sent_at_char(self, char: int) -> Sentence:
        """The sentence holding a character offset of the doc's text."""
        starts = [x.start_char for x in self.sents]
        return self.sents[max(0, bisect.bisect_right(starts, char) - 1)]

    def cues_in(self, sent: Sentence) -> list[Cue]:
        """The cues of a sentence, by start (a slice found by bisect, not a scan of the doc's)."""
        left = bisect.bisect_left
        return self.cues[left(self.cue_starts, sent.start):left(self.cue_starts, sent.end)]

    def in_mention(self, i: int) -> bool:
        """Whether token i is part of an actor mention (nested mentions included)."""
        return i in self.covered


@dataclass(slots=True)
class SentenceState:
    """What the rules learn about a sentence while its triggers are read in order."""

    sent: Sentence
    cues: list[Cue]
    trigs: list[Mark]
    groups: list[Group]
    speaker: str | None = None  # whom the sentence is attributed to
    speaker_cue: int | None = None  # token where the attribution is said ("قال", "according to")
    unarmed: set[tuple[int, str]] = field(default_factory=set)  # (start, section) of weapon-only triggers with no weapon
    subjects: set[str] = field(default_factory=set)  # subjects of the triggers read so far
    prev: tuple[Mark, Trigger, list[str]] | None = None  # (trigger, spec, subject keys) read last
    claimed: tuple[int, str] | None = None  # (end, relation) of the last trigger that made a claim
    # the last trigger of each relation that had a subject, as ``prev`` ("discussed the truce in a phone call with")
    subject_of: dict[str, tuple[Mark, Trigger, list[str]]] = field(default_factory=dict)
    # a trigger's rejected accusation (kg/extract/polarity.py), asked by several rules, by (start, end)
    disputes: dict[tuple[int, int], tuple[int, int, int] | None] = field(default_factory=dict)
    first_subject: list[str] | None = None  # the subject of the sentence's first trigger that had one
    accusation: tuple[str, str, int] | None = None  # (accuser, accused, end of the trigger) read last
    # the object of the sentence's last verb that made a claim (of its first claim if all are nouns), none
    # under a verb of speech or denial: the main clause's object, which "متهماً إياه" resumes (kg/extract/objects.py)
    main_object: str | None = None
    main_at: int = 0  # the end of the trigger that gave ``main_object``
    refusals: frozenset[int] = frozenset()  # starts of the negation cues ("رفضت", "refused"), asked per trigger
    trig_starts: list[int] = field(default_factory=list)  # of ``trigs``, for bisect
    # the names of ``cues``: most rules look for one kind of cue, which most sentences lack
    cue_names: frozenset[str] = frozenset()
    group_starts: list[int] = field(default_factory=list)  # of ``groups`` (in order; a start never moves)
    # the triggers that may end another's reach whatever reads them, and their starts
    # (kg/extract/arguments.py, found when first asked)
    reach_enders: tuple[list[Mark], list[int]] | None = None

    def __post_init__(self) -> None:
        self.trig_starts = [t.start for t in self.trigs]
        self.cue_names = frozenset([c for c, _, _ in self.cues])
        self.group_starts = [g.start for g in self.groups]

    def trigs_from(self, start: int) -> list[Mark]:
        """The sentence's triggers that start at ``start`` or later."""
        return self.trigs[bisect.bisect_left(self.trig_starts, start):]

    def groups_starting(self, start: int, end: int) -> list[Group]:
        """The groups that start in ``start:end``, in order."""
        left = bisect.bisect_left
        return self.groups[left(self.group_starts, start):left(self.group_starts, end)]

    # The groups are in order and apart: each starts at or after the end of the one before
    # (:func:`~kg.extract.groups.actor_groups` keeps the first of overlapping mentions, and
    # the filters after it only drop groups). An end only ever moves back to a trigger inside
    # the group (:func:`~kg.extract.triggers.claim_trigger`), so the two questions below are
    # answered by the fixed starts and the current end of one group.

    def group_at(self, i: int) -> Group | None:
        """The group holding token i, if any."""
        k = bisect.bisect_right(self.group_starts, i) - 1
        if k >= 0 and i < self.groups[k].end:
            return self.groups[k]
        return None

    def groups_before(self, i: int) -> list[Group]:
        """The groups that end at or before token i, in order."""
        k = bisect.bisect_left(self.group_starts, i)
        if k and self.groups[k - 1].end > i:
            k -= 1  # the group i is in
        return self.groups[:k]
