"""Progress bars for long work: tqdm on stderr, shown only to a person watching.

A build of a few thousand articles, a validation of half a million triples or the load of
a store takes from seconds to minutes; without a word the user cannot tell work from a
hang. Bars go to stderr (stdout stays the command's answer, safe to pipe), and are off
with ``--quiet``, when stderr is not a terminal (logs, CI, pipes) or when
``GEOKG_PROGRESS=0``; ``GEOKG_PROGRESS=1`` forces them on (tests, screenshots).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")

_quiet = False


def set_quiet(quiet: bool) -> None:
    """Called once by the CLI from ``--quiet``."""
    global _quiet
    _quiet = bool(quiet)


def enabled() -> bool:
    """Whether bars are shown: not quiet, and stderr a terminal (or forced by the environment)."""
    forced = os.environ.get("GEOKG_PROGRESS")
    if forced is not None:
        return forced not in ("", "0", "no", "false")
    if _quiet:
        return False
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False


class _Silent:
    """What :func:`bar` gives when bars are off: same calls, nothing written."""

    def __init__(self, iterable=None) -> None:
        self._iterable = iterable
        self.n = 0

    def __iter__(self):
        return iter(self._iterable or ())

    def update(self, n: int = 1) -> None:
        self.n += n

    def set_description(self, *_args, **_kwargs) -> None:
        pass

    def set_postfix_str(self, *_args, **_kwargs) -> None:
        pass

    def close(self) -> None:
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        pass

    total = None


def bar(iterable: Iterable[T] | None = None, *, total: int | None = None, desc: str = "",
        unit: str = "it", show: bool | None = None):
    """A tqdm bar on stderr, or a silent stand-in when bars are off (``show`` overrides)."""
    if not (enabled() if show is None else show):
        silent = _Silent(iterable)
        silent.total = total
        return silent
    from tqdm import tqdm

    return tqdm(iterable, total=total, desc=desc, unit=unit, file=sys.stderr, leave=False,
                dynamic_ncols=True, mininterval=0.25)


def track(iterable: Iterable[T], **kwargs) -> Iterator[T]:
    """``for x in track(items, desc=…)``: items with a bar when bars are on."""
    with bar(iterable, **kwargs) as b:
        yield from b
