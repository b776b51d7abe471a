"""The store: one writer, batch writes in transactions, and the queries analysts run.

``SQLStore`` holds everything that is plain SQL; a backend supplies the connection.
Placeholders are written ``?`` here.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from wirewatch.coding.timenorm import value_interval
from wirewatch.store import clusters as C
from wirewatch.store import rows as R
from wirewatch.store.schema import ARTICLE_TABLES, MIGRATIONS
from wirewatch.types import Alert, Extraction, Failure

log = logging.getLogger(__name__)

#: Modalities of events that happened, as the text tells them.
FACTUAL = ("asserted", "reported")


@dataclass(frozen=True)
class WriteResult:
    """What one write did."""

    stored: int = 0
    skipped: int = 0
    replaced: int = 0


@dataclass(frozen=True)
class Filters:
    """Filters shared by the statement and event queries.

    Attributes:
        actor: source/speaker code prefix (``RUS`` matches ``RUSGOV``).
        target: target code prefix.
        code: CAMEO code prefix (``02`` for all appeals).
        since, until: inclusive date range on the record's date.
        modality: one modality, or None for all.
        article: one article id.
    """

    actor: str | None = None
    target: str | None = None
    code: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    modality: str | None = None
    article: str | None = None
    limit: int = 50
    offset: int = 0


class SQLStore:
    """Shared SQL logic; subclasses provide ``_connection`` handling."""

    location: str

    # -------------------------------------------------------------- backend hooks

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        raise NotImplementedError

    def _executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        raise NotImplementedError

    def _query(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        raise NotImplementedError

    def _begin(self) -> None:
        self._execute("BEGIN TRANSACTION")

    def _commit(self) -> None:
        self._execute("COMMIT")

    def _rollback(self) -> None:
        self._execute("ROLLBACK")

    def close(self) -> None:
        raise NotImplementedError

    def __enter__(self) -> SQLStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -------------------------------------------------------------- migrations

    def migrate(self) -> list[int]:
        """Apply pending migrations; returns the versions applied."""
        self._execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations ("
            "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMP NOT NULL)"
        )
        done = {r["version"] for r in self._query("SELECT version FROM schema_migrations")}
        applied = []
        for migration in MIGRATIONS:
            if migration.version in done:
                continue
            self._begin()
            try:
                for statement in migration.statements:
                    self._execute(statement)
                self._execute(
                    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                    (migration.version, migration.name, _now()),
                )
                self._commit()
            except Exception:
                self._rollback()
                raise
            applied.append(migration.version)
        return applied

    def schema_version(self) -> int:
        rows = self._query("SELECT max(version) AS v FROM schema_migrations")
        return int(rows[0]["v"] or 0)

    # -------------------------------------------------------------- writing

    def write(self, extractions: Sequence[Extraction], alerts: Iterable[Alert] = ()) -> WriteResult:
        """Store a batch of extractions (and their alerts) in one transaction.

        An article already stored with the same pipeline version is skipped; one stored
        by an older pipeline is replaced. Either the whole batch lands or none of it.
        """
        now = _now()
        stored = skipped = replaced = 0
        alerts = list(alerts)
        keep: list[Extraction] = []
        replace_ids: list[str] = []
        seen: set[str] = set()
        for x in extractions:
            existing = self._existing(x)
            # The same story twice in one batch (under two ids) is stored once.
            keys = {
                x.article.id,
                R.content_hash(x.article.text, x.article.url),
                "text:" + R.content_hash(x.article.text),
            }
            if keys & seen or (existing is not None and existing["pipeline"] == x.versions.pipeline):
                skipped += 1
                continue
            seen |= keys
            if existing is not None:
                replace_ids.append(existing["id"])
                replaced += 1
            else:
                stored += 1
            keep.append(x)
        if not keep:
            return WriteResult(stored, skipped, replaced)
        kept_ids = {x.article.id for x in keep}
        self._begin()
        try:
            for article_id in replace_ids:
                self._delete_article(article_id)
            self._insert("articles", R.ARTICLE_COLUMNS, [R.article_row(x, now) for x in keep])
            self._insert("mentions", R.MENTION_COLUMNS, [r for x in keep for r in R.mention_rows(x)])
            self._insert("timexes", R.TIMEX_COLUMNS, [r for x in keep for r in R.timex_rows(x)])
            self._insert("statements", R.STATEMENT_COLUMNS, [r for x in keep for r in R.statement_rows(x)])
            self._insert("events", R.EVENT_COLUMNS, [r for x in keep for r in R.event_rows(x)])
            self._cluster(keep)
            self._insert_new_alerts([a for a in alerts if a.article_id in kept_ids], now)
            self._commit()
        except Exception:
            self._rollback()
            raise
        return WriteResult(stored, skipped, replaced)

    def record_failures(self, failures: Sequence[Failure]) -> None:
        """Keep failed inputs with their reasons (a repeated failure is kept once)."""
        if not failures:
            return
        now = _now()
        rows = {R.failure_row(f, now)[0]: R.failure_row(f, now) for f in failures}
        self._begin()
        try:
            ids = list(rows)
            marks = ", ".join("?" for _ in ids)
            self._execute(f"DELETE FROM failures WHERE id IN ({marks})", ids)
            self._insert("failures", R.FAILURE_COLUMNS, list(rows.values()))
            self._commit()
        except Exception:
            self._rollback()
            raise

    def _existing(self, x: Extraction) -> dict[str, Any] | None:
        # The same article is the same id, the same text at the same URL, or the same text
        # from anywhere (a story syndicated under several URLs).
        found = self._query(
            "SELECT id, pipeline FROM articles WHERE id = ? OR content_hash = ? OR text_hash = ? LIMIT 1",
            (x.article.id, R.content_hash(x.article.text, x.article.url), R.content_hash(x.article.text)),
        )
        return found[0] if found else None

    def _delete_article(self, article_id: str) -> None:
        clusters = [r["cluster_id"] for r in self._query(
            "SELECT DISTINCT cluster_id FROM events WHERE article_id = ? AND cluster_id IS NOT NULL", (article_id,)
        )]  # fmt: skip
        for table in ARTICLE_TABLES:
            self._execute(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))
        self._execute("DELETE FROM articles WHERE id = ?", (article_id,))
        for cluster in clusters:
            self._recount(cluster)

    # -------------------------------------------------------------- clusters

    def _cluster(self, extractions: Sequence[Extraction]) -> None:
        """Give each new event its cluster: an existing report of the same occurrence, or a new one."""
        for x in extractions:
            for index, event in enumerate(x.events):
                interval = value_interval(event.date)
                source = event.source.code if event.source else None
                target = event.target.code if event.target else None
                words = C.words_of(event.evidence.text)
                match = None
                if interval is not None and source and target:
                    window = dt.timedelta(days=C.WINDOW_DAYS)
                    rows = self._query(
                        "SELECT id, cameo, date_start, date_end, words FROM event_clusters"
                        " WHERE source_code = ? AND target_code = ? AND root = ?"
                        " AND date_start <= ? AND date_end >= ?",
                        (source, target, event.root, interval[1] + window, interval[0] - window),
                    )
                    candidates = [
                        C.Candidate(r["id"], r["cameo"], r["date_start"], r["date_end"], frozenset(r["words"].split()))
                        for r in rows
                    ]
                    match = C.best_match(event.cameo, words, candidates)
                if match is None:
                    cluster = C.cluster_id(x.article.id, index)
                    self._execute(
                        "INSERT INTO event_clusters (id, source_code, target_code, root, cameo, date_start, date_end,"
                        " articles, words) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?)",
                        (cluster, source, target, event.root, event.cameo, interval[0] if interval else None,
                         interval[1] if interval else None, " ".join(sorted(words))),
                    )  # fmt: skip
                else:
                    cluster = match.id
                    merged = " ".join(sorted(match.words | words))
                    self._execute(
                        "UPDATE event_clusters SET date_start = least(date_start, ?), date_end = greatest(date_end, ?),"
                        " words = ? WHERE id = ?",
                        (interval[0], interval[1], merged, cluster),
                    )
                self._execute(
                    "UPDATE events SET cluster_id = ? WHERE article_id = ? AND idx = ?", (cluster, x.article.id, index)
                )
                if match is not None:
                    self._recount(cluster)

    def _recount(self, cluster: str) -> None:
        count = self._query("SELECT count(DISTINCT article_id) AS n FROM events WHERE cluster_id = ?", (cluster,))[0][
            "n"
        ]
        if count:
            self._execute("UPDATE event_clusters SET articles = ? WHERE id = ?", (count, cluster))
        else:
            self._execute("DELETE FROM event_clusters WHERE id = ?", (cluster,))

    def _insert(self, table: str, columns: Sequence[str], rows: list[tuple]) -> None:
        if not rows:
            return
        marks = ", ".join("?" for _ in columns)
        self._executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows)

    # -------------------------------------------------------------- reading

    def has_url(self, url: str) -> bool:
        """Whether an article from this URL is stored."""
        return bool(self._query("SELECT 1 AS x FROM articles WHERE url = ? LIMIT 1", (url,)))

    def has_article(self, article_id: str, pipeline: str | None = None) -> bool:
        """Whether an article is stored (by the given pipeline version, if one is given)."""
        if pipeline is None:
            return bool(self._query("SELECT 1 AS x FROM articles WHERE id = ?", (article_id,)))
        return bool(self._query("SELECT 1 AS x FROM articles WHERE id = ? AND pipeline = ?", (article_id, pipeline)))

    def article_ids(self, pipeline: str | None = None) -> set[str]:
        """Ids of the stored articles (coded by this pipeline version, if one is given)."""
        if pipeline is None:
            return {r["id"] for r in self._query("SELECT id FROM articles")}
        return {r["id"] for r in self._query("SELECT id FROM articles WHERE pipeline = ?", (pipeline,))}

    def get_extraction(self, article_id: str) -> Extraction | None:
        """Rebuild an article's Extraction from the store."""
        found = self._query(f"SELECT {', '.join(R.ARTICLE_COLUMNS)} FROM articles WHERE id = ?", (article_id,))
        if not found:
            return None

        def children(table: str, columns: Sequence[str]) -> list[dict[str, Any]]:
            return self._query(
                f"SELECT {', '.join(columns)} FROM {table} WHERE article_id = ? ORDER BY idx", (article_id,)
            )

        return R.extraction_from_rows(
            found[0],
            children("mentions", R.MENTION_COLUMNS),
            children("timexes", R.TIMEX_COLUMNS),
            children("statements", R.STATEMENT_COLUMNS),
            children("events", R.EVENT_COLUMNS),
        )

    def counts(self) -> dict[str, int]:
        """Rows per table."""
        out = {}
        for table in (
            "articles",
            "mentions",
            "timexes",
            "statements",
            "events",
            "event_clusters",
            "alerts",
            "failures",
        ):
            out[table] = int(self._query(f"SELECT count(*) AS n FROM {table}")[0]["n"])
        return out

    def statements(self, filters: Filters | None = None) -> list[dict[str, Any]]:
        """Statements, newest first, with their article's title and date."""
        f = filters or Filters()
        where, params = _where(
            f, actor_col="s.speaker_code", target_col="s.target_codes", code_col="s.cameo", prefix="s", target_list=True
        )
        sql = (
            "SELECT s.article_id, s.idx, s.date, s.speaker_code, s.speaker_name, s.cue_text, s.kind, s.cameo,"
            " s.speech_act, s.modality, s.target_codes, s.addressee_code, s.content_text, s.tone, s.date_source,"
            " a.title, a.published"
            " FROM statements s JOIN articles a ON a.id = s.article_id"
            f" {where} ORDER BY s.date_start DESC NULLS LAST, a.published DESC NULLS LAST, s.article_id, s.idx"
            " LIMIT ? OFFSET ?"
        )
        rows = self._query(sql, [*params, f.limit, f.offset])
        for r in rows:
            r["target_codes"] = [c for c in (r["target_codes"] or "").split("|") if c]
        return rows

    def events(self, filters: Filters | None = None) -> list[dict[str, Any]]:
        """Events, newest first."""
        f = filters or Filters()
        where, params = _where(f, actor_col="e.source_code", target_col="e.target_code", code_col="e.cameo", prefix="e")
        sql = (
            "SELECT e.article_id, e.idx, e.date, e.source_code, e.target_code, e.cameo, e.name, e.plover_type,"
            " e.goldstein, e.quad_class, e.modality, e.tone, e.evidence_text, e.date_source, a.title, a.published,"
            " e.cluster_id, coalesce(c.articles, 1) AS reported_by"
            " FROM events e JOIN articles a ON a.id = e.article_id"
            " LEFT JOIN event_clusters c ON c.id = e.cluster_id"
            f" {where} ORDER BY e.date_start DESC NULLS LAST, a.published DESC NULLS LAST, e.article_id, e.idx"
            " LIMIT ? OFFSET ?"
        )
        return self._query(sql, [*params, f.limit, f.offset])

    def dyads(
        self,
        level: str = "sector",
        since: dt.date | None = None,
        until: dt.date | None = None,
        limit: int = 20,
        modalities: tuple[str, ...] = ("asserted",),
    ) -> list[dict[str, Any]]:
        """Actor pairs by number of events, with mean Goldstein and tone.

        Args:
            level: ``sector`` (RUSGOV -> BLRGOV) or ``country`` (RUS -> BLR).
            modalities: which events count; by default only asserted ones, so that what
                someone says happened ("reported") or will happen does not count until
                asked for.
        """
        src, tgt = _dyad_columns(level)
        marks = ", ".join("?" for _ in modalities)
        conds = [f"{src} IS NOT NULL", f"{tgt} IS NOT NULL", f"{src} <> {tgt}", f"modality IN ({marks})"]
        params: list[Any] = list(modalities)
        _add_date_range(conds, params, since, until, "date_end", "date_start")
        sql = (
            f"SELECT {src} AS source, {tgt} AS target,"
            f" {_DYAD_AGGREGATES}, max(date_end) AS last_date"
            f" FROM events WHERE {' AND '.join(conds)}"
            f" GROUP BY {src}, {tgt} ORDER BY events DESC, source, target LIMIT ?"
        )
        return self._query(sql, [*params, limit])

    def dyad_series(
        self,
        source: str,
        target: str,
        level: str = "sector",
        interval: str = "week",
        modalities: tuple[str, ...] = ("asserted",),
        since: dt.date | None = None,
        until: dt.date | None = None,
    ) -> list[dict[str, Any]]:
        """A dyad's events per day, week or month: counts by QuadClass, mean Goldstein and tone,
        and the source's statements about the target (all, and those that press: appeals,
        demands, accusations, rejections, threats).

        Each real-world event counts once (its cluster), at its first date.
        """
        if interval not in ("day", "week", "month"):
            raise ValueError("interval must be 'day', 'week' or 'month'")
        src, tgt = _dyad_columns(level)
        marks = ", ".join("?" for _ in modalities)
        # Records dated more coarsely than the series ("in 2020" in a weekly series) are left out.
        span = {"day": 0, "week": 6, "month": 30}[interval]
        precise = f"date_end - date_start <= {span}"
        conds = [f"{src} = ?", f"{tgt} = ?", "date_start IS NOT NULL", precise, f"modality IN ({marks})"]
        params: list[Any] = [source.upper(), target.upper(), *modalities]
        _add_date_range(conds, params, since, until, "date_start")
        sql = (
            f"SELECT date_trunc('{interval}', date_start) AS period,"
            f" {_DYAD_AGGREGATES}"
            f" FROM events WHERE {' AND '.join(conds)} GROUP BY period ORDER BY period"
        )
        rows = self._query(sql, params)
        statements = self._statement_series(source, target, level, interval, since, until)
        for row in rows:
            if isinstance(row["period"], dt.datetime):
                row["period"] = row["period"].date()
        by_period = {row["period"]: row for row in rows}
        for period, counts in statements.items():
            row = by_period.setdefault(period, {"period": period, "events": 0, "articles": 0, "goldstein": None,
                                                 "tone": None, "verbal_coop": 0, "material_coop": 0,
                                                 "verbal_conflict": 0, "material_conflict": 0})  # fmt: skip
            row.update(counts)
        out = sorted(by_period.values(), key=lambda r: r["period"])
        for row in out:
            row.setdefault("statements", 0)
            row.setdefault("pressure_statements", 0)
        return out

    def _statement_series(self, source: str, target: str, level: str, interval: str,
                          since: dt.date | None, until: dt.date | None) -> dict[dt.date, dict[str, int]]:  # fmt: skip
        """Statements from source about target per period: all, and appeals/demands/accusations/threats."""
        speaker = "speaker_code" if level == "sector" else "speaker_country"
        span = {"day": 0, "week": 6, "month": 30}[interval]
        conds = [f"{speaker} = ?", "target_codes LIKE ?", "date_start IS NOT NULL", f"date_end - date_start <= {span}"]
        pattern = f"%|{target.upper()}|%" if level == "sector" else f"%|{target.upper()}%"
        params: list[Any] = [source.upper(), pattern]
        _add_date_range(conds, params, since, until, "date_start")
        rows = self._query(
            f"SELECT date_trunc('{interval}', date_start) AS period, count(*) AS statements,"
            " sum(CASE WHEN substr(cameo, 1, 2) IN ('02', '10', '11', '12', '13') THEN 1 ELSE 0 END)"
            " AS pressure_statements"
            f" FROM statements WHERE {' AND '.join(conds)} GROUP BY period",
            params,
        )
        out = {}
        for row in rows:
            period = row["period"].date() if isinstance(row["period"], dt.datetime) else row["period"]
            out[period] = {"statements": int(row["statements"]), "pressure_statements": int(row["pressure_statements"])}
        return out

    def dyad_events(
        self,
        source: str,
        target: str,
        level: str = "sector",
        modalities: tuple[str, ...] = ("asserted",),
    ) -> list[dict[str, Any]]:
        """A dyad's events dated to the day or week, one row per report, oldest first (for
        change detection)."""
        src, tgt = _dyad_columns(level)
        marks = ", ".join("?" for _ in modalities)
        return self._query(
            "SELECT article_id, idx, cluster_id, date_start, tone, goldstein, cameo, root, name, modality,"
            " evidence_text, evidence_start, evidence_end, sentence, source_code, target_code"
            f" FROM events WHERE {src} = ? AND {tgt} = ? AND date_start IS NOT NULL AND date_end - date_start <= 6"
            f" AND modality IN ({marks})"
            " ORDER BY date_start, article_id, idx",
            [source.upper(), target.upper(), *modalities],
        )

    def articles(self, limit: int = 50, offset: int = 0, since: dt.date | None = None,
                 until: dt.date | None = None) -> list[dict[str, Any]]:  # fmt: skip
        """Stored articles, newest first, with the number of statements and events of each."""
        conds, params = [], []
        _add_date_range(conds, params, since, until, "a.published")
        where = ("WHERE " + " AND ".join(conds)) if conds else ""
        return self._query(
            "SELECT a.id, a.title, a.published, a.source, a.url, a.doc_tone,"
            " (SELECT count(*) FROM statements s WHERE s.article_id = a.id) AS statements,"
            " (SELECT count(*) FROM events e WHERE e.article_id = a.id) AS events"
            f" FROM articles a {where} ORDER BY a.published DESC NULLS LAST, a.id LIMIT ? OFFSET ?",
            [*params, limit, offset],
        )

    def search(self, text: str, limit: int = 50) -> dict[str, list[dict[str, Any]]]:
        """Statements and events whose content or evidence contains ``text`` (any case)."""
        pattern = "%" + text.lower().replace("\\", "").replace("%", "").replace("_", "") + "%"
        statements = self._query(
            "SELECT s.article_id, s.idx, s.date, s.speaker_code, s.speaker_name, s.cue_text, s.cameo, s.speech_act,"
            " s.content_text, a.title FROM statements s JOIN articles a ON a.id = s.article_id"
            " WHERE lower(s.content_text) LIKE ? ORDER BY s.date_start DESC NULLS LAST, s.article_id, s.idx LIMIT ?",
            (pattern, limit),
        )
        events = self._query(
            "SELECT e.article_id, e.idx, e.date, e.source_code, e.target_code, e.cameo, e.name, e.evidence_text,"
            " a.title FROM events e JOIN articles a ON a.id = e.article_id"
            " WHERE lower(e.evidence_text) LIKE ? ORDER BY e.date_start DESC NULLS LAST, e.article_id, e.idx LIMIT ?",
            (pattern, limit),
        )
        return {"statements": statements, "events": events}

    def dyad_event_list(
        self, source: str, target: str, level: str = "sector", limit: int = 200
    ) -> list[dict[str, Any]]:
        """A dyad's events, newest first, each with how many articles reported it."""
        src, tgt = _dyad_columns(level)
        return self._query(
            "SELECT e.article_id, e.idx, e.date, e.source_code, e.target_code, e.cameo, e.name, e.goldstein, e.tone,"
            " e.modality, e.evidence_text, coalesce(c.articles, 1) AS reported_by, a.title"
            " FROM events e JOIN articles a ON a.id = e.article_id LEFT JOIN event_clusters c ON c.id = e.cluster_id"
            f" WHERE e.{src} = ? AND e.{tgt} = ?"
            " ORDER BY e.date_start DESC NULLS LAST, e.article_id, e.idx LIMIT ?",
            (source.upper(), target.upper(), limit),
        )

    def alert(self, alert_id: str) -> dict[str, Any] | None:
        """One alert with its evidence and its article's title."""
        rows = self._query(
            "SELECT l.id, l.rule, l.date, l.source_code, l.target_code, l.message, l.record, l.article_id, l.idx,"
            " l.matched, l.evidence, l.acknowledged, a.title, a.published"
            " FROM alerts l JOIN articles a ON a.id = l.article_id WHERE l.id = ?",
            (alert_id,),
        )
        if not rows:
            return None
        row = rows[0]
        row["evidence"] = json.loads(row["evidence"])
        row["matched"] = json.loads(row["matched"])
        return row

    def export_rows(
        self, table: str, filters: Filters | None = None, chunk: int = 5000, by_cluster: bool = False
    ) -> Iterator[list[dict[str, Any]]]:
        """Every stored row of ``events``, ``statements``, ``mentions`` or ``articles``, in
        chunks, with the article's date, publisher and URL (and for events, how many articles
        reported each). Pages by key, so exporting millions of rows keeps memory flat.

        Args:
            filters: actor, target, code, date range, modality, article (``limit`` is ignored).
            by_cluster: events ordered by real-world event (its cluster), first report first.
        """
        f = filters or Filters()
        article_cols = "a.published, a.source AS publisher, a.url, a.title, a.doc_tone, a.ingested_at"
        if table == "events":
            where, params = _where(f, actor_col="e.source_code", target_col="e.target_code", code_col="e.cameo",
                                   prefix="e")  # fmt: skip
            key = "coalesce(e.cluster_id, e.article_id || ':' || CAST(e.idx AS TEXT))"
            select = (
                f"SELECT {', '.join('e.' + c for c in R.EVENT_COLUMNS)}, {key} AS event_key,"
                f" coalesce(c.articles, 1) AS reported_by, {article_cols}"
                " FROM events e JOIN articles a ON a.id = e.article_id"
                " LEFT JOIN event_clusters c ON c.id = e.cluster_id"
            )
            order = [(key, "event_key"), ("e.article_id", "article_id"), ("e.idx", "idx")]
            if not by_cluster:
                order = order[1:]
        elif table == "statements":
            where, params = _where(f, actor_col="s.speaker_code", target_col="s.target_codes", code_col="s.cameo",
                                   prefix="s", target_list=True)  # fmt: skip
            select = (
                f"SELECT {', '.join('s.' + c for c in R.STATEMENT_COLUMNS)}, {article_cols}"
                " FROM statements s JOIN articles a ON a.id = s.article_id"
            )
            order = [("s.article_id", "article_id"), ("s.idx", "idx")]
        elif table == "mentions":
            where, params = ("WHERE m.article_id = ?", [f.article]) if f.article else ("", [])
            select = f"SELECT {', '.join('m.' + c for c in R.MENTION_COLUMNS)} FROM mentions m"
            order = [("m.article_id", "article_id"), ("m.idx", "idx")]
        elif table == "articles":
            conds, params = [], []
            for column, op, value in (("a.published", ">=", f.since), ("a.published", "<=", f.until),
                                      ("a.id", "=", f.article)):  # fmt: skip
                if value:
                    conds.append(f"{column} {op} ?")
                    params.append(value)
            where = ("WHERE " + " AND ".join(conds)) if conds else ""
            select = f"SELECT {', '.join('a.' + c for c in R.ARTICLE_COLUMNS)} FROM articles a"
            order = [("a.id", "id")]
        else:
            raise ValueError(f"cannot export {table!r}: choose events, statements, mentions or articles")
        after: list[Any] | None = None
        while True:
            conds, extra = [], []
            if after is not None:
                # (k1, k2, ...) > (v1, v2, ...), spelled out for every backend.
                ors = []
                for i in range(len(order)):
                    parts = [f"{order[j][0]} = ?" for j in range(i)] + [f"{order[i][0]} > ?"]
                    ors.append("(" + " AND ".join(parts) + ")")
                    extra.extend(after[: i + 1])
                conds.append("(" + " OR ".join(ors) + ")")
            clause = where
            if conds:
                clause = (where + " AND " if where else "WHERE ") + " AND ".join(conds)
            sql = f"{select} {clause} ORDER BY {', '.join(o[0] for o in order)} LIMIT ?"
            rows = self._query(sql, [*params, *extra, chunk])
            if not rows:
                return
            yield rows
            if len(rows) < chunk:
                return
            after = [rows[-1][name] for _, name in order]

    def event_row(self, article_id: str, index: int) -> dict[str, Any] | None:
        """One stored event by article and index."""
        found = self._query(
            f"SELECT {', '.join(R.EVENT_COLUMNS)} FROM events WHERE article_id = ? AND idx = ?", (article_id, index)
        )
        return found[0] if found else None

    def alerts(
        self,
        limit: int = 20,
        rule: str | None = None,
        since: dt.date | None = None,
        unacknowledged: bool = False,
    ) -> list[dict[str, Any]]:
        """Alerts, newest record date first, with their evidence."""
        conds: list[str] = []
        params: list[Any] = []
        if rule:
            conds.append("l.rule = ?")
            params.append(rule)
        if since:
            conds.append("l.date_start >= ?")
            params.append(since)
        if unacknowledged:
            conds.append("NOT l.acknowledged")
        where = ("WHERE " + " AND ".join(conds)) if conds else ""
        sql = (
            "SELECT l.id, l.rule, l.date, l.source_code, l.target_code, l.message, l.record, l.article_id,"
            " l.idx, l.matched, l.evidence, l.acknowledged, a.title"
            f" FROM alerts l JOIN articles a ON a.id = l.article_id {where}"
            " ORDER BY l.date_start DESC NULLS LAST, l.id LIMIT ?"
        )
        rows = self._query(sql, [*params, limit])
        for row in rows:
            row["evidence"] = json.loads(row["evidence"])
            row["matched"] = json.loads(row["matched"])
        return rows

    def add_alerts(self, alerts: Sequence[Alert]) -> list[Alert]:
        """Store alerts not stored before; returns the new ones (to deliver).

        An alert about an event that other articles reported too is the same alert: one
        real-world event raises a rule once, whichever story brought it.
        """
        self._begin()
        try:
            fresh = self._insert_new_alerts(alerts, _now())
            self._commit()
        except Exception:
            self._rollback()
            raise
        return fresh

    def _insert_new_alerts(self, alerts: Sequence[Alert], now: dt.datetime) -> list[Alert]:
        fresh: list[tuple[Alert, str]] = []
        seen: set[str] = set()
        for alert in alerts:
            key = self.alert_key(alert)
            if key in seen or self._query("SELECT 1 AS x FROM alerts WHERE id = ?", (key,)):
                continue
            seen.add(key)
            fresh.append((alert, key))
        self._insert("alerts", R.ALERT_COLUMNS, [R.alert_row(a, now, key) for a, key in fresh])
        return [a for a, _ in fresh]

    def alert_key(self, alert: Alert) -> str:
        """The id an alert gets: the same for every report of one real-world event."""
        return R.alert_id(alert, self._alert_cluster(alert))

    def _alert_cluster(self, alert: Alert) -> str | None:
        """The event cluster an alert is about: its event's, or its statement's verbal event's."""
        if alert.record == "event":
            rows = self._query(
                "SELECT cluster_id FROM events WHERE article_id = ? AND idx = ?", (alert.article_id, alert.index)
            )
        elif alert.record == "statement":
            rows = self._query(
                "SELECT e.cluster_id FROM statements s JOIN events e ON e.article_id = s.article_id"
                " AND e.sentence = s.sentence AND e.cameo = s.cameo AND e.source_code = s.speaker_code"
                " WHERE s.article_id = ? AND s.idx = ? ORDER BY e.idx LIMIT 1",
                (alert.article_id, alert.index),
            )
        else:
            return None
        return rows[0]["cluster_id"] if rows else None

    def acknowledge(self, ids: Sequence[str]) -> int:
        """Mark alerts as acknowledged; returns how many were found."""
        found = 0
        for key in ids:
            if self._query("SELECT 1 AS x FROM alerts WHERE id = ?", (key,)):
                self._execute("UPDATE alerts SET acknowledged = TRUE WHERE id = ?", (key,))
                found += 1
        return found

    def watermark(self, name: str) -> dt.datetime | None:
        """When the watcher ``name`` last read the store (None: never)."""
        rows = self._query("SELECT watermark FROM watch_state WHERE name = ?", (name,))
        return rows[0]["watermark"] if rows else None

    def set_watermark(self, name: str, when: dt.datetime) -> None:
        self._execute("DELETE FROM watch_state WHERE name = ?", (name,))
        self._execute("INSERT INTO watch_state (name, watermark) VALUES (?, ?)", (name, when))

    def articles_ingested_after(self, when: dt.datetime | None) -> list[dict[str, Any]]:
        """Articles stored after ``when`` (all if None), oldest first, with their ingest time."""
        if when is None:
            return self._query("SELECT id, published, ingested_at FROM articles ORDER BY ingested_at, id")
        return self._query(
            "SELECT id, published, ingested_at FROM articles WHERE ingested_at > ? ORDER BY ingested_at, id", (when,)
        )

    def articles_published_between(self, start: dt.date, end: dt.date) -> list[str]:
        """Ids of articles published in ``[start, end]``."""
        rows = self._query(
            "SELECT id FROM articles WHERE published BETWEEN ? AND ? ORDER BY published, id", (start, end)
        )
        return [r["id"] for r in rows]

    def failures(self, limit: int = 50) -> list[dict[str, Any]]:
        return self._query(
            "SELECT origin, reason, failed_at FROM failures ORDER BY failed_at DESC, origin LIMIT ?", (limit,)
        )


