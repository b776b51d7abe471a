"""The Python API. The CLI and the web layer are thin wrappers over these functions.

Example:
    >>> from wirewatch import api
    >>> from wirewatch.config import Settings
    >>> settings = Settings(db="news.duckdb")
    >>> report = api.ingest(["news/"], settings)  # doctest: +SKIP
    >>> api.dyads(settings)[:3]  # doctest: +SKIP
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from wirewatch.config import Settings
from wirewatch.ingest import ReadOptions, read_paths
from wirewatch.store import Filters, SQLStore, open_store
from wirewatch.types import Alert, Article, Extraction, Failure, Skipped
from wirewatch.watch import Rule, load_rules, match_rules
from wirewatch.watch.runner import WatchReport

log = logging.getLogger(__name__)


@dataclass
class IngestReport:
    """What an ingest run did."""

    read: int = 0
    stored: int = 0
    skipped: int = 0
    replaced: int = 0
    alerts: int = 0
    failures: list[Failure] = field(default_factory=list)


def extract(
    paths: Sequence[str | Path],
    settings: Settings,
    options: ReadOptions | None = None,
    stdin: Any = None,
) -> Iterator[Extraction | Failure]:
    """Extract records from files without storing them, in input order.

    Args:
        paths: files, folders or ``-``.
        settings: model and extra dictionaries.
        options: publication date and field mapping for inputs.
    """
    from wirewatch.nlp.pipeline import Extractor

    items = list(read_paths(paths, options, stdin=stdin))
    if not any(isinstance(i, Article) for i in items):
        yield from (i for i in items if isinstance(i, Failure))
        return
    yield from Extractor(settings).extract_many(items)


def extract_text(text: str, settings: Settings, published: dt.date | None = None) -> Extraction:
    """Extract records from one text.

    Raises:
        InputError: the text is empty.
    """
    from wirewatch.ingest import make_article
    from wirewatch.nlp.pipeline import Extractor

    return Extractor(settings).extract(make_article(text, "<text>", default_published=published))


def ingest(
    paths: Sequence[str | Path],
    settings: Settings,
    options: ReadOptions | None = None,
    progress: Callable[[int], None] | None = None,
    stdin: Any = None,
    engine: str = "local",
    workers: int | None = None,
    address: str | None = None,
) -> IngestReport:
    """Read, extract and store articles; match watch rules; record failures.

    Articles already stored by the same pipeline are skipped before any NLP work, so an
    interrupted run can simply be started again.

    Args:
        progress: called with the number of inputs handled since the last call.
        engine: ``local``, ``process`` or ``ray`` (see :mod:`wirewatch.engines`), with
            ``workers`` processes or actors and, for Ray, a cluster ``address``.
    """
    from wirewatch.engines import make_engine

    extractor = make_engine(engine, settings, workers, address)
    rules = load_rules(settings.rule_files)
    try:
        with open_store(settings.db) as store:
            if engine == "ray" and _columnar(paths):
                # Ray reads the files itself, in parallel, and skips what is stored.
                report = IngestReport()
                stored = store.article_ids(extractor.versions.pipeline)
                results = extractor.extract_files([str(p) for p in paths], options or ReadOptions(), stored)
                return _store_results(store, results, rules, report, extractor.settings.batch_size, progress)
            return _ingest_items(store, extractor, read_paths(paths, options, stdin=stdin), rules, progress)
    finally:
        if hasattr(extractor, "close"):
            extractor.close()


def _columnar(paths: Sequence[str | Path]) -> bool:
    """Whether every input is a JSONL or Parquet file (what Ray Data reads directly)."""
    return bool(paths) and all(
        str(p) != "-" and Path(p).is_file() and Path(p).suffix.lower() in (".jsonl", ".parquet") for p in paths
    )


def _ingest_items(
    store: SQLStore,
    extractor: Any,
    items: Iterable[Article | Failure],
    rules: Sequence[Rule],
    progress: Callable[[int], None] | None = None,
) -> IngestReport:
    """Extract and store items, skipping articles this pipeline already stored."""
    report = IngestReport()
    pipeline = extractor.versions.pipeline

    def todo() -> Iterator[Article | Failure]:
        for item in items:
            if isinstance(item, Article) and store.has_article(item.id, pipeline):
                report.read += 1
                report.skipped += 1
                if progress:
                    progress(1)
                continue
            yield item

    results = extractor.extract_many(todo())
    return _store_results(store, results, rules, report, extractor.settings.batch_size, progress)


def _store_results(
    store: SQLStore,
    results: Iterable[Extraction | Failure | Skipped],
    rules: Sequence[Rule],
    report: IngestReport,
    batch_size: int,
    progress: Callable[[int], None] | None = None,
) -> IngestReport:
    """The one writer: store Extractions in batches, with their alerts and the failures."""
    batch: list[Extraction] = []
    alerts: list[Alert] = []
    for result in results:
        if progress:
            progress(1)
        if isinstance(result, Skipped):
            report.read += 1
            report.skipped += 1
            continue
        if isinstance(result, Failure):
            report.read += result.article_id is not None
            report.failures.append(result)
            log.warning("%s: %s", result.origin, result.reason)
            continue
        report.read += 1
        batch.append(result)
        alerts.extend(match_rules(rules, result))
        if len(batch) >= batch_size:
            _flush(store, batch, alerts, report)
    _flush(store, batch, alerts, report)
    store.record_failures(report.failures)
    return report


def _flush(store: SQLStore, batch: list[Extraction], alerts: list[Alert], report: IngestReport) -> None:
    if not batch:
        return
    try:
        results = [store.write(batch, alerts)]
    except Exception:
        log.warning("storing a batch failed; storing its %d articles one by one", len(batch))
        results = []
        for x in batch:
            try:
                results.append(store.write([x], [a for a in alerts if a.article_id == x.article.id]))
            except Exception as exc:
                reason = f"could not be stored ({type(exc).__name__}: {exc}); report it with this article"
                report.failures.append(Failure(x.article.origin or x.article.id, reason, x.article.id))
    for result in results:
        report.stored += result.stored
        report.skipped += result.skipped
        report.replaced += result.replaced
    log.info("committed a batch of %d articles; %d stored so far", len(batch), report.stored)
    written = {x.article.id for x in batch}
    report.alerts += sum(1 for a in alerts if a.article_id in written)
    batch.clear()
    alerts.clear()


def _reader(settings: Settings) -> SQLStore:
    return open_store(settings.db, read_only=True)


def statements(settings: Settings, filters: Filters | None = None) -> list[dict[str, Any]]:
    """Stored statements, newest first."""
    with _reader(settings) as store:
        return store.statements(filters)


def events(settings: Settings, filters: Filters | None = None) -> list[dict[str, Any]]:
    """Stored events, newest first."""
    with _reader(settings) as store:
        return store.events(filters)


def dyads(
    settings: Settings,
    level: str = "sector",
    since: dt.date | None = None,
    until: dt.date | None = None,
    limit: int = 20,
    modalities: tuple[str, ...] = ("asserted",),
) -> list[dict[str, Any]]:
    """The most active actor pairs with mean Goldstein and tone (asserted events by default)."""
    with _reader(settings) as store:
        return store.dyads(level=level, since=since, until=until, limit=limit, modalities=modalities)


def alerts(
    settings: Settings,
    limit: int = 20,
    rule: str | None = None,
    since: dt.date | None = None,
    unacknowledged: bool = False,
) -> list[dict[str, Any]]:
    """Stored alerts with their evidence, newest first."""
    with _reader(settings) as store:
        return store.alerts(limit=limit, rule=rule, since=since, unacknowledged=unacknowledged)


def acknowledge(settings: Settings, ids: Sequence[str]) -> int:
    """Acknowledge alerts by id; returns how many were found."""
    with open_store(settings.db) as store:
        return store.acknowledge(ids)


def watch(settings: Settings, sinks: Sequence[str] = (), name: str = "default",
          detect_changes: bool = True) -> WatchReport:  # fmt: skip
    """Run the rules in ``settings.rule_files`` and change detection on what was stored
    since this watcher last ran; store the new alerts and deliver them to the sinks
    (``stdout``, a JSONL path, or a webhook URL)."""
    from wirewatch.watch.runner import run_watch
    from wirewatch.watch.sinks import make_sinks

    rules = load_rules(settings.rule_files)
    with open_store(settings.db) as store:
        return run_watch(store, rules, make_sinks(sinks), name=name, detect_changes=detect_changes)


def info(settings: Settings) -> dict[str, Any]:
    """Versions, model, store location and row counts."""
    import duckdb
    import spacy

    from wirewatch import __version__

    out: dict[str, Any] = {
        "wirewatch": __version__,
        "spacy": spacy.__version__,
        "duckdb": duckdb.__version__,
        "model": settings.model,
        "store": settings.db,
    }
    if settings.db == ":memory:" or Path(settings.db).exists():
        with _reader(settings) as store:
            out["schema_version"] = store.schema_version()
            out.update(store.counts())
    else:
        out["schema_version"] = None
    return out


# ---------------------------------------------------------------------- demo


def demo_corpus() -> Path:
    """Path of the bundled demo corpus (articles written by the team for the demo)."""
    return Path(str(resources.files("wirewatch").joinpath("demo/corpus.jsonl")))


def demo_rules() -> Path:
    """Path of the demo's watch rules."""
    return Path(str(resources.files("wirewatch").joinpath("demo/watch.yaml")))


