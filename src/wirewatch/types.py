"""The records wirewatch produces, as plain frozen dataclasses.

Everything after the NLP stage works on these types only: spaCy objects never leave
``wirewatch.nlp``. Character offsets are Python string indices (end exclusive) into the
article text exactly as given, so ``article.text[start:end] == record.text``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

#: Values of ``modality`` on statements and events.
MODALITIES = ("asserted", "reported", "future", "conditional", "hypothetical", "negated")
#: Values of ``kind`` on statements.
STATEMENT_KINDS = ("direct", "indirect", "mixed")
#: TimeML TIMEX3 types.
TIMEX_TYPES = ("DATE", "TIME", "DURATION", "SET")


@dataclass(frozen=True, slots=True)
class Span:
    """A piece of the article text."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Dateline:
    """The wire dateline at the head of a story (``MOSCOW, Dec 2 (Reuters) -``).

    It is recognized and recorded, never cut out of the text.

    Attributes:
        date: ISO date when the dateline gives a day and the year can be fixed, a TimeML
            value with an unknown year (``XXXX-12-02``) when it cannot, else None.
    """

    text: str
    start: int
    end: int
    source: str | None
    place: str | None
    date: str | None


@dataclass(frozen=True, slots=True)
class Article:
    """One news story as it entered wirewatch.

    Attributes:
        id: content hash of the normalized text and URL, or the id the input gave.
        published: publication date; None means undated, never "today".
        origin: where it came from (``path`` or ``path:line``), for error messages.
    """

    id: str
    text: str
    published: dt.date | None = None
    source: str | None = None
    url: str | None = None
    title: str | None = None
    origin: str | None = None


@dataclass(frozen=True, slots=True)
class ActorRef:
    """Who an actor is: a CAMEO-style code plus how it was found.

    Attributes:
        code: country + sector (``RUSGOV``), a bare country (``RUS``), an organization
            (``IGOCSTO``) or a group code.
        id: the canonical actor (``vladimir_putin``, ``CSTO``, ``baltic_states``) if known.
        members: ISO-3 codes of a group's members; empty for single actors.
        role: the office held on the article's date (``president``), if any.
        resolved_by: ``dictionary``, ``role``, ``title``, ``metonymy``, ``coreference``,
            ``context`` or ``ner``; ``+undated`` is appended when roles were taken
            without a date check.
    """

    code: str
    country: str | None = None
    sector: str | None = None
    name: str | None = None
    id: str | None = None
    members: tuple[str, ...] = ()
    role: str | None = None
    resolved_by: str = "dictionary"
    confidence: float = 1.0


@dataclass(frozen=True, slots=True)
class Mention:
    """An actor mention in the text, resolved to an actor.

    ``actor`` is None only for a statement's speaker that names someone the dictionary
    does not know ("a local teacher said").
    """

    text: str
    start: int
    end: int
    sentence: int
    actor: ActorRef | None


@dataclass(frozen=True, slots=True)
class TimeRef:
    """A time expression normalized like a TimeML TIMEX3.

    Attributes:
        type: DATE, TIME, DURATION or SET.
        value: ``2020-12-02``, ``2020-W48``, ``2020-08``, ``P26Y``, ``PRESENT_REF`` ...;
            None when neither the text nor the publication date fixes it.
        granularity: ``day``, ``week``, ``month``, ``quarter``, ``year``, ``time``,
            ``duration``, ``set`` or ``ref``.
        anchor: what the value was computed from: ``absolute``, ``publication``,
            ``dateline``, ``previous`` (an earlier time in the text) or ``none``.
    """

    text: str
    start: int
    end: int
    sentence: int
    type: str
    value: str | None
    granularity: str
    anchor: str


@dataclass(frozen=True, slots=True)
class SpeechAct:
    """A CAMEO verbal code (``027``) and its name."""

    cameo: str
    name: str


