"""Tone scoring: a lexicon of friendly and hostile news words, negation and hedges.

Document tone is in the GDELT style: the percentages of positive and negative words.
Tone toward a target (-1 hostile .. +1 friendly) is read from the parse around the target
by the tone component, blending in the prior of the CAMEO code (Goldstein / 10).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

#: Share of the CAMEO prior in a target's tone; the rest comes from the words.
PRIOR_WEIGHT = 0.6
NEGATION_WINDOW = 3


@dataclass(frozen=True)
class Lexicon:
    """Polar lemmas with weights, negators and hedges."""

    version: str
    weights: dict[str, float]
    negators: frozenset[str]
    hedges: frozenset[str]


@cache
def load_lexicon() -> Lexicon:
    """The shipped tone lexicon (read once per process)."""
    text = resources.files("wirewatch.coding").joinpath("data/tone.yaml").read_text("utf-8")
    data = yaml.safe_load(text)
    weights: dict[str, float] = {}
    for sign, key in ((1.0, "positive"), (-1.0, "negative")):
        for strength, words in data[key].items():
            for word in words:
                weights[str(word).lower()] = sign * float(strength)
    return Lexicon(
        version=str(data.get("version", "")),
        weights=weights,
        negators=frozenset(str(w).lower() for w in data["negators"]),
        hedges=frozenset(str(w).lower() for w in data["hedges"]),
    )


def word_scores(lemmas: Sequence[str], lexicon: Lexicon) -> list[float]:
    """The signed weight of each word, after negation and hedging.

    Example:
        >>> word_scores(["not", "support"], load_lexicon())
        [0.0, -2.0]
    """
    scores = [0.0] * len(lemmas)
    negate_until = -1
    hedged_until = -1
    for i, raw in enumerate(lemmas):
        lemma = raw.lower()
        if lemma in lexicon.negators:
            negate_until = i + NEGATION_WINDOW
            continue
        if lemma in lexicon.hedges:
            hedged_until = i + NEGATION_WINDOW + 2
            continue
        weight = lexicon.weights.get(lemma)
        if weight is None:
            continue
        if i <= negate_until:
            weight = -weight
            negate_until = -1
        if i <= hedged_until:
            weight /= 2
        scores[i] = weight
    return scores


def document_tone(lemmas: Sequence[str], lexicon: Lexicon) -> tuple[float, float, int]:
    """GDELT-style (positive %, negative %, word count) of a document."""
    words = [w for w in lemmas if any(c.isalpha() for c in w)]
    if not words:
        return 0.0, 0.0, 0
    scores = word_scores(words, lexicon)
    positive = sum(1 for s in scores if s > 0)
    negative = sum(1 for s in scores if s < 0)
    return round(100 * positive / len(words), 4), round(100 * negative / len(words), 4), len(words)
