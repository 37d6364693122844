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


EXIT_CODES = """exit status:
  0    done (kg validate: the graph conforms)
  1    kg build: the graph was written but some inputs were skipped (each named on
       stderr: unreadable file, malformed record, article whose extraction failed);
       kg validate: the graph does not conform
  2    user error: bad arguments, a missing or unreadable file, nothing to build
  3    internal error (a bug; GEOKG_TRACEBACK=1 or -v shows the traceback)
  130  interrupted (Ctrl-C)
"""


def common_options() -> argparse.ArgumentParser:
    """Options every command takes (a parent parser, so ``kg build -v`` and ``kg -v build``
    both work)."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("-v", "--verbose", action="store_true", default=argparse.SUPPRESS,
                        help="say what is done and how long it takes; tracebacks of internal errors")
    common.add_argument("-q", "--quiet", action="store_true", default=argparse.SUPPRESS,
                        help="no progress bars and no summary; errors and warnings only")
    return common


class _WithCommonOptions:
    """The subparsers action, adding :func:`common_options` to every command it makes."""

    def __init__(self, sub, common: argparse.ArgumentParser) -> None:
        self._sub, self._common = sub, common

    def add_parser(self, name: str, **kwargs) -> argparse.ArgumentParser:
        kwargs["parents"] = [*kwargs.get("parents", ()), self._common]
        return self._sub.add_parser(name, **kwargs)

    def __getattr__(self, name: str):
        return getattr(self._sub, name)


def build_parser() -> argparse.ArgumentParser:
    common = common_options()
    parser = argparse.ArgumentParser(prog="kg", description="geopolitical knowledge graphs from news",
                                     epilog=EXIT_CODES, parents=[common],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"geokg {__version__}")
    sub = _WithCommonOptions(parser.add_subparsers(dest="command", metavar="COMMAND"), common)
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
    args.verbose = getattr(args, "verbose", False)
    args.quiet = getattr(args, "quiet", False)
    from kg import log, progress

    progress.set_quiet(args.quiet)
    log.set_verbose(args.verbose)
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
        if os.environ.get("GEOKG_TRACEBACK") or args.verbose:
            raise
        first = " ".join(str(err).split())[:200]
        print(f"kg {args.command}: internal error: {type(err).__name__}: {first} "
              "(run again with GEOKG_TRACEBACK=1 to see where)", file=sys.stderr)
        return 3


if __name__ == "__main__":
    sys.exit(main())
