"""A faster stand-in for the model's attribute ruler, with the same output.

spaCy's English pipelines map each fine-grained tag to its coarse POS and morphology with
an AttributeRuler: about 180 Matcher patterns, most of them "this tag -> that POS and
morphology", applied to every token one Span at a time. That is a tenth of the whole
pipeline's time. This component reads the model's own patterns when the pipeline is built
and splits them:

- patterns on the tag alone become one table, applied to the whole Doc at once with
  ``Doc.to_array``/``from_array``;
- every other pattern (on the word, the dependency, two tokens) stays in a Matcher; the few
  tokens it matches get all their matching patterns applied again in the ruler's order.

Later patterns win, as in the ruler, so the result is the ruler's, token for token; a test
compares them, and ``make bench`` checks it on the whole benchmark corpus.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

import numpy
from spacy.attrs import DEP, IS_SPACE, LOWER, MORPH, POS, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.tokens._retokenize import normalize_token_attrs, set_token_attrs

VECTORIZED = {"POS", "MORPH"}


@Language.factory("wirewatch_attributes")
def make_attributes(nlp: Language, name: str, source: str = "attribute_ruler") -> FastAttributes:
    ruler = nlp.get_pipe(source)
    return FastAttributes(nlp.vocab, ruler.patterns)


class FastAttributes:
    """The attribute ruler's patterns, applied by table where they only look at the tag."""

    def __init__(self, vocab: Any, entries: list[dict[str, Any]]) -> None:
        self.vocab = vocab
        self.by_tag: dict[int, list[tuple[int, dict]]] = defaultdict(list)
        touched: dict[int, set[str]] = defaultdict(set)
        # Single-token patterns on the word, tag, dependency or whitespace: checked here,
        # on the few tokens whose word (or tag) can match. The rest go to a Matcher.
        self.simple: list[tuple[int, int, dict, list[tuple[int, str, Any]]]] = []
        self.gates: dict[int, dict[int, list[int]]] = {LOWER: defaultdict(list), TAG: defaultdict(list),
                                                       DEP: defaultdict(list)}  # fmt: skip
        self.on_space: list[int] = []
        self.matcher = AttributeRuler(vocab, "wirewatch_attribute_exceptions")
        self.order: list[int] = []  # matcher attr id -> the pattern's place among all
        # What the first token of each Matcher pattern must be; the Matcher runs only on
        # Docs where some token can open some pattern.
        self.openers: list[tuple[int, Any] | None] = []
        for place, entry in enumerate(entries):
            attrs = entry["attrs"]
            tags = _tag_only(entry)
            if tags is not None and set(attrs) <= VECTORIZED:
                normalized = normalize_token_attrs(vocab, attrs)
                for tag in tags:
                    key = vocab.strings.add(tag)
                    self.by_tag[key].append((place, normalized))
                    touched[key] |= set(attrs)
                continue
            checks = [self._checks(p[0]) if len(p) == 1 and entry.get("index", 0) in (0, -1) else None
                      for p in entry["patterns"]]  # fmt: skip
            gates = [_gate(c) if c is not None else None for c in checks]
            if all(g is not None for g in gates):
                normalized = normalize_token_attrs(vocab, attrs)
                for c, (column, values) in zip(checks, gates, strict=True):
                    pattern = len(self.simple)
                    self.simple.append((place, pattern, normalized, c))
                    if column == IS_SPACE:
                        self.on_space.append(pattern)
                    for value in values:
                        self.gates[column][value].append(pattern)
            else:
                self.matcher.add(entry["patterns"], attrs, index=entry.get("index", 0))
                self.order.append(place)
                self.openers.extend(_opener(self.vocab, p[0]) for p in entry["patterns"])
        self.table = {tag: self._final(tag, rules, touched[tag]) for tag, rules in self.by_tag.items()}
        self.keys = {column: numpy.array(list(gate), dtype=numpy.uint64) for column, gate in self.gates.items()}

    def _checks(self, spec: dict[str, Any]) -> list[tuple[int, str, Any]] | None:
        """A token spec as (column, test, values) checks, or None if it needs the Matcher."""
        columns = {"LOWER": LOWER, "TAG": TAG, "DEP": DEP, "IS_SPACE": IS_SPACE}
        out = []
        for key, value in spec.items():
            column = columns.get(key)
            if column is None:
                return None
            if isinstance(value, bool):
                if column != IS_SPACE:
                    return None
                out.append((column, "is", value))
            elif isinstance(value, str) and column != IS_SPACE:
                out.append((column, "in", {self.vocab.strings.add(value)}))
            elif isinstance(value, dict) and len(value) == 1 and set(value) <= {"IN", "NOT_IN"} and column != IS_SPACE:
                ((test, items),) = value.items()
                if not all(isinstance(v, str) for v in items):
                    return None
                out.append((column, test.lower(), {self.vocab.strings.add(v) for v in items}))
            else:
                return None
        return out

    def _final(self, tag: int, rules: list[tuple[int, dict]], names: set[str]) -> tuple[int | None, int | None]:
        """The POS and morphology a token with this tag ends with (None: left as it was)."""
        token = Doc(self.vocab, words=["probe"])[0]
        token.tag = tag
        for _, attrs in sorted(rules, key=lambda r: r[0]):
            set_token_attrs(token, attrs)
        return (token.pos if "POS" in names else None), (token.morph.key if "MORPH" in names else None)

    def _matches(self, doc: Doc) -> dict[int, list[tuple[int, dict]]]:
        """Every non-table pattern that matches, by token, on the Doc as the ruler sees it."""
        found: dict[int, list[tuple[int, dict]]] = defaultdict(list)
        values = doc.to_array([LOWER, TAG, DEP, IS_SPACE])
        where = {LOWER: 0, TAG: 1, DEP: 2, IS_SPACE: 3}
        candidates: dict[int, set[int]] = defaultdict(set)
        for column, gate in self.gates.items():
            column_values = values[:, where[column]]
            for row in numpy.nonzero(numpy.isin(column_values, self.keys[column]))[0]:
                candidates[int(row)].update(gate[int(column_values[row])])
        if self.on_space:
            for row in numpy.nonzero(values[:, 3])[0]:
                candidates[int(row)].update(self.on_space)
        for row, patterns in candidates.items():
            for pattern in patterns:
                place, _, attrs, checks = self.simple[pattern]
                if all(_passes(values[row, where[col]], test, wanted) for col, test, wanted in checks):
                    found[row].append((place, attrs))
        for attr_id, _, start, end in self.matcher.match(doc) if self._may_match(values) else ():
            index = self.matcher.indices[attr_id]
            found[(start if index >= 0 else end) + index].append((self.order[attr_id], self.matcher.attrs[attr_id]))
        return found

    def _may_match(self, values: Any) -> bool:
        if not self.order:
            return False
        where = {LOWER: 0, DEP: 2}
        for opener in self.openers:
            if opener is None:
                return True
            column, test = opener
            present = values[:, where[column]]
            if isinstance(test, set):
                if numpy.isin(present, numpy.array(list(test), dtype=numpy.uint64)).any():
                    return True
            elif any(test.search(self.vocab.strings[int(v)]) for v in numpy.unique(present)):
                return True
        return False

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        # Match first, on the Doc as the ruler sees it, before anything is set.
        matches = self._matches(doc)
        values = doc.to_array([TAG, POS, MORPH])
        tags = values[:, 0]
        for tag in numpy.unique(tags):
            found = self.table.get(int(tag))
            if found is None:
                continue
            rows = tags == tag
            if found[0] is not None:
                values[rows, 1] = found[0]
            if found[1] is not None:
                values[rows, 2] = found[1]
        doc.from_array([POS, MORPH], values[:, 1:])
        for position, rules in matches.items():
            token = doc[position]
            # Every pattern that matches this token, again, in the ruler's order.
            for _, attrs in sorted(rules + self.by_tag.get(int(tags[position]), []), key=lambda r: r[0]):
                set_token_attrs(token, attrs)
        return doc


