"""Every custom attribute wirewatch puts on spaCy objects, registered in one place.

Components write these; ``convert.py`` is the only reader outside the components. The
records here hold spaCy spans and tokens, so they never leave the NLP stage.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from wirewatch.types import ActorRef, Dateline, Location


@dataclass
class TimexHit:
    """A time expression found in the Doc."""

    span: Span
    type: str
    value: str | None
    granularity: str
    anchor: str


@dataclass
class MentionHit:
    """An actor mention: a span and the actor it resolves to.

    Attributes:
        head: the syntactic head token, for linking to verbs.
        kind: what the mention is (``person``, ``country``, ``organization``, ``group``,
            ``agent``, ``title``, ``pronoun``, ``description``...).
        gender: ``m``/``f`` for people when known, for pronoun resolution.
    """

    span: Span
    head: Token
    actor: ActorRef
    kind: str
    gender: str | None = None
    plural: bool = False


@dataclass
class StatementHit:
    """A statement before conversion: spans into the Doc."""

    sentence: int
    speaker: MentionHit | None
    speaker_span: Span | None
    cue: Span
    content_start: int  # character offsets into doc.text
    content_end: int
    kind: str
    cameo: str
    addressee: ActorRef | None
    targets: list[ActorRef] = field(default_factory=list)
    modality: str = "asserted"
    date: str | None = None
    date_source: str = "none"
    tone: dict[str, float] = field(default_factory=dict)


@dataclass
class EventHit:
    """An event before conversion."""

    sentence: int
    source: ActorRef | None
    target: ActorRef | None
    cameo: str
    modality: str
    date: str | None
    date_source: str
    evidence: Span
    location: Location | None = None
    tone: float | None = None
    trigger: Span | None = None
    background: bool = False


_DOC_ATTRS = {
    "ww_published": None,  # dt.date | None: the article's publication date
    "ww_offset": 0,  # int: where doc.text starts in the article text
    "ww_dateline": None,  # Dateline | None
    "ww_timexes": None,  # list[TimexHit]
    "ww_mentions": None,  # list[MentionHit]
    "ww_places": None,  # list[tuple[Span, str]]: place names in locative use, with ISO-3
    "ww_statements": None,  # list[StatementHit]
    "ww_events": None,  # list[EventHit]
    "ww_doc_tone": None,  # DocTone | None
}


def register() -> None:
    """Register the extensions (idempotent; spaCy keeps them per process)."""
    for name, default in _DOC_ATTRS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


def anchor_date(doc: Doc) -> tuple[dt.date | None, str]:
    """The date relative expressions are read against: dateline date, else publication."""
    dateline: Dateline | None = doc._.ww_dateline
    if dateline is not None and dateline.date and not dateline.date.startswith("X"):
        return dt.date.fromisoformat(dateline.date), "dateline"
    published = doc._.ww_published
    if published is not None:
        return published, "publication"
    return None, "none"


def mentions_in(doc: Doc, start: int, end: int) -> list[MentionHit]:
    """Mentions whose head token lies in tokens ``[start, end)``."""
    return [m for m in doc._.ww_mentions or () if start <= m.head.i < end]


def mention_at(doc: Doc, token: Token) -> MentionHit | None:
    """The mention that covers ``token``, if any."""
    for m in doc._.ww_mentions or ():
        if m.span.start <= token.i < m.span.end:
            return m
    return None