def _add_date_range(
    conds: list[str], params: list[Any], since: Any, until: Any, from_column: str, to_column: str | None = None
) -> None:
    """Add ``from_column >= since`` and ``to_column <= until`` (to_column defaults to from_column)."""
    if since:
        conds.append(f"{from_column} >= ?")
        params.append(since)
    if until:
        conds.append(f"{to_column or from_column} <= ?")
        params.append(until)


# What a dyad's rows and series report: events (each real-world event once, by its cluster),
# articles, mean Goldstein and tone, and counts by QuadClass.
_DYAD_AGGREGATES = (
    "count(DISTINCT coalesce(cluster_id, article_id || ':' || idx)) AS events,"
    " count(DISTINCT article_id) AS articles,"
    " round(CAST(avg(goldstein) AS NUMERIC), 2) AS goldstein, round(CAST(avg(tone) AS NUMERIC), 3) AS tone,"
    " sum(CASE WHEN quad_class = 1 THEN 1 ELSE 0 END) AS verbal_coop,"
    " sum(CASE WHEN quad_class = 2 THEN 1 ELSE 0 END) AS material_coop,"
    " sum(CASE WHEN quad_class = 3 THEN 1 ELSE 0 END) AS verbal_conflict,"
    " sum(CASE WHEN quad_class = 4 THEN 1 ELSE 0 END) AS material_conflict"
)