def _gate(checks: list[tuple[int, str, Any]]) -> tuple[int, set[int]] | None:
    """A cheap test every token the pattern can match passes: its word or tag is one of a
    few, or it is whitespace. None when the pattern has no such test."""
    for column in (LOWER, TAG, DEP):
        for col, test, values in checks:
            if col == column and test == "in":
                return column, values
    if any(col == IS_SPACE and test == "is" and values is True for col, test, values in checks):
        return IS_SPACE, set()
    return None


def _opener(vocab: Any, spec: dict[str, Any]) -> tuple[int, Any] | None:
    """A test on the word or dependency every token that opens this pattern passes: a set
    of hashes, or a compiled regex; None when there is none."""
    for key, column in (("LOWER", LOWER), ("DEP", DEP)):
        value = spec.get(key)
        if isinstance(value, str):
            return column, {vocab.strings.add(value)}
        if isinstance(value, dict) and set(value) == {"IN"}:
            return column, {vocab.strings.add(v) for v in value["IN"]}
        if isinstance(value, dict) and set(value) == {"REGEX"}:
            return column, re.compile(value["REGEX"])
    return None


def _passes(value: Any, test: str, wanted: Any) -> bool:
    if test == "is":
        return bool(value) == wanted
    if test == "in":
        return int(value) in wanted
    return int(value) not in wanted


def _tag_only(entry: dict[str, Any]) -> list[str] | None:
    """The tags a pattern entry matches if it looks at one token's tag and nothing else."""
    tags: list[str] = []
    for pattern in entry["patterns"]:
        if len(pattern) != 1 or set(pattern[0]) != {"TAG"} or entry.get("index", 0) not in (0, -1):
            return None
        value = pattern[0]["TAG"]
        if isinstance(value, str):
            tags.append(value)
        elif isinstance(value, dict) and set(value) == {"IN"} and all(isinstance(v, str) for v in value["IN"]):
            tags.extend(value["IN"])
        else:
            return None
    return tags
