"""Signal rules: what an analyst watches for, written in YAML, matched on every record.

Example rule file::

    rules:
      - name: transition-talk
        description: anyone talking of a transfer of power in Belarus
        speakers: ["RUS*"]            # speaker/source code patterns (shell-style)
        targets: ["BLR*"]             # any target matching
        codes: ["02*", "0341"]        # CAMEO code patterns
        modality: [asserted, future, conditional]
        phrases: ["power transition", "step down"]   # any, case-insensitive
        records: [statement, event]   # default: both
        min_count: 3                  # fire at the 3rd match ...
        window_days: 7                # ... within 7 days (by publication date)

Every condition given must hold; a rule with only ``phrases`` fires on any record that
says one of them. A verbal event made from a statement does not fire the same rule again.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from wirewatch.errors import ConfigError
from wirewatch.types import MODALITIES, ActorRef, Alert, Evidence, Extraction

RECORD_KINDS = ("statement", "event")


@dataclass(frozen=True)
class Rule:
    """One signal rule."""

    name: str
    description: str = ""
    speakers: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()
    codes: tuple[str, ...] = ()
    modality: tuple[str, ...] = ()
    phrases: tuple[str, ...] = ()
    records: tuple[str, ...] = RECORD_KINDS
    min_count: int = 1
    window_days: int = 7


def load_rules(paths: Iterable[Path | str]) -> list[Rule]:
    """Read rule files.

    Raises:
        ConfigError: an unreadable file or a rule with unknown keys or values.
    """
    rules: list[Rule] = []
    for path in paths:
        try:
            data = yaml.safe_load(Path(path).read_text("utf-8")) or {}
        except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
            raise ConfigError(f"{path}: cannot read the rule file ({exc}); give a UTF-8 YAML file") from exc
        items = data.get("rules") if isinstance(data, dict) else None
        if not isinstance(items, list):
            raise ConfigError(f"{path}: a rule file needs a top-level 'rules:' list")
        for number, item in enumerate(items, start=1):
            rules.append(_rule(item, f"{path}: rule {number}"))
    names = [r.name for r in rules]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise ConfigError(f"rule names must be unique; repeated: {', '.join(duplicates)}")
    return rules


def _rule(item: Any, where: str) -> Rule:
    if not isinstance(item, dict) or not item.get("name"):
        raise ConfigError(f"{where}: each rule needs a name")
    known = set(Rule.__dataclass_fields__)
    unknown = set(item) - known
    if unknown:
        raise ConfigError(f"{where}: unknown keys {sorted(unknown)}; available: {', '.join(sorted(known))}")

    def strings(key: str) -> tuple[str, ...]:
        value = item.get(key) or ()
        if isinstance(value, str):
            value = [value]
        return tuple(str(v) for v in value)

    rule = Rule(
        name=str(item["name"]),
        description=str(item.get("description") or ""),
        speakers=tuple(s.upper() for s in strings("speakers")),
        targets=tuple(s.upper() for s in strings("targets")),
        codes=strings("codes"),
        modality=strings("modality"),
        phrases=tuple(p.lower() for p in strings("phrases")),
        records=strings("records") or RECORD_KINDS,
        min_count=_positive(item.get("min_count", 1), "min_count", where),
        window_days=_positive(item.get("window_days", 7), "window_days", where),
    )
    bad = [m for m in rule.modality if m not in MODALITIES]
    if bad:
        raise ConfigError(f"{where}: unknown modality {bad}; available: {', '.join(MODALITIES)}")
    bad = [r for r in rule.records if r not in RECORD_KINDS]
    if bad:
        raise ConfigError(f"{where}: unknown record kind {bad}; available: {', '.join(RECORD_KINDS)}")
    return rule


def _positive(value: Any, key: str, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ConfigError(f"{where}: {key} must be a whole number of at least 1, not {value!r}")
    return value


def match_rules(rules: Sequence[Rule], extraction: Extraction) -> list[Alert]:
    """The alerts the rules raise on one article's records."""
    alerts: list[Alert] = []
    for rule in rules:
        fired: set[tuple[int, str, str]] = set()
        if "statement" in rule.records:
            for index, s in enumerate(extraction.statements):
                speaker = s.speaker.actor if s.speaker else None
                targets = list(s.targets) or ([s.addressee] if s.addressee else [])
                matched = _check(rule, speaker, targets, s.speech_act.cameo, s.modality, s.content.text)
                if matched is None:
                    continue
                fired.add((s.sentence, s.speech_act.cameo, speaker.code if speaker else ""))
                evidence = Evidence(s.content.text, s.content.start, s.content.end, s.sentence)
                alerts.append(
                    _alert(
                        rule,
                        extraction,
                        "statement",
                        index,
                        speaker,
                        targets,
                        s.date,
                        s.speech_act.name,
                        evidence,
                        matched,
                        speaker_text=s.speaker.text if s.speaker else None,
                    )
                )
        if "event" in rule.records:
            for index, e in enumerate(extraction.events):
                key = (e.evidence.sentence, e.cameo, e.source.code if e.source else "")
                if key in fired:
                    continue
                targets = [e.target] if e.target else []
                matched = _check(rule, e.source, targets, e.cameo, e.modality, e.evidence.text)
                if matched is None:
                    continue
                alerts.append(
                    _alert(rule, extraction, "event", index, e.source, targets, e.date, e.name, e.evidence, matched)
                )
    return alerts


def _check(
    rule: Rule, source: ActorRef | None, targets: list[ActorRef], code: str, modality: str, text: str
) -> tuple[str, ...] | None:
    matched: list[str] = []
    if rule.speakers:
        if source is None or not _code_matches(source, rule.speakers):
            return None
        matched.append(f"speaker {source.code}")
    if rule.targets:
        hits = [t for t in targets if _code_matches(t, rule.targets)]
        if not hits:
            return None
        matched.append(f"target {hits[0].code}")
    if rule.codes:
        if not any(fnmatch.fnmatchcase(code, p) for p in rule.codes):
            return None
        matched.append(f"code {code}")
    if rule.modality:
        if modality not in rule.modality:
            return None
        matched.append(f"modality {modality}")
    if rule.phrases:
        lowered = text.lower()
        found = [p for p in rule.phrases if p in lowered]
        if not found:
            return None
        matched.extend(f'phrase "{p}"' for p in found)
    return tuple(matched)


def _code_matches(ref: ActorRef, patterns: Sequence[str]) -> bool:
    # A group matches through its members and by its own id; an actor by code or id.
    names = {ref.code, *(m for m in ref.members)}
    if ref.id:
        names.add(ref.id.upper())
    return any(fnmatch.fnmatchcase(name, p) for name in names for p in patterns)


def _alert(
    rule: Rule,
    x: Extraction,
    record: str,
    index: int,
    source: ActorRef | None,
    targets: list[ActorRef],
    date: str | None,
    what: str,
    evidence: Evidence,
    matched: tuple[str, ...],
    speaker_text: str | None = None,
) -> Alert:
    who = f"{source.name or speaker_text or source.code} ({source.code})" if source else "unnamed source"
    whom = ", ".join(t.code for t in targets) or "no target"
    return Alert(
        rule=rule.name,
        article_id=x.article.id,
        record=record,
        index=index,
        source=source.code if source else None,
        target=targets[0].code if targets else None,
        date=date,
        message=f"{who} -> {whom}: {what}",
        evidence=evidence,
        matched=matched,
    )
