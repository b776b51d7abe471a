import datetime as dt
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings

from strategies import alert_for, extractions
from wirewatch.errors import StoreError
from wirewatch.store import Filters, open_store
from wirewatch.store.duckdb import DuckDBStore
from wirewatch.store.schema import MIGRATIONS
from wirewatch.types import (
    ActorRef,
    Article,
    Event,
    Evidence,
    Extraction,
    Failure,
    Mention,
    Span,
    SpeechAct,
    Statement,
    Versions,
)

V1 = Versions("0.1", "3.8", "en_core_web_sm", "3.8.0", "a1", "o1")


@given(x=extractions())
@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
def test_round_trip_gives_back_the_same_extraction(make_store, x):
    with make_store() as store:
        store.write([x])
        assert store.get_extraction(x.article.id) == replace(x, article=replace(x.article))


def test_migrations_are_recorded_and_run_once(tmp_path):
    path = tmp_path / "w.duckdb"
    with DuckDBStore(path) as store:
        assert store.schema_version() == len(MIGRATIONS)
    with DuckDBStore(path) as store:
        assert store.migrate() == []
        rows = store._query("SELECT version, name FROM schema_migrations ORDER BY version")
        assert [r["version"] for r in rows] == [m.version for m in MIGRATIONS]


def test_an_older_store_is_upgraded_in_place(tmp_path, monkeypatch):
    import wirewatch.store.base as base

    path = tmp_path / "old.duckdb"
    monkeypatch.setattr(base, "MIGRATIONS", MIGRATIONS[:1])
    with DuckDBStore(path) as store:
        assert store.schema_version() == 1
    monkeypatch.undo()
    with DuckDBStore(path) as store:
        assert store.schema_version() == len(MIGRATIONS)
        x = _extraction()
        store.write([x], [alert_for(x)])
        assert store.alerts()[0]["rule"] == "r"


def _extraction(article_id="a1", text="Putin urged talks.", pipeline_version="a1", published=dt.date(2020, 12, 2)):
    versions = replace(V1, actors=pipeline_version)
    putin = ActorRef("RUSGOV", "RUS", "GOV", "Vladimir Putin", "vladimir_putin")
    blr = ActorRef("BLR", "BLR", None, "Belarus", "BLR")
    statement = Statement(
        sentence=0,
        speaker=Mention("Putin", 0, 5, 0, putin),
        cue=Span("urged", 6, 11),
        content=Span("talks", 12, 17),
        kind="indirect",
        speech_act=SpeechAct("026", "urge talks"),
        targets=(blr,),
        date="2020-12-02",
        date_source="publication",
    )
    event = Event(
        source=putin,
        target=blr,
        cameo="026",
        root="02",
        name="urge talks",
        plover_type="",
        plover_mode=None,
        goldstein=4.0,
        quad_class=1,
        modality="asserted",
        date="2020-12-02",
        date_source="publication",
        evidence=Evidence(text, 0, len(text), 0),
        tone=0.4,
    )
    return Extraction(Article(article_id, text, published), versions, statements=(statement,), events=(event,))


def test_same_article_twice_is_stored_once(make_store):
    with make_store() as store:
        first = store.write([_extraction()])
        second = store.write([_extraction()])
        assert (first.stored, second.stored, second.skipped) == (1, 0, 1)
        assert store.counts()["articles"] == 1


def test_same_text_under_another_id_is_a_duplicate(make_store):
    with make_store() as store:
        store.write([_extraction("a1")])
        result = store.write([_extraction("other-id")])
        assert result.skipped == 1
        assert store.counts()["articles"] == 1


def test_newer_pipeline_replaces_the_old_records(make_store):
    with make_store() as store:
        store.write([_extraction(pipeline_version="a1")])
        result = store.write([_extraction(pipeline_version="a2")])
        assert result.replaced == 1
        counts = store.counts()
        assert (counts["articles"], counts["statements"], counts["events"]) == (1, 1, 1)


def test_a_failing_batch_leaves_nothing_behind(make_store):
    with make_store() as store:
        good = _extraction("a1", "First text.")
        bad = _extraction("a2", "Second text.")
        bad = replace(bad, events=(replace(bad.events[0], cameo=None),))  # NOT NULL violation
        with pytest.raises(Exception):  # noqa: B017  (the engine's own constraint error)
            store.write([good, bad])
        assert store.counts()["articles"] == 0
        assert store.counts()["statements"] == 0


