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
    r"|(?:later|earlier) that (?:day|week|month|year)|that (?:day|week))\b",
    re.IGNORECASE,
)
# Words that refer to the present, past or future without a date; TimeML marks them
# (PRESENT_REF, PAST_REF, FUTURE_REF) but NER does not.
_REFERENCES = re.compile(
    r"\b(?:now|currently|nowadays|recently|lately|current|recent|the future|the past|right now)\b",
    re.IGNORECASE,
)
# Repetitions and the period a company report is about, which NER leaves out.
_SETS_AND_PERIODS = re.compile(
    r"\b(?:daily|weekly|every (?:day|week|month|year)|the latest (?:period|quarter|nine months|six months)"
    r"|(?:(?:last|next|this) )?(?:thanksgiving(?: day)?|christmas(?: day| eve)?|new year's (?:day|eve)"
    r"|easter(?: sunday)?|election day|independence day|labor day|memorial day|veterans day|good friday|halloween"
    r"|boxing day))\b",
    re.IGNORECASE,
)
# What NER calls a date but is not a time expression: ages, bare numbers, parts of a day
# without a day, and adjectives of frequency.
_NOT_TIME = re.compile(
    r"^(?:\d+|[a-z]+)[- ](?:year|month|week|day)s?[- ]old$|^(?:aged? )?\d{1,3}$|^\d+ years? old$"
    r"|^(?:the )?(?:morning|afternoon|evening|night|overnight)$|^(?:annual|quarterly|annually|biannual)$"
    # a unit alone ("for years", "months of talks") names no time
    r"|^(?:seconds|minutes|hours|days|weeks|months|years|decades)$",
    re.IGNORECASE,
)
_FUTURE_AUX = {"will", "'ll", "shall", "wo"}
_MODAL_FUTURE = {"would"}  # future in the past ("said he would step down")
# A modal before a bare verb looks ahead: "could come as early as Tuesday".
_MODAL_POSSIBLE = {"could", "might", "may", "can", "should", "must", "ca"}
# Predicates whose infinitive is still to happen: "planned to leave on Thursday", "set to
# resume Monday", "ready to leave as soon as Tuesday".
_PROSPECTIVE = {
    "plan",
    "expect",
    "schedule",
    "set",
    "due",
    "intend",
    "hope",
    "want",
    "aim",
    "ready",
    "prepare",
    "agree",
    "promise",
    "vow",
    "pledge",
    "threaten",
    "likely",
    "poise",
    "seek",
    "decide",
    "propose",
    "offer",
    "go",
    "suppose",
}
_REPORTING = {"say", "tell", "report", "announce", "add", "state", "confirm", "claim", "write", "quote"}
_WEEKDAY_WORDS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
_DAY_WORDS = _WEEKDAY_WORDS | {"today", "yesterday", "tomorrow"}
_PARTS_OF_DAY = {"morning", "afternoon", "evening", "night"}
_CLOCK_WORDS = re.compile(r"^(?:[ap]\.?m\.?|noon|midnight|o'clock|[a-z]{2,4}t|gmt|utc)$", re.IGNORECASE)


@Language.factory(
    "wirewatch_time",
    requires=["doc.ents", "token.dep", "token.tag"],
    assigns=["doc._.ww_timexes"],
    default_config={"include_undated_values": False},
)
def make_time_component(nlp: Language, name: str, include_undated_values: bool) -> TimeTagger:
    """Factory for the time-expression component.

    Args:
        include_undated_values: also keep what NER calls a date but the normalizer cannot read
            ("the day", "a fiscal year"), with value None. Off by default: such an expression
            dates nothing, and TIMEX3 requires a value. Expressions it can read but not fix
            ("Monday" in an undated article) are always kept, with value None.
    """
    return TimeTagger(include_undated_values=include_undated_values)


class TimeTagger:
    """Finds DATE/TIME expressions and normalizes them against the article's anchor date."""

    def __init__(self, include_undated_values: bool = False) -> None:
        self.include_undated_values = include_undated_values

    def __call__(self, doc: Doc) -> Doc:
        anchor, anchor_kind = anchor_date(doc)
        hits: list[TimexHit] = []
        previous: str | None = None
        for span in self._candidates(doc):
            result = normalize(span.text, anchor, tense=_tense_of(span), previous=previous)
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
        for pattern in (_ANAPHORIC, _REFERENCES, _SETS_AND_PERIODS):
            for match in pattern.finditer(doc.text):
                span = doc.char_span(match.start(), match.end(), label="DATE", alignment_mode="expand")
                if span is None or any(i in taken for i in range(span.start, span.end)):
                    continue
                if pattern is _REFERENCES and span.root.pos_ == "ADJ" and span.root.dep_ != "amod":
                    continue  # "the results are current" is not a time
                spans.append(span)
                taken.update(range(span.start, span.end))
        parts = sorted((part for s in spans for part in _split(_extend(_trim(s)))), key=lambda s: (s.start, -s.end))
        kept: list[Span] = []
        for part in parts:  # an extended span swallows the entity it took in ("9 a.m." + "Friday")
            if not kept or part.start >= kept[-1].end:
                kept.append(part)
        return kept


