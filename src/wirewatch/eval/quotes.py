"""Statements against quote-attribution gold (PolNeAR): source, cue and content spans.

Each role is scored on its own, exact (same text once quotation marks and outer
punctuation are stripped) and by overlap, with one-to-one matching per document.

"quote speaker" asks what a reader of direct quotes cares about: of the gold attributions
whose content is a quotation, how many have a statement over their words (recall) and,
of those, how many give the quote the gold speaker (precision).

Where a record also carries other annotators' attributions (PolNeAR annotated a few
articles several times, ``gold.quotes_other_annotators``), the same overlap measures
score each other annotator against the primary one ("annotators: ...") and the
statements on just those articles ("same articles: ..."): how far people agree is
the ceiling any extractor can be measured against.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from wirewatch.eval.scoring import PRF, match_one_to_one, overlaps, strip_text
from wirewatch.types import Extraction

ROLES = ("source", "cue", "content")

Span = tuple[int, int]


@dataclass(frozen=True)
class Attribution:
    """One predicted attribution: the character span of each role it has."""

    source: Span | None
    cue: Span | None
    content: Span | None


def _from_statements(x: Extraction) -> list[Attribution]:
    def span(s):
        return None if s is None else (s.start, s.end)

    return [Attribution(span(s.speaker), span(s.cue), span(s.content)) for s in x.statements]


def _spans(quote: dict[str, Any], role: str) -> list[Span]:
    """The pieces of one role of a gold attribution (brat spans can be discontinuous)."""
    return [(s["start"], s["end"]) for s in quote.get(role) or () if s.get("start") is not None]


def _from_annotation(quotes: Iterable[dict[str, Any]]) -> list[Attribution]:
    # An annotator's discontinuous span is read as the stretch from its first to its last piece.
    def envelope(quote, role):
        spans = _spans(quote, role)
        return (min(s for s, _ in spans), max(e for _, e in spans)) if spans else None

    return [Attribution(envelope(q, "source"), envelope(q, "cue"), envelope(q, "content")) for q in quotes]


def _gold_roles(quotes: Iterable[dict[str, Any]], role: str) -> list[list[Span]]:
    return [spans for quote in quotes if (spans := _spans(quote, role))]


def _same_text(text: str, p: Span, g: list[Span]) -> bool:
    envelope = text[min(s for s, _ in g) : max(e for _, e in g)]
    return strip_text(text[p[0] : p[1]]) in {strip_text(envelope), *(strip_text(text[s:e]) for s, e in g)}


def _any_overlap(p: Span, g: list[Span]) -> bool:
    return any(overlaps(p, segment) for segment in g)


QUOTE_MARKS = frozenset("\"“‘'")


def _quote_speakers(text: str, gold: Sequence[dict[str, Any]], predicted: list[Attribution], table: PRF) -> None:
    for quote in gold:
        sources, content = _spans(quote, "source"), _spans(quote, "content")
        if not sources or not content or text[content[0][0] : content[0][0] + 1] not in QUOTE_MARKS:
            continue
        over = [a for a in predicted if a.content is not None and _any_overlap(a.content, content)]
        right = any(a.source is not None and _any_overlap(a.source, sources) for a in over)
        table.add(int(right), int(bool(over)), 1)


def _add_roles(
    text: str, gold: Sequence[dict[str, Any]], predicted: list[Attribution], tables: dict[str, PRF], exact: bool
) -> None:
    for role in ROLES:
        gold_spans = _gold_roles(gold, role)
        pred = [span for a in predicted if (span := getattr(a, role)) is not None]
        if exact:
            same = match_one_to_one(pred, gold_spans, lambda p, g: _same_text(text, p, g))
            tables[f"{role} exact"].add(len(same), len(pred), len(gold_spans))
        tables[f"{role} overlap"].add(len(match_one_to_one(pred, gold_spans, _any_overlap)), len(pred), len(gold_spans))


def score(pairs: Iterable[tuple[dict[str, Any], Extraction]]) -> list[tuple[str, PRF]]:
    """Score extractions against ``gold.quotes``, and annotator agreement where the gold has it."""
    tables = {f"{role} {kind}": PRF() for role in ROLES for kind in ("exact", "overlap")}
    tables["quote speaker"] = PRF()
    people = {f"{role} overlap": PRF() for role in ROLES}
    ours = {f"{role} overlap": PRF() for role in ROLES}
    for record, x in pairs:
        text, gold, predicted = record["text"], record["gold"].get("quotes") or (), _from_statements(x)
        _quote_speakers(text, gold, predicted, tables["quote speaker"])
        _add_roles(text, gold, predicted, tables, exact=True)
        others = record["gold"].get("quotes_other_annotators") or {}
        if others:
            _add_roles(text, gold, predicted, ours, exact=False)
        for quotes in others.values():
            _add_roles(text, gold, _from_annotation(quotes), people, exact=False)
    agreement = []
    if any(m.tp + m.fn for m in people.values()):
        agreement = [(f"annotators: {name}", people[name]) for name in people]
        agreement += [(f"same articles: {name}", ours[name]) for name in ours]
    return [*tables.items(), *agreement]
