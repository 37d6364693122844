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