def _trim(span: Span) -> Span:
    # NER sometimes takes a leading "the" of "the past two weeks" but not of "the following
    # day"; both stay as they are. Trailing punctuation never belongs to the expression.
    end = span.end
    while end > span.start + 1 and span.doc[end - 1].is_punct:
        end -= 1
    return span.doc[span.start : end] if end != span.end else span


_JOINS = {"to", "through", "until", "and", "-", "–", "ended", "ending"}


def _split(span: Span) -> list[Span]:
    """Two expressions NER took as one: "Sept. 14 to Thursday", "the quarter ended Sept. 30".

    Split where both sides are time expressions of their own; "the next 12 to 18 months"
    stays one (its first side, "the next 12", is not).
    """
    doc = span.doc
    for token in span[1:-1]:
        if token.lower_ not in _JOINS:
            continue
        left, right = doc[span.start : token.i], doc[token.i + 1 : span.end]
        if all(normalize(part.text, None) is not None for part in (left, right)):
            return [_trim(left), right]
    return [span]


def _extend(span: Span) -> Span:
    """Take in the part of the day or the day that NER leaves outside the expression.

    "Wednesday" + "night" is one expression ("2020-12-02TNI"), and so is "4 a.m. EDT" +
    "Thursday": the day fixes the clock time's date.
    """
    doc = span.doc
    if span.end >= len(doc):
        return span
    before = doc[span.start - 1] if span.start > 0 else None
    units = ("year", "week", "month", "quarter", "weekend", "morning", "afternoon", "evening")
    if before is not None and before.lower_ in ("this", "last", "next", "that") and span.text.lower() in units:
        span = doc[span.start - 1 : span.end]  # NER's "year" of "This year"
    if span.end >= len(doc):
        return span
    following = doc[span.end]
    last = doc[span.end - 1].lower_
    if following.lower_ in _PARTS_OF_DAY and last in _DAY_WORDS:
        return doc[span.start : span.end + 1]
    if following.lower_ in _WEEKDAY_WORDS and (_CLOCK_WORDS.match(last) or last.isdigit()):
        return doc[span.start : span.end + 1]
    return span


def _tense_of(span: Span) -> str:
    # "Wednesday's ruling", "Friday's purchases": a day named as the owner of something
    # reported is one that has passed, whatever the tense of the clause.
    after = span.doc[span.end] if span.end < len(span.doc) else None
    if after is not None and after.tag_ == "POS" and span.root.lower_ in _WEEKDAY_WORDS:
        return "past"
    return clause_tense(span.root)


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
    if verb.tag_ == "VB" and words & _MODAL_POSSIBLE:
        return "future"
    if "to" in words and verb.head.i != verb.i:
        # An infinitive happens after what governs it: "planned to leave on Thursday",
        # "expect the deal to be completed by Dec. 15"; but not after a past perfect ("had
        # been due to expire Friday").
        head = verb.head
        governing = head if head.pos_ in ("VERB", "AUX") else head.head
        perfect = any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in (*head.children, *governing.children))
        if head.lemma_.lower() in _PROSPECTIVE and not perfect:
            return "future"
        return clause_tense(head)
    if verb.tag_ == "VBN" and any(a.dep_ == "auxpass" and a.tag_ in ("VBZ", "VBP") for a in auxes):
        return "present"  # "when the case is heard in May"
    if verb.tag_ in ("VBD", "VBN") or any(a.tag_ == "VBD" for a in auxes):
        return "past"
    if verb.dep_ == "conj" and not auxes and verb.head.pos_ in ("VERB", "AUX"):
        return clause_tense(verb.head)  # "expects to obtain approval and complete the deal by year-end"
    if verb.tag_ == "VBG" and not auxes and verb.head.i != verb.i:
        # A participle takes the tense of the clause it hangs on: "Lavrov, speaking at a
        # news conference on Tuesday, said ...".
        return clause_tense(verb.head)
    if verb.lemma_.lower() in _REPORTING:
        return "past"  # "the ministry says Tuesday": the report is of the day just gone
    if verb.tag_ == "VBG" and any(a.lower_ in ("is", "are", "am") for a in auxes):
        # "is meeting on Friday": the progressive of a scheduled event looks ahead.
        return "future"
    return "present"
