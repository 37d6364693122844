"""``graph.ttl`` straight from extraction records, article blocks rendered in parallel.

A build that writes only Turtle does not need an rdflib graph: building one (terms, three
indexes per triple) and walking it again to write it were most of a large build's serial
time after extraction (benchmarks/README.md). Here the triples are made by the same
functions as :func:`kg.rdf.writer.build_graph` and rendered by the same code as
:func:`kg.rdf.turtle.write_turtle`, so the bytes are the same (a test holds both paths
to it). What makes it parallel: an article's own subjects (the article and its claims,
whose IRIs contain the article's identifier) appear in no other article, so each
article's blocks can be rendered on its own; only the actors, merged across articles,
and the direct ``actor relation actor`` triples are rendered by the parent. Workers are
forked after person keys are merged and read the articles from the parent's memory, so
nothing is pickled to them; they send back text.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor

from kg.model import ArticleResult
from kg.rdf.namespaces import ACTOR, new_graph
from kg.rdf.turtle import TermWriter, group_triples, order_key, subject_block
from kg.rdf.writer import RELATION_IRIS, actor_iri, article_triples, graph_triples, is_direct, merged_actor_triples
from kg.runtime import bulk_allocation

Blocks = list[tuple[tuple, str]]  # (subject sort key, its Turtle block), sorted
_ARTICLES: Sequence[ArticleResult] = ()  # what forked workers read (set before forking)
TASKS_PER_JOB = 4


def can_render(articles: Sequence[ArticleResult]) -> bool:
    """Whether every article's subjects are its own: true unless two articles share an
    identifier (their descriptions then merge into one subject, which only a graph does)."""
    identifiers = [a.identifier for a in articles]
    return len(set(identifiers)) == len(identifiers)


def article_blocks(articles: Sequence[ArticleResult],
                   triples_of: Iterable[Iterable[tuple]] | None = None) -> tuple[Blocks, list[tuple[str, str]], int]:
    """The sorted blocks of the articles' own subjects, the prefixes they use and their
    number of triples (the direct actor triples are left to :func:`actor_blocks`).
    ``triples_of``: each article's distinct triples where the caller made them already."""
    terms = TermWriter(new_graph(bulk=True).namespaces())
    blocks: Blocks = []
    count = 0
    actor_ns = str(ACTOR)
    if triples_of is None:
        triples_of = (dict.fromkeys(article_triples(article)) for article in articles)
    with bulk_allocation():
        for made in triples_of:
            # str.startswith in C: rdflib's URIRef.startswith converts both strings in Python, per triple
            triples = [t for t in made if not str.startswith(t[0], actor_ns)]
            count += len(triples)
            for subject, predicates in group_triples(triples).items():
                blocks.append((order_key(subject), subject_block(subject, predicates, terms)))
    blocks.sort()
    return blocks, terms.used_prefixes(), count


def actor_blocks(articles: Sequence[ArticleResult],
                 described: dict[tuple, None] | None = None) -> tuple[Blocks, list[tuple[str, str]], int]:
    """The blocks of the actors: their descriptions and the direct triples of claims.
    ``described``: the merged actors' triples where the caller made them already."""
    triples: dict[tuple, None] = dict(described) if described is not None else merged_actor_triples(articles)
    for article in articles:
        for claim in article.claims:
            if is_direct(claim):
                triples[actor_iri(claim.subject), RELATION_IRIS[claim.relation], actor_iri(claim.object)] = None
    terms = TermWriter(new_graph(bulk=True).namespaces())
    blocks = sorted((order_key(s), subject_block(s, predicates, terms))
                    for s, predicates in group_triples(triples).items())
    return blocks, terms.used_prefixes(), len(triples)


def render_with_index(articles: Sequence[ArticleResult]) -> tuple[str, int, TripleIndex]:
    """(``graph.ttl`` text, number of triples, :class:`TripleIndex`) in one process, each
    article's triples made once for both (a serial build made them twice, once per use)."""
    with bulk_allocation():
        described = merged_actor_triples(articles)
        made = [dict.fromkeys(article_triples(article)) for article in articles]
        index_triples = dict(described)
        for triples in made:
            index_triples.update(triples)
        index = TripleIndex(index_triples)
    parts = [actor_blocks(articles, described), article_blocks(articles, made)]
    del made, index_triples
    return (*_joined(parts), index)


