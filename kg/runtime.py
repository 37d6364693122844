"""Process-level settings for bulk extraction.

Extraction allocates millions of short-lived objects (spaCy spans, tuples, claims) while
the results it keeps, and the loaded pipelines, only grow. CPython's default collector
runs a young-generation pass every 700 allocations and keeps re-scanning the pipelines'
lexicons and the results; that cost 5-10 % of extraction time (benchmarks/README.md).
During a bulk run, objects that exist before it are frozen out of collection and young
collections run less often; everything is restored afterwards. Reference counting still
frees almost everything at once; only cycles wait a little longer.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

# young collections rarely run between two settles: each one scanned the results kept since the
# last (20,000: 17 collections, 80 ms of collector time per 2,000 articles; 100,000: 7, 1 ms)
YOUNG_THRESHOLD = 100_000
SETTLE_EVERY = 200  # documents between two freezes of what survived
_depth = 0


def settle() -> None:
    """Inside :func:`bulk_allocation`: what has survived so far (mostly results that stay
    until the run ends) is frozen too, so the older generations are not re-scanned as the
    results grow; freed anyway by reference counting when released."""
    if _depth:
        gc.freeze()


@contextmanager
def bulk_allocation() -> Iterator[None]:
    """Fewer garbage-collector passes inside the block (re-entrant)."""
    global _depth
    _depth += 1
    if _depth > 1:
        try:
            yield
        finally:
            _depth -= 1
        return
    before = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(YOUNG_THRESHOLD, *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)
        gc.unfreeze()
        _depth -= 1


@contextmanager
def collector_paused() -> Iterator[None]:
    """No cyclic collection inside the block: for loading data files into many small objects,
    none of them garbage, which the collector would otherwise walk again and again."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
