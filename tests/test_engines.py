"""Engines give the same Extractions as the local one; runs resume after a kill."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from wirewatch.api import demo_corpus
from wirewatch.config import Settings
from wirewatch.contract import extraction_to_dict
from wirewatch.engines import ProcessEngine, make_engine
from wirewatch.errors import ConfigError
from wirewatch.ingest import read_paths
from wirewatch.store import open_store
from wirewatch.types import Article, Failure

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def small_corpus():
    """Twelve demo articles and one bad input, in order."""
    items = list(read_paths([demo_corpus()]))[:12]
    items.insert(5, Failure("feed.jsonl:6", "the record has no text"))
    return items


@pytest.fixture(scope="module")
def expected(extractor, small_corpus):
    return [_plain(r) for r in extractor.extract_many(small_corpus)]


def _plain(result):
    if isinstance(result, Failure):
        return ("failure", result.origin, result.reason)
    return extraction_to_dict(result), result.article


def test_process_engine_gives_the_local_engines_extractions(small_corpus, expected):
    with ProcessEngine(Settings(batch_size=4), workers=2) as engine:
        got = [_plain(r) for r in engine.extract_many(small_corpus)]
        assert engine.peak_rss_mib() > 100  # each worker holds a loaded pipeline
    assert got == expected


@pytest.fixture(scope="module")
def local_ray():
    """A local Ray started by the test (two actors and a CPU for Ray's own reads)."""
    ray = pytest.importorskip("ray")
    ray.init(num_cpus=3, object_store_memory=300 * 1024 * 1024, include_dashboard=False, log_to_driver=False)
    yield ray
    ray.shutdown()


def test_ray_engine_gives_the_local_engines_extractions(local_ray, small_corpus, expected):
    from wirewatch.engines import RayEngine

    with RayEngine(Settings(batch_size=4), workers=2) as engine:
        got = [_plain(r) for r in engine.extract_many(small_corpus)]
    assert got == expected


def test_ray_reads_jsonl_and_parquet_itself_and_skips_what_is_stored(local_ray, tmp_path, web_db):
    import pandas as pd

    from wirewatch import api

    records = [json.loads(line) for line in Path(demo_corpus()).read_text(encoding="utf-8").splitlines()][:10]
    jsonl = tmp_path / "part.jsonl"
    jsonl.write_text("".join(json.dumps(r) + "\n" for r in records[:6]) + json.dumps({"id": "empty"}) + "\n")
    parquet = tmp_path / "part.parquet"
    pd.DataFrame(records[6:]).to_parquet(parquet)
    settings = Settings(db=str(tmp_path / "ray.duckdb"), batch_size=4)

    first = api.ingest([jsonl, parquet], settings, engine="ray", workers=2)
    assert (first.read, first.stored, first.skipped) == (10, 10, 0)
    assert len(first.failures) == 1 and "part.jsonl" in first.failures[0].origin
    again = api.ingest([jsonl, parquet], settings, engine="ray", workers=2)
    assert (again.stored, again.skipped) == (0, 10)

    ids = {r["id"] for r in records}
    with open_store(settings.db, read_only=True) as got, open_store(web_db, read_only=True) as clean:
        for table in ("events", "statements", "mentions"):
            mine = sorted((r["article_id"], r["idx"], r.get("cameo")) for c in got.export_rows(table) for r in c)
            want = sorted((r["article_id"], r["idx"], r.get("cameo")) for c in clean.export_rows(table) for r in c
                          if r["article_id"] in ids)  # fmt: skip
            assert mine == want


def test_unknown_engine_lists_the_engines():
    with pytest.raises(ConfigError, match="local, process, ray"):
        make_engine("spark", Settings())


def test_a_worker_that_dies_fails_its_batch_only(small_corpus, monkeypatch):
    import wirewatch.engines as engines

    articles = [item for item in small_corpus if isinstance(item, Article)][:6]
    poison = Article("poison", "This article kills the worker that reads it.")
    with ProcessEngine(Settings(batch_size=2), workers=1) as engine:
        # Batches go to the workers by the function's name; send them through one that
        # kills its process when it meets the poison article.
        monkeypatch.setattr(engines, "_worker_extract", _dies_on_poison)
        results = list(engine.extract_many([*articles[:2], poison, articles[2], *articles[3:]]))
    failed = [r for r in results if isinstance(r, Failure)]
    assert {f.article_id for f in failed} == {"poison", articles[2].id}  # its batch-mate goes down with it
    assert "died" in failed[0].reason
    stored = [r.article.id for r in results if not isinstance(r, Failure)]
    assert stored == [a.id for a in articles if a.id != articles[2].id]


def _dies_on_poison(items):
    from wirewatch import engines

    if any(getattr(item, "id", None) == "poison" for item in items):
        os.kill(os.getpid(), signal.SIGKILL)
    return engines._worker_extract(items)  # in the worker, the module's own function


def test_a_killed_ingest_resumes_without_loss_or_duplicates(tmp_path, web_db):
    db = tmp_path / "resume.duckdb"
    command = [sys.executable, "-m", "wirewatch.cli", "-v", "ingest", str(demo_corpus()), "--db", str(db)]
    run = subprocess.Popen(command, stderr=subprocess.PIPE, text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    assert run.stderr is not None
    for line in run.stderr:
        if "committed a batch" in line:
            run.send_signal(signal.SIGKILL)  # mid-run: one batch committed, the rest not
            break
    run.wait(timeout=60)
    assert run.returncode == -signal.SIGKILL
    with open_store(str(db), read_only=True) as store:
        partial = store.counts()["articles"]
    assert 0 < partial < 73

    again = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert again.returncode == 0, again.stderr
    assert f"{partial} already stored" in again.stdout
    ids = {json.loads(line)["id"] for line in Path(demo_corpus()).read_text(encoding="utf-8").splitlines()}
    with open_store(str(db), read_only=True) as resumed, open_store(web_db, read_only=True) as clean:
        assert {r["id"] for chunk in resumed.export_rows("articles") for r in chunk} == ids
        for table in ("events", "statements", "mentions"):
            got = [(r["article_id"], r["idx"]) for chunk in resumed.export_rows(table) for r in chunk]
            assert len(got) == len(set(got))  # nothing twice
            want = [(r["article_id"], r["idx"]) for chunk in clean.export_rows(table) for r in chunk
                    if r["article_id"] in ids]  # fmt: skip
            assert sorted(got) == sorted(want)  # nothing lost: the same records as one clean run
