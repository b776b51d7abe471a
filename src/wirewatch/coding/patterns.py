"""Speech cues and event patterns: which words signal which CAMEO codes.

Shipped in ``data/speech.yaml`` and ``data/events.yaml``; users add files in the same
layout with ``--verbs FILE`` (keys ``cues``, ``refine``, ``patterns``, ``nouns``), or TABARI/PETRARCH
verb dictionaries, which then replace the shipped verb patterns (the user's dictionary is the
coding scheme), and PETRARCH's internal coding ontology, which says what each code becomes
when negated.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from wirewatch.coding.tabari import TabariVerb, is_ontology, is_verbs, parse_negations, parse_verbs
from wirewatch.errors import ConfigError

CONTENT_KINDS = ("clause", "object", "object_as", "blame_on", "naming")


@dataclass(frozen=True, slots=True)
class SpeechCue:
    """A verb (with optional particle) that reports speech."""

    lemma: str
    particle: str | None
    cameo: str
    addressee: str | None = None
    content: str = "clause"
    target: str | None = None
    needs_clause: bool = False
    clause_subject: bool = False
    direct_only: bool = False
    object_tags: tuple[str, ...] = ()  # with no clause, the object is what was said, at these tags


@dataclass(frozen=True, slots=True)
class Refinement:
    """Content words that narrow a speech act of one CAMEO family to a finer code."""

    family: str
    code: str
    words: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class EventPattern:
    """A verb (optionally with required object nouns) that codes an event."""

    verb: str
    particle: str | None
    cameo: str
    objects: frozenset[str] = frozenset()
    targets: tuple[str, ...] = ("dobj",)
    passive_source: str | None = None
    # "received weapons from Y": the preposition whose object does the act, to the subject.
    given_by: str | None = None
    # Only without a direct object: "workers struck" is a strike, "struck Gaza" is not.
    intransitive: bool = False
    # The object noun must be the verb's object itself or a modifier of it: "announced the
    # release of" is a release, "announced plans to release" is not.
    head: bool = False


@dataclass(frozen=True, slots=True)
class NounPattern:
    """A noun that names an act ("visit", "air strike"), with the words before its head."""

    words: tuple[str, ...]
    cameo: str
    targets: tuple[str, ...]


@dataclass
class Patterns:
    """All cue and event patterns, indexed by lemma."""

    version: str
    cues: dict[str, list[SpeechCue]] = field(default_factory=lambda: defaultdict(list))
    refinements: list[Refinement] = field(default_factory=list)
    events: dict[str, list[EventPattern]] = field(default_factory=lambda: defaultdict(list))
    tabari: dict[str, TabariVerb] = field(default_factory=dict)
    nouns: dict[str, list[NounPattern]] = field(default_factory=lambda: defaultdict(list))
    speech_nouns: dict[str, str] = field(default_factory=dict)  # "proposal" -> "030"
    negations: dict[str, str] = field(default_factory=dict)  # a user's ontology: "170" negated is "057"

    def refine(self, cameo: str, content: str) -> str:
        """Narrow ``cameo`` by the words of the content.

        Example:
            >>> load_shipped_patterns().refine("020", "to resolve their differences through talks")
            '027'
        """
        text = content.lower()
        family = cameo[:2]
        for rule in self.refinements:
            if rule.family == family and any(_has_word(text, w) for w in rule.words):
                return rule.code
        return cameo


def _has_word(text: str, word: str) -> bool:
    # Prefix match at a word start: "negotiat" finds "negotiations", "reform" finds "reforms".
    start = text.find(word)
    while start != -1:
        if start == 0 or not text[start - 1].isalnum():
            return True
        start = text.find(word, start + 1)
    return False


@cache
def load_shipped_patterns() -> Patterns:
    """The shipped patterns, loaded once per process."""
    return load_patterns(())


def load_patterns(extra_files: Iterable[Path | str] = ()) -> Patterns:
    """Load shipped speech cues and event patterns plus user files.

    Raises:
        ConfigError: an unreadable file or a malformed entry.
    """
    base = resources.files("wirewatch.coding").joinpath("data")
    docs: list[tuple[str, str]] = [
        (name, base.joinpath(name).read_text("utf-8")) for name in ("speech.yaml", "events.yaml", "event_nouns.yaml")
    ]
    tabari: list[tuple[str, str]] = []
    ontologies: list[tuple[str, str]] = []
    for path in extra_files:
        try:
            text = Path(path).read_text("utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{path}: cannot read verb file ({exc}); give a UTF-8 YAML or TABARI file") from exc
        if Path(path).suffix.lower() not in (".yaml", ".yml") and is_verbs(text):
            tabari.append((str(path), text))
        elif Path(path).suffix.lower() not in (".yaml", ".yml") and is_ontology(text):
            ontologies.append((str(path), text))
        else:
            docs.append((str(path), text))
    digest = hashlib.sha256()
    patterns = Patterns(version="")
    versions = []
    for name, text in docs:
        digest.update(text.encode())
        try:
            data = yaml.safe_load(text) or {}
            if not isinstance(data, dict):
                raise TypeError("top level is not a mapping")
            versions.append(str(data.get("version", "")))
            _add(patterns, data)
        except (yaml.YAMLError, KeyError, TypeError, ValueError) as exc:
            raise ConfigError(f"{name}: malformed verb patterns ({exc}); see the shipped files for the layout") from exc
    for name, text in tabari:
        digest.update(text.encode())
        patterns.tabari.update(parse_verbs(text, name))
    for name, text in ontologies:
        digest.update(text.encode())
        patterns.negations.update(parse_negations(text, name))
    patterns.version = max(versions, default="0") + "-" + digest.hexdigest()[:8]
    return patterns


def _add(patterns: Patterns, data: dict[str, Any]) -> None:
    for key, spec in (data.get("cues") or {}).items():
        lemma, _, particle = str(key).partition(" ")
        content = spec.get("content", "clause")
        if content not in CONTENT_KINDS:
            raise ValueError(f"cue {key!r}: content must be one of {', '.join(CONTENT_KINDS)}")
        patterns.cues[lemma].append(
            SpeechCue(
                lemma=lemma,
                particle=particle or None,
                cameo=str(spec["cameo"]),
                addressee=spec.get("addressee"),
                content=content,
                target=spec.get("target"),
                needs_clause=bool(spec.get("needs_clause", False)),
                clause_subject=bool(spec.get("clause_subject", False)),
                direct_only=bool(spec.get("direct_only", False)),
                object_tags=tuple(str(tag) for tag in spec.get("object_tags") or ()),
            )
        )
    for spec in data.get("refine") or ():
        patterns.refinements.append(
            Refinement(family=str(spec["family"]), code=str(spec["code"]), words=tuple(spec["words"]))
        )
    for key, spec in (data.get("speech_nouns") or {}).items():
        patterns.speech_nouns[str(key).lower()] = str(spec["cameo"])
    for key, spec in (data.get("nouns") or {}).items():
        words = tuple(str(key).lower().split())
        targets = spec.get("target", [])
        if not all(isinstance(t, str) for t in targets):
            raise ValueError(f'noun {key!r}: write prepositions as strings, e.g. target: ["on"]')
        patterns.nouns[words[-1]].append(NounPattern(words, str(spec["cameo"]), tuple(targets)))
    for spec in data.get("patterns") or ():
        verb, _, particle = str(spec["verb"]).partition(" ")
        targets = spec.get("target", ["dobj"])
        targets = targets if isinstance(targets, list) else [targets]
        if not all(isinstance(t, str) for t in targets):
            # YAML 1.1 reads a bare on/off/yes/no as a boolean: the preposition must be quoted.
            raise ValueError(f'pattern {spec["verb"]!r}: write prepositions as strings, e.g. target: ["on"]')
        patterns.events[verb].append(
            EventPattern(
                verb=verb,
                particle=particle or None,
                cameo=str(spec["cameo"]),
                objects=frozenset(spec.get("object") or ()),
                targets=tuple(targets),
                passive_source=spec.get("passive_source"),
                given_by=spec.get("given_by"),
                intransitive=bool(spec.get("intransitive", False)),
                head=bool(spec.get("head", False)),
            )
        )
