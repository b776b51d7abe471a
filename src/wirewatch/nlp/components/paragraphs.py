"""Paragraph breaks are sentence breaks.

A headline without a full stop ("Trump: 'I'm the worst thing for the establishment'")
and the first paragraph after it are two sentences, but the parser, which decides
sentence boundaries, may join them. Setting ``is_sent_start`` on the first token after a
blank line before the parser runs makes it respect the break; hard-wrapped lines (one
newline) are left to the parser, since wire copy wraps mid-sentence.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("wirewatch_paragraphs", assigns=["token.is_sent_start"])
def mark_paragraphs(doc: Doc) -> Doc:
    """Start a sentence after every blank line."""
    for token in doc[:-1]:
        if token.is_space and token.text.count("\n") >= 2:
            following = doc[token.i + 1]
            if not following.is_space:
                following.is_sent_start = True
    return doc
