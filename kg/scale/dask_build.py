"""``kg build … --scheduler local|tcp://HOST:PORT``: extraction on Dask, the graph as
N-Quads shards bulk-loaded into the Oxigraph store, rebuilt incrementally.

Why two passes. What an article says is extracted on its own, but three things need every
article first: identifiers unique across files (:func:`kg.build.unique_identifiers`),
the person merge across articles (:func:`kg.build.merge_persons`) and the actor
descriptions, merged over all articles in order (:func:`kg.rdf.writer.merge_actors`: the
first label seen per language is the preferred one). So:

1. *extract* (on the workers, per partition of input files): read, segment and extract
   exactly as :func:`kg.parallel.extract_chunk` does, cache each file's records on disk
   (content-addressed, ``OUT/.kg-cache``) and send back only what the driver needs (the
   articles' identifiers and person keys, the messages);
2. the driver makes identifiers unique and maps person keys (small data);
3. *render* (on the workers): load the records, apply the renames and the person map,
   write each article's triples as N-Quads into a shard (one named graph per article,
   placed as :func:`kg.rdf.exports.split_by_article` places them) and send back the
   partition's actors merged in order;
4. the driver merges the partitions' actors in order into ``urn:geokg:actors`` and
   bulk-loads every shard into the store.

The store then holds the same quads as ``kg build --format nq`` of the same input (a test
holds both paths to it). The driver never holds an article: its memory grows with the
number of distinct actors and files, not with the text.

A rerun over the same output folder reads the manifest (:mod:`kg.scale.manifest`): a file
whose bytes (and name) were extracted before is not extracted again; only the graphs whose
content changed are replaced, the graphs of files no longer given are dropped, and the
actor graph is rebuilt. With a real cluster (``tcp://``), the input files and ``--out``
must be on a filesystem the workers share.
"""

from __future__ import annotations

import itertools
import logging
import os
import pickle
import shutil
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import GeoKGError
from kg.scale.manifest import (CACHE_NAME, FileEntry, Manifest, content_key, file_sha256, read_manifest,
                               render_key)

STANDING = ("leaderOf", "affiliatedWith")  # relation triples also in the actor graph (see split_by_article)
PARTITION_BYTES = 4 << 20  # input bytes per extraction task at most
PARTITION_ARTICLES = 1000  # articles per render task (and shard) at most: ~100,000 quads
TASKS_PER_WORKER = 8  # at least this many tasks per worker when there is enough input


# --------------------------------------------------------------------------- worker side


def extract_partition(items: Sequence[tuple[str, str, str, str]], cache: str) -> list[dict]:
    """Extract the files ``(path, identifier, source, key)`` and cache each file's records
    at ``cache/KEY.pkl``; returns per file what the driver needs (no article text)."""
    from kg.ingest.readers import InputFile
    from kg.parallel import extract_chunk, read_file
    from kg.rdf.writer import title_span

    results = []
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
        results.append({
            "key": key, "messages": messages, "cached": failure is None,
            "articles": [[a.identifier, a.part_of, a.url, a.source_path] for a in articles],
            "persons": sorted({k for a in articles for k in a.actors if k.startswith("person-")}),
            "touches": sorted(_person_refs(articles)),
        })
    return results


def render_partition(items: Sequence[tuple[str, list[list] | None, dict[str, str], bool]], cache: str,
                     shard: str | None) -> dict:
    """Render the files ``(key, final identifiers or None, person map, write?)``: the
    N-Quads of those to write go to ``shard``; returns the partition's actors merged in
    order, the named graphs of each file and the number of quads written."""
    from kg.rdf.writer import merge_actors

    all_articles = []
    graphs: list[list[str]] = []
    quads: list = []
    for key, identifiers, mapping, write in items:
        articles = _read_pickle(Path(cache) / f"{key}.pkl")
        if identifiers is not None:
            for a, (ident, part_of) in zip(articles, identifiers):
                a.identifier, a.part_of = ident, part_of
        apply_person_map(articles, mapping)
        graphs.append(sorted({str(_article_iri(a.identifier)) for a in articles}))
        if write:
            quads.extend(article_quads(articles))
        else:  # its graphs stay in the store; the actor graph, rebuilt whole, needs its share
            quads.extend(article_quads(articles, actors_graph_only=True))
        all_articles.extend(articles)
    written = 0
    if shard is not None and quads:
        _write_lines(Path(shard), quads)
        written = len(quads)
    return {"actors": merge_actors(all_articles), "graphs": graphs, "quads": written}


