"""The watcher over a real store: rules, counted rules, change alerts, sinks, watermarks."""

import datetime as dt
import io
import json
import threading
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import ClassVar

import pytest

from wirewatch.store.duckdb import DuckDBStore
from wirewatch.types import (
    ActorRef,
    Article,
    Event,
    Evidence,
    Extraction,
    Mention,
    Span,
    SpeechAct,
    Statement,
    Versions,
)
from wirewatch.watch.rules import Rule
from wirewatch.watch.runner import run_watch
from wirewatch.watch.sinks import JsonlSink, StreamSink, WebhookSink, deliver

V = Versions("0", "0", "m", "0", "a", "o")
RUSGOV = ActorRef("RUSGOV", "RUS", "GOV", "Vladimir Putin", "vladimir_putin")
BLRGOV = ActorRef("BLRGOV", "BLR", "GOV", "Alexander Lukashenko", "alexander_lukashenko")


def story(n: int, day: dt.date, code: str, tone: float, words: str) -> Extraction:
    text = f"Story {n}: Putin {words} Lukashenko."
    event = Event(
        RUSGOV,
        BLRGOV,
        code,
        code[:2],
        "act",
        "",
        None,
        0.0,
        1,
        "asserted",
        day.isoformat(),
        "text",
        Evidence(text, 0, len(text), 0),
        tone=tone,
    )
    statement = Statement(
        sentence=0,
        speaker=Mention("Putin", 9, 14, 0, RUSGOV),
        cue=Span(words.split()[0], 15, 15 + len(words.split()[0])),
        content=Span(text, 0, len(text)),
        kind="indirect",
        speech_act=SpeechAct(code, "act"),
        targets=(BLRGOV,),
        date=day.isoformat(),
    )
    return Extraction(Article(f"s{n}", text, day), V, statements=(statement,), events=(event,))


def arc() -> list[Extraction]:
    """Eight weeks of backing, then eight weeks of pressure, two stories a week."""
    monday = dt.date(2020, 8, 3)
    stories = []
    for week in range(16):
        warm = week < 8
        for k in range(2):
            day = monday + dt.timedelta(weeks=week, days=k)
            code, tone, words = ("051", 0.5, "praised") if warm else ("026", -0.2, "pressed hard on step down")
            stories.append(story(week * 2 + k, day, code, tone, words))
    return stories


def test_rules_changes_and_watermarks(make_store, tmp_path):
    out = tmp_path / "alerts.jsonl"
    rules = [Rule(name="step-down", phrases=("step down",))]
    with make_store() as store:
        store.write(arc()[:16])
        first = run_watch(store, rules, [JsonlSink(out)])
        assert first.articles == 16 and first.alerts == []  # all warm so far, nothing to say
        store.write(arc()[16:])
        second = run_watch(store, rules, [JsonlSink(out)])
        assert second.articles == 16
        kinds = {a.rule for a in second.alerts}
        assert {"step-down", "change:tone", "change:pressure"} <= kinds
        change = next(a for a in second.alerts if a.rule == "change:tone")
        assert change.date == "2020-W40" and change.source == "RUSGOV" and change.target == "BLRGOV"
        assert "fell from +0.50 to -0.20" in change.message
        assert run_watch(store, rules, [JsonlSink(out)]).alerts == []  # nothing new, nothing again
        lines = [json.loads(line) for line in out.read_text().splitlines()]
        assert len(lines) == len(second.alerts)
        assert all(line["evidence"]["text"] for line in lines)


def test_counted_rules_fire_at_the_nth_match_in_the_window(make_store):
    rules = [Rule(name="pressure", codes=("02*",), min_count=3, window_days=20)]
    stories = [story(i, dt.date(2020, 10, 1) + dt.timedelta(days=5 * i), "026", -0.2, "pressed") for i in range(4)]
    again = story(9, dt.date(2020, 10, 11), "026", -0.2, "pressed")  # another report of the third event
    with make_store() as store:
        store.write([*stories, again])
        report = run_watch(store, rules, detect_changes=False)
    assert [a.article_id for a in report.alerts] == ["s2", "s3"]
    assert "3 matches in 20 days" in report.alerts[0].matched


def test_acknowledged_and_filtered_alerts(make_store):
    with make_store() as store:
        store.write(arc())
        run_watch(store, [Rule(name="any", codes=("026",))], detect_changes=False)
        alerts = store.alerts(limit=100)
        assert store.acknowledge([alerts[0]["id"], "nope"]) == 1
        assert len(store.alerts(limit=100, unacknowledged=True)) == len(alerts) - 1
        assert all(a["date"] >= "2020-11-16" for a in store.alerts(limit=100, since=dt.date(2020, 11, 16)))


