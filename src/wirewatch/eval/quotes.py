"""Statements against quote-attribution gold (PolNeAR): source, cue and content spans.

Each role is scored on its own, exact (same text once quotation marks and outer
punctuation are stripped) and by overlap, with one-to-one matching per document.

"quote speaker" asks what a reader of direct quotes cares about: of the gold attributions
whose content is a quotation, how many have a statement over their words (recall) and,
of those, how many give the quote the gold speaker (precision).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from wirewatch.eval.scoring import PRF, match_one_to_one, overlaps, strip_text
from wirewatch.types import Extraction

ROLES = ("source", "cue", "content")


def _gold_roles(record: dict[str, Any], role: str) -> list[list[tuple[int, int]]]:
    out = []
    for quote in record["gold"].get("quotes") or ():
        spans = [(s["start"], s["end"]) for s in quote.get(role) or () if s.get("start") is not None]
        if spans:
            out.append(spans)
    return out


def _predicted(x: Extraction, role: str) -> list[tuple[int, int]]:
    out = []
    for s in x.statements:
        span = {"source": s.speaker, "cue": s.cue, "content": s.content}[role]
        if span is not None:
            out.append((span.start, span.end))
    return out


def _same_text(text: str, p: tuple[int, int], g: list[tuple[int, int]]) -> bool:
    envelope = text[min(s for s, _ in g) : max(e for _, e in g)]
    return strip_text(text[p[0] : p[1]]) in {strip_text(envelope), *(strip_text(text[s:e]) for s, e in g)}


def _any_overlap(p: tuple[int, int], g: list[tuple[int, int]]) -> bool:
    return any(overlaps(p, segment) for segment in g)


def _quote_speakers(record: dict[str, Any], x: Extraction, table: PRF) -> None:
    text = record["text"]
    for quote in record["gold"].get("quotes") or ():
        sources = [(s["start"], s["end"]) for s in quote.get("source") or () if s.get("start") is not None]
        content = [(s["start"], s["end"]) for s in quote.get("content") or () if s.get("start") is not None]
        if not sources or not content or text[content[0][0] : content[0][0] + 1] not in QUOTE_MARKS:
            continue
        over = [s for s in x.statements if _any_overlap((s.content.start, s.content.end), content)]
        right = any(s.speaker is not None and _any_overlap((s.speaker.start, s.speaker.end), sources) for s in over)
        table.add(int(right), int(bool(over)), 1)


QUOTE_MARKS = frozenset("\"“‘'")


def score(pairs: Iterable[tuple[dict[str, Any], Extraction]]) -> list[tuple[str, PRF]]:
    """Score extractions against ``gold.quotes``."""
    exact = {role: PRF() for role in ROLES}
    overlap = {role: PRF() for role in ROLES}
    quoted = PRF()
    for record, x in pairs:
        _quote_speakers(record, x, quoted)
        text = record["text"]
        for role in ROLES:
            gold = _gold_roles(record, role)
            pred = _predicted(x, role)
            exact_pairs = match_one_to_one(pred, gold, lambda p, g, text=text: _same_text(text, p, g))
            exact[role].add(len(exact_pairs), len(pred), len(gold))
            overlap[role].add(len(match_one_to_one(pred, gold, _any_overlap)), len(pred), len(gold))
    return [
        *(
            (f"{role} {kind}", table[role])
            for role in ROLES
            for kind, table in (("exact", exact), ("overlap", overlap))
        ),
        ("quote speaker", quoted),
    ]