def _article_iri(identifier: str):
    from kg.rdf.writer import article_iri

    return article_iri(identifier)


def _person_refs(articles) -> set[str]:
    refs: set[str] = set()
    for a in articles:
        refs.update(a.actors)
        refs.update(a.referenced)
        refs.update(m.actor for m in a.mentions)
        for c in a.claims:
            refs.update((c.subject, c.object, c.attributed_to or ""))
        refs.update(x.affiliation or "" for x in a.actors.values())
    return {k for k in refs if k.startswith("person-")}


def apply_person_map(articles, mapping: dict[str, str]) -> None:
    """Rename merged person keys in the records, as :func:`kg.build.merge_persons` does
    once it has its map (the map is made by the driver from every article's keys)."""
    from kg.build import apply_person_map as apply

    apply(articles, mapping)


_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


class _Terms:
    """rdflib terms as N-Quads text (IRIs cached: actors and predicates repeat). Text
    rather than pyoxigraph objects: making a Python object per term was two thirds of the
    render stage, and Oxigraph's bulk loader parses the text in Rust anyway."""

    def __init__(self) -> None:
        from rdflib import BNode, Literal, URIRef

        self.iris: dict[str, str] = {}
        self.uriref, self.literal, self.bnode = URIRef, Literal, BNode

    def __call__(self, term) -> str:
        if type(term) is self.uriref:  # most terms: one dictionary look-up
            text = self.iris.get(term)
            if text is None:
                if len(self.iris) > 200_000:
                    self.iris.clear()
                text = self.iris[term] = f"<{term}>"
            return text
        if isinstance(term, self.literal):
            text = '"' + str(term).translate(_ESCAPES) + '"'
            if term.language:
                return f"{text}@{term.language}"
            if term.datatype is not None and str(term.datatype) != _XSD_STRING:
                return f"{text}^^<{term.datatype}>"
            return text
        if isinstance(term, self.bnode):
            return f"_:{term}"
        return f"<{term}>"


def article_quads(articles, actors_graph_only: bool = False) -> list[str]:
    """The N-Quads lines of the articles' own triples: each in the graph named by its
    article; a direct ``actor relation actor`` triple in the graph of the article whose
    claim supports it (a standing relation also in the actor graph), as
    :func:`kg.rdf.exports.split_by_article` places them. ``actors_graph_only``: only the
    standing relations' lines of the actor graph."""
    from kg.rdf.exports import ACTORS_GRAPH
    from kg.rdf.namespaces import ACTOR, GKG
    from kg.rdf.writer import article_iri, article_triples

    term = _Terms()
    actor_ns = str(ACTOR)
    standing = {GKG[name] for name in STANDING}
    in_actors = f" {term(ACTORS_GRAPH)} .\n"
    lines = []
    for article in articles:
        in_graph = f" {term(article_iri(article.identifier))} .\n"
        for s, p, o in dict.fromkeys(article_triples(article)):
            if actors_graph_only and p not in standing:
                continue
            triple = f"{term(s)} {term(p)} {term(o)}"
            if not actors_graph_only:
                lines.append(triple + in_graph)
            if p in standing and s.startswith(actor_ns):
                lines.append(triple + in_actors)
    return lines


def actor_quads(actors: dict) -> list[str]:
    """The N-Quads lines of ``urn:geokg:actors``: every actor described once, in key order."""
    from kg.rdf.exports import ACTORS_GRAPH
    from kg.rdf.writer import actor_triples

    term = _Terms()
    in_actors = f" {term(ACTORS_GRAPH)} .\n"
    lines = []
    for key in sorted(actors):
        for s, p, o in dict.fromkeys(actor_triples(None, actors[key])):
            lines.append(f"{term(s)} {term(p)} {term(o)}{in_actors}")
    return lines


def _write_lines(path: Path, lines: list[str]) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(tmp, "w", encoding="utf-8", newline="\n") as fh:
        fh.writelines(lines)
    os.replace(tmp, path)


