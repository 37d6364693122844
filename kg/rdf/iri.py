"""IRIs checked against RFC 3987, and scraped URLs repaired into valid IRIs.

Strict stores (Oxigraph) reject a whole graph for one bad IRI (``No scheme found in an
absolute IRI``, an invalid percent escape, a ``[`` outside a host), while rdflib accepts
anything and resolves relative references against the file it reads. So the IRIs geokg
writes are valid by construction: actor, article and claim IRIs percent-encode everything
outside the unreserved characters, and a scraped ``url`` is written as an IRI only when it
is (or can be repaired into) an absolute IRI; otherwise it stays a plain string.

:func:`is_absolute_iri` follows the ABNF of RFC 3987 section 2.2 (``IRI``: scheme, then
``ihier-part``, ``iquery``, ``ifragment``), IPv6 hosts checked with :mod:`ipaddress`.
"""

from __future__ import annotations

import functools
import ipaddress
import re
from urllib.parse import quote

_UCS = ("\u00a0-\ud7ff\uf900-\ufdcf\ufdf0-\uffef"
        "\U00010000-\U0001fffd\U00020000-\U0002fffd\U00030000-\U0003fffd\U00040000-\U0004fffd"
        "\U00050000-\U0005fffd\U00060000-\U0006fffd\U00070000-\U0007fffd\U00080000-\U0008fffd"
        "\U00090000-\U0009fffd\U000a0000-\U000afffd\U000b0000-\U000bfffd\U000c0000-\U000cfffd"
        "\U000d0000-\U000dfffd\U000e1000-\U000efffd")
_PRIVATE = "\ue000-\uf8ff\U000f0000-\U000ffffd\U00100000-\U0010fffd"
_UNRESERVED = f"A-Za-z0-9\\-._~{_UCS}"
_SUB_DELIMS = "!$&'()*+,;="
_PCT = "%[0-9A-Fa-f]{2}"
_IPCHAR = f"(?:[{_UNRESERVED}{re.escape(_SUB_DELIMS)}:@]|{_PCT})"
_SEGMENT = f"{_IPCHAR}*"
_SEGMENT_NZ = f"{_IPCHAR}+"
_USERINFO = f"(?:[{_UNRESERVED}{re.escape(_SUB_DELIMS)}:]|{_PCT})*"
_REG_NAME = f"(?:[{_UNRESERVED}{re.escape(_SUB_DELIMS)}]|{_PCT})*"
_IP_LITERAL = r"\[(?P<ip>[0-9A-Fa-f:.]+|v[0-9A-Fa-f]+\.[A-Za-z0-9\-._~!$&'()*+,;=:]+)\]"
_AUTHORITY = f"(?:{_USERINFO}@)?(?:{_IP_LITERAL}|{_REG_NAME})(?::[0-9]*)?"
_PATH_ABEMPTY = f"(?:/{_SEGMENT})*"
_HIER = (f"(?://{_AUTHORITY}{_PATH_ABEMPTY}"
         f"|/(?:{_SEGMENT_NZ}(?:/{_SEGMENT})*)?"
         f"|{_SEGMENT_NZ}(?:/{_SEGMENT})*"
         f"|)")
_QUERY = f"(?:{_IPCHAR}|[{_PRIVATE}/?])*"
_FRAGMENT = f"(?:{_IPCHAR}|[/?])*"
_SCHEME = r"[A-Za-z][A-Za-z0-9+\-.]*"
_IRI_PATTERN = f"{_SCHEME}:{_HIER}(?:\\?{_QUERY})?(?:#{_FRAGMENT})?"


@functools.lru_cache(maxsize=None)
def _iri() -> re.Pattern[str]:
    """The RFC 3987 pattern, compiled on first use: 20 ms at import otherwise, in every
    process that never checks a URL."""
    return re.compile(_IRI_PATTERN)

# characters that stay as they are when a URL is repaired: the reserved delimiters, the
# unreserved ASCII characters and existing percent escapes; everything else is encoded
_KEEP = ":/?#[]@!$&'()*+,;=%~"
_BAD_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")
_SCHEME_PREFIX = re.compile(r"[A-Za-z][A-Za-z0-9+\-.]*:")
_RAW_UNSAFE = re.compile(r'[\x00-\x20<>"{}|^`\\\x7f-\x9f]')


@functools.lru_cache(maxsize=1 << 14)
def is_absolute_iri(text: str) -> bool:
    """Whether ``text`` is an absolute IRI by RFC 3987 (a scheme, no raw spaces, quotes,
    braces or control characters, valid percent escapes, brackets only around an IP host)."""
    m = _iri().fullmatch(text)
    if m is None:
        return False
    ip = m.group("ip")
    if ip is not None and not ip.startswith("v"):
        try:
            ipaddress.IPv6Address(ip)
        except ValueError:
            return False
    return True


def web_iri(url: str) -> str | None:
    """A scraped URL as a valid absolute IRI, or None when it cannot be one.

    A valid IRI is kept as it is. Otherwise white space around it is dropped and what an
    IRI may not hold raw is percent-encoded (spaces, quotes, braces, control characters,
    and non-ASCII letters too once the URL needs repairing), a ``%`` that starts no escape
    becomes ``%25``, brackets outside the host and a second ``#`` are encoded. A URL
    without a scheme (``www.example.com/news/1``, ``relative/path``), with a one-letter
    scheme (a Windows path, ``C:\\news``) or still invalid after this gives None: the
    caller keeps it as a string.
    """
    if not isinstance(url, str):
        return None
    if is_absolute_iri(url):
        return url
    text = url.strip()
    m = _SCHEME_PREFIX.match(text)
    if m is None or m.end() <= 2:
        return None
    scheme, rest = text[:m.end()], text[m.end():]
    rest = quote(rest, safe=_KEEP) if _RAW_UNSAFE.search(rest) or not rest.isascii() else rest
    rest = _BAD_PERCENT.sub("%25", rest)
    head, hash_, fragment = rest.partition("#")
    fragment = fragment.replace("#", "%23")
    if head.startswith("//"):
        cut = min((i for i in (head.find("/", 2), head.find("?", 2)) if i >= 0), default=len(head))
        authority, tail = head[:cut], head[cut:]
    else:
        authority, tail = "", head
    tail = tail.replace("[", "%5B").replace("]", "%5D")
    fragment = fragment.replace("[", "%5B").replace("]", "%5D")
    candidate = scheme + authority + tail + hash_ + fragment
    if is_absolute_iri(candidate):
        return candidate
    if authority:  # a host that is not one ("http://[bad]/x"): encode its brackets too
        host = authority[2:].replace("[", "%5B").replace("]", "%5D")
        candidate = scheme + authority[:2] + host + tail + hash_ + fragment
        if is_absolute_iri(candidate):
            return candidate
    return None


def iri_segment(text: str) -> str:
    """``text`` as one path segment of an IRI: every character but the unreserved ASCII
    ones percent-encoded (``/`` and ``%`` included), and ``.``/``..`` encoded so no
    reader takes them for dot segments."""
    encoded = quote(text, safe="-_.~")
    return encoded.replace(".", "%2E") if encoded in (".", "..") else encoded
