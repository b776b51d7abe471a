"""Store queries at scale: a dyad's weekly series, the dyad table, alerts and event lists on
DuckDB stores holding 1M and 10M synthetic events.

The events are generated in SQL (no NLP): 400 actors, 25 years of dates, CAMEO codes from
the project's table, five events per article, one alert per hundred events. Each query runs
five times; the median is reported.

    python benchmarks/bench_store.py                  # 1M and 10M
    python benchmarks/bench_store.py --sizes 100000   # a quick look
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path

from wirewatch.coding.ontology import load_ontology
from wirewatch.store import Filters, open_store

ACTORS = 400


def populate(path: Path, n: int) -> None:
    """Write ``n`` synthetic events (and their articles and alerts) into a fresh store."""
    codes = [c for c in load_ontology().codes.values() if len(c.code) >= 3][:200]
    store = open_store(str(path))  # creates the schema through the migrations
    store.close()
    import duckdb

    con = duckdb.connect(str(path))
    con.execute("CREATE TEMP TABLE codes AS SELECT * FROM (VALUES " + ", ".join(
        f"({i}, '{c.code}', '{c.code[:2]}', {c.goldstein}, {c.quad_class}, '{c.plover_type}')"
        for i, c in enumerate(codes)
    ) + ") AS t(k, cameo, root, goldstein, quad, plover)")  # fmt: skip
    articles = n // 5
    con.execute(
        """INSERT INTO articles (id, content_hash, published, source, title, text, doc_tone, words, pipeline,
                                 versions, ingested_at, text_hash)
           SELECT 'a' || i, 'h' || i, DATE '2000-01-01' + CAST(i * 9000 // ? AS INTEGER), 'SYN', 'story ' || i,
                  'synthetic', 0.0, 300, 'bench', '{}', TIMESTAMP '2026-01-01', 't' || i
           FROM range(?) AS r(i)""",
        [articles, articles],
    )
    con.execute(
        f"""INSERT INTO events (article_id, idx, sentence, source_code, source_country, target_code, target_country,
                                cameo, root, name, plover_type, goldstein, quad_class, modality, date, date_start,
                                date_end, date_source, evidence_text, evidence_start, evidence_end, tone, background)
            SELECT 'a' || (i // 5), i % 5, i % 20, s, substr(s, 1, 3), t, substr(t, 1, 3), c.cameo, c.root,
                   'synthetic', c.plover, c.goldstein, c.quad, CASE WHEN i % 10 = 0 THEN 'future' ELSE 'asserted' END,
                   CAST(d AS VARCHAR), d, d, 'text', 'evidence ' || i, 0, 10, ((i * 31) % 200 - 100) / 100.0, FALSE
            FROM (SELECT i, 'A' || lpad(CAST((i * 7919) % {ACTORS} AS VARCHAR), 3, '0') || 'GOV' AS s,
                         'A' || lpad(CAST((i * 104729 + 17) % {ACTORS} AS VARCHAR), 3, '0') || 'GOV' AS t,
                         DATE '2000-01-01' + CAST((i // 5) * 9000 // ? AS INTEGER) AS d
                  FROM range(?) AS r(i)) AS g
            JOIN codes c ON c.k = g.i % {len(codes)}""",
        [articles, n],
    )
    con.execute(
        """INSERT INTO alerts (id, rule, article_id, record, idx, source_code, target_code, date, message, evidence,
                               matched, created_at, date_start)
           SELECT 'x' || e.article_id || '-' || e.idx, 'rule' || (hash(e.article_id) % 10), e.article_id, 'event',
                  e.idx, e.source_code, e.target_code, e.date, 'synthetic alert', '{"text": "e", "start": 0,
                  "end": 1, "sentence": 0}', '[]', TIMESTAMP '2026-01-01', e.date_start
           FROM events e WHERE e.idx = 0 AND hash(e.article_id) % 20 = 0"""
    )
    con.execute("CHECKPOINT")
    con.close()


def median_seconds(run, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def bench(n: int, folder: Path) -> dict[str, float | int]:
    path = folder / f"synthetic-{n}.duckdb"
    start = time.perf_counter()
    populate(path, n)
    built = time.perf_counter() - start
    with open_store(str(path), read_only=True) as store:
        (busiest,) = store.dyads(limit=1)
        src, tgt = busiest["source"], busiest["target"]
        return {
            "events": n,
            "build_s": round(built, 1),
            "dyad_events": int(busiest["events"]),
            "dyad_weekly_series_s": round(median_seconds(lambda: store.dyad_series(src, tgt)), 3),
            "dyad_monthly_series_s": round(median_seconds(lambda: store.dyad_series(src, tgt, interval="month")), 3),
            "dyad_events_page_s": round(median_seconds(lambda: store.events(Filters(actor=src, target=tgt))), 3),
            "top_dyads_s": round(median_seconds(lambda: store.dyads(limit=20)), 3),
            "latest_alerts_s": round(median_seconds(lambda: store.alerts(limit=50)), 3),
            "one_rules_alerts_s": round(median_seconds(lambda: store.alerts(limit=50, rule="rule3")), 3),
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000_000, 10_000_000])
    parser.add_argument("--out", type=Path, default=Path("benchmarks/results/store.json"))
    args = parser.parse_args()
    results = []
    with tempfile.TemporaryDirectory(prefix="wirewatch-bench-") as folder:
        for n in args.sizes:
            results.append(bench(n, Path(folder)))
            print(json.dumps(results[-1]), flush=True)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2) + "\n")
    keys = list(results[0])
    print("\n| " + " | ".join(keys) + " |\n|" + "---|" * len(keys))
    for r in results:
        print("| " + " | ".join(str(r[k]) for k in keys) + " |")


if __name__ == "__main__":
    main()
