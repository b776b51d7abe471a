"""The only place a spaCy Doc becomes wirewatch records.

Offsets in the Doc are relative to the text after the dateline; here they become offsets
into the article text as given, so ``article.text[start:end]`` is every record's text.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Span

from wirewatch.coding.ontology import load_ontology
from wirewatch.ingest.dateline import date_span
from wirewatch.nlp.extensions import EventHit, MentionHit, StatementHit
from wirewatch.types import (
    Article,
    Dateline,
    Event,
    Evidence,
    Extraction,
    Mention,
    SpeechAct,
    Statement,
    TimeRef,
    Tone,
    Versions,
)
from wirewatch.types import Span as TextSpan


class _Offsets:
    """Maps Doc character offsets to article offsets and sentence indexes."""

    def __init__(self, doc: Doc, article: Article) -> None:
        self.text = article.text
        self.offset = doc._.ww_offset or 0
        self.sent_starts = [s.start_char for s in doc.sents]

    def sentence(self, doc_char: int) -> int:
        return max(0, bisect_right(self.sent_starts, doc_char) - 1)

    def chars(self, start: int, end: int) -> tuple[str, int, int]:
        s, e = start + self.offset, end + self.offset
        return self.text[s:e], s, e

    def span(self, span: Span) -> tuple[str, int, int]:
        return self.chars(span.start_char, span.end_char)


def to_extraction(doc: Doc, article: Article, versions: Versions) -> Extraction:
    """Convert a processed Doc into an Extraction."""
    offsets = _Offsets(doc, article)
    return Extraction(
        article=article,
        versions=versions,
        dateline=doc._.ww_dateline,
        mentions=tuple(_mention(m, offsets) for m in doc._.ww_mentions or ()),
        timexes=(
            *_dateline_timex(doc._.ww_dateline, article),
            *(
                TimeRef(
                    *offsets.span(t.span), offsets.sentence(t.span.start_char), t.type, t.value, t.granularity, t.anchor
                )
                for t in doc._.ww_timexes or ()
            ),
        ),
        statements=tuple(_statement(s, offsets) for s in doc._.ww_statements or ()),
        events=tuple(_event(e, offsets) for e in doc._.ww_events or ()),
        doc_tone=doc._.ww_doc_tone,
    )


def _dateline_timex(dateline: Dateline | None, article: Article) -> tuple[TimeRef, ...]:
    """The day in the dateline ("MOSCOW, Dec 2 (Reuters) -") is a time expression too."""
    span = date_span(dateline) if dateline is not None else None
    if span is None:
        return ()
    start, end = span
    return (TimeRef(article.text[start:end], start, end, 0, "DATE", dateline.date, "day", "dateline"),)


def _mention(hit: MentionHit, offsets: _Offsets) -> Mention:
    text, start, end = offsets.span(hit.span)
    return Mention(text, start, end, offsets.sentence(hit.span.start_char), hit.actor)


def _statement(hit: StatementHit, offsets: _Offsets) -> Statement:
    speaker = None
    if hit.speaker is not None:
        speaker = _mention(hit.speaker, offsets)
    elif hit.speaker_span is not None:
        text, start, end = offsets.span(hit.speaker_span)
        speaker = Mention(text, start, end, offsets.sentence(hit.speaker_span.start_char), None)
    code = load_ontology().lookup(hit.cameo)
    return Statement(
        sentence=hit.sentence,
        speaker=speaker,
        cue=TextSpan(*offsets.span(hit.cue)),
        content=TextSpan(*offsets.chars(hit.content_start, hit.content_end)),
        kind=hit.kind,
        speech_act=SpeechAct(code.code, code.name),
        addressee=hit.addressee,
        targets=tuple(hit.targets),
        modality=hit.modality,
        date=hit.date,
        date_source=hit.date_source,
        tone=tuple(Tone(c, v) for c, v in hit.tone.items()),
    )


def _event(hit: EventHit, offsets: _Offsets) -> Event:
    code = load_ontology().lookup(hit.cameo)
    text, start, end = offsets.span(hit.evidence)
    return Event(
        source=hit.source,
        target=hit.target,
        cameo=code.code,
        root=code.root,
        name=code.name,
        plover_type=code.plover_type,
        plover_mode=code.plover_mode,
        goldstein=code.goldstein,
        quad_class=code.quad_class,
        modality=hit.modality,
        date=hit.date,
        date_source=hit.date_source,
        evidence=Evidence(text, start, end, offsets.sentence(hit.evidence.start_char)),
        location=hit.location,
        tone=hit.tone,
        trigger=TextSpan(*offsets.span(hit.trigger)) if hit.trigger is not None else None,
        background=hit.background,
    )
