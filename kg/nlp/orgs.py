"""Organizations that no list knows, from capitalised names with an organization head word.

Only languages whose data file has an ``[organizations]`` table use it (English now: Arabic
has no capitals to delimit a name, so its organizations come from the known-actor data).
"""

from __future__ import annotations

import re
from itertools import compress, count

from spacy.language import Language
from spacy.tokens import Doc

from kg.model import Actor
from kg.nlp.components import ActorSpan, actor_spans, doc_text, set_actor_spans
from kg.nlp.extensions import doc_value
from kg.nlp.tokens import token_table
from kg.nlp.lexicon import get_lexicon


def org_key(name: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    return f"org-{slug or 'unknown'}"


@Language.factory("geokg_orgs", default_config={})
def make_org_finder(nlp: Language, name: str):
    return OrgFinder(nlp)


class OrgFinder:
    def __init__(self, nlp: Language) -> None:
        self.lex = get_lexicon(nlp.lang)
        spec = self.lex.data.raw.get("organizations", {})
        self.heads = frozenset(spec.get("heads", []))
        self.inner = frozenset(spec.get("inner", []))
        self.max_tokens = int(spec.get("max_tokens", 8))
        self.stop = self.lex.data.keys("names", "stop")
        self.possessive = frozenset(self.lex.data.strings("morphology", "possessive"))
        # a compass word and a head alone name a place ("West Bank", "North Front"), not a body
        self.place_words = frozenset(spec.get("place_words", []))

    def __call__(self, doc: Doc) -> Doc:
        if not self.heads:
            return doc
        discourse = doc_value(doc, "discourse")
        spans = actor_spans(doc)
        taken = {i for s in spans for i in range(s.start, s.end)}
        by_end = {s.end: s for s in spans}
        new = []
        n = len(doc)
        by_start = {s.start: s for s in spans}
        text = doc_text(doc)
        dropped: set[tuple[int, int]] = set()
        table = token_table(doc)
        words_of, stop, inner = table.text, self.stop, self.inner
        # whether each token is a capitalised word: decided once per word form (alpha is a form's)
        alpha_of = dict(zip(words_of, table.alpha))
        capitals = {w for w, alpha in alpha_of.items() if w[:1].isupper() and alpha and w.lower() not in stop}
        cap = list(map(capitals.__contains__, words_of))
        i = 0  # where the next name may start
        # a name opens with a capital or a state's mention: the other tokens are not tried
        for start in sorted(by_start.keys() | set(compress(count(), cap))):
            if start < i:
                continue
            lead = by_start.get(start)
            prefix = None  # "Ghana Revenue Authority", "Turkish Armed Forces": a state opens the name
            if lead is not None and lead.end < n and cap[lead.end] and lead.end not in taken:
                known = self.lex.known.get(lead.kb_id_)
                if known is not None and known.type == "Country":
                    prefix = lead
            if prefix is None and (start in taken or not cap[start] or (words_of[start].lower() in stop and doc[start].is_sent_start)):
                continue
            i = prefix.end if prefix is not None else start
            j = i
            last_cap = i
            while j < n and j - i < self.max_tokens and j not in taken:
                if cap[j]:
                    last_cap = j
                elif not (words_of[j].lower() in inner and j + 1 < n and (cap[j + 1] or words_of[j + 1].lower() in inner)):
                    break
                j += 1
            end = last_cap + 1
            heads_at = [k for k in range(i, end) if words_of[k] in self.heads]
            if heads_at and heads_at[-1] + 1 < end and cap[heads_at[-1] + 1]:
                end = heads_at[-1] + 1  # "ECOWAS Commission President Omar Touray": the name ends at its head
            words = words_of[i:end]
            if any(w in self.heads for w in words) and end - start >= 2 \
                    and not all(w in self.heads or w in self.place_words for w in words):
                name = text[table.start_char(start):table.end_char(end)]
                key = org_key(name)
                affiliation = prefix.kb_id_ if prefix is not None else self._affiliation(doc, start, by_end)
                actor = Actor(key=key, type="Organization", affiliation=affiliation, labels={doc.lang_: name})
                if discourse is not None:
                    discourse.register(actor)
                if prefix is not None:
                    dropped.add((prefix.start, prefix.end))
                new.append(ActorSpan(start, end, "org", key))
                i = end
                continue
            i = start + 1
        if new:
            kept = [s for s in spans if (s.start, s.end) not in dropped]
            set_actor_spans(doc, sorted(kept + new, key=lambda s: (s.start, s.end)))
        return doc

    def _affiliation(self, doc: Doc, start: int, by_end: dict[int, ActorSpan]) -> str | None:
        """"Iran's Supreme National Security Council", "the Syrian Kurdish YPG": a country
        or demonym right before."""
        for end in (start, start - 1):
            span = by_end.get(end)
            if span is None:
                continue
            known = self.lex.known.get(span.kb_id_)
            if known is not None and known.type == "Country":
                gap = token_table(doc).text[span.end:start]
                if all(g in self.possessive for g in gap):
                    return known.key
        return None
