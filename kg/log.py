"""What ``-v/--verbose`` adds: one line per step on stderr, with its time.

Kept apart from warnings (always shown) and from progress bars (:mod:`kg.progress`): a
user who asks for detail wants to know which step ran and how long it took, in a log
that reads the same whether stderr is a terminal or a file.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager

_verbose = False


def set_verbose(verbose: bool) -> None:
    global _verbose
    _verbose = bool(verbose)


def verbose() -> bool:
    return _verbose


def info(message: str) -> None:
    """One line on stderr, only with ``--verbose``."""
    if _verbose:
        print(f"kg: {message}", file=sys.stderr, flush=True)


@contextmanager
def step(what: str) -> Iterator[None]:
    """``with step("reading graph.ttl"):`` logs the step and its duration with ``--verbose``."""
    start = time.perf_counter()
    yield
    info(f"{what} ({time.perf_counter() - start:.1f} s)")


def warn(command: str, message: str) -> None:
    """A one-line warning, always shown (also with ``--quiet``)."""
    print(f"kg {command}: warning: {message}", file=sys.stderr, flush=True)