class _Hook(BaseHTTPRequestHandler):
    received: ClassVar[list] = []
    fail_first = 0

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        if _Hook.fail_first > 0:
            _Hook.fail_first -= 1
            self.send_response(500)
        else:
            _Hook.received.append(json.loads(body))
            self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture()
def hook_server():
    _Hook.received, _Hook.fail_first = [], 0
    server = HTTPServer(("127.0.0.1", 0), _Hook)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/alerts"
    server.shutdown()


def _alerts():
    with DuckDBStore(":memory:") as store:
        store.write(arc())
        return run_watch(store, [Rule(name="step-down", phrases=("step down",))], detect_changes=False).alerts


def test_webhook_delivery_with_retries(hook_server):
    _Hook.fail_first = 1
    alerts = _alerts()
    assert deliver([WebhookSink(hook_server, sleep=lambda s: None)], alerts) == []
    (payload,) = _Hook.received
    assert len(payload["alerts"]) == len(alerts) and payload["alerts"][0]["rule"] == "step-down"


def test_a_dead_webhook_is_reported_and_the_other_sinks_still_get_the_alerts(tmp_path):
    stream = io.StringIO()
    alerts = _alerts()
    problems = deliver(
        [WebhookSink("http://127.0.0.1:9/none", retries=2, sleep=lambda s: None), StreamSink(stream)], alerts
    )
    assert len(problems) == 1 and "not delivered" in problems[0]
    assert stream.getvalue().count("step-down") == len(alerts)
    assert "evidence:" in stream.getvalue()


def test_rule_files_with_counts(tmp_path):
    from wirewatch.errors import ConfigError
    from wirewatch.watch.rules import load_rules

    path = tmp_path / "rules.yaml"
    path.write_text("rules:\n  - name: r\n    codes: ['02*']\n    min_count: 0\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="min_count must be a whole number"):
        load_rules([path])
    path.write_text("rules:\n  - name: r\n    codes: ['02*']\n    min_count: 2\n    window_days: 3\n", encoding="utf-8")
    assert replace(load_rules([path])[0]).min_count == 2


def test_one_event_reported_by_several_articles_raises_one_alert(make_store):
    reports = [story(i, dt.date(2020, 10, 5), "026", -0.2, "pressed on step down") for i in range(3)]
    with make_store() as store:
        store.write(reports)
        report = run_watch(store, [Rule(name="step-down", phrases=("step down",))], detect_changes=False)
        assert len(report.alerts) == 1
        assert store.events()[0]["reported_by"] == 3


def test_plot_writes_a_png_and_an_svg(make_store, tmp_path):
    from wirewatch.watch.monitor import dyad_changes
    from wirewatch.watch.plot import plot_dyad

    with make_store() as store:
        store.write(arc())
        series = store.dyad_series("RUSGOV", "BLRGOV")
        events = store.dyad_events("RUSGOV", "BLRGOV")
        found = dyad_changes(store, "RUSGOV", "BLRGOV")
    assert [f.change.week for f in found] == ["2020-W40", "2020-W40"]
    png = plot_dyad(tmp_path / "dyad.png", "RUSGOV", "BLRGOV", series, events, found)
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    svg = plot_dyad(tmp_path / "dyad.svg", "RUSGOV", "BLRGOV", series, events, found)
    assert "<svg" in svg.read_text()[:500]


def test_dyad_series_by_week_with_statements_and_coarse_dates_left_out(make_store):
    stories = arc()
    coarse = replace(story(99, dt.date(2020, 8, 5), "051", 0.5, "praised"), events=())
    coarse = replace(coarse, statements=(replace(coarse.statements[0], date="2020"),))
    with make_store() as store:
        store.write([*stories, coarse])
        weeks = store.dyad_series("RUSGOV", "BLRGOV")
        months = store.dyad_series("RUSGOV", "BLRGOV", interval="month")
    assert len(weeks) == 16
    assert weeks[0]["period"] == dt.date(2020, 8, 3)
    assert (weeks[0]["events"], weeks[0]["statements"], weeks[0]["pressure_statements"]) == (1, 2, 0)
    assert (weeks[-1]["tone"], weeks[-1]["pressure_statements"]) == (-0.2, 2)
    assert sum(m["statements"] for m in months) == 32  # the "2020" statement is not in any month
