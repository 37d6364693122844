"""What the Dask workers of a scaled build run (:mod:`kg.scale.dask_build` drives them).

Two tasks, each over a partition of input files:

* :func:`extract_partition`: read, segment and extract exactly as
  :func:`kg.parallel.extract_chunk` does, cache each file's records on disk
  (content-addressed, ``OUT/.kg-cache``) and write the N-Quads of the articles *as
  extracted* (identifiers as read, no person merged across files) into a shard. Rendering
  here rather than in a second pass is what lets the driver load shards while the workers
  go on extracting, and on most builds (no identifier clash, no person merged across
  articles) those quads are the final ones: nothing reads the cache back.
* :func:`patch_partition`, after a fresh build's extraction, where the driver's
  whole-graph steps changed something (an identifier made unique, a person key merged):
  only the articles they change are rendered again, and with a person merge every file's
  actors are merged again from a small side file of the cache (``KEY.actors.pkl``: the
  actor records alone, what :func:`kg.rdf.writer.merge_actors` reads);
* :func:`render_partition`, on incremental builds and stores made afresh from the cache:
  whole files rendered from the cache with the driver's renames and person map.

Both send back only what the driver needs: identifiers, person keys, messages, the named
graphs of each file and the partition's actors merged in order (never article text).
"""

from __future__ import annotations

import pickle
from collections.abc import Sequence
from pathlib import Path

from kg.atomic import write_bytes_atomic
from kg.scale.nquads import article_quads, write_lines


def extract_partition(items: Sequence[tuple[str, str, str, str]], cache: str, shard: str) -> dict:
    """Extract the files ``(path, identifier, source, key)``; see the module's docstring.
    Returns ``{"files": [per file: key, messages, cached, articles, persons, touches,
    graphs], "actors": merged in order, "quads": lines written to shard}``."""
    from kg.ingest.readers import InputFile
    from kg.model import ArticleResult
    from kg.parallel import extract_chunk, read_file
    from kg.rdf.writer import merge_actors, title_span

    files = []
    every: list = []
    quads: list[str] = []
    for path, identifier, source, key in items:
        docs, failure, notes = read_file(InputFile(Path(path), identifier, source))
        messages = [[skipped, message] for skipped, message in notes.in_order]
        if failure:
            messages.append([True, failure])
        articles, errors = extract_chunk(docs)
        messages += [[True, m] for m in errors]
        for a in articles:
            # offsets point into the text and no triple holds it: the cache keeps only what the
            # title test of gkg:fromHeadline reads (the text up to the end of the title line)
            span = title_span(a) if a.claims and a.kind != "headlines" else None
            a.text = a.text[:span[1]] if span else ""
        if failure is None:
            _write_pickle(Path(cache) / f"{key}.pkl", articles)
            _write_pickle(Path(cache) / f"{key}.actors.pkl", [
                ArticleResult(a.identifier, a.lang, actors=a.actors, referenced=a.referenced) for a in articles])
        quads.extend(article_quads(articles))
        every.extend(articles)
        files.append({
            "key": key, "messages": messages, "cached": failure is None,
            "articles": [[a.identifier, a.part_of, a.url, a.source_path] for a in articles],
            "persons": sorted({k for a in articles for k in a.actors if k.startswith("person-")}),
            "touches": sorted(person_refs(articles)),
            "graphs": graphs_of(articles),
        })
    if quads:
        write_lines(Path(shard), quads)
    return {"files": files, "actors": merge_actors(every), "quads": len(quads)}


