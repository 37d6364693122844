"""Custom attributes our components share, registered once."""

from spacy.tokens import Doc, Token

if not Token.has_extension("proclitic"):
    Token.set_extension("proclitic", default="")
    Token.set_extension("enclitic", default="")
if not Doc.has_extension("discourse"):
    Doc.set_extension("discourse", default=None)
    Doc.set_extension("claims", default=None)
    Doc.set_extension("masked", default=None)
    Doc.set_extension("offset", default=0)
