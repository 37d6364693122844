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