def test_queries_filter_by_actor_target_code_and_date(make_store):
    with make_store() as store:
        store.write([_extraction("a1", "One."), _extraction("a2", "Two.", published=dt.date(2020, 8, 1))])
        assert len(store.statements(Filters(actor="RUS"))) == 2
        assert len(store.statements(Filters(actor="BLR"))) == 0
        assert len(store.statements(Filters(target="BLR", code="02"))) == 2
        assert len(store.statements(Filters(since=dt.date(2020, 12, 3)))) == 0
        assert store.statements()[0]["target_codes"] == ["BLR"]
        # Two articles report the same appeal: one event, reported twice.
        (dyad,) = store.dyads()
        assert (dyad["source"], dyad["target"], dyad["events"], dyad["articles"]) == ("RUSGOV", "BLR", 1, 2)
        assert {e["reported_by"] for e in store.events()} == {2}
        (country,) = store.dyads(level="country")
        assert (country["source"], country["target"]) == ("RUS", "BLR")


def test_alerts_and_failures_are_kept(make_store):
    x = _extraction()
    with make_store() as store:
        store.write([x], [alert_for(x)])
        store.record_failures([Failure("feed.jsonl:3", "malformed JSON")] * 2)
        assert store.alerts()[0]["rule"] == "r"
        assert store.counts()["failures"] == 1


def test_reader_refuses_a_missing_store(tmp_path):
    with pytest.raises(StoreError, match="no such store"):
        open_store(str(tmp_path / "nope.duckdb"), read_only=True)


def test_unknown_store_scheme_lists_what_is_available():
    with pytest.raises(StoreError, match="available"):
        open_store("mysql://localhost/x")


def test_dyads_count_asserted_events_unless_asked(make_store):
    reported = _extraction("a3", "Three.")
    reported = replace(reported, events=(replace(reported.events[0], modality="reported", date="2020-11-02"),))
    with make_store() as store:
        store.write([_extraction("a1", "One."), reported])
        assert store.dyads()[0]["events"] == 1
        assert store.dyads(modalities=("asserted", "reported"))[0]["events"] == 2


def test_one_event_reported_by_several_articles_is_one_cluster(make_store):
    base = _extraction("a1", "One.")
    same_week = replace(
        base.events[0], date="2020-W49", evidence=replace(base.events[0].evidence, text="Putin urged talks again.")
    )
    other_code = replace(base.events[0], cameo="112", root="11")
    much_later = replace(base.events[0], date="2021-03-01")
    with make_store() as store:
        store.write([base, replace(_extraction("a2", "Two."), events=(same_week,))])
        store.write([replace(_extraction("a3", "Three."), events=(other_code,))])
        store.write([replace(_extraction("a4", "Four."), events=(much_later,))])
        assert store.counts()["event_clusters"] == 3
        reported = sorted(e["reported_by"] for e in store.events())
        assert reported == [1, 1, 2, 2]
        store.write([replace(_extraction("a1", "One."), versions=replace(V1, actors="a9"))])  # re-coded
        assert sorted(e["reported_by"] for e in store.events()) == [1, 1, 2, 2]


def test_the_same_story_twice_in_one_batch_is_stored_once(make_store):
    with make_store() as store:
        result = store.write([_extraction("a1", "Same story."), _extraction("a2", "Same story.")])
        assert (result.stored, result.skipped) == (1, 1)


def test_an_article_the_store_refuses_fails_alone(make_store):
    from wirewatch.api import IngestReport, _flush

    good = _extraction("a1", "First text.")
    bad = _extraction("a2", "Second text.")
    bad = replace(bad, events=(replace(bad.events[0], cameo=None),))
    report = IngestReport()
    with make_store() as store:
        _flush(store, [good, bad], [], report)
        assert store.counts()["articles"] == 1
    assert report.stored == 1
    (failure,) = report.failures
    assert failure.article_id == "a2" and "could not be stored" in failure.reason


@pytest.mark.parametrize("table", ["events", "statements", "mentions", "articles"])
def test_export_pages_by_key_without_loss_or_repeat(make_store, table):
    stories = [_extraction(f"a{i}", f"Story number {i}.", published=dt.date(2020, 12, 1 + i % 20)) for i in range(13)]
    putin = ActorRef("RUSGOV", "RUS", "GOV", "Vladimir Putin")
    stories = [replace(x, mentions=(Mention("Putin", 0, 5, 0, putin),)) for x in stories]
    with make_store() as store:
        store.write(stories)
        whole = [r for chunk in store.export_rows(table) for r in chunk]
        paged = [r for chunk in store.export_rows(table, chunk=4) for r in chunk]
        assert paged == whole and len(whole) >= 13
        if table == "events":
            clustered = [r for chunk in store.export_rows(table, chunk=3, by_cluster=True) for r in chunk]
            assert sorted((r["article_id"], r["idx"]) for r in clustered) == sorted(
                (r["article_id"], r["idx"]) for r in whole
            )
            keys = [r["event_key"] for r in clustered]
            assert keys == sorted(keys)
        some = [r for chunk in store.export_rows(table, Filters(article="a3"), chunk=1) for r in chunk]
        assert {r.get("article_id", r.get("id")) for r in some} == {"a3"}
