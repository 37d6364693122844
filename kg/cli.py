"""The ``kg`` command line. Each subcommand lives in its own module under ``kg.commands``.

A command module exposes ``register(subparsers)``, which adds its parser and sets
``func=run`` where ``run(args) -> int``. Errors derived from :class:`GeoKGError` are
printed as one line; no user ever sees a traceback for bad input. An ``OSError`` that no
command turned into such a line (a disk filling up, a folder made read-only mid-run) is
one line naming the path, and any other exception one line saying it is an internal error
(``GEOKG_TRACEBACK=1`` shows the traceback).
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys

from kg import __version__
from kg.errors import GeoKGError

COMMAND_MODULES = (
    "build", "query", "eval", "validate", "stats", "actor", "view", "bench", "serve", "push",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kg", description="geopolitical knowledge graphs from news")
    parser.add_argument("--version", action="version", version=f"geokg {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(f"kg.commands.{name}")
        except ModuleNotFoundError as err:
            if err.name == f"kg.commands.{name}":
                continue  # command not shipped in this build
            raise
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except GeoKGError as err:
        print(f"kg {args.command}: error: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"kg {args.command}: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except OSError as err:
        if os.environ.get("GEOKG_TRACEBACK"):
            raise
        from kg.fsutil import reason

        where = f"{err.filename}: " if err.filename else ""
        print(f"kg {args.command}: error: {where}{reason(err)}", file=sys.stderr)
        return 2
    except MemoryError:
        print(f"kg {args.command}: error: out of memory", file=sys.stderr)
        return 2
    except Exception as err:  # a bug: still one line, the traceback on request
        if os.environ.get("GEOKG_TRACEBACK"):
            raise
        first = " ".join(str(err).split())[:200]
        print(f"kg {args.command}: internal error: {type(err).__name__}: {first} "
              "(run again with GEOKG_TRACEBACK=1 to see where)", file=sys.stderr)
        return 3


if __name__ == "__main__":
    sys.exit(main())
