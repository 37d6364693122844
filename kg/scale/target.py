"""The Oxigraph store a scaled build writes, shard by shard, while the workers extract.

A fresh build loads into a new store staged beside the old one and swapped in on commit
(a failed build keeps the previous store). Shards are loaded in batches of about
:data:`LOAD_BYTES` of N-Quads (several shards read as one stream by one ``bulk_load``):
each bulk load adds sorted files to every one of the six quad indexes, and RocksDB then
compacts them with what the store holds, so a few larger loads cost much less CPU than
many small ones (1.26 M quads as 20 loads: 18 s of CPU, 7 of them compaction; as 5 loads
of 4 shards: 15 s) while the loader's memory, about 0.85 KB per quad of the batch, stays
bounded whatever the size of the corpus. An incremental build changes the store in
place; before its first change the manifest is removed, so a build killed half way leaves
no manifest claiming graphs the store may have lost, and the next build makes the store
afresh from the extraction cache.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from kg.fsutil import Staging
from kg.scale.manifest import MANIFEST_NAME


LOAD_BYTES = 48 << 20  # N-Quads per bulk load at most (≈ 240,000 quads; ≈ 200 MiB of loader memory)


class StoreTarget:
    """Opened on first use (a rerun with nothing changed never opens it). Shards given to
    :meth:`load` wait until :data:`LOAD_BYTES` of them are there, or until anything else
    reads or changes the store."""

    def __init__(self, store_path: Path, out: Path, fresh: bool, stage: Staging,
                 load_bytes: int | None = None) -> None:
        self.path, self.out, self.fresh, self.stage = store_path, out, fresh, stage
        self._store = None
        self.load_bytes = LOAD_BYTES if load_bytes is None else load_bytes
        self._pending: list[Path] = []
        self._pending_bytes = 0

    @property
    def store(self):
        if self._store is None:
            import pyoxigraph as ox

            from kg.rdf.store import open_store, store_error

            if self.fresh:
                new = self.stage.directory(self.path)
                try:
                    self._store = ox.Store(str(new))
                except (OSError, RuntimeError) as err:
                    raise store_error(new, err) from None
            else:
                (self.out / MANIFEST_NAME).unlink(missing_ok=True)
                self._store = open_store(self.path)
        return self._store

    def drop(self, graphs: Iterable[str]) -> None:
        """Remove the named graphs (a missing one is no error)."""
        import pyoxigraph as ox

        graphs = list(graphs)
        if not graphs:
            return
        self.flush()
        with _store_errors(self.path):
            for name in graphs:
                self.store.remove_graph(ox.NamedNode(name))

    def drop_actor_lines(self, actors: Iterable[str]) -> None:
        """Remove the quads of the actor graph that name one of these actors (keys a person
        merge renamed: their standing relations, loaded as extracted)."""
        import pyoxigraph as ox

        from kg.rdf.exports import ACTORS_GRAPH

        graph = ox.NamedNode(str(ACTORS_GRAPH))
        self.flush()
        with _store_errors(self.path):
            for iri in map(ox.NamedNode, actors):
                for quad in [*self.store.quads_for_pattern(iri, None, None, graph),
                             *self.store.quads_for_pattern(None, None, iri, graph)]:
                    self.store.remove(quad)

    def load(self, shard: Path) -> None:
        """Load one N-Quads shard (then delete it): at once when the shards waiting reach
        :data:`LOAD_BYTES`, else with the next ones."""
        try:
            self._pending_bytes += shard.stat().st_size
        except OSError as err:
            from kg.fsutil import os_error

            raise os_error(shard, err) from None
        self._pending.append(shard)
        if self._pending_bytes >= self.load_bytes:
            self.flush()

    def flush(self) -> None:
        """Bulk-load the shards waiting, as one stream (Oxigraph parses and sorts it with
        the GIL released: the driver's Dask thread keeps the workers fed meanwhile)."""
        import pyoxigraph as ox

        shards, self._pending, self._pending_bytes = self._pending, [], 0
        if not shards:
            return
        with _store_errors(self.path):
            if len(shards) == 1:
                self.store.bulk_load(path=str(shards[0]), format=ox.RdfFormat.N_QUADS)
            else:
                with _Concatenated(shards) as stream:
                    self.store.bulk_load(stream, format=ox.RdfFormat.N_QUADS)
        for shard in shards:
            shard.unlink(missing_ok=True)

    def count(self) -> int:
        """Load what waits, flush and count the quads."""
        self.flush()
        with _store_errors(self.path):
            self.store.flush()
            return len(self.store)

    def close(self) -> None:
        self.flush()
        self._store = None


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


@contextmanager
def _store_errors(path: Path) -> Iterator[None]:
    """An Oxigraph/RocksDB error as one line naming the store."""
    from kg.rdf.store import store_error

    try:
        yield
    except (OSError, RuntimeError, ValueError, SyntaxError) as err:
        raise store_error(path, err) from None
