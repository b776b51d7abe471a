"""Time expressions: find them, decide the tense that governs them, normalize them."""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from wirewatch.coding.timenorm import normalize
from wirewatch.nlp.extensions import TimexHit, anchor_date

# Expressions spaCy's NER does not tag as DATE but news uses to date events by reference
# to an earlier one ("The following day, Lukashenko said ...").
_ANAPHORIC = re.compile(
    r"\b(?:the (?:following|next|previous|same) (?:day|week|month|year)"
    r"|the (?:day|week|month|year) (?:after|before)(?! (?:yesterday|tomorrow))"
    r"|(?:a|one|two|three|four|five|six|seven|eight|nine|ten|\d+) (?:days?|weeks?|months?|years?) (?:later|earlier)"
    r"|(?:later|earlier) that (?:day|week|month)|that (?:day|week))\b",
    re.IGNORECASE,
)
# Words that refer to the present, past or future without a date; TimeML marks them
# (PRESENT_REF, PAST_REF, FUTURE_REF) but NER does not.
_REFERENCES = re.compile(
    r"\b(?:now|currently|nowadays|recently|lately|current|recent|the future|the past|right now)\b",
    re.IGNORECASE,
)
# What NER calls a date but is not a time expression: ages, bare numbers, parts of a day
# without a day, and adjectives of frequency.
_NOT_TIME = re.compile(
    r"^(?:\d+|[a-z]+)[- ](?:year|month|week|day)s?[- ]old$|^(?:aged? )?\d{1,3}$|^\d+ years? old$"
    r"|^(?:the )?(?:morning|afternoon|evening|night|overnight)$|^(?:annual|quarterly|annually|biannual)$",
    re.IGNORECASE,
)
_FUTURE_AUX = {"will", "'ll", "shall", "wo"}
_MODAL_FUTURE = {"would"}  # future in the past ("said he would step down")


@Language.factory(
    "wirewatch_time",
    requires=["doc.ents", "token.dep", "token.tag"],
    assigns=["doc._.ww_timexes"],
    default_config={"include_undated_values": True},
)
def make_time_component(nlp: Language, name: str, include_undated_values: bool) -> TimeTagger:
    """Factory for the time-expression component.

    Args:
        include_undated_values: keep expressions whose value cannot be fixed (value None).
    """
    return TimeTagger(include_undated_values=include_undated_values)


class TimeTagger:
    """Finds DATE/TIME expressions and normalizes them against the article's anchor date."""

    def __init__(self, include_undated_values: bool = True) -> None:
        self.include_undated_values = include_undated_values

    def __call__(self, doc: Doc) -> Doc:
        anchor, anchor_kind = anchor_date(doc)
        hits: list[TimexHit] = []
        previous: str | None = None
        for span in self._candidates(doc):
            result = normalize(span.text, anchor, tense=clause_tense(span.root), previous=previous)
            if result is None:
                if self.include_undated_values:
                    hits.append(
                        TimexHit(
                            span, span.label_ if span.label_ in ("DATE", "TIME") else "DATE", None, "unknown", "none"
                        )
                    )
                continue
            kind = result.anchor
            if kind == "publication" and anchor_kind == "dateline":
                kind = "dateline"
            hits.append(TimexHit(span, result.type, result.value, result.granularity, kind))
            if result.type in ("DATE", "TIME") and result.value and result.value[0].isdigit():
                previous = result.value
        doc._.ww_timexes = hits
        return doc

    def _candidates(self, doc: Doc) -> list[Span]:
        spans = [e for e in doc.ents if e.label_ in ("DATE", "TIME") and not _NOT_TIME.match(e.text.strip())]
        taken = {i for s in spans for i in range(s.start, s.end)}
        for pattern in (_ANAPHORIC, _REFERENCES):
            for match in pattern.finditer(doc.text):
                span = doc.char_span(match.start(), match.end(), label="DATE", alignment_mode="expand")
                if span is None or any(i in taken for i in range(span.start, span.end)):
                    continue
                if pattern is _REFERENCES and span.root.pos_ == "ADJ" and span.root.dep_ != "amod":
                    continue  # "the results are current" is not a time
                spans.append(span)
                taken.update(range(span.start, span.end))
        return sorted((_trim(s) for s in spans), key=lambda s: s.start)


def _trim(span: Span) -> Span:
    # NER sometimes takes a leading "the" of "the past two weeks" but not of "the following
    # day"; both stay as they are. Trailing punctuation never belongs to the expression.
    end = span.end
    while end > span.start + 1 and span.doc[end - 1].is_punct:
        end -= 1
    return span.doc[span.start : end] if end != span.end else span


def clause_tense(token: Token) -> str:
    """``future``, ``past`` or ``present``: the tense of the clause ``token`` belongs to."""
    verb = token
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return "past"
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    if words & _FUTURE_AUX or any(a.lower_ == "going" for a in auxes):
        return "future"
    if words & _MODAL_FUTURE:
        return "future"
    if verb.tag_ in ("VBD", "VBN") or any(a.tag_ == "VBD" for a in auxes):
        return "past"
    if verb.tag_ == "VBG" and any(a.lower_ in ("is", "are", "am") for a in auxes):
        # "is meeting on Friday": the progressive of a scheduled event looks ahead.
        return "future"
    return "present"
