"""``kg build … --scheduler local|tcp://HOST:PORT``: extraction on Dask, the graph as
N-Quads shards bulk-loaded into the Oxigraph store while the workers extract, rebuilt
incrementally.

Why the driver's whole-graph steps come after extraction. What an article says is
extracted on its own, but three things need every article first: identifiers unique
across files (:func:`kg.build.unique_identifiers`), the person merge across articles
(:func:`kg.build.merge_persons`) and the actor descriptions, merged over all articles in
order (:func:`kg.rdf.writer.merge_actors`: the first label seen per language is the
preferred one). Most of the time these change nothing an article's own quads hold, so:

1. *extract* (workers, :func:`kg.scale.tasks.extract_partition`, per partition of input
   files): extract, cache each file's records, write the articles' quads as extracted
   into a shard (one named graph per article) and send back identifiers, person keys,
   messages and the partition's actors merged in order; the driver merges the actors in
   order and passes the shards, in batches, to the store loader, a child process that
   bulk-loads them while the workers go on (:mod:`kg.scale.target`);
2. the driver makes identifiers unique and maps person keys (small data);
3. only where step 2 changed something: after a fresh extraction
   (:func:`kg.scale.tasks.patch_partition`) the articles whose identifier changed, that
   shared a graph with one renamed, or that name a merged person are rendered again, their
   graphs as loaded dropped first; after a person merge the actors are merged again, in
   order, from each file's small actor side file, and the merged keys' lines in the actor
   graph replaced. On incremental builds and stores made afresh from the cache
   (:func:`kg.scale.tasks.render_partition`), whole files whose graphs changed or are
   missing are written again from the cache, and the actor graph is rebuilt from every
   file's records;
4. the actor graph is loaded.

The store then holds the same quads as ``kg build --format nq`` of the same input (a test
holds both paths to it). The driver never holds an article nor any part of the store:
its memory grows with the number of distinct actors, files and articles' identifiers, not
with the text or the graph. Nothing but these small results goes through the scheduler:
the quads go from worker to the loader as files.

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
import shutil
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import GeoKGError
from kg.scale.manifest import (CACHE_NAME, FileEntry, Manifest, content_key, file_sha256, read_manifest,
                               render_key)
from kg.scale.nquads import actor_quads, write_lines
from kg.scale.tasks import extract_partition, patch_partition, render_partition

PARTITION_BYTES = 4 << 20  # input bytes per extraction task at most
PARTITION_ARTICLES = 1000  # articles per render task (and shard) at most: ~100,000 quads
TASKS_PER_WORKER = 8  # at least this many tasks per worker when there is enough input


@dataclass(slots=True)
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
    loader_peak: int = 0  # bytes: the peak resident memory of the process that wrote the store
    loader_cpu: float = 0.0  # seconds of CPU of that process


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
        # spaCy's deep stacks that was a tenth of a worker's CPU; the event loops' health
        # check every 20 ms and the system monitor every 0.5 s (psutil, disk counters) cost
        # an idle cluster of two workers 7 % of a core (4.4 s of CPU a minute; 0.7 s with
        # these settings), time taken from extraction on a small machine. The nannies pass
        # this configuration to the workers; on a real cluster set it there too
        # (DASK_DISTRIBUTED__WORKER__PROFILE__ENABLED=False, …)
        dask.config.set({"distributed.worker.profile.enabled": False,
                         "distributed.admin.tick.interval": "1s",
                         "distributed.admin.system-monitor.interval": "5s",
                         "distributed.admin.system-monitor.disk": False})
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


def _ordered(client, func, *iterables) -> Iterator:
    """Results of ``func`` over the iterables in order, each released once read."""
    futures = client.map(func, *iterables, pure=False)
    for future in futures:
        yield future.result()
        future.release()


def _merge_into(actors: dict, more: dict) -> None:
    """Fold a partition's actors into ``actors``, in order: the first label seen stays preferred."""
    for key, actor in more.items():
        if key in actors:
            actors[key].merge(actor)
        else:
            actors[key] = actor


Held = dict[str, tuple[str, list[str]]]  # file → (render key, named graphs) of what the store holds of it


def to_write(plan: list[tuple[str, FileEntry, str]], held: Held) -> set[str]:
    """The files whose graphs must be written: what the store holds of them is not what
    they now render (``render_key``), plus any file holding a graph one of those drops
    (two articles loaded under one identifier before it was made unique)."""
    writes = {name for name, e, rkey in plan if e.key and held.get(name, ("", []))[0] != rkey}
    while True:
        dropped = {g for name in writes for g in held.get(name, ("", []))[1]}
        more = {name for name, e, _r in plan if e.key and name not in writes
                and not dropped.isdisjoint(held.get(name, ("", []))[1])}
        if not more:
            return writes
        writes |= more


