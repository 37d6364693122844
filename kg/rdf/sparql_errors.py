"""A SPARQL syntax error as one line a person can act on.

Oxigraph says ``error at 2:14: expected one of Prefix not found, ['%'], ['-' | '0' ..= '9' |
'\\u{00B7}' …`` (several lines of character classes); rdflib's parser raises pyparsing
exceptions with their own wording. Both are turned into ``line 2, column 14: unknown prefix
'foo:' (near "foo:Bar }")``: where, what, and the text at that place.
"""

from __future__ import annotations

import re

_OX_AT = re.compile(r"error at (\d+):(\d+): ?(.*)", re.S)
_PREFIX = re.compile(r"([A-Za-z_][\w.-]*)?:")
NEAR = 24  # characters of the query shown after the error's place


def describe(err: BaseException, text: str) -> str:
    """One line: ``line L, column C: what (near "…")``, or the parser's own first line."""
    message = str(err)
    line = column = None
    what = ""
    m = _OX_AT.match(message.strip())
    if m:
        line, column, what = int(m.group(1)), int(m.group(2)), m.group(3)
    elif getattr(err, "lineno", None) is not None and getattr(err, "col", None) is not None:
        line, column, what = int(err.lineno), int(err.col), getattr(err, "msg", "") or message
    if line is None:
        return " ".join(message.split())[:200]
    near = _near(text, line, column)
    if "prefix not found" in what.lower():
        name = _prefixed_name_before(text, line, column)
        if name:
            return f"line {line}, column {column}: unknown prefix '{name.split(':')[0]}:' in {name} (declare it with PREFIX)"
    before = text.split("\n")[line - 1][:max(column - 1, 0)].rstrip() if 1 <= line <= text.count("\n") + 1 else ""
    if what.startswith("expected") and not before.rstrip("}").rstrip().endswith(")") and (near.startswith("}") or (not near and before.endswith("}"))):
        return f"line {line}, column {column}: incomplete triple pattern before '}}' (subject, predicate and object needed)"
    return f"line {line}, column {column}: {_what(what, near)}" + (f' (near "{near}")' if near else "")


def _prefixed_name_before(text: str, line: int, column: int) -> str | None:
    lines = text.split("\n")
    if not 1 <= line <= len(lines):
        return None
    found = re.findall(r"(?<![<\w])([A-Za-z_][\w.-]*:[\w.-]*)", lines[line - 1][:max(column, 1)])
    return found[-1] if found else None


def _near(text: str, line: int, column: int) -> str:
    lines = text.split("\n")
    if not 1 <= line <= len(lines):
        return ""
    rest = lines[line - 1][max(column - 1, 0):]
    rest = " ".join(rest.split())
    return rest[:NEAR] + ("…" if len(rest) > NEAR else "")


def _what(what: str, near: str) -> str:
    what = " ".join(what.split())
    if "Prefix not found" in what or "prefix not found" in what.lower():
        m = _PREFIX.match(near)
        return f"unknown prefix '{m.group(0)}' (declare it with PREFIX)" if m else "unknown prefix (declare it with PREFIX)"
    if what.startswith("expected"):
        words = [w.strip() for w in re.split(r",\s*(?![^\[]*\])", what[len("expected"):].replace("one of", ""))]
        readable = [w for w in words if w and not any(c in w for c in "[]'\"\\")]
        if len(readable) > 4:
            return f"expected a term or an expression here (such as {', '.join(readable[:3])}…)"
        if readable:
            return "expected " + " or ".join(readable)
        return "unexpected text"
    return what[:120] or "syntax error"