def _write_pickle(path: Path, obj) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(tmp, "wb") as fh:
        pickle.dump(obj, fh, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(tmp, path)


def _read_pickle(path: Path):
    with open(path, "rb") as fh:
        return pickle.load(fh)


# --------------------------------------------------------------------------- driver side


@dataclass
class _Stub:
    """What :func:`kg.build.unique_identifiers` reads of an article."""

    identifier: str
    part_of: str | None
    url: str | None
    source_path: str | None


@dataclass
class ScaleReport:
    files: int = 0
    extracted: int = 0  # files extracted in this run (the others came from the cache)
    articles: int = 0
    rendered: int = 0  # files whose graphs were (re)written
    dropped: int = 0  # named graphs removed (deleted or changed files)
    triples: int = 0
    incremental: bool = False
    errors: list[str] = field(default_factory=list)
    store: Path | None = None


def person_map(keys: set[str]) -> dict[str, str]:
    """The cross-article person merge of :func:`kg.build.merge_persons` for a fresh build."""
    from kg.nlp.romanize import merge_person_keys

    mapping = merge_person_keys(keys)
    for key, target in list(mapping.items()):
        group = [k for k, t in mapping.items() if t == target] + [target]
        for k in group:
            mapping[k] = target
    return {k: v for k, v in mapping.items() if k != v}


def partitions(items: list, sizes: list[int], workers: int, cap: int = PARTITION_BYTES) -> list[list]:
    """Contiguous groups of items, each of at most ``cap`` in size (bytes of input, or
    articles), and enough of them to keep every worker busy to the end. A fixed cap keeps
    what one task holds, and what the driver loads at once, the same at any corpus size."""
    total = sum(sizes) or 1
    budget = max(1, min(cap, total // max(1, workers * TASKS_PER_WORKER)))
    groups: list[list] = []
    current: list = []
    used = 0
    for item, size in zip(items, sizes):
        if current and used + size > budget:
            groups.append(current)
            current, used = [], 0
        current.append(item)
        used += size
    if current:
        groups.append(current)
    return groups


def connect(scheduler: str, jobs: int):
    """A Dask client: a ``LocalCluster`` of ``jobs`` single-threaded worker processes
    (``local``), or the scheduler at ``tcp://HOST:PORT``. One line when it cannot be had."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise GeoKGError("--scheduler needs dask and distributed (pip install 'geokg[scale]')") from None
    if scheduler == "local":
        import dask

        # the workers' statistical profiler samples every thread's stack every 10 ms: on
        # spaCy's deep stacks that was a tenth of a worker's CPU (set it off on a real
        # cluster too: DASK_DISTRIBUTED__WORKER__PROFILE__ENABLED=False)
        dask.config.set({"distributed.worker.profile.enabled": False})
        cluster = LocalCluster(n_workers=max(1, jobs), threads_per_worker=1, processes=True,
                               dashboard_address=":0", silence_logs=logging.ERROR, memory_limit=0)
        return Client(cluster)
    if not scheduler.startswith(("tcp://", "tls://")):
        raise GeoKGError(f"--scheduler {scheduler}: give 'local' or a scheduler address tcp://HOST:PORT")
    try:
        return Client(scheduler, timeout="15s")
    except (OSError, TimeoutError) as err:
        raise GeoKGError(f"--scheduler {scheduler}: cannot reach the Dask scheduler "
                         f"({' '.join(str(err).split())[:160]})") from None


def close(client) -> None:
    cluster = getattr(client, "cluster", None)
    client.close()
    if cluster is not None:
        cluster.close()


def _workers(client, jobs: int) -> int:
    try:
        return max(1, sum(w.get("nthreads", 1) for w in client.scheduler_info()["workers"].values()))
    except Exception:  # an old or odd scheduler: the requested number is a fine guess
        return max(1, jobs)


def _ordered(client, func, groups: list, **kwargs):
    """Results of ``func`` over ``groups`` in order, each released once read."""
    futures = client.map(func, groups, pure=False, **kwargs)
    for future in futures:
        yield future.result()
        future.release()


def build_scaled(paths: Sequence[str | Path], out: Path, store_path: Path, client, *, jobs: int = 1,
                 rebuild: bool = False, on_error: Callable[[str], None] | None = None,
                 on_warning: Callable[[str], None] | None = None,
                 progress: Callable[[str], None] | None = None) -> ScaleReport:
    """Build (or bring up to date) the store at ``store_path`` from ``paths`` on the Dask
    ``client``; the manifest and the extraction cache live in ``out``."""
    from kg.build import unique_identifiers
    from kg.fsutil import Staging, ensure_directory, lock_path, locked
    from kg.ingest.readers import iter_inputs
    from kg.rdf.store import check_store_path, is_store, store_lock

    report = ScaleReport(store=store_path)

    def error(message: str) -> None:
        report.errors.append(message)
        if on_error:
            on_error(message)

    import time

    started = time.perf_counter()

    def say(message: str) -> None:
        if progress:
            progress(f"[{time.perf_counter() - started:6.1f} s] {message}")
    check_store_path(store_path)
    bad: list[str] = []
    files = list(iter_inputs(list(paths), on_error=bad.append))
    if not files and bad:
        raise GeoKGError("; ".join(bad))
    for message in bad:
        error(message)
    ensure_directory(out)
    local = getattr(client, "cluster", None) is not None
    cache = (out / CACHE_NAME).resolve()
    cache.mkdir(exist_ok=True)
    with locked(lock_path(out / "manifest.json"), f"the output folder {out}"), store_lock(store_path):
        # what a killed build left (its shards, a worker's half-written cache file): no
        # other build of this folder runs while the lock is held
        for leftover in [*out.glob(".kg-shards-*"), *cache.glob(".*.tmp")]:
            if leftover.is_dir():
                shutil.rmtree(leftover, ignore_errors=True)
            else:
                leftover.unlink(missing_ok=True)
        known = None if rebuild else read_manifest(out)
        old = known
        if old is not None and (old.store != str(store_path.resolve()) or not is_store(store_path)):
            old = None  # another store, or it is gone: build it afresh (from the cached extractions)
        report.incremental = old is not None
        report.files = len(files)
        entries: dict[str, FileEntry] = {}
        sizes: list[int] = []
        todo: list[tuple[str, str, str, str]] = []
        todo_sizes: list[int] = []
        for f in files:
            sha = file_sha256(f.path)
            key = content_key(sha, f.identifier, f.source)
            name = str(f.path.resolve())
            try:
                size = f.path.stat().st_size
            except OSError:
                size = 0
            sizes.append(size)
            previous = known.files.get(name) if known is not None else None
            cached = (cache / f"{key}.pkl").is_file()
            if previous is not None and previous.key == key and cached:
                entries[name] = previous
                for skipped, message in previous.messages:
                    if skipped:
                        error(message)
                    elif on_warning:
                        on_warning(message)
            else:
                entries[name] = FileEntry(path=str(f.path), sha256=sha or "", key=key)
                # local workers share this process's folder; a cluster's need absolute paths
                todo.append((str(f.path if local else f.path.resolve()), f.identifier, f.source, key))
                todo_sizes.append(size)
        workers = _workers(client, jobs)
        # 1. extraction of what is new or changed
        by_key = {e.key: e for e in entries.values()}
        if todo:
            say(f"extracting {len(todo)} of {len(files)} files on {workers} workers")
            for results in _ordered(client, extract_partition, partitions(todo, todo_sizes, workers),
                                    cache=str(cache)):
                for r in results:
                    e = by_key[r["key"]]
                    e.articles, e.persons, e.touches = r["articles"], r["persons"], r["touches"]
                    e.messages = r["messages"]
                    e.graphs = []
                    e.render = ""
                    for skipped, message in r["messages"]:
                        if skipped:
                            error(message)
                        elif on_warning:
                            on_warning(message)
                    if not r["cached"]:
                        e.key = ""  # unreadable: tried again next time
        report.extracted = len(todo)
        # 2. identifiers unique across files, one key per person (the driver's whole-graph steps)
        names = list(dict.fromkeys(str(f.path.resolve()) for f in files))
        ordered = [entries[name] for name in names]
        stubs = [[_Stub(*a) for a in e.articles] for e in ordered]
        unique_identifiers(list(itertools.chain.from_iterable(stubs)), on_warning=on_warning)
        mapping = person_map({k for e in ordered for k in e.persons})
        report.articles = sum(len(s) for s in stubs)
        if not report.articles and old is None:
            raise GeoKGError("no article could be read from " + ", ".join(map(str, paths)))
        plan = []
        for name, e, file_stubs in zip(names, ordered, stubs):
            finals = [[s.identifier, s.part_of] for s in file_stubs]
            renamed = finals if any(f != [a[0], a[1]] for f, a in zip(finals, e.articles)) else None
            sub = {k: mapping[k] for k in e.touches if k in mapping}
            rkey = render_key(e.key, finals, sub)
            write = not (old is not None and e.render == rkey and e.key)
            plan.append((e, rkey, (e.key, renamed, sub, write)))
        new_render = dict(zip(names, (rkey for _e, rkey, _item in plan)))
        stale = [] if old is None else [
            g for name, oe in old.files.items()
            if entries.get(name) is not oe or new_render.get(name) != oe.render for g in oe.graphs]
        renders = [item for _e, _r, item in plan if item[0]]
        if old is not None and not stale and not any(item[3] for item in renders) \
                and set(old.files) == set(entries):
            say("nothing changed")
            report.triples = old.triples
            return report
        # 3. render on the workers: shards of article graphs, actors merged per partition
        shards = out.resolve() / f".kg-shards-{os.getpid()}"
        shutil.rmtree(shards, ignore_errors=True)
        shards.mkdir()
        try:
            render_items = [item for _e, _r, item in plan if item[0]]
            render_sizes = [max(1, len(e.articles)) for e, _r, item in plan if item[0]]
            groups = partitions(render_items, render_sizes, workers, cap=PARTITION_ARTICLES)
            say(f"rendering {sum(1 for i in render_items if i[3])} files into N-Quads shards")
            shard_paths = [str(shards / f"part-{n:06d}.nq") for n in range(len(groups))]
            actors: dict = {}
            graphs_of: dict[str, list[str]] = {}
            futures = client.map(render_partition, groups, [str(cache)] * len(groups), shard_paths, pure=False)
            for group, future in zip(groups, futures):
                result = future.result()
                future.release()
                for key, actor in result["actors"].items():  # in order: the first label seen stays preferred
                    if key in actors:
                        actors[key].merge(actor)
                    else:
                        actors[key] = actor
                for item, g in zip(group, result["graphs"]):
                    graphs_of[item[0]] = g
                report.rendered += sum(1 for item in group if item[3])
            actor_shard = shards / "actors.nq"
            _write_lines(actor_shard, actor_quads(actors))
            del actors
            for e, rkey, item in plan:
                e.render = rkey if e.key else ""
                e.graphs = graphs_of.get(e.key, [])
            # 4. the store: a new one swapped in whole, or the changed graphs replaced in place
            loads = sorted(str(p) for p in shards.glob("part-*.nq")) + [str(actor_shard)]
            say(f"loading {len(loads)} shards into {store_path}")
            if old is None:
                with Staging() as stage:
                    new = stage.directory(store_path)
                    import pyoxigraph as ox

                    report.triples = _load_shards(ox.Store(str(new)), loads, [], store_path)
                    stage.commit()
            else:
                drop = set(stale) | {g for e, _r, item in plan if item[3] for g in e.graphs}
                report.dropped = len(set(stale))
                from kg.rdf.store import open_store

                report.triples = _load_shards(open_store(store_path), loads, sorted(drop), store_path)
            say(f"loaded: {report.triples} quads")
            manifest = Manifest(store=str(store_path.resolve()), triples=report.triples,
                                files=dict(zip(names, ordered)))
            manifest.write(out)
        finally:
            shutil.rmtree(shards, ignore_errors=True)
        _clean_cache(cache, {e.key for e in ordered})
    return report


def _load_shards(store, loads: list[str], drop: list[str], store_path: Path) -> int:
    """Drop the named graphs ``drop`` and the actor graph, then bulk-load the shards."""
    import pyoxigraph as ox

    from kg.rdf.exports import ACTORS_GRAPH
    from kg.rdf.store import store_error

    try:
        for name in [*drop, str(ACTORS_GRAPH)]:
            store.remove_graph(ox.NamedNode(name))
        for path in loads:  # Oxigraph parses and sorts each shard itself (a shard is one partition)
            store.bulk_load(path=path, format=ox.RdfFormat.N_QUADS)
        store.flush()
        return len(store)
    except (OSError, RuntimeError, ValueError, SyntaxError) as err:
        raise store_error(store_path, err) from None
    finally:
        del store


def _clean_cache(cache: Path, keep: set[str]) -> None:
    """Remove cached extractions of files no longer in the build."""
    try:
        for p in cache.glob("*.pkl"):
            if p.stem not in keep:
                p.unlink(missing_ok=True)
    except OSError:
        pass


def print_progress(message: str) -> None:
    print(f"kg build: {message}", file=sys.stderr)
