"""One real-world event, counted once: grouping event mentions across articles.

Two event records report the same occurrence when they have the same source and target,
the same CAMEO root, dates within WINDOW_DAYS of each other, and either the same code or
evidence that shares enough words. Series and alerts count clusters, not records, and
every event says how many articles reported it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass

WINDOW_DAYS = 3
MIN_SIMILARITY = 0.15
_WORD = re.compile(r"[a-z][a-z'-]{3,}")
_STOP = frozenset(
    (
        "that",
        "this",
        "with",
        "from",
        "have",
        "been",
        "were",
        "will",
        "would",
        "said",
        "says",
        "they",
        "their",
        "there",
        "which",
        "about",
        "after",
        "before",
        "also",
        "into",
        "over",
        "than",
        "them",
        "then",
        "when",
        "where",
        "while",
        "what",
        "other",
        "more",
        "most",
        "some",
        "such",
    )
)


@dataclass(frozen=True)
class Candidate:
    """A cluster an event may join."""

    id: str
    cameo: str
    date_start: dt.date
    date_end: dt.date
    words: frozenset[str]


def words_of(text: str) -> frozenset[str]:
    """The content words used to compare two reports of an event."""
    return frozenset(w for w in _WORD.findall(text.lower()) if w not in _STOP)


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """Jaccard overlap of two word sets."""
    return len(a & b) / len(a | b) if a and b else 0.0


def best_match(cameo: str, words: frozenset[str], candidates: list[Candidate]) -> Candidate | None:
    """The candidate cluster the event belongs to, if any (same code first, then words)."""
    scored = []
    for c in candidates:
        same_code = c.cameo == cameo
        score = similarity(words, c.words)
        if same_code or score >= MIN_SIMILARITY:
            scored.append((same_code, score, c))
    if not scored:
        return None
    scored.sort(key=lambda item: (item[0], item[1]), reverse=True)
    return scored[0][2]


def cluster_id(article_id: str, index: int) -> str:
    """A new cluster's id, from the event that opens it."""
    return hashlib.sha256(f"{article_id}\x00{index}".encode()).hexdigest()[:20]
