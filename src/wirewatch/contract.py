"""The output contract: Extractions as the JSON every downstream tool relies on.

Field names and meanings follow DESIGN.md ("Output contract") and stay stable; fields may
be added. The inverse functions rebuild records from that JSON (the store keeps actors
and tone in this form).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from wirewatch.types import (
    ActorRef,
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

CONTRACT_VERSION = "1"


def actor_to_dict(ref: ActorRef | None) -> dict[str, Any] | None:
    """An ActorRef as the contract's ACTOR object (``members`` only for groups)."""
    if ref is None:
        return None
    out: dict[str, Any] = {
        "code": ref.code,
        "country": ref.country,
        "sector": ref.sector,
        "name": ref.name,
        "id": ref.id,
        "role": ref.role,
        "resolved_by": ref.resolved_by,
        "confidence": ref.confidence,
    }
    if ref.members:
        out["members"] = list(ref.members)
    return out


def actor_from_dict(data: dict[str, Any] | None) -> ActorRef | None:
    """Inverse of :func:`actor_to_dict`."""
    if data is None:
        return None
    return ActorRef(
        code=data["code"],
        country=data.get("country"),
        sector=data.get("sector"),
        name=data.get("name"),
        id=data.get("id"),
        members=tuple(data.get("members") or ()),
        role=data.get("role"),
        resolved_by=data.get("resolved_by", "dictionary"),
        confidence=float(data.get("confidence", 1.0)),
    )


def mention_to_dict(m: Mention) -> dict[str, Any]:
    return {"text": m.text, "start": m.start, "end": m.end, "sentence": m.sentence, "actor": actor_to_dict(m.actor)}


def mention_from_dict(d: dict[str, Any]) -> Mention:
    return Mention(d["text"], d["start"], d["end"], d.get("sentence", 0), actor_from_dict(d.get("actor")))


def span_to_dict(s: Span) -> dict[str, Any]:
    return {"text": s.text, "start": s.start, "end": s.end}


def statement_to_dict(s: Statement) -> dict[str, Any]:
    return {
        "speaker": mention_to_dict(s.speaker) if s.speaker else None,
        "cue": span_to_dict(s.cue),
        "content": span_to_dict(s.content),
        "kind": s.kind,
        "speech_act": {"cameo": s.speech_act.cameo, "name": s.speech_act.name},
        "addressee": actor_to_dict(s.addressee),
        "targets": [actor_to_dict(t) for t in s.targets],
        "modality": s.modality,
        "date": s.date,
        "date_source": s.date_source,
        "tone": {t.code: t.value for t in s.tone},
        "sentence": s.sentence,
    }


def statement_from_dict(d: dict[str, Any]) -> Statement:
    return Statement(
        sentence=d.get("sentence", 0),
        speaker=mention_from_dict(d["speaker"]) if d.get("speaker") else None,
        cue=Span(d["cue"]["text"], d["cue"]["start"], d["cue"]["end"]),
        content=Span(d["content"]["text"], d["content"]["start"], d["content"]["end"]),
        kind=d["kind"],
        speech_act=SpeechAct(d["speech_act"]["cameo"], d["speech_act"]["name"]),
        addressee=actor_from_dict(d.get("addressee")),
        targets=tuple(a for a in (actor_from_dict(t) for t in d.get("targets") or ()) if a is not None),
        modality=d.get("modality", "asserted"),
        date=d.get("date"),
        date_source=d.get("date_source", "none"),
        tone=tuple(Tone(k, float(v)) for k, v in (d.get("tone") or {}).items()),
    )


def event_to_dict(e: Event) -> dict[str, Any]:
    return {
        "source": actor_to_dict(e.source),
        "target": actor_to_dict(e.target),
        "cameo": e.cameo,
        "root": e.root,
        "name": e.name,
        "plover": {"type": e.plover_type or None, "mode": e.plover_mode},
        "goldstein": e.goldstein,
        "quad_class": e.quad_class,
        "modality": e.modality,
        "date": e.date,
        "date_source": e.date_source,
        "location": (
            {"name": e.location.name, "country": e.location.country, "lat": e.location.lat, "lon": e.location.lon}
            if e.location
            else None
        ),
        "evidence": {
            "text": e.evidence.text,
            "start": e.evidence.start,
            "end": e.evidence.end,
            "sentence": e.evidence.sentence,
        },
        "tone": e.tone,
        "trigger": span_to_dict(e.trigger) if e.trigger else None,
        "background": e.background,
    }


