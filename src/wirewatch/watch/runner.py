"""The watcher: rules and change detection over what was stored since the last run."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from wirewatch.store.base import SQLStore
from wirewatch.types import Alert, Extraction
from wirewatch.watch import changes
from wirewatch.watch.monitor import change_alert, dyad_changes
from wirewatch.watch.rules import Rule, match_rules
from wirewatch.watch.sinks import Sink, deliver


@dataclass
class WatchReport:
    """What one watch run did."""

    articles: int = 0
    alerts: list[Alert] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def run_watch(
    store: SQLStore,
    rules: Sequence[Rule],
    sinks: Sequence[Sink] = (),
    name: str = "default",
    change_settings: changes.Settings | None = None,
    detect_changes: bool = True,
) -> WatchReport:
    """Match rules and look for changes on the articles stored since this watcher's last run.

    New alerts are stored and delivered; an alert raised before is neither stored nor
    delivered again, so a watcher can run as often as wanted.

    Args:
        name: the watcher; each name keeps its own watermark.
    """
    report = WatchReport()
    new = store.articles_ingested_after(store.watermark(name))
    report.articles = len(new)
    cache: dict[str, Extraction | None] = {}

    def extraction(article_id: str) -> Extraction | None:
        if article_id not in cache:
            cache[article_id] = store.get_extraction(article_id)
        return cache[article_id]

    alerts: list[Alert] = []
    dyads: set[tuple[str, str]] = set()
    simple = [r for r in rules if r.min_count <= 1]
    counted = [r for r in rules if r.min_count > 1]
    for row in new:
        x = extraction(row["id"])
        if x is None:
            continue
        alerts.extend(match_rules(simple, x))
        alerts.extend(_counted(store, counted, x, extraction))
        dyads |= {(e.source.code, e.target.code) for e in x.events if e.source and e.target}
    if detect_changes:
        for source, target in sorted(dyads):
            alerts.extend(change_alert(store, c) for c in dyad_changes(store, source, target, settings=change_settings))
    report.alerts = store.add_alerts(alerts)
    report.problems = deliver(sinks, report.alerts)
    if new:
        store.set_watermark(name, max(row["ingested_at"] for row in new))
    return report


def _counted(store: SQLStore, rules: Sequence[Rule], x: Extraction, extraction) -> list[Alert]:
    """Rules with ``min_count``: fire when this article brings the count in the window to N."""
    out: list[Alert] = []
    published = x.article.published
    if published is None:
        return out
    for rule in rules:
        mine = match_rules([rule], x)
        if not mine:
            continue
        start = published - dt.timedelta(days=rule.window_days - 1)
        # Count real-world events, not stories: five reports of one event are one match.
        keys: set[str] = set()
        for article_id in store.articles_published_between(start, published):
            other = extraction(article_id)
            for alert in match_rules([rule], other) if other is not None else ():
                keys.add(store.alert_key(alert))
        total = len(keys)
        if total >= rule.min_count:
            out.append(replace(mine[-1], matched=(*mine[-1].matched, f"{total} matches in {rule.window_days} days")))
    return out
