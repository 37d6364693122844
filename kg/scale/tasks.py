"""What the Dask workers of a scaled build run (:mod:`kg.scale.dask_build` drives them).

Two tasks, each over a partition of input files:

* :func:`extract_partition`: read, segment and extract exactly as
  :func:`kg.parallel.extract_chunk` does, cache each file's records on disk
  (content-addressed, ``OUT/.kg-cache``) and write the N-Quads of the articles *as
  extracted* (identifiers as read, no person merged across files) into a shard. Rendering
  here rather than in a second pass is what lets the driver load shards while the workers
  go on extracting, and on most builds (no identifier clash, no person merged across
  articles) those quads are the final ones: nothing reads the cache back.
* :func:`render_partition`: for the files the driver's whole-graph steps changed (an
  identifier made unique, a person key merged) or whose graphs are not in the store:
  load the cached records, apply the driver's renames and person map, write a shard.

Both send back only what the driver needs: identifiers, person keys, messages, the named
graphs of each file and the partition's actors merged in order (never article text).
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Sequence
from pathlib import Path

from kg.scale.nquads import article_quads, write_lines


def extract_partition(items: Sequence[tuple[str, str, str, str]], cache: str, shard: str) -> dict:
    """Extract the files ``(path, identifier, source, key)``; see the module's docstring.
    Returns ``{"files": [per file: key, messages, cached, articles, persons, touches,
    graphs], "actors": merged in order, "quads": lines written to shard}``."""
    from kg.ingest.readers import InputFile
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
    from kg.build import apply_person_map
    from kg.rdf.writer import merge_actors

    every = []
    graphs: list[list[str]] = []
    quads: list[str] = []
    for key, identifiers, mapping, write in items:
        articles = _read_pickle(Path(cache) / f"{key}.pkl")
        if identifiers is not None:
            for a, (ident, part_of) in zip(articles, identifiers):
                a.identifier, a.part_of = ident, part_of
        apply_person_map(articles, mapping)
        graphs.append(graphs_of(articles))
        quads.extend(article_quads(articles, actors_graph_only=not write))
        every.extend(articles)
    if quads:
        write_lines(Path(shard), quads)
    return {"actors": merge_actors(every), "graphs": graphs, "quads": len(quads)}


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
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(tmp, "wb") as fh:
        pickle.dump(obj, fh, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(tmp, path)


def _read_pickle(path: Path):
    with open(path, "rb") as fh:
        return pickle.load(fh)
