"""Time expressions against TempEval-3 TIMEX3 gold: extraction (strict, relaxed), type and value."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from wirewatch.eval.scoring import PRF, match_one_to_one, overlaps
from wirewatch.types import Extraction


def score(pairs: Iterable[tuple[dict[str, Any], Extraction]]) -> list[tuple[str, PRF]]:
    """Score extractions against gold records (``gold.timex``).

    Value and type count as correct only on a relaxed (overlapping) span match, as in
    TempEval-3's attribute scores.
    """
    strict, relaxed, value, type_ = PRF(), PRF(), PRF(), PRF()
    for record, x in pairs:
        gold = [t for t in record["gold"].get("timex") or () if t.get("start") is not None]
        pred = list(x.timexes)
        exact = {(t["start"], t["end"]) for t in gold} & {(t.start, t.end) for t in pred}
        strict.add(len(exact), len(pred), len(gold))
        matched = match_one_to_one(pred, gold, lambda p, g: overlaps((p.start, p.end), (g["start"], g["end"])))
        relaxed.add(len(matched), len(pred), len(gold))
        value.add(sum(1 for p, g in matched if same_value(p.value, g.get("value"))), len(pred), len(gold))
        type_.add(sum(1 for p, g in matched if p.type == g.get("type")), len(pred), len(gold))
    return [("span strict", strict), ("span relaxed", relaxed), ("type", type_), ("value", value)]


def same_value(predicted: str | None, gold: str | None) -> bool:
    """TIMEX3 values equal up to the zero padding of ISO weeks (``2000-W8`` = ``2000-W08``)."""
    if predicted is None or gold is None:
        return predicted == gold
    pad = re.compile(r"W(\d)(?=\b|-|$)")
    return pad.sub(r"W0\1", predicted) == pad.sub(r"W0\1", gold)