@dataclass
class Overview:
    """What an analyst wants to see first."""

    ingest: IngestReport
    dyads: list[dict[str, Any]]
    statements: list[dict[str, Any]]
    alerts: list[dict[str, Any]]


def demo(settings: Settings, progress: Callable[[int], None] | None = None) -> Overview:
    """Ingest the bundled demo corpus with the demo rules and return the overview."""
    settings = Settings(
        model=settings.model,
        db=settings.db,
        batch_size=settings.batch_size,
        actor_files=settings.actor_files,
        verb_files=settings.verb_files,
        rule_files=(*settings.rule_files, demo_rules()),
    )
    report = ingest([demo_corpus()], settings, progress=progress)
    watch(settings, name="demo")
    return overview(settings, report)


def overview(settings: Settings, report: IngestReport | None = None) -> Overview:
    """Most active pairs, latest statements with speakers, latest alerts."""
    with _reader(settings) as store:
        latest = [s for s in store.statements(Filters(limit=200)) if s["speaker_code"]][:10]
        return Overview(
            ingest=report or IngestReport(),
            dyads=store.dyads(level="sector", limit=10),
            statements=latest,
            alerts=_headline_alerts(store.alerts(limit=500)),
        )


def _headline_alerts(alerts: list[dict[str, Any]], per_rule: int = 3) -> list[dict[str, Any]]:
    """Changes first, then the latest few alerts of each rule."""
    changes = [a for a in alerts if a["rule"].startswith("change:")]
    others: dict[str, list[dict[str, Any]]] = {}
    for alert in alerts:
        if not alert["rule"].startswith("change:"):
            others.setdefault(alert["rule"], []).append(alert)
    return changes + [a for rule in sorted(others) for a in others[rule][:per_rule]]