@dataclass(frozen=True, slots=True)
class Tone:
    """Tone toward one target on a -1 (hostile) .. +1 (friendly) scale."""

    code: str
    value: float


@dataclass(frozen=True, slots=True)
class Statement:
    """Something an actor said: a direct quote or reported speech.

    Attributes:
        speaker: the speaking mention, None when the text names nobody.
        cue: the verb or phrase that marks the speech (``said``, ``called on``).
        content: what was said.
        date_source: where ``date`` came from: ``text``, ``dateline``,
            ``publication`` (no time expression governs it) or ``none``.
    """

    sentence: int
    speaker: Mention | None
    cue: Span
    content: Span
    kind: str
    speech_act: SpeechAct
    addressee: ActorRef | None = None
    targets: tuple[ActorRef, ...] = ()
    modality: str = "asserted"
    date: str | None = None
    date_source: str = "none"
    tone: tuple[Tone, ...] = ()


@dataclass(frozen=True, slots=True)
class Location:
    """Where an event happened."""

    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None


@dataclass(frozen=True, slots=True)
class Evidence:
    """The text that supports a record: a span and the index of its sentence."""

    text: str
    start: int
    end: int
    sentence: int


@dataclass(frozen=True, slots=True)
class Event:
    """A coded event: source does CAMEO ``cameo`` to target.

    Attributes:
        root: the two-digit CAMEO root of ``cameo``.
        quad_class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict,
            4 material conflict.
        tone: tone of the evidence toward the target, -1..+1, or None if not scored.
        trigger: the words that carry the event (the verb, or a statement's cue).
        background: told as background, not news: a perfect tense ("have been jailed",
            "had promised") or a date well before publication.
    """

    source: ActorRef | None
    target: ActorRef | None
    cameo: str
    root: str
    name: str
    plover_type: str
    plover_mode: str | None
    goldstein: float
    quad_class: int
    modality: str
    date: str | None
    date_source: str
    evidence: Evidence
    location: Location | None = None
    tone: float | None = None
    trigger: Span | None = None
    background: bool = False


@dataclass(frozen=True, slots=True)
class DocTone:
    """Document tone in the GDELT style: shares of positive and negative words (percent)."""

    positive: float
    negative: float
    words: int

    @property
    def tone(self) -> float:
        """Positive minus negative share, as GDELT's document tone."""
        return round(self.positive - self.negative, 4)


@dataclass(frozen=True, slots=True)
class Versions:
    """What an Extraction was made with, so every result can be reproduced."""

    wirewatch: str
    spacy: str
    model: str
    model_version: str
    actors: str
    ontology: str

    @property
    def pipeline(self) -> str:
        """One string that changes whenever any part of the pipeline changes."""
        return (
            f"wirewatch-{self.wirewatch}+{self.model}-{self.model_version}+actors-{self.actors}+cameo-{self.ontology}"
        )


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything wirewatch found in one article."""

    article: Article
    versions: Versions
    dateline: Dateline | None = None
    mentions: tuple[Mention, ...] = ()
    timexes: tuple[TimeRef, ...] = ()
    statements: tuple[Statement, ...] = ()
    events: tuple[Event, ...] = ()
    doc_tone: DocTone | None = None


@dataclass(frozen=True, slots=True)
class Skipped:
    """An input an engine did not process: its article is stored by this pipeline already."""

    id: str


@dataclass(frozen=True, slots=True)
class Failure:
    """An input that could not be processed, kept with the reason."""

    origin: str
    reason: str
    article_id: str | None = None


@dataclass(frozen=True, slots=True)
class Alert:
    """A watch rule matched a record.

    Attributes:
        rule: the name of the rule that fired.
        record: ``statement`` or ``event``; ``index`` is its position in the article's
            Extraction.
    """

    rule: str
    article_id: str
    record: str
    index: int
    source: str | None
    target: str | None
    date: str | None
    message: str
    evidence: Evidence
    matched: tuple[str, ...] = field(default=())