def build_scaled(paths: Sequence[str | Path], out: Path, store_path: Path, client, *, jobs: int = 1,
                 rebuild: bool = False, on_error: Callable[[str], None] | None = None,
                 on_warning: Callable[[str], None] | None = None,
                 progress: Callable[[str], None] | None = None) -> ScaleReport:
    """Build (or bring up to date) the store at ``store_path`` from ``paths`` on the Dask
    ``client``; the manifest and the extraction cache live in ``out``."""
    from kg.fsutil import ensure_directory, lock_path, locked
    from kg.ingest.readers import iter_inputs
    from kg.rdf.store import check_store_path, store_lock

    report = ScaleReport(store=store_path)
    check_store_path(store_path)
    bad: list[str] = []
    files = list(iter_inputs(list(paths), on_error=bad.append))
    if not files and bad:
        raise GeoKGError("; ".join(bad))
    run = _Run(report, client, jobs, out, store_path, on_error, on_warning, progress)
    run.paths = list(paths)
    for message in bad:
        run.error(message)
    ensure_directory(out)
    run.cache.mkdir(exist_ok=True)
    with locked(lock_path(out / "manifest.json"), f"the output folder {out}"), store_lock(store_path):
        # what a killed build left (its shards, a worker's half-written cache file): no
        # other build of this folder runs while the lock is held
        for leftover in [*out.glob(".kg-shards-*"), *run.cache.glob(".*.tmp")]:
            if leftover.is_dir():
                shutil.rmtree(leftover, ignore_errors=True)
            else:
                leftover.unlink(missing_ok=True)
        run.scan(files, rebuild)
        run.shards.mkdir()
        try:
            run.build()
        finally:
            shutil.rmtree(run.shards, ignore_errors=True)
        _clean_cache(run.cache, {e.key for e in run.entries.values()})
    return report


