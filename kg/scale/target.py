"""The Oxigraph store a scaled build writes, shard by shard, while the workers extract.

The store is written by a child process of the driver, the *loader*: the driver sends it
the shards' paths (and the few graphs to drop) and goes on receiving the workers'
results. So the driver holds no part of the store: RocksDB's own memory (the filters and
indexes of its files, which grow with the store) and Oxigraph's bulk loader are the
loader's, reported as its peak when it closes, and the driver's memory depends on the
number of files and actors, not on the size of the graph.

A fresh build loads into a new store staged beside the old one and swapped in on commit
(a failed build keeps the previous store). Shards are loaded in batches of about
:data:`LOAD_BYTES` of N-Quads (several shards read as one stream by one ``bulk_load``):
each bulk load adds sorted files to every one of the six quad indexes, and RocksDB then
compacts them with what the store holds, so a few larger loads cost much less CPU than
many small ones (1.26 M quads as 20 loads: 18 s of CPU, 7 of them compaction; as 5 loads
of 4 shards: 15 s; 12.4 M quads as 37 loads of 48-90 MiB: 158 s of compaction) while the bulk
loader's memory, about 0.85 KB per quad of the batch, stays bounded whatever the size of
the corpus. An incremental build changes the store in
place; before its first change the manifest is removed, so a build killed half way leaves
no manifest claiming graphs the store may have lost, and the next build makes the store
afresh from the extraction cache.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from kg.errors import GeoKGError
from kg.fsutil import Staging
from kg.scale.manifest import MANIFEST_NAME

LOAD_BYTES = 128 << 20  # N-Quads per bulk load at most (≈ 650,000 quads; ≈ 550 MiB of loader memory)
QUEUED_LOADS = 2  # batches sent to the loader and not yet loaded, at most (then the driver waits)


class StoreTarget:
    """The store of a build, written by the loader process, started on first use (a rerun
    with nothing changed never opens the store). Shards given to :meth:`load` wait until
    :data:`LOAD_BYTES` of them are there, then go to the loader, which loads them while the
    driver goes on; anything else (drop, count, close) waits for the loads sent before it.
    Call :meth:`close` to finish (the loader's peak memory is then :attr:`loader_peak`, in
    bytes, and its CPU time :attr:`loader_cpu`, in seconds) or :meth:`abort` on the way out of a failed build."""

    def __init__(self, store_path: Path, out: Path, fresh: bool, stage: Staging,
                 load_bytes: int | None = None) -> None:
        self.path, self.out, self.fresh, self.stage = store_path, out, fresh, stage
        self.load_bytes = LOAD_BYTES if load_bytes is None else load_bytes
        self.loader_peak = 0
        self.loader_cpu = 0.0
        self._process = None
        self._conn = None
        self._queued = 0  # commands sent whose answer has not been read
        self._pending: list[Path] = []
        self._pending_bytes = 0

    def _start(self) -> None:
        if self._process is not None:
            return
        import multiprocessing as mp

        if self.fresh:
            location = self.stage.directory(self.path)
        else:
            (self.out / MANIFEST_NAME).unlink(missing_ok=True)
            location = self.path
        ctx = mp.get_context("spawn")  # never fork the driver: its Dask threads hold locks
        self._conn, child = ctx.Pipe()
        self._process = ctx.Process(target=_serve, args=(child, str(location), self.fresh),
                                    name="kg store loader", daemon=True)
        self._process.start()
        child.close()

    def _send(self, *command) -> None:
        self._start()
        try:
            self._conn.send(command)
        except (BrokenPipeError, EOFError, OSError):
            self._lost()
        self._queued += 1

    def _answer(self):
        try:
            status, value = self._conn.recv()
        except (EOFError, OSError):
            self._lost()
        self._queued -= 1
        if status == "error":
            self.abort()
            raise GeoKGError(value)
        return value

    def _lost(self):
        code = self._process.exitcode if self._process is not None else None
        self.abort()
        raise GeoKGError(f"{self.path}: the store loader stopped (exit code {code}); run kg build again")

    def _call(self, *command):
        """Send a command after every load sent before it, and wait for its answer."""
        self.flush()
        self._send(*command)
        while self._queued > 1:
            self._answer()
        return self._answer()

    def drop(self, graphs: Iterable[str]) -> None:
        """Remove the named graphs (a missing one is no error)."""
        graphs = list(graphs)
        if graphs:
            self._call("drop", graphs)

    def drop_actor_lines(self, actors: Iterable[str]) -> None:
        """Remove the quads of the actor graph that name one of these actors (keys a person
        merge renamed: their standing relations, loaded as extracted)."""
        actors = list(actors)
        if actors:
            self._call("drop_actor_lines", actors)

    def load(self, shard: Path) -> None:
        """Load one N-Quads shard (the loader deletes it): sent when the shards waiting
        reach :data:`LOAD_BYTES`, else with the next ones."""
        try:
            self._pending_bytes += shard.stat().st_size
        except OSError as err:
            from kg.fsutil import os_error

            raise os_error(shard, err) from None
        self._pending.append(shard)
        if self._pending_bytes >= self.load_bytes:
            self.flush()

    def flush(self) -> None:
        """Send the shards waiting to the loader (one bulk load of them all); with
        :data:`QUEUED_LOADS` loads already queued, wait for the first to finish."""
        shards, self._pending, self._pending_bytes = self._pending, [], 0
        if not shards:
            return
        while self._queued >= QUEUED_LOADS:
            self._answer()
        self._send("load", [str(p) for p in shards])

    def count(self) -> int:
        """Load what waits, flush and count the quads."""
        return self._call("count")

    def close(self) -> None:
        """Load what waits, close the store and end the loader."""
        if self._process is None and not self._pending:
            return
        self.loader_peak, self.loader_cpu = self._call("close")
        self._process.join()
        self._process = self._conn = None

    def abort(self) -> None:
        """End the loader without waiting for what it was asked (a failed build)."""
        process, conn = self._process, self._conn
        self._process = self._conn = None
        self._queued = 0
        if conn is not None:
            conn.close()  # the loader sees the end of its input and closes the store
        if process is not None:
            process.join(30)
            if process.is_alive():
                process.kill()
                process.join()


def _serve(conn, location: str, fresh: bool) -> None:
    """The loader: opens the store at ``location`` (created when ``fresh``) and answers
    the driver's commands in order, ``("ok", value)`` or ``("error", one line)``, until
    ``close`` or the end of its input."""
    import resource

    import pyoxigraph as ox

    from kg.rdf.store import open_store, store_error

    store = None
    while True:
        try:
            command, *args = conn.recv()
        except (EOFError, OSError):
            return
        try:
            if store is None:
                if fresh:
                    try:
                        store = ox.Store(location)
                    except (OSError, RuntimeError) as err:
                        raise store_error(location, err) from None
                else:
                    store = open_store(location)
            try:
                value = _run(store, command, *args)
            except (OSError, RuntimeError, ValueError, SyntaxError) as err:
                raise store_error(location, err) from None
        except GeoKGError as err:
            conn.send(("error", str(err)))
            return
        if command == "close":
            del store
            use = resource.getrusage(resource.RUSAGE_SELF)
            conn.send(("ok", (use.ru_maxrss * 1024, use.ru_utime + use.ru_stime)))
            return
        conn.send(("ok", value))


def _run(store, command: str, *args):
    import pyoxigraph as ox

    if command == "load":
        shards = [Path(p) for p in args[0]]
        if len(shards) == 1:
            store.bulk_load(path=str(shards[0]), format=ox.RdfFormat.N_QUADS)
        else:
            with _Concatenated(shards) as stream:
                store.bulk_load(stream, format=ox.RdfFormat.N_QUADS)
        for shard in shards:
            shard.unlink(missing_ok=True)
        return None
    if command == "drop":
        for name in args[0]:
            store.remove_graph(ox.NamedNode(name))
        return None
    if command == "drop_actor_lines":
        from kg.rdf.exports import ACTORS_GRAPH

        graph = ox.NamedNode(str(ACTORS_GRAPH))
        for iri in map(ox.NamedNode, args[0]):
            for quad in [*store.quads_for_pattern(iri, None, None, graph),
                         *store.quads_for_pattern(None, None, iri, graph)]:
                store.remove(quad)
        return None
    if command in ("count", "close"):
        store.flush()
        return len(store) if command == "count" else None
    raise ValueError(f"unknown loader command {command}")


class _Concatenated:
    """The bytes of several files one after the other, read as one binary stream (each
    shard ends with a newline, and N-Quads is one statement per line: the stream is the
    shards' quads, in order)."""

    def __init__(self, paths: list[Path]) -> None:
        self._paths = list(reversed(paths))
        self._fh = None

    def read(self, size: int = -1) -> bytes:
        while True:
            if self._fh is None:
                if not self._paths:
                    return b""
                self._fh = open(self._paths.pop(), "rb")
            data = self._fh.read(size if size and size > 0 else 1 << 20)
            if data:
                return data
            self._fh.close()
            self._fh = None

    def readable(self) -> bool:
        return True

    def __enter__(self) -> _Concatenated:
        return self

    def __exit__(self, *exc) -> None:
        if self._fh is not None:
            self._fh.close()
            self._fh = None
