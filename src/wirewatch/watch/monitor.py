"""Watching dyads: tone and speech-act changes, rule matches, and the alerts they raise.

Two signals are tested on every dyad with enough events, each event counted once:

- ``tone``: the event's tone toward the target (-1..+1);
- ``pressure``: 1 for appeals, demands, accusations, rejections and threats (CAMEO 02,
  10-13), 0 for other acts: a dyad that turns from backing to pushing changes here even
  when each appeal is polite.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from wirewatch.store.base import SQLStore
from wirewatch.types import Alert, Evidence
from wirewatch.watch import changes
from wirewatch.watch.changes import Change, Point

PRESSURE_ROOTS = {"02", "10", "11", "12", "13"}
SIGNALS = ("tone", "pressure")


@dataclass(frozen=True)
class DyadChange:
    """A change in one signal of one dyad."""

    source: str
    target: str
    signal: str
    change: Change


def dyad_changes(
    store: SQLStore,
    source: str,
    target: str,
    level: str = "sector",
    settings: changes.Settings | None = None,
) -> list[DyadChange]:
    """Changes in a dyad's tone and pressure, oldest first."""
    rows = _one_per_event(store.dyad_events(source, target, level))
    found: list[DyadChange] = []
    for signal in SIGNALS:
        points = [
            Point(r["date_start"], _value(r, signal), r["article_id"], (r["article_id"], r["idx"]))
            for r in rows
            if _value(r, signal) is not None
        ]
        found.extend(DyadChange(source, target, signal, c) for c in changes.detect(points, settings))
    return sorted(found, key=lambda d: (d.change.start, d.signal))


def all_changes(store: SQLStore, level: str = "sector", settings: changes.Settings | None = None,
                min_events: int = 8) -> list[DyadChange]:  # fmt: skip
    """Changes on every dyad with at least ``min_events`` events."""
    out: list[DyadChange] = []
    for dyad in store.dyads(level=level, limit=10_000):
        if dyad["events"] >= min_events:
            out.extend(dyad_changes(store, dyad["source"], dyad["target"], level, settings))
    return out


def change_alert(store: SQLStore, found: DyadChange) -> Alert:
    """The alert for a change, with the first event after it as evidence."""
    c = found.change
    article_id, index = c.after[0].ref
    row = store.event_row(article_id, index)
    direction = "rose" if c.delta > 0 else "fell"
    what = "tone" if found.signal == "tone" else "share of appeals, demands and accusations"
    message = (
        f"{found.source} -> {found.target}: {what} {direction} from {c.mean_before:+.2f} to {c.mean_after:+.2f} "
        f"in {c.week} ({c.n_before} events before, {c.n_after} after, confidence {c.confidence:.3f})"
    )
    evidence = (
        Evidence(row["evidence_text"], row["evidence_start"], row["evidence_end"], row["sentence"])
        if row
        else (Evidence("", 0, 0, 0))
    )
    return Alert(
        rule=f"change:{found.signal}",
        article_id=article_id,
        record="event",
        index=index,
        source=found.source,
        target=found.target,
        date=c.week,
        message=message,
        evidence=evidence,
        matched=(f"delta {c.delta:+.2f}", f"p {c.p_value:.4f}"),
    )


def _value(row: dict[str, Any], signal: str) -> float | None:
    if signal == "tone":
        return row["tone"]
    return 1.0 if row["root"] in PRESSURE_ROOTS else 0.0


def _one_per_event(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The first report of each real-world event."""
    seen: set[str] = set()
    out = []
    for row in rows:
        key = row["cluster_id"] or f"{row['article_id']}:{row['idx']}"
        if key in seen:
            continue
        seen.add(key)
        out.append(row)
    return out
