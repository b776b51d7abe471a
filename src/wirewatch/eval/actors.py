"""Actors against PLOVER gold records: source and target country codes and full codes.

For each sentence the gold event names its source and target actors (country code plus
an optional sector). wirewatch's sources and targets are those of the events it codes in
the sentence. Scored as sets per sentence: ``country`` compares country-level codes
(``RUS``, ``IGO``), ``code`` compares country plus sector (``RUSGOV``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from wirewatch.eval.scoring import PRF
from wirewatch.types import ActorRef, Extraction

# Codes the gold uses for actors that are not a country.
NON_STATE = ("IGO", "NGO", "IMG", "NGM", "MNC")


def _gold(actors: Any) -> tuple[set[str], set[str]]:
    countries: set[str] = set()
    codes: set[str] = set()
    if not isinstance(actors, list):
        return countries, codes
    for actor in actors:
        if not isinstance(actor, dict) or not actor.get("code"):
            continue
        code = str(actor["code"]).upper()
        sector = str(actor.get("sector") or "")[:3].upper()
        countries.add(code)
        codes.add(code + (sector if sector.isalpha() else ""))
    return countries, codes


def _country_level(ref: ActorRef) -> str:
    if ref.country:
        return ref.country
    for prefix in NON_STATE:
        if ref.code.startswith(prefix) or ref.sector == prefix:
            return prefix
    return ref.code


def _predicted(refs: Iterable[ActorRef | None]) -> tuple[set[str], set[str]]:
    countries: set[str] = set()
    codes: set[str] = set()
    for ref in refs:
        if ref is None:
            continue
        country = _country_level(ref)
        countries.add(country)
        sector = ref.sector if ref.country and ref.sector else ""
        codes.add(country + sector[:3])
    return countries, codes


def score(pairs: Iterable[tuple[dict[str, Any], Extraction]]) -> list[tuple[str, PRF]]:
    """Score extractions against ``gold.events[*].source/target``."""
    metrics = {name: PRF() for name in ("source country", "source code", "target country", "target code")}
    for record, x in pairs:
        for role in ("source", "target"):
            gold_countries: set[str] = set()
            gold_codes: set[str] = set()
            for event in record["gold"].get("events") or ():
                countries, codes = _gold(event.get(role))
                gold_countries |= countries
                gold_codes |= codes
            refs = [e.source if role == "source" else e.target for e in x.events]
            pred_countries, pred_codes = _predicted(refs)
            metrics[f"{role} country"].add(
                len(gold_countries & pred_countries), len(pred_countries), len(gold_countries)
            )
            metrics[f"{role} code"].add(len(gold_codes & pred_codes), len(pred_codes), len(gold_codes))
    return list(metrics.items())
