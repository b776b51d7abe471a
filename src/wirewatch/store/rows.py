"""Extractions as table rows and back, shared by every store backend."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import Any

from wirewatch.coding.timenorm import value_interval
from wirewatch.contract import (
    actor_from_dict,
    actor_to_dict,
    dateline_from_dict,
    dateline_to_dict,
    versions_to_dict,
)
from wirewatch.ingest.article import content_hash
from wirewatch.types import (
    Alert,
    Article,
    DocTone,
    Event,
    Evidence,
    Extraction,
    Failure,
    Location,
    Mention,
    Span,
    SpeechAct,
    Statement,
    TimeRef,
    Tone,
    Versions,
)

ARTICLE_COLUMNS = (
    "id",
    "content_hash",
    "published",
    "source",
    "url",
    "title",
    "origin",
    "text",
    "dateline",
    "doc_tone",
    "doc_positive",
    "doc_negative",
    "words",
    "pipeline",
    "versions",
    "ingested_at",
    "text_hash",
)
MENTION_COLUMNS = (
    "article_id",
    "idx",
    "sentence",
    "start_char",
    "end_char",
    "text",
    "code",
    "country",
    "sector",
    "actor_id",
    "resolved_by",
    "confidence",
    "actor",
)
TIMEX_COLUMNS = (
    "article_id",
    "idx",
    "sentence",
    "start_char",
    "end_char",
    "text",
    "type",
    "value",
    "granularity",
    "anchor",
)
STATEMENT_COLUMNS = (
    "article_id",
    "idx",
    "sentence",
    "speaker_code",
    "speaker_country",
    "speaker_name",
    "speaker",
    "cue_text",
    "cue_start",
    "cue_end",
    "content_text",
    "content_start",
    "content_end",
    "kind",
    "cameo",
    "speech_act",
    "addressee_code",
    "addressee",
    "target_codes",
    "targets",
    "modality",
    "date",
    "date_start",
    "date_end",
    "date_source",
    "tone",
)
EVENT_COLUMNS = (
    "article_id",
    "idx",
    "sentence",
    "source_code",
    "source_country",
    "source",
    "target_code",
    "target_country",
    "target",
    "cameo",
    "root",
    "name",
    "plover_type",
    "plover_mode",
    "goldstein",
    "quad_class",
    "modality",
    "date",
    "date_start",
    "date_end",
    "date_source",
    "location",
    "evidence_text",
    "evidence_start",
    "evidence_end",
    "tone",
    "trigger_text",
    "trigger_start",
    "trigger_end",
    "background",
)
ALERT_COLUMNS = (
    "id",
    "rule",
    "article_id",
    "record",
    "idx",
    "source_code",
    "target_code",
    "date",
    "message",
    "evidence",
    "matched",
    "created_at",
    "date_start",
)
FAILURE_COLUMNS = ("id", "origin", "article_id", "reason", "failed_at")


def _json(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False)


def _interval(value: str | None) -> tuple[dt.date | None, dt.date | None]:
    found = value_interval(value)
    return found if found else (None, None)


def article_row(x: Extraction, now: dt.datetime) -> tuple:
    a = x.article
    tone = x.doc_tone
    return (
        a.id,
        content_hash(a.text, a.url),
        a.published,
        a.source,
        a.url,
        a.title,
        a.origin,
        a.text,
        _json(dateline_to_dict(x.dateline)),
        tone.tone if tone else None,
        tone.positive if tone else None,
        tone.negative if tone else None,
        tone.words if tone else None,
        x.versions.pipeline,
        _json(versions_to_dict(x.versions)),
        now,
        content_hash(a.text),
    )


def mention_rows(x: Extraction) -> list[tuple]:
    rows = []
    for i, m in enumerate(x.mentions):
        a = m.actor
        rows.append(
            (
                x.article.id,
                i,
                m.sentence,
                m.start,
                m.end,
                m.text,
                a.code if a else None,
                a.country if a else None,
                a.sector if a else None,
                a.id if a else None,
                a.resolved_by if a else None,
                a.confidence if a else None,
                _json(actor_to_dict(a)),
            )
        )
    return rows


def timex_rows(x: Extraction) -> list[tuple]:
    return [
        (x.article.id, i, t.sentence, t.start, t.end, t.text, t.type, t.value, t.granularity, t.anchor)
        for i, t in enumerate(x.timexes)
    ]


def statement_rows(x: Extraction) -> list[tuple]:
    rows = []
    for i, s in enumerate(x.statements):
        speaker = s.speaker
        actor = speaker.actor if speaker else None
        start, end = _interval(s.date)
        speaker_json = (
            {
                "text": speaker.text,
                "start": speaker.start,
                "end": speaker.end,
                "sentence": speaker.sentence,
                "actor": actor_to_dict(actor),
            }
            if speaker
            else None
        )
        rows.append(
            (
                x.article.id,
                i,
                s.sentence,
                actor.code if actor else None,
                actor.country if actor else None,
                (actor.name if actor and actor.name else speaker.text if speaker else None),
                _json(speaker_json),
                s.cue.text,
                s.cue.start,
                s.cue.end,
                s.content.text,
                s.content.start,
                s.content.end,
                s.kind,
                s.speech_act.cameo,
                s.speech_act.name,
                s.addressee.code if s.addressee else None,
                _json(actor_to_dict(s.addressee)),
                "|" + "|".join(t.code for t in s.targets) + "|",
                _json([actor_to_dict(t) for t in s.targets]),
                s.modality,
                s.date,
                start,
                end,
                s.date_source,
                _json({t.code: t.value for t in s.tone}),
            )
        )
    return rows


def event_rows(x: Extraction) -> list[tuple]:
    rows = []
    for i, e in enumerate(x.events):
        start, end = _interval(e.date)
        loc = e.location
        rows.append(
            (
                x.article.id,
                i,
                e.evidence.sentence,
                e.source.code if e.source else None,
                _country(e.source),
                _json(actor_to_dict(e.source)),
                e.target.code if e.target else None,
                _country(e.target),
                _json(actor_to_dict(e.target)),
                e.cameo,
                e.root,
                e.name,
                e.plover_type or None,
                e.plover_mode,
                e.goldstein,
                e.quad_class,
                e.modality,
                e.date,
                start,
                end,
                e.date_source,
                _json({"name": loc.name, "country": loc.country, "lat": loc.lat, "lon": loc.lon} if loc else None),
                e.evidence.text,
                e.evidence.start,
                e.evidence.end,
                e.tone,
                e.trigger.text if e.trigger else None,
                e.trigger.start if e.trigger else None,
                e.trigger.end if e.trigger else None,
                e.background,
            )
        )
    return rows


def _country(ref) -> str | None:
    # Country-level dyads: a country actor's ISO-3, else the whole code (IGOs, groups).
    if ref is None:
        return None
    return ref.country or ref.code


def alert_id(alert: Alert, cluster: str | None = None) -> str:
    """The alert's id: per rule and real-world event when the event is known, else per record."""
    if cluster:
        key = f"{alert.rule}\x00cluster\x00{cluster}"
    else:
        key = f"{alert.rule}\x00{alert.article_id}\x00{alert.record}\x00{alert.index}"
    return hashlib.sha256(key.encode()).hexdigest()[:20]