def render_partition(items: Sequence[tuple[str, list[list] | None, dict[str, str], bool]], cache: str,
                     shard: str) -> dict:
    """Render the files ``(key, final identifiers or None, person map, write?)`` from the
    cache: the N-Quads of those to write go to ``shard`` (of the others, only their
    standing relations in the actor graph, rebuilt whole); returns the partition's actors
    merged in order, the named graphs of each file and the number of quads written."""
    from kg.rdf.writer import merge_actors

    every = []
    graphs: list[list[str]] = []
    quads: list[str] = []
    for key, identifiers, mapping, write in items:
        articles = _records(Path(cache) / f"{key}.pkl", identifiers, mapping)
        graphs.append(graphs_of(articles))
        quads.extend(article_quads(articles, actors_graph_only=not write))
        every.extend(articles)
    if quads:
        write_lines(Path(shard), quads)
    return {"actors": merge_actors(every), "graphs": graphs, "quads": len(quads)}


def patch_partition(items: Sequence[tuple[str, list[list] | None, dict[str, str], list[str], bool]], cache: str,
                    shard: str, actors: bool) -> dict:
    """Patch what :func:`extract_partition` loaded of the files ``(key, final identifiers
    or None, person map, redo, render?)``: of those to render, the articles whose
    identifier changed, whose graph (as loaded, named by the identifier read) is in
    ``redo`` (it was shared with a renamed article) or that refer to a merged person go
    to ``shard``; with ``actors``, every file's actors merged again, the person map
    applied, in order. Returns the graphs to drop first (as loaded), each file's graphs
    (None when not rendered), the actors (or None) and the number of quads written."""
    from kg.rdf.writer import article_iri, merge_actors

    drop: set[str] = set()
    graphs: list[list[str] | None] = []
    quads: list[str] = []
    records = []
    for key, identifiers, mapping, redo, render in items:
        if actors:
            records.extend(_records(Path(cache) / f"{key}.actors.pkl", None, mapping))
        if not render:
            graphs.append(None)
            continue
        articles = _read_pickle(Path(cache) / f"{key}.pkl")
        loaded = [str(article_iri(a.identifier)) for a in articles]
        before = [(a.identifier, a.part_of, person_refs([a])) for a in articles]
        _rename(articles, identifiers, {})
        again = set(redo)
        chosen = [n for n, (a, iri, (ident, part_of, refs)) in enumerate(zip(articles, loaded, before))
                  if iri in again or (a.identifier, a.part_of) != (ident, part_of) or not refs.isdisjoint(mapping)]
        drop.update(loaded[n] for n in chosen)
        written = [articles[n] for n in chosen]
        _rename(written, None, mapping)  # the person map only where it is written: half the CPU of a patch
        quads.extend(article_quads(written))
        graphs.append(graphs_of(articles))
    if quads:
        write_lines(Path(shard), quads)
    return {"drop": sorted(drop), "graphs": graphs, "actors": merge_actors(records) if actors else None,
            "quads": len(quads)}


def _records(path: Path, identifiers: list[list] | None, mapping: dict[str, str]) -> list:
    """A file's cached records with the driver's final identifiers and person map."""
    articles = _read_pickle(path)
    _rename(articles, identifiers, mapping)
    return articles


def _rename(articles, identifiers: list[list] | None, mapping: dict[str, str]) -> None:
    from kg.build import apply_person_map

    if identifiers is not None:
        for a, (ident, part_of) in zip(articles, identifiers):
            a.identifier, a.part_of = ident, part_of
    apply_person_map(articles, mapping)


def graphs_of(articles) -> list[str]:
    """The named graphs the articles' quads go to, sorted."""
    from kg.rdf.writer import article_iri

    return sorted({str(article_iri(a.identifier)) for a in articles})


def person_refs(articles) -> set[str]:
    """Every person key the records refer to (what a person merge can change)."""
    refs: set[str] = set()
    for a in articles:
        refs.update(a.actors)
        refs.update(a.referenced)
        refs.update(m.actor for m in a.mentions)
        for c in a.claims:
            refs.update((c.subject, c.object, c.attributed_to or ""))
        refs.update(x.affiliation or "" for x in a.actors.values())
    return {k for k in refs if k.startswith("person-")}


def _write_pickle(path: Path, obj) -> None:
    write_bytes_atomic(path, pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL))


def _read_pickle(path: Path):
    with open(path, "rb") as fh:
        return pickle.load(fh)
