"""From a segmented page to :class:`ArticleResult` records, one per segment.

Segments of a page are read in order with one :class:`Discourse`, so persons named in the
article resolve in its headlines and captions.
"""

from __future__ import annotations

from kg.ingest.segment import Page
from kg.extract.participation import participation
from kg.model import Actor, ArticleResult, Mention
from kg.nlp.coref import known_to_actor
from kg.nlp.discourse import Discourse
from kg.nlp.extensions import doc_value, set_doc_value
from kg.nlp.lexicon import get_lexicon
from kg.nlp.components import ENCLOSED_SPANS, WRITE_SPAN_GROUPS, actor_spans
from kg.nlp.tokens import token_table, without_proclitic
from kg.pipeline import get_nlp


def extract_page(page: Page) -> list[ArticleResult]:
    nlp = get_nlp(page.lang)
    lex = get_lexicon(page.lang)
    takes_part = participation(page.lang)
    discourse = Discourse()
    text = page.doc.text
    published = page.doc.meta.get("published")
    results: list[ArticleResult] = []
    pipeline = nlp.pipeline  # spaCy makes this list anew on every read
    for seg in page.segments:
        result = ArticleResult(
            identifier=seg.identifier, lang=page.lang, text=text, title=seg.title,
            publisher=page.publisher, published=page.doc.meta.get("published"), url=page.doc.meta.get("url"),
            source_path=page.doc.source_path,
            part_of=None if seg.identifier == page.doc.identifier else page.doc.identifier,
            kind=seg.kind)
        participants: set[str] = set()  # actors mentioned as more than a place ("in China"), a source …
        located: dict[str, Actor] = {}
        for start, end in seg.spans:
            doc = nlp.make_doc(text[start:end])
            doc.user_data["text"] = text[start:end]
            doc.user_data["published"] = published  # dated roles of known persons hold for it
            doc.user_data[WRITE_SPAN_GROUPS] = False  # the mentions are read below, not from doc.spans
            set_doc_value(doc, "discourse", discourse)
            set_doc_value(doc, "offset", start)
            set_doc_value(doc, "masked", page.masked)
            for _, proc in pipeline:
                doc = proc(doc)
            table = token_table(doc)
            seg_text = doc.user_data["text"]
            person_names = doc.user_data.get("person_names", {})
            spans = actor_spans(doc) + actor_spans(doc, "consumed") + actor_spans(doc, ENCLOSED_SPANS)
            places = takes_part.places(table, spans)
            idx, words, clitics = table.idx, table.text, table.clitics  # read by index below: no method call a mention
            for s, e, label, key in spans:
                actor = discourse.actors.get(key)
                if actor is None and key in lex.known:
                    actor = discourse.register(known_to_actor(lex.known[key], published))
                if actor is None:
                    continue
                s_char, e_char = idx[s], idx[e - 1] + len(words[e - 1])  # table.start_char(s), table.end_char(e)
                surface = seg_text[s_char:e_char]
                if label == "person":
                    actor.add_label(page.lang, person_names.get((s, e), surface))
                elif label not in ("pronoun", "dual", "coref", "title"):  # "زعيم كوريا الشمالية" names an office, not the state
                    actor.add_label(page.lang, without_proclitic(surface, clitics[s][0]) if s in clitics else surface)
                if takes_part.counts(table, key, label, s, e, actor, places):
                    participants.add(key)
                located.setdefault(key, actor)
                result.mentions.append(Mention(key, s_char + start, e_char + start, surface))
            result.claims.extend(doc_value(doc, "claims") or [])
            doc.user_data.clear()  # it holds Spans of the doc: a cycle the collector would have to find
        result.actors = {k: a for k, a in located.items() if k in participants}
        in_claims = {k for c in result.claims for k in (c.subject, c.object, c.attributed_to)}
        result.mentions = [m for m in result.mentions if m.actor in participants or m.actor in in_claims]
        for claim in result.claims:  # claim participants are mentioned actors too
            for key in (claim.subject, claim.object, claim.attributed_to):
                if key and key not in result.actors and key in discourse.actors:
                    result.actors[key] = discourse.actors[key]
        for actor in list(result.actors.values()):
            aff = actor.affiliation
            if aff and aff not in result.actors and aff not in result.referenced:
                known = discourse.actors.get(aff) or (known_to_actor(lex.known[aff], published) if aff in lex.known else None)
                if known is not None:
                    result.referenced[aff] = known
                else:
                    actor.affiliation = None  # never point at an actor we cannot describe
        results.append(result)
    return results