def _joined(parts: list[tuple[Blocks, list[tuple[str, str]], int]]) -> tuple[str, int]:
    """The Turtle text of rendered parts, blocks merged in order, and its triple count."""
    count = sum(p[2] for p in parts)
    used = sorted(set().union(*(p[1] for p in parts)))
    header = "".join(f"PREFIX {prefix}: <{ns}>\n" for prefix, ns in used)
    blocks = [text for _, text in heapq.merge(*(p[0] for p in parts))]
    return "\n".join([header, *blocks] if header else blocks), count


def _render_range(bounds: tuple[int, int]) -> tuple[Blocks, list[tuple[str, str]], int]:
    return article_blocks(_ARTICLES[bounds[0]:bounds[1]])


class TurtleRender:
    """Renders ``graph.ttl`` of the articles in ``jobs`` forked processes, started at once so
    that the caller may do other work (build an rdflib graph for the view) meanwhile;
    :meth:`result` renders the actors while the workers run, then waits and returns
    (text, number of triples)."""

    def __init__(self, articles: Sequence[ArticleResult], jobs: int = 1) -> None:
        global _ARTICLES
        self._articles = articles
        self._pool: ProcessPoolExecutor | None = None
        self._parts: list[Future] = []
        context = _fork_context()
        if jobs > 1 and len(articles) > 1 and context is not None:
            size = max(1, math.ceil(len(articles) / (jobs * TASKS_PER_JOB)))
            _ARTICLES = articles
            self._pool = ProcessPoolExecutor(max_workers=jobs, mp_context=context)
            self._parts = [self._pool.submit(_render_range, (i, min(i + size, len(articles))))
                           for i in range(0, len(articles), size)]

    def result(self) -> tuple[str, int]:
        global _ARTICLES
        try:
            with bulk_allocation():  # the blocks all survive until joined
                parts = [actor_blocks(self._articles)]
                if self._pool is None:
                    parts.append(article_blocks(self._articles))
                else:
                    parts += [future.result() for future in self._parts]
        finally:
            if self._pool is not None:
                self._pool.shutdown(cancel_futures=True)
                _ARTICLES = ()
        return _joined(parts)


def render_turtle(articles: Sequence[ArticleResult], jobs: int = 1) -> tuple[str, int]:
    """(``graph.ttl`` text, number of triples) of the articles, as
    ``serialize_turtle(build_graph(articles))`` would write them."""
    return TurtleRender(articles, jobs).result()


def _fork_context():
    import multiprocessing as mp

    return mp.get_context("fork") if "fork" in mp.get_all_start_methods() else None


class TripleIndex:
    """Distinct triples indexed by predicate, then subject: the read-only part of rdflib's
    ``Graph`` API that :func:`kg.analysis.graph.to_networkx` uses (``objects``,
    ``subjects``, ``subject_objects``). The view of a build needs no more, and an rdflib
    ``Memory`` store (three indexes, contexts) takes several times the memory and time
    for a graph of a million triples (benchmarks/README.md)."""

    def __init__(self, triples: Iterable[tuple]) -> None:
        self._by_predicate: dict = {}
        self._count = 0
        for s, p, o in triples:
            subjects = self._by_predicate.get(p)
            if subjects is None:
                subjects = self._by_predicate[p] = {}
            objects = subjects.get(s)
            if objects is None:
                subjects[s] = [o]
            else:
                objects.append(o)
            self._count += 1

    @classmethod
    def of_articles(cls, articles: Sequence[ArticleResult]) -> TripleIndex:
        """The triples :func:`kg.rdf.writer.build_graph` would add for the articles."""
        with bulk_allocation():
            return cls(graph_triples(articles))

    def __len__(self) -> int:
        return self._count

    def objects(self, subject, predicate) -> Iterator:
        return iter(self._by_predicate.get(predicate, {}).get(subject, ()))

    def subjects(self, predicate, obj) -> Iterator:
        return (s for s, objects in self._by_predicate.get(predicate, {}).items() if obj in objects)

    def subject_objects(self, predicate) -> Iterator[tuple]:
        return ((s, o) for s, objects in self._by_predicate.get(predicate, {}).items() for o in objects)