def alert_row(alert: Alert, now: dt.datetime, key: str | None = None) -> tuple:
    ev = alert.evidence
    return (
        key or alert_id(alert),
        alert.rule,
        alert.article_id,
        alert.record,
        alert.index,
        alert.source,
        alert.target,
        alert.date,
        alert.message,
        _json({"text": ev.text, "start": ev.start, "end": ev.end, "sentence": ev.sentence}),
        _json(list(alert.matched)),
        now,
        _interval(alert.date)[0],
    )


def failure_row(failure: Failure, now: dt.datetime) -> tuple:
    key = f"{failure.origin}\x00{failure.reason}"
    return (hashlib.sha256(key.encode()).hexdigest()[:20], failure.origin, failure.article_id, failure.reason, now)


# ---------------------------------------------------------------------- reading back


def _load(value: str | None) -> Any:
    return None if value is None else json.loads(value)


def extraction_from_rows(
    article: dict[str, Any], mentions: list[dict], timexes: list[dict], statements: list[dict], events: list[dict]
) -> Extraction:
    """Rebuild an Extraction from its stored rows (dicts keyed by column)."""
    published = article["published"]
    record = Article(
        id=article["id"],
        text=article["text"],
        published=published,
        source=article["source"],
        url=article["url"],
        title=article["title"],
        origin=article["origin"],
    )
    tone = None
    if article["words"] is not None:
        tone = DocTone(article["doc_positive"], article["doc_negative"], article["words"])
    return Extraction(
        article=record,
        versions=Versions(**_load(article["versions"])),
        dateline=dateline_from_dict(_load(article["dateline"])),
        mentions=tuple(
            Mention(m["text"], m["start_char"], m["end_char"], m["sentence"], actor_from_dict(_load(m["actor"])))
            for m in mentions
        ),
        timexes=tuple(
            TimeRef(
                t["text"],
                t["start_char"],
                t["end_char"],
                t["sentence"],
                t["type"],
                t["value"],
                t["granularity"],
                t["anchor"],
            )
            for t in timexes
        ),
        statements=tuple(_statement(s) for s in statements),
        events=tuple(_event(e) for e in events),
        doc_tone=tone,
    )


def _statement(s: dict[str, Any]) -> Statement:
    sp = _load(s["speaker"])
    speaker = Mention(sp["text"], sp["start"], sp["end"], sp["sentence"], actor_from_dict(sp["actor"])) if sp else None
    return Statement(
        sentence=s["sentence"],
        speaker=speaker,
        cue=Span(s["cue_text"], s["cue_start"], s["cue_end"]),
        content=Span(s["content_text"], s["content_start"], s["content_end"]),
        kind=s["kind"],
        speech_act=SpeechAct(s["cameo"], s["speech_act"]),
        addressee=actor_from_dict(_load(s["addressee"])),
        targets=tuple(a for a in (actor_from_dict(t) for t in _load(s["targets"]) or ()) if a is not None),
        modality=s["modality"],
        date=s["date"],
        date_source=s["date_source"],
        tone=tuple(Tone(k, v) for k, v in (_load(s["tone"]) or {}).items()),
    )


def _event(e: dict[str, Any]) -> Event:
    loc = _load(e["location"])
    return Event(
        source=actor_from_dict(_load(e["source"])),
        target=actor_from_dict(_load(e["target"])),
        cameo=e["cameo"],
        root=e["root"],
        name=e["name"],
        plover_type=e["plover_type"] or "",
        plover_mode=e["plover_mode"],
        goldstein=e["goldstein"],
        quad_class=e["quad_class"],
        modality=e["modality"],
        date=e["date"],
        date_source=e["date_source"],
        evidence=Evidence(e["evidence_text"], e["evidence_start"], e["evidence_end"], e["sentence"]),
        location=Location(loc["name"], loc["country"], loc["lat"], loc["lon"]) if loc else None,
        tone=e["tone"],
        trigger=Span(e["trigger_text"], e["trigger_start"], e["trigger_end"])
        if e["trigger_text"] is not None
        else None,
        background=bool(e["background"]),
    )
