"""Query results as pandas DataFrames, for notebooks.

Every function takes the store (a DuckDB path, a ``postgresql://`` URL or a Settings) and
returns a DataFrame with dates as ``datetime64`` columns, ready to group and plot::

    from wirewatch import frames

    events = frames.events("demo.duckdb", source="RUS", since="2020-11-01")
    weekly = frames.series("demo.duckdb", "RUSGOV", "BLRGOV")
    weekly.plot(x="period", y="tone")

Needs pandas (``pip install 'wirewatch[frames]'``).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from wirewatch.config import Settings
from wirewatch.errors import ConfigError
from wirewatch.store import Filters, open_store

_DATES = ("date_start", "date_end", "published", "period", "last_date", "ingested_at")
_BLOBS = ("source", "target", "speaker", "addressee", "targets", "location")


def _pandas() -> Any:
    try:
        import pandas
    except ImportError:
        raise ConfigError("DataFrames need pandas: pip install 'wirewatch[frames]'") from None
    return pandas


def _settings(store: str | Path | Settings) -> Settings:
    return store if isinstance(store, Settings) else Settings(db=str(store))


def _day(value: str | dt.date | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ConfigError(f"{value!r} is not a date; write YYYY-MM-DD") from None


def _frame(rows: list[dict[str, Any]], columns: list[str] | None = None) -> Any:
    pd = _pandas()
    df = pd.DataFrame(rows, columns=columns)
    for name in _DATES:
        if name in df.columns:
            df[name] = pd.to_datetime(df[name])
    return df


def _records(settings: Settings, table: str, filters: Filters) -> list[dict[str, Any]]:
    with open_store(settings.db, read_only=True) as store:
        rows = [row for chunk in store.export_rows(table, filters) for row in chunk]
    for row in rows:
        location = row.get("location")
        if table == "events":
            loc = json.loads(location) if location else {}
            row["place"], row["place_country"] = loc.get("name"), loc.get("country")
            row["lat"], row["lon"] = loc.get("lat"), loc.get("lon")
        if table == "statements":
            row["tone"] = json.loads(row["tone"] or "{}")
            row["target_codes"] = [c for c in (row["target_codes"] or "").split("|") if c]
        for blob in _BLOBS:
            row.pop(blob, None)
    return rows


def events(
    store: str | Path | Settings,
    source: str | None = None,
    target: str | None = None,
    code: str | None = None,
    modality: str | None = None,
    since: str | dt.date | None = None,
    until: str | dt.date | None = None,
) -> Any:
    """Every event (one row per report) with its cluster (``event_key``), ``reported_by``,
    place, and the article's date, publisher and URL."""
    f = Filters(actor=source, target=target, code=code, modality=modality, since=_day(since), until=_day(until))
    return _frame(_records(_settings(store), "events", f))


def statements(
    store: str | Path | Settings,
    speaker: str | None = None,
    target: str | None = None,
    act: str | None = None,
    modality: str | None = None,
    since: str | dt.date | None = None,
    until: str | dt.date | None = None,
) -> Any:
    """Every statement with speaker, cue, speech act, targets, content and per-target tone."""
    f = Filters(actor=speaker, target=target, code=act, modality=modality, since=_day(since), until=_day(until))
    return _frame(_records(_settings(store), "statements", f))


def dyads(store: str | Path | Settings, level: str = "sector", limit: int = 1000, **options: Any) -> Any:
    """Actor pairs by number of events, with mean Goldstein and tone."""
    with open_store(_settings(store).db, read_only=True) as s:
        return _frame(s.dyads(level=level, limit=limit, **options))


def series(
    store: str | Path | Settings, source: str, target: str, level: str = "sector", interval: str = "week"
) -> Any:
    """A dyad's events and statements per day, week or month (see ``wirewatch series``)."""
    with open_store(_settings(store).db, read_only=True) as s:
        return _frame(s.dyad_series(source, target, level=level, interval=interval))


def alerts(store: str | Path | Settings, limit: int = 100_000, **options: Any) -> Any:
    """Alerts with their rule, dyad, message and evidence text."""
    with open_store(_settings(store).db, read_only=True) as s:
        rows = s.alerts(limit=limit, **options)
    for row in rows:
        row["evidence"] = row["evidence"]["text"]
    return _frame(rows)


def query(settings: Settings, what: str, filters: Filters | None = None, **options: Any) -> Any:
    """``what`` as a DataFrame: events, statements, dyads, series or alerts."""
    if what in ("events", "statements"):
        return _frame(_records(settings, what, filters or Filters()))
    found = {"dyads": dyads, "series": series, "alerts": alerts}.get(what)
    if found is None:
        raise ConfigError(f"unknown frame {what!r}: choose events, statements, dyads, series or alerts")
    return found(settings, **options)