class _Run:
    """One scaled build, its steps as methods (see the module's docstring)."""

    def __init__(self, report: ScaleReport, client, jobs: int, out: Path, store_path: Path,
                 on_error: Callable[[str], None] | None, on_warning: Callable[[str], None] | None,
                 progress: Callable[[str], None] | None) -> None:
        self.report, self.client, self.jobs, self.out, self.store_path = report, client, jobs, out, store_path
        self.on_error, self.on_warning, self.progress = on_error, on_warning, progress
        self.cache = (out / CACHE_NAME).resolve()
        self.shards = out.resolve() / f".kg-shards-{os.getpid()}"
        self.started = time.perf_counter()
        self.entries: dict[str, FileEntry] = {}
        self.names: list[str] = []
        self.todo: list[tuple[str, str, str, str]] = []
        self.todo_sizes: list[int] = []
        self.old = None
        self.held: Held = {}
        self.actors: dict = {}
        self.extracted: set[str] = set()  # files extracted (and loaded as extracted) in this run
        self.paths: list = []

    def error(self, message: str) -> None:
        self.report.errors.append(message)
        if self.on_error:
            self.on_error(message)

    def tell(self, messages: list[list]) -> None:
        for skipped, message in messages:
            if skipped:
                self.error(message)
            elif self.on_warning:
                self.on_warning(message)

    def say(self, message: str) -> None:
        if self.progress:
            self.progress(f"[{time.perf_counter() - self.started:6.1f} s] {message}")

    def scan(self, files: list, rebuild: bool) -> None:
        """Read the manifest; the files to extract (new or changed) and those the cache has."""
        from kg.rdf.store import is_store

        known = None if rebuild else read_manifest(self.out)
        old = known
        if old is not None and (old.store != str(self.store_path.resolve()) or not is_store(self.store_path)):
            old = None  # another store, or it is gone: build it afresh (from the cached extractions)
        self.old, self.report.incremental, self.report.files = old, old is not None, len(files)
        self.held = {} if old is None else {name: (oe.render, oe.graphs) for name, oe in old.files.items()}
        local = getattr(self.client, "cluster", None) is not None
        for f in files:
            sha = file_sha256(f.path)
            key = content_key(sha, f.identifier, f.source)
            name = str(f.path.resolve())
            previous = known.files.get(name) if known is not None else None
            if previous is not None and previous.key == key and (self.cache / f"{key}.pkl").is_file():
                self.entries[name] = previous
                self.tell(previous.messages)
            else:
                self.entries[name] = FileEntry(path=str(f.path), sha256=sha or "", key=key)
                # local workers share this process's folder; a cluster's need absolute paths
                self.todo.append((str(f.path if local else f.path.resolve()), f.identifier, f.source, key))
                try:
                    self.todo_sizes.append(f.path.stat().st_size)
                except OSError:
                    self.todo_sizes.append(0)
        self.names = list(dict.fromkeys(str(f.path.resolve()) for f in files))

    def build(self) -> None:
        from kg.fsutil import Staging
        from kg.scale.target import StoreTarget

        report, old = self.report, self.old
        with Staging() as stage:
            target = StoreTarget(self.store_path, self.out, old is None, stage)
            try:
                gone = [] if old is None else [n for n, oe in old.files.items() if self.entries.get(n) is not oe]
                stale = sorted({g for name in gone for g in self.held.pop(name, ("", []))[1]})
                if stale:  # graphs of files no longer given, or changed: their new graphs come with extraction
                    target.drop(stale)
                report.dropped = len(stale)
                self.extract(target)
                plan, items = self.whole_graph_steps()
                writes = to_write(plan, self.held)
                if old is not None and not self.todo and not stale and not writes and set(old.files) == set(self.entries):
                    self.say("nothing changed")
                    report.triples = old.triples
                    return
                if old is None and len(self.extracted) == len(self.names):
                    self.patch(target, plan, items)  # what was loaded as extracted stays, but what step 2 changed
                else:
                    self.render(target, plan, items, writes, rebuild_actors=True)
                actor_shard = self.shards / "actors.nq"
                write_lines(actor_shard, actor_quads(self.actors))
                self.actors = {}
                target.load(actor_shard)
                report.triples = target.count()
                target.close()
                report.loader_peak, report.loader_cpu = target.loader_peak, target.loader_cpu
            finally:
                target.abort()  # a failed build: the loader ends, the staged store is removed
            stage.commit()
        self.say(f"loaded: {report.triples} quads (the store loader's peak memory: "
                 f"{report.loader_peak / 2**20:.1f} MiB, CPU: {report.loader_cpu:.1f} s)")
        from kg import log
        from kg.analysis.store_summary import summarise_store

        # kg stats and kg actor read it (issue 18)
        summarise_store(self.store_path, lambda message: log.warn("build", message))
        files = dict(zip(self.names, (self.entries[n] for n in self.names)))
        Manifest(store=str(self.store_path.resolve()), triples=report.triples, files=files).write(self.out)

    def extract(self, target) -> None:
        """Step 1: extraction of what is new or changed, each shard loaded as it arrives."""
        if not self.todo:
            return
        workers = _workers(self.client, self.jobs)
        by_key = {e.key: (name, e) for name, e in self.entries.items()}
        groups = partitions(self.todo, self.todo_sizes, workers)
        self.say(f"extracting {len(self.todo)} of {self.report.files} files on {workers} workers "
                 f"({len(groups)} tasks), loading their shards into {self.store_path}")
        shards = [str(self.shards / f"x-{n:06d}.nq") for n in range(len(groups))]
        for shard, result in zip(shards, _ordered(self.client, extract_partition, groups,
                                                  [str(self.cache)] * len(groups), shards)):
            for r in result["files"]:
                name, e = by_key[r["key"]]
                self.extracted.add(name)
                e.articles, e.persons, e.touches = r["articles"], r["persons"], r["touches"]
                e.messages, e.graphs, e.render = r["messages"], r["graphs"], ""
                self.tell(r["messages"])
                # what the store now holds of the file: its articles as extracted
                self.held[name] = (render_key(e.key, [a[:2] for a in e.articles], {}), e.graphs)
                if not r["cached"]:
                    e.key = ""  # unreadable: tried again next time
                else:
                    self.report.rendered += 1
            _merge_into(self.actors, result["actors"])
            if result["quads"]:
                target.load(Path(shard))
        # the last shards go to the loader now: it loads them while the driver makes
        # identifiers unique and the workers patch (they wait until a drop or the count)
        target.flush()
        self.report.extracted = len(self.todo)
        self.say("extracted and loaded")

    def whole_graph_steps(self) -> tuple[list[tuple[str, FileEntry, str]], list[tuple[str, list | None, dict]]]:
        """Step 2: identifiers unique across files, one key per person; per file its render
        key and what rendering it needs ``(key, final identifiers or None, person map)``."""
        from kg.build import unique_identifiers

        ordered = [self.entries[name] for name in self.names]
        stubs = [[_Stub(*a) for a in e.articles] for e in ordered]
        unique_identifiers(list(itertools.chain.from_iterable(stubs)), on_warning=self.on_warning)
        mapping = person_map({k for e in ordered for k in e.persons})
        self.report.articles = sum(len(s) for s in stubs)
        if not self.report.articles and self.old is None:
            raise GeoKGError("no article could be read from " + ", ".join(map(str, self.paths)))
        plan, items = [], []
        for name, e, file_stubs in zip(self.names, ordered, stubs):
            finals = [[s.identifier, s.part_of] for s in file_stubs]
            renamed = finals if any(f != [a[0], a[1]] for f, a in zip(finals, e.articles)) else None
            sub = {k: mapping[k] for k in e.touches if k in mapping}
            plan.append((name, e, render_key(e.key, finals, sub)))
            items.append((e.key, renamed, sub))
        return plan, items

    def patch(self, target, plan, items) -> None:
        """Step 3 of a fresh build: the articles step 2 changed rendered again (their graphs
        as loaded dropped first, with any graph a renamed article shared); after a person
        merge, the actors merged again from every file's actor records, the merged keys'
        lines in the actor graph removed."""
        from kg.rdf.writer import actor_iri, article_iri

        for (_name, e, rkey), _item in zip(plan, items):
            e.render = rkey if e.key else ""
        renamed = {str(article_iri(a[0])) for (_n, e, _r), (_k, finals, _s) in zip(plan, items) if finals
                   for a, f in zip(e.articles, finals) if f != a[:2]}
        sources = {k for _k, _f, sub in items for k in sub}
        work, entries = [], []
        for (_name, e, _r), (key, finals, sub) in zip(plan, items):
            redo = [iri for iri in (str(article_iri(a[0])) for a in e.articles) if iri in renamed]
            render = bool(finals or sub or redo)
            if e.key and (render or sources):
                work.append((key, finals, sub, redo, render))
                entries.append(e)
        if not work:
            return
        groups = partitions(work, [max(1, len(e.articles)) for e in entries], _workers(self.client, self.jobs),
                            cap=PARTITION_ARTICLES)
        self.say(f"rendering again the articles of {sum(1 for w in work if w[4])} files that identifiers made "
                 f"unique or {len(sources)} merged person keys changed")
        shards = [str(self.shards / f"p-{n:06d}.nq") for n in range(len(groups))]
        drop: set[str] = set()
        loads = []
        actors: dict = {}
        entry_of = dict(zip((w[0] for w in work), entries))
        for group, shard, result in zip(groups, shards, _ordered(self.client, patch_partition, groups,
                                                                 [str(self.cache)] * len(groups), shards,
                                                                 [bool(sources)] * len(groups))):
            drop.update(result["drop"])
            for item, graphs in zip(group, result["graphs"]):
                if graphs is not None:
                    entry_of[item[0]].graphs = graphs
            if result["actors"] is not None:
                _merge_into(actors, result["actors"])
            if result["quads"]:
                loads.append(Path(shard))
        if sources:
            self.actors = actors
            target.drop_actor_lines(str(actor_iri(k)) for k in sources)
        target.drop(sorted(drop))
        for shard in loads:
            target.load(shard)

    def render(self, target, plan, items, writes: set[str], rebuild_actors: bool) -> None:
        """Step 3: the files to write rendered again from the cache, their old graphs
        dropped first; with ``rebuild_actors``, every file's actors (and standing relations)
        read again, in order, for the actor graph."""
        from kg.rdf.exports import ACTORS_GRAPH

        if rebuild_actors:
            target.drop([str(ACTORS_GRAPH)])
            self.actors = {}
        drop = sorted({g for name in writes for g in self.held.get(name, ("", []))[1]})
        target.drop(drop)
        self.report.dropped += len({g for name in writes - self.extracted for g in self.held.get(name, ("", []))[1]})
        chosen = [(name, e, item) for (name, e, _r), item in zip(plan, items)
                  if e.key and (rebuild_actors or name in writes)]
        for (name, e, rkey), _item in zip(plan, items):
            e.render = rkey if e.key else ""
        if not chosen:
            return
        work = [(*item, name in writes) for name, _e, item in chosen]
        groups = partitions(work, [max(1, len(e.articles)) for _n, e, _i in chosen], _workers(self.client, self.jobs),
                            cap=PARTITION_ARTICLES)
        self.say(f"rendering {len(writes)} files again" + (", reading every file's actors" if rebuild_actors else ""))
        shards = [str(self.shards / f"r-{n:06d}.nq") for n in range(len(groups))]
        entry_of = {e.key: e for _n, e, _i in chosen}
        for group, shard, result in zip(groups, shards, _ordered(self.client, render_partition, groups,
                                                                 [str(self.cache)] * len(groups), shards)):
            if rebuild_actors:
                _merge_into(self.actors, result["actors"])
            for item, graphs in zip(group, result["graphs"]):
                entry_of[item[0]].graphs = graphs
            if result["quads"]:
                target.load(Path(shard))
        self.report.rendered += len(writes - self.extracted)


def _clean_cache(cache: Path, keep: set[str]) -> None:
    """Remove cached extractions (``KEY.pkl``, ``KEY.actors.pkl``) of files no longer in the build."""
    try:
        for p in cache.glob("*.pkl"):
            if p.name.split(".", 1)[0] not in keep:
                p.unlink(missing_ok=True)
    except OSError:
        pass


def print_progress(message: str) -> None:
    print(f"kg build: {message}", file=sys.stderr)