# ---------------------------------------------------------------------- actors


def lookup_actor(text: str, settings: Settings, day: dt.date | None = None) -> list[dict[str, Any]]:
    """Resolve the actors named in ``text`` as they stood on ``day``.

    Example:
        >>> lookup_actor("Putin", Settings(), dt.date(2009, 6, 1))[0]["code"]  # doctest: +SKIP
        'RUSGOV'
    """
    from wirewatch.contract import actor_to_dict
    from wirewatch.ingest import make_article
    from wirewatch.nlp.pipeline import Extractor

    extraction = Extractor(settings).extract(make_article(text, "<lookup>", default_published=day))
    return [{"text": m.text, **(actor_to_dict(m.actor) or {})} for m in extraction.mentions if m.actor is not None]


def list_actors(
    settings: Settings, country: str | None = None, day: dt.date | None = None, kind: str | None = None
) -> list[dict[str, Any]]:
    """Actors in the dictionary (shipped plus ``settings.actor_files``), optionally filtered.

    Args:
        country: ISO-3 code: people with a role there (on ``day`` if given), organizations
            with it as a member, groups that include it, and the country itself.
        day: only people holding a role on that day.
        kind: ``person``, ``organization``, ``group`` or ``country``.
    """
    from wirewatch.coding.actors import load_dictionary

    actors = load_dictionary(settings.actor_files)
    country = country.upper() if country else None
    out: list[dict[str, Any]] = []
    if kind in (None, "country"):
        for iso3, c in sorted(actors.countries.items()):
            if country in (None, iso3):
                out.append({"kind": "country", "id": iso3, "name": c.name, "code": iso3, "role": None, "dates": None})
    if kind in (None, "organization"):
        for org in sorted(actors.organizations.values(), key=lambda o: o.id):
            if country is None or country in org.members:
                out.append(
                    {
                        "kind": "organization",
                        "id": org.id,
                        "name": org.name,
                        "code": org.code,
                        "role": None,
                        "dates": None,
                    }
                )
    if kind in (None, "group"):
        for group in sorted(actors.groups.values(), key=lambda g: g.id):
            if country is None or country in group.members:
                out.append(
                    {
                        "kind": "group",
                        "id": group.id,
                        "name": group.name,
                        "code": group.code,
                        "role": ",".join(group.members),
                        "dates": None,
                    }
                )
    if kind in (None, "person"):
        for person in sorted(actors.people.values(), key=lambda p: p.name):
            for role in person.roles:
                if country is not None and country not in (role.country, person.country):
                    continue
                if day is not None and not role.covers(day):
                    continue
                code = f"{role.country or ''}{role.sector}" if role.country else f"IGO{role.org}"
                dates = f"{role.start or '?'}..{role.end or ''}"
                out.append(
                    {
                        "kind": "person",
                        "id": person.id,
                        "name": person.name,
                        "code": code,
                        "role": role.title,
                        "dates": dates,
                    }
                )
    return out


