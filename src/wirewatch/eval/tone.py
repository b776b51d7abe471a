"""Tone toward a marked target against NewsMTSC polarity gold (-1, 0, +1).

Each record is a sentence and a target mention; wirewatch's tone toward the mention is
read as negative below -THRESHOLD, positive above +THRESHOLD, neutral between.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from wirewatch.eval.scoring import PRF, class_scores
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
    return class_scores("polarity", gold, pred, LABELS, lambda label: f"{label:+d}")


def macro_f1(rows: list[tuple[str, PRF]]) -> float:
    """Mean F1 over the three polarity classes."""
    per_class = [m.f1 for name, m in rows if name.startswith("polarity ") and name != "polarity accuracy"]
    return sum(per_class) / len(per_class) if per_class else 0.0
