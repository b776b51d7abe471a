"""Precision, recall and F1, and span matching shared by the evaluation tasks."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from wirewatch.errors import InputError


@dataclass
class PRF:
    """Counts of true positives, false positives and false negatives."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, tp: int, predicted: int, gold: int) -> None:
        self.tp += tp
        self.fp += predicted - tp
        self.fn += gold - tp

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def row(self, name: str) -> dict[str, Any]:
        return {
            "measure": name,
            "precision": round(100 * self.precision, 1),
            "recall": round(100 * self.recall, 1),
            "f1": round(100 * self.f1, 1),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


def read_records(path: Path | str, limit: int | None = None) -> Iterator[dict[str, Any]]:
    """Records of a uniform-format gold file (one JSON object per line).

    Raises:
        InputError: the file is missing or a line is not JSON.
    """
    path = Path(path)
    if not path.exists():
        raise InputError(str(path), "no such gold file; give the path to a dev.jsonl file")
    count = 0
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                yield json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"{path}:{number}", f"not a JSON record ({exc.msg})") from exc
            count += 1
            if limit is not None and count >= limit:
                return


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def match_one_to_one(predicted: list[Any], gold: list[Any], same) -> list[tuple[Any, Any]]:
    """Greedy one-to-one matching: each gold item takes the first unmatched prediction ``same`` accepts."""
    pairs = []
    used: set[int] = set()
    for g in gold:
        for i, p in enumerate(predicted):
            if i not in used and same(p, g):
                used.add(i)
                pairs.append((p, g))
                break
    return pairs


def strip_text(text: str) -> str:
    """Text without surrounding quotation marks, punctuation and spaces (for exact matches)."""
    return text.strip(" \t\n\"'“”‘’.,;:!?()[]—–-")


def class_scores(
    name: str, gold: list[Any], pred: list[Any], labels: Iterable[Any], label_name=str
) -> list[tuple[str, PRF]]:
    """Accuracy and per-class precision/recall/F1 of a single-label classification.

    Rows are named ``"<name> accuracy"`` and ``"<name> <label_name(label)>"``.
    """
    accuracy = PRF()
    accuracy.add(sum(g == p for g, p in zip(gold, pred, strict=True)), len(gold), len(gold))
    out = [(f"{name} accuracy", accuracy)]
    for label in labels:
        m = PRF()
        m.add(
            sum(1 for g, p in zip(gold, pred, strict=True) if g == p == label),
            sum(1 for p in pred if p == label),
            sum(1 for g in gold if g == label),
        )
        out.append((f"{name} {label_name(label)}", m))
    return out


def rows(metrics: Iterable[tuple[str, PRF]]) -> list[dict[str, Any]]:
    return [m.row(name) for name, m in metrics]