# ---------------------------------------------------------------------- dyads over time


def series(settings: Settings, source: str, target: str, level: str = "sector",
           interval: str = "week") -> list[dict[str, Any]]:  # fmt: skip
    """A dyad's events per period: counts by QuadClass, mean Goldstein and tone."""
    with _reader(settings) as store:
        return store.dyad_series(source, target, level=level, interval=interval)


def changes(settings: Settings, source: str, target: str, level: str = "sector") -> list[Any]:
    """Change points in a dyad's tone and in its share of pressure (appeals, demands, ...)."""
    from wirewatch.watch.monitor import dyad_changes

    with _reader(settings) as store:
        return dyad_changes(store, source, target, level)


def plot(settings: Settings, source: str, target: str, path: Path, level: str = "sector") -> Path:
    """Write a PNG/SVG of a dyad's tone series with change points and main events.

    Raises:
        DependencyError: matplotlib is missing (``pip install 'wirewatch[plot]'``).
    """
    from wirewatch.watch.monitor import dyad_changes
    from wirewatch.watch.plot import plot_dyad

    with _reader(settings) as store:
        rows = store.dyad_series(source, target, level=level)
        events = store.dyad_events(source, target, level)
        found = dyad_changes(store, source, target, level)
    return plot_dyad(path, source.upper(), target.upper(), rows, events, found)


# ---------------------------------------------------------------------- live sources


@dataclass
class FollowRound:
    """What one polling round did."""

    number: int
    ingest: IngestReport
    alerts: int
    problems: list[str]


def follow(
    feeds: Sequence[str],
    settings: Settings,
    sinks: Sequence[str] = ("stdout",),
    every: float = 900.0,
    rounds: int | None = None,
    fetch: Callable[[str], bytes] | None = None,
    sleep: Callable[[float], None] | None = None,
    on_round: Callable[[FollowRound], None] | None = None,
) -> list[FollowRound]:
    """Poll feeds, ingest the articles not seen before, watch, deliver alerts; repeat.

    Args:
        every: seconds between rounds.
        rounds: stop after this many rounds (None: until interrupted).
        fetch: how to GET a URL (default: urllib).
        on_round: called after each round, e.g. to print progress.
    """
    import time

    from wirewatch.ingest.feeds import Follower, http_fetch
    from wirewatch.nlp.pipeline import Extractor
    from wirewatch.watch.runner import run_watch
    from wirewatch.watch.sinks import make_sinks

    rules = load_rules(settings.rule_files)
    extractor = Extractor(settings)
    targets = make_sinks(sinks)
    done: list[FollowRound] = []
    with open_store(settings.db) as store:
        follower = Follower(list(feeds), seen=store.has_url, fetch=fetch or http_fetch)
        number = 0
        while rounds is None or number < rounds:
            number += 1
            # Rules run in the watcher, which delivers what they raise.
            report = _ingest_items(store, extractor, follower.round(), ())
            watched = run_watch(store, rules, targets, name="follow")
            result = FollowRound(number, report, len(watched.alerts), watched.problems)
            done.append(result)
            if on_round:
                on_round(result)
            if rounds is None or number < rounds:
                (sleep or time.sleep)(every)
    return done


def export(settings: Settings, fmt: str, out: Any, table: str = "events", filters: Filters | None = None) -> int:
    """Export the store in ``fmt`` (see :mod:`wirewatch.export`) to a path or text stream."""
    from wirewatch.export import export as run_export

    with _reader(settings) as store:
        return run_export(store, fmt, out, table, filters)


def frame(settings: Settings, what: str = "events", filters: Filters | None = None, **options: Any) -> Any:
    """Query results as a pandas DataFrame (see :mod:`wirewatch.frames`)."""
    from wirewatch import frames

    return frames.query(settings, what, filters, **options)
