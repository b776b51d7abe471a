"""The store schema as migrations: each a version, a name and SQL statements.

Applied in order and recorded in ``schema_migrations``; a migration runs once. The SQL is
kept to the subset DuckDB and PostgreSQL share (JSON is stored as text).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Migration:
    """One schema change."""

    version: int
    name: str
    statements: tuple[str, ...]


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "initial tables: articles, mentions, timexes, statements, events, alerts, failures",
        (
            """CREATE TABLE articles (
                id TEXT PRIMARY KEY,
                content_hash TEXT NOT NULL,
                published DATE,
                source TEXT,
                url TEXT,
                title TEXT,
                origin TEXT,
                text TEXT NOT NULL,
                dateline TEXT,
                doc_tone DOUBLE PRECISION,
                doc_positive DOUBLE PRECISION,
                doc_negative DOUBLE PRECISION,
                words INTEGER,
                pipeline TEXT NOT NULL,
                versions TEXT NOT NULL,
                ingested_at TIMESTAMP NOT NULL
            )""",
            "CREATE UNIQUE INDEX articles_content_hash ON articles (content_hash)",
            """CREATE TABLE mentions (
                article_id TEXT NOT NULL,
                idx INTEGER NOT NULL,
                sentence INTEGER NOT NULL,
                start_char INTEGER NOT NULL,
                end_char INTEGER NOT NULL,
                text TEXT NOT NULL,
                code TEXT,
                country TEXT,
                sector TEXT,
                actor_id TEXT,
                resolved_by TEXT,
                confidence DOUBLE PRECISION,
                actor TEXT,
                PRIMARY KEY (article_id, idx)
            )""",
            """CREATE TABLE timexes (
                article_id TEXT NOT NULL,
                idx INTEGER NOT NULL,
                sentence INTEGER NOT NULL,
                start_char INTEGER NOT NULL,
                end_char INTEGER NOT NULL,
                text TEXT NOT NULL,
                type TEXT NOT NULL,
                value TEXT,
                granularity TEXT,
                anchor TEXT,
                PRIMARY KEY (article_id, idx)
            )""",
            """CREATE TABLE statements (
                article_id TEXT NOT NULL,
                idx INTEGER NOT NULL,
                sentence INTEGER NOT NULL,
                speaker_code TEXT,
                speaker_country TEXT,
                speaker_name TEXT,
                speaker TEXT,
                cue_text TEXT NOT NULL,
                cue_start INTEGER NOT NULL,
                cue_end INTEGER NOT NULL,
                content_text TEXT NOT NULL,
                content_start INTEGER NOT NULL,
                content_end INTEGER NOT NULL,
                kind TEXT NOT NULL,
                cameo TEXT NOT NULL,
                speech_act TEXT NOT NULL,
                addressee_code TEXT,
                addressee TEXT,
                target_codes TEXT NOT NULL,
                targets TEXT NOT NULL,
                modality TEXT NOT NULL,
                date TEXT,
                date_start DATE,
                date_end DATE,
                date_source TEXT,
                tone TEXT,
                PRIMARY KEY (article_id, idx)
            )""",
            """CREATE TABLE events (
                article_id TEXT NOT NULL,
                idx INTEGER NOT NULL,
                sentence INTEGER NOT NULL,
                source_code TEXT,
                source_country TEXT,
                source TEXT,
                target_code TEXT,
                target_country TEXT,
                target TEXT,
                cameo TEXT NOT NULL,
                root TEXT NOT NULL,
                name TEXT NOT NULL,
                plover_type TEXT,
                plover_mode TEXT,
                goldstein DOUBLE PRECISION NOT NULL,
                quad_class INTEGER NOT NULL,
                modality TEXT NOT NULL,
                date TEXT,
                date_start DATE,
                date_end DATE,
                date_source TEXT,
                location TEXT,
                evidence_text TEXT NOT NULL,
                evidence_start INTEGER NOT NULL,
                evidence_end INTEGER NOT NULL,
                tone DOUBLE PRECISION,
                PRIMARY KEY (article_id, idx)
            )""",
            "CREATE INDEX events_dyad ON events (source_code, target_code, date_start)",
            "CREATE INDEX statements_speaker ON statements (speaker_code, date_start)",
            """CREATE TABLE alerts (
                id TEXT PRIMARY KEY,
                rule TEXT NOT NULL,
                article_id TEXT NOT NULL,
                record TEXT NOT NULL,
                idx INTEGER NOT NULL,
                source_code TEXT,
                target_code TEXT,
                date TEXT,
                message TEXT NOT NULL,
                evidence TEXT NOT NULL,
                matched TEXT NOT NULL,
                created_at TIMESTAMP NOT NULL,
                acknowledged BOOLEAN NOT NULL DEFAULT FALSE
            )""",
            """CREATE TABLE failures (
                id TEXT PRIMARY KEY,
                origin TEXT NOT NULL,
                article_id TEXT,
                reason TEXT NOT NULL,
                failed_at TIMESTAMP NOT NULL
            )""",
        ),
    ),
)

MIGRATIONS = (
    *MIGRATIONS,
    Migration(
        2,
        "alerts get the first day of their record's date, to sort and filter by it",
        ("ALTER TABLE alerts ADD COLUMN date_start DATE",),
    ),
    Migration(
        3,
        "events keep the words that carry them (the verb or the statement's cue)",
        (
            "ALTER TABLE events ADD COLUMN trigger_text TEXT",
            "ALTER TABLE events ADD COLUMN trigger_start INTEGER",
            "ALTER TABLE events ADD COLUMN trigger_end INTEGER",
        ),
    ),
    Migration(
        4,
        "events say whether they are background (perfect tense or well before publication)",
        # DuckDB cannot add a NOT NULL column to an indexed table; the default fills old rows.
        ("ALTER TABLE events ADD COLUMN background BOOLEAN DEFAULT FALSE",),
    ),
    Migration(
        5,
        "event clusters: one real-world event reported by several articles",
        (
            """CREATE TABLE event_clusters (
                id TEXT PRIMARY KEY,
                source_code TEXT,
                target_code TEXT,
                root TEXT NOT NULL,
                cameo TEXT NOT NULL,
                date_start DATE,
                date_end DATE,
                articles INTEGER NOT NULL,
                words TEXT NOT NULL
            )""",
            "CREATE INDEX event_clusters_dyad ON event_clusters (source_code, target_code, root, date_start)",
            "ALTER TABLE events ADD COLUMN cluster_id TEXT",
        ),
    ),
    Migration(
        6,
        "watch state: how far each watcher has read",
        ("CREATE TABLE watch_state (name TEXT PRIMARY KEY, watermark TIMESTAMP NOT NULL)",),
    ),
    Migration(
        7,
        "articles keep a hash of their text alone: the same story from another URL is the same article",
        ("ALTER TABLE articles ADD COLUMN text_hash TEXT", "CREATE INDEX articles_text_hash ON articles (text_hash)"),
    ),
)

#: Child tables of an article, deleted and rewritten with it.
ARTICLE_TABLES = ("mentions", "timexes", "statements", "events", "alerts")
