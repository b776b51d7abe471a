"""Tone toward a marked target against NewsMTSC polarity gold (-1, 0, +1).

Each record is a sentence and a target mention; wirewatch's tone toward the mention is
read as negative below -THRESHOLD, positive above +THRESHOLD, neutral between.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from wirewatch.eval.scoring import PRF
from wirewatch.types import Article

THRESHOLD = 0.1
LABELS = (-1, 0, 1)


def polarity(tone: float | None, threshold: float = THRESHOLD) -> int:
    """-1, 0 or +1 from a tone value."""
    if tone is None or abs(tone) <= threshold:
        return 0
    return 1 if tone > 0 else -1


def score(records: Iterable[dict[str, Any]], extractor) -> list[tuple[str, PRF]]:
    """Accuracy and per-class P/R/F1 of polarity toward each record's target."""
    gold: list[int] = []
    pred: list[int] = []
    for index, record in enumerate(records):
        target = record["gold"]["target"]
        article = Article(id=str(record.get("id", index)), text=record["text"], origin=f"record {index}")
        try:
            tone = extractor.tone_toward(article, target["start"], target["end"])
        except Exception:
            tone = None
        gold.append(int(record["gold"]["polarity"]))
        pred.append(polarity(tone))
    accuracy = PRF()
    accuracy.add(sum(g == p for g, p in zip(gold, pred, strict=True)), len(gold), len(gold))
    rows: list[tuple[str, PRF]] = [("polarity accuracy", accuracy)]
    for label in LABELS:
        m = PRF()
        m.add(
            sum(1 for g, p in zip(gold, pred, strict=True) if g == p == label),
            sum(1 for p in pred if p == label),
            sum(1 for g in gold if g == label),
        )
        rows.append((f"polarity {label:+d}", m))
    return rows


def macro_f1(rows: list[tuple[str, PRF]]) -> float:
    """Mean F1 over the three polarity classes."""
    per_class = [m.f1 for name, m in rows if name.startswith("polarity ") and name != "polarity accuracy"]
    return sum(per_class) / len(per_class) if per_class else 0.0
