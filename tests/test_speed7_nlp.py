"""Actor mentions pass between components as ActorSpan records; doc.spans is written once at
the end for readers of spaCy's API, and not at all where extraction says it reads the records."""

from kg.nlp.components import ACTOR_SPANS, WRITE_SPAN_GROUPS, ActorSpan, actor_spans
from kg.pipeline import get_nlp

TEXT = ("U.S. Secretary of State Antony Blinken met Russian Foreign Minister Sergei Lavrov in Geneva. "
        "The Pentagon said Russia and China condemned Iran.")


def test_actor_spans_are_records_that_doc_spans_repeat():
    doc = get_nlp("en")(TEXT)
    spans = actor_spans(doc)
    assert spans and all(isinstance(s, ActorSpan) for s in spans)
    assert ("lavrov", "person") in {(s.kb_id_, s.label_) for s in spans}
    written = [(s.start, s.end, s.label_, s.kb_id_) for s in doc.spans[ACTOR_SPANS]]
    assert written == [tuple(s) for s in spans]
    consumed = [(s.start, s.end, s.label_, s.kb_id_) for s in doc.spans["consumed"]]
    assert consumed == [tuple(s) for s in actor_spans(doc, "consumed")]
    assert doc.spans[ACTOR_SPANS][0].text == doc.text[doc.spans[ACTOR_SPANS][0].start_char:doc.spans[ACTOR_SPANS][0].end_char]


def test_no_doc_spans_where_the_caller_reads_the_records():
    nlp = get_nlp("en")
    doc = nlp.make_doc(TEXT)
    doc.user_data[WRITE_SPAN_GROUPS] = False
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    assert ACTOR_SPANS not in doc.spans
    assert [tuple(s) for s in actor_spans(doc)] == [tuple(s) for s in actor_spans(nlp(TEXT))]


def test_records_are_read_back_from_doc_spans_of_a_doc_made_elsewhere():
    doc = get_nlp("en")(TEXT)
    records = actor_spans(doc)
    for key in [k for k in doc.user_data if isinstance(k, tuple) and k[:1] == ("spans",)]:
        del doc.user_data[key]
    assert actor_spans(doc) == records