def event_from_dict(d: dict[str, Any]) -> Event:
    loc = d.get("location")
    ev = d["evidence"]
    return Event(
        source=actor_from_dict(d.get("source")),
        target=actor_from_dict(d.get("target")),
        cameo=d["cameo"],
        root=d["root"],
        name=d.get("name", ""),
        plover_type=(d.get("plover") or {}).get("type") or "",
        plover_mode=(d.get("plover") or {}).get("mode"),
        goldstein=float(d["goldstein"]),
        quad_class=int(d.get("quad_class", 0)),
        modality=d.get("modality", "asserted"),
        date=d.get("date"),
        date_source=d.get("date_source", "none"),
        evidence=Evidence(ev["text"], ev["start"], ev["end"], ev.get("sentence", 0)),
        location=Location(loc["name"], loc.get("country"), loc.get("lat"), loc.get("lon")) if loc else None,
        tone=d.get("tone"),
        trigger=Span(d["trigger"]["text"], d["trigger"]["start"], d["trigger"]["end"]) if d.get("trigger") else None,
        background=bool(d.get("background", False)),
    )


def timex_to_dict(t: TimeRef) -> dict[str, Any]:
    return {
        "text": t.text,
        "start": t.start,
        "end": t.end,
        "sentence": t.sentence,
        "type": t.type,
        "value": t.value,
        "granularity": t.granularity,
        "anchor": t.anchor,
    }


def timex_from_dict(d: dict[str, Any]) -> TimeRef:
    return TimeRef(
        d["text"],
        d["start"],
        d["end"],
        d.get("sentence", 0),
        d["type"],
        d.get("value"),
        d.get("granularity", "unknown"),
        d.get("anchor", "none"),
    )


def dateline_to_dict(d: Dateline | None) -> dict[str, Any] | None:
    if d is None:
        return None
    return {"source": d.source, "place": d.place, "date": d.date, "text": d.text, "start": d.start, "end": d.end}


def dateline_from_dict(d: dict[str, Any] | None) -> Dateline | None:
    if d is None:
        return None
    return Dateline(d["text"], d["start"], d["end"], d.get("source"), d.get("place"), d.get("date"))


def versions_to_dict(v: Versions) -> dict[str, str]:
    return {
        "wirewatch": v.wirewatch,
        "spacy": v.spacy,
        "model": v.model,
        "model_version": v.model_version,
        "actors": v.actors,
        "ontology": v.ontology,
    }


def extraction_to_dict(x: Extraction) -> dict[str, Any]:
    """One article's records as the contract's JSON object.

    Example:
        >>> import json
        >>> json.dumps(extraction_to_dict(extraction))  # doctest: +SKIP
    """
    a = x.article
    return {
        "id": a.id,
        "published": a.published.isoformat() if a.published else None,
        "title": a.title,
        "source": a.source,
        "url": a.url,
        "dateline": dateline_to_dict(x.dateline),
        "mentions": [mention_to_dict(m) for m in x.mentions],
        "timexes": [timex_to_dict(t) for t in x.timexes],
        "statements": [statement_to_dict(s) for s in x.statements],
        "events": [event_to_dict(e) for e in x.events],
        "doc_tone": (
            {
                "tone": x.doc_tone.tone,
                "positive": x.doc_tone.positive,
                "negative": x.doc_tone.negative,
                "words": x.doc_tone.words,
            }
            if x.doc_tone
            else None
        ),
        "versions": versions_to_dict(x.versions),
        "contract": CONTRACT_VERSION,
    }


def extraction_from_dict(d: dict[str, Any], text: str) -> Extraction:
    """Rebuild an Extraction from its contract JSON and the article text."""
    published = dt.date.fromisoformat(d["published"]) if d.get("published") else None
    tone = d.get("doc_tone")
    return Extraction(
        article=Article(d["id"], text, published, d.get("source"), d.get("url"), d.get("title")),
        versions=Versions(**d["versions"]),
        dateline=dateline_from_dict(d.get("dateline")),
        mentions=tuple(mention_from_dict(m) for m in d.get("mentions") or ()),
        timexes=tuple(timex_from_dict(t) for t in d.get("timexes") or ()),
        statements=tuple(statement_from_dict(s) for s in d.get("statements") or ()),
        events=tuple(event_from_dict(e) for e in d.get("events") or ()),
        doc_tone=DocTone(tone["positive"], tone["negative"], tone["words"]) if tone else None,
    )
