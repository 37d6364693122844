"""The Oxigraph store a scaled build writes, shard by shard, while the workers extract.

A fresh build loads into a new store staged beside the old one and swapped in on commit
(a failed build keeps the previous store). An incremental build changes the store in
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


class StoreTarget:
    """Opened on first use (a rerun with nothing changed never opens it)."""

    def __init__(self, store_path: Path, out: Path, fresh: bool, stage: Staging) -> None:
        self.path, self.out, self.fresh, self.stage = store_path, out, fresh, stage
        self._store = None

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

        with _store_errors(self.path):
            for name in graphs:
                self.store.remove_graph(ox.NamedNode(name))

    def drop_actor_lines(self, actors: Iterable[str]) -> None:
        """Remove the quads of the actor graph that name one of these actors (keys a person
        merge renamed: their standing relations, loaded as extracted)."""
        import pyoxigraph as ox

        from kg.rdf.exports import ACTORS_GRAPH

        graph = ox.NamedNode(str(ACTORS_GRAPH))
        with _store_errors(self.path):
            for iri in map(ox.NamedNode, actors):
                for quad in [*self.store.quads_for_pattern(iri, None, None, graph),
                             *self.store.quads_for_pattern(None, None, iri, graph)]:
                    self.store.remove(quad)

    def load(self, shard: Path) -> None:
        """Bulk-load one N-Quads shard (Oxigraph parses and sorts it, the GIL released:
        the driver's Dask thread keeps the workers fed meanwhile), then delete it."""
        import pyoxigraph as ox

        with _store_errors(self.path):
            self.store.bulk_load(path=str(shard), format=ox.RdfFormat.N_QUADS)
        shard.unlink(missing_ok=True)

    def count(self) -> int:
        """Flush and count the quads."""
        with _store_errors(self.path):
            self.store.flush()
            return len(self.store)

    def close(self) -> None:
        self._store = None


@contextmanager
def _store_errors(path: Path) -> Iterator[None]:
    """An Oxigraph/RocksDB error as one line naming the store."""
    from kg.rdf.store import store_error

    try:
        yield
    except (OSError, RuntimeError, ValueError, SyntaxError) as err:
        raise store_error(path, err) from None