def _dyad_columns(level: str) -> tuple[str, str]:
    if level not in ("sector", "country"):
        raise ValueError("level must be 'sector' or 'country'")
    return ("source_code", "target_code") if level == "sector" else ("source_country", "target_country")


def _where(
    f: Filters, *, actor_col: str, target_col: str, code_col: str, prefix: str, target_list: bool = False
) -> tuple[str, list[Any]]:
    conds: list[str] = []
    params: list[Any] = []
    if f.actor:
        conds.append(f"{actor_col} LIKE ?")
        params.append(f.actor.upper() + "%")
    if f.target:
        if target_list:
            conds.append(f"{target_col} LIKE ?")
            params.append("%|" + f.target.upper() + "%")
        else:
            conds.append(f"{target_col} LIKE ?")
            params.append(f.target.upper() + "%")
    if f.code:
        conds.append(f"{code_col} LIKE ?")
        params.append(f.code + "%")
    if f.since:
        conds.append(f"{prefix}.date_end >= ?")
        params.append(f.since)
    if f.until:
        conds.append(f"{prefix}.date_start <= ?")
        params.append(f.until)
    if f.modality:
        conds.append(f"{prefix}.modality = ?")
        params.append(f.modality)
    if f.article:
        conds.append(f"{prefix}.article_id = ?")
        params.append(f.article)
    return ("WHERE " + " AND ".join(conds)) if conds else "", params


def plain_row(row: dict[str, Any]) -> dict[str, Any]:
    """Rows in plain Python types on every backend (rounded averages come back as Decimal)."""
    for key, value in row.items():
        if isinstance(value, Decimal):
            row[key] = float(value)
    return row


def _now() -> dt.datetime:
    # Wall-clock time of storage is bookkeeping only; no record is ever dated by it.
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)
