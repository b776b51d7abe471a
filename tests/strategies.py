"""Hypothesis strategies for wirewatch records."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from wirewatch.types import (
    ActorRef,
    Alert,
    Article,
    Dateline,
    DocTone,
    Event,
    Evidence,
    Extraction,
    Location,
    Mention,
    Span,
    SpeechAct,
    Statement,
    TimeRef,
    Tone,
    Versions,
)

text = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=40)
short = st.text(st.characters(min_codepoint=48, max_codepoint=90), min_size=1, max_size=8)
maybe = lambda s: st.none() | s  # noqa: E731
offsets = st.integers(min_value=0, max_value=10_000)
unit = st.floats(min_value=-1, max_value=1, allow_nan=False)
dates = st.dates(min_value=dt.date(1980, 1, 1), max_value=dt.date(2030, 12, 31))
date_values = maybe(st.sampled_from(["2020-12-02", "2020-W48", "2020-08", "2020", "PRESENT_REF", "P26Y", "XXXX-12-02"]))

actors = st.builds(
    ActorRef,
    code=short,
    country=maybe(st.sampled_from(["RUS", "BLR", "POL"])),
    sector=maybe(st.sampled_from(["GOV", "OPP", "CVL"])),
    name=maybe(text),
    id=maybe(short),
    members=st.lists(short, max_size=3).map(tuple),
    role=maybe(text),
    resolved_by=st.sampled_from(["dictionary", "coreference", "context"]),
    confidence=st.floats(min_value=0, max_value=1, allow_nan=False),
)
spans = st.builds(Span, text=text, start=offsets, end=offsets)
mentions = st.builds(Mention, text=text, start=offsets, end=offsets, sentence=offsets, actor=maybe(actors))
tones = st.lists(st.builds(Tone, code=short, value=unit), max_size=3, unique_by=lambda t: t.code).map(tuple)
statements = st.builds(
    Statement,
    sentence=offsets,
    speaker=maybe(mentions),
    cue=spans,
    content=spans,
    kind=st.sampled_from(["direct", "indirect", "mixed"]),
    speech_act=st.builds(SpeechAct, cameo=st.sampled_from(["010", "027", "0341"]), name=text),
    addressee=maybe(actors),
    targets=st.lists(actors, max_size=3).map(tuple),
    modality=st.sampled_from(["asserted", "future", "conditional", "negated"]),
    date=date_values,
    date_source=st.sampled_from(["text", "publication", "none"]),
    tone=tones,
)
events = st.builds(
    Event,
    source=maybe(actors),
    target=maybe(actors),
    cameo=st.sampled_from(["042", "173", "0341"]),
    root=st.sampled_from(["04", "17", "03"]),
    name=text,
    plover_type=st.sampled_from(["", "CONSULT", "COERCE"]),
    plover_mode=maybe(st.sampled_from(["visit", "arrest"])),
    goldstein=st.floats(min_value=-10, max_value=10, allow_nan=False),
    quad_class=st.integers(min_value=1, max_value=4),
    modality=st.sampled_from(["asserted", "reported", "hypothetical"]),
    date=date_values,
    date_source=st.sampled_from(["text", "dateline", "none"]),
    evidence=st.builds(Evidence, text=text, start=offsets, end=offsets, sentence=offsets),
    location=maybe(st.builds(Location, name=text, country=maybe(short), lat=maybe(unit), lon=maybe(unit))),
    tone=maybe(unit),
    trigger=maybe(spans),
    background=st.booleans(),
)
versions = st.builds(
    Versions, wirewatch=short, spacy=short, model=short, model_version=short, actors=short, ontology=short
)


@st.composite
def extractions(draw) -> Extraction:
    article = Article(
        id=draw(short),
        text=draw(text.filter(lambda t: t.strip())),
        published=draw(maybe(dates)),
        source=draw(maybe(text)),
        url=draw(maybe(text)),
        title=draw(maybe(text)),
        origin=draw(maybe(text)),
    )
    return Extraction(
        article=article,
        versions=draw(versions),
        dateline=draw(
            maybe(
                st.builds(
                    Dateline,
                    text=text,
                    start=offsets,
                    end=offsets,
                    source=maybe(text),
                    place=maybe(text),
                    date=date_values,
                )
            )
        ),
        mentions=tuple(draw(st.lists(mentions, max_size=4))),
        timexes=tuple(
            draw(
                st.lists(
                    st.builds(
                        TimeRef,
                        text=text,
                        start=offsets,
                        end=offsets,
                        sentence=offsets,
                        type=st.sampled_from(["DATE", "DURATION"]),
                        value=date_values,
                        granularity=st.sampled_from(["day", "week"]),
                        anchor=st.sampled_from(["publication", "previous"]),
                    ),
                    max_size=3,
                )
            )
        ),
        statements=tuple(draw(st.lists(statements, max_size=3))),
        events=tuple(draw(st.lists(events, max_size=3))),
        doc_tone=draw(
            maybe(
                st.builds(DocTone, positive=st.floats(0, 100), negative=st.floats(0, 100), words=st.integers(0, 5000))
            )
        ),
    )


def alert_for(x: Extraction, rule: str = "r") -> Alert:
    return Alert(
        rule=rule,
        article_id=x.article.id,
        record="statement",
        index=0,
        source="RUSGOV",
        target="BLR",
        date="2020-12-02",
        message="m",
        evidence=Evidence("e", 0, 1, 0),
        matched=("code 027",),
    )
