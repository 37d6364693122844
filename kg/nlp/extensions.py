"""Custom attributes our components share, registered once."""

from spacy.tokens import Doc, Token

def _clitic(position: int):
    """Clitics live in ``doc.user_data["clitics"]`` (token index -> (proclitic, enclitic)),
    written by the normalizer in one pass; most tokens have none."""
    def getter(token: Token) -> str:
        found = token.doc.user_data.get("clitics", {}).get(token.i)
        return found[position] if found else ""
    return getter


if not Token.has_extension("proclitic"):
    Token.set_extension("proclitic", getter=_clitic(0))
    Token.set_extension("enclitic", getter=_clitic(1))
if not Doc.has_extension("discourse"):
    Doc.set_extension("discourse", default=None)
    Doc.set_extension("claims", default=None)
    Doc.set_extension("masked", default=None)
    Doc.set_extension("offset", default=0)


# spaCy keeps a Doc's extension values in ``doc.user_data`` under this key; ``doc._`` makes an
# ``Underscore`` object on every read or write (some twenty per doc and pipeline, a percent of
# extraction), these read and write the same entry directly
def _key(name: str) -> tuple:
    return ("._.", name, None, None)


_DEFAULTS = {name: Doc.get_extension(name)[0] for name in ("discourse", "claims", "masked", "offset")}


def doc_value(doc: Doc, name: str):
    """``doc._.<name>`` (one of the attributes above) without an Underscore object."""
    return doc.user_data.get(_key(name), _DEFAULTS[name])


def set_doc_value(doc: Doc, name: str, value) -> None:
    """``doc._.<name> = value`` without an Underscore object."""
    if name not in _DEFAULTS:
        raise AttributeError(name)
    doc.user_data[_key(name)] = value
