"""Shared checks for data derived from the field's dictionaries (PETRARCH/Phoenix, MIT)."""

MIT_LINES = ("# MIT License",
             "# Copyright (c) 2016 Open Event Data Alliance",
             "# Permission is hereby granted, free of charge, to any person obtaining a copy",
             "# The above copyright notice and this permission notice shall be included in all",
             '# THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR',
             "# SOFTWARE.")


def assert_mit_notice(text: str) -> None:
    """The derived file carries the source's licence notice, line by line."""
    lines = text.splitlines()
    for line in MIT_LINES:
        assert line in lines, line


def load_script(name: str, path):
    """A derivation script of ``scripts/`` as a module, for its data lists and functions."""
    import importlib.util
    import sys

    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    try:
        spec.loader.exec_module(module)
    finally:
        del sys.modules[spec.name]
    return module


def assert_licence_verbatim(text: str, licence_path) -> None:
    """The source's LICENSE file stands in the derived file, commented line by line."""
    from pathlib import Path

    licence = Path(licence_path).read_text(encoding="utf-8").strip("\n")
    assert "\n".join(("# " + line).rstrip() for line in licence.splitlines()) in text
