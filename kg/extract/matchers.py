"""The phrase matchers that find a document's triggers and cue words, built once per
pipeline from the language data (they hold patterns made with the pipeline's vocab)."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from kg.extract.context import Cue, Mark
from kg.lang import LanguageData
from kg.nlp.components import Normalizer, pattern_keywords
from kg.nlp.tokens import TokenTable, longest_first

CUES = ("negation", "possible", "alleged", "speech", "according_to", "continuation", "interviewer", "denial",
        "disputes", "accusation_nouns", "invitation", "receiving", "led_by",
        "future_time", "vow", "unnamed_sources", "reversal", "cancelled", "mediated_by", "mediator_before", "mediator_verb")


@dataclass(frozen=True, slots=True)
class Matchers:
    triggers: PhraseMatcher  # match id: the trigger section's name
    cues: PhraseMatcher  # match id: one of CUES
    # sections whose forms all wait for a word after them ("designated … terrorist" / "… ally"):
    # the same form may open two of them, each read with its own words
    armed_only: frozenset[str] = frozenset()

    def find_cues(self, doc: Doc) -> list[Cue]:
        """(cue, start, end) of every cue word, by start."""
        strings = doc.vocab.strings
        return sorted([(strings[m], s, e) for m, s, e in self.cues(doc)], key=lambda c: c[1])

    def find_triggers(self, doc: Doc, T: TokenTable, text: str) -> list[Mark]:
        """The trigger matches, overlapping ones resolved longest first, by start."""
        strings = doc.vocab.strings
        marks = [Mark(s, e, strings[m], text=text[T.start_char(s):T.end_char(e)]) for m, s, e in self.triggers(doc)]
        kept = longest_first(marks)
        if not self.armed_only:
            return kept
        # a form of an armed-only section ("sent" troops) is also a form of another section
        # ("sent" tanks): every section's mark of that span stays, and the weapon decides
        label_at = {(m.start, m.end): m.label_ for m in kept}
        seen = {(m.start, m.end, m.label_) for m in kept}
        extra = [m for m in marks if (m.start, m.end) in label_at and (m.start, m.end, m.label_) not in seen
                 and (m.label_ in self.armed_only or label_at[(m.start, m.end)] in self.armed_only)]
        if not extra:
            return kept
        extra = list({(m.start, m.end, m.label_): m for m in extra}.values())
        return sorted(kept + extra, key=lambda m: m.start)


def build_matchers(nlp: Language, data: LanguageData) -> Matchers:
    """Matchers over the normalised forms (lower case in English), as the text is read."""
    attr = "NORM" if nlp.lang != "en" else "LOWER"
    sections = [(relation, data.trigger_forms(relation)) for relation in data.triggers]
    cue_lists = [(cue, forms) for cue in CUES if (forms := data.strings("cues", cue))]
    texts = [f for _, forms in sections + cue_lists for f in forms]
    # the patterns of every list made in one go (the tokens of normalised docs, lower case in English)
    if nlp.lang != "en":
        found = iter(pattern_keywords(nlp, texts, attr, Normalizer(nlp)))
    else:
        found = iter(pattern_keywords(nlp, [t.lower() for t in texts], attr))
    triggers = PhraseMatcher(nlp.vocab, attr=attr)
    for relation, forms in sections:
        triggers.add(relation, [next(found) for _ in forms])
    cues = PhraseMatcher(nlp.vocab, attr=attr)
    for cue, forms in cue_lists:
        cues.add(cue, [next(found) for _ in forms])
    armed_only = frozenset(name for name, spec in data.raw.get("triggers", {}).items()
                           if spec.get("with_instrument") and not any(spec.get(k) for k in ("lemmas", "forms", "noun_lemmas", "nouns")))
    return Matchers(triggers, cues, armed_only)
