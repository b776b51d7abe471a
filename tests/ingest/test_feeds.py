"""Following feeds against a local HTTP server that serves the team's fixture feed and pages."""

import functools
import threading
from http.server import HTTPServer, SimpleHTTPRequestHandler
from pathlib import Path

import pytest

from wirewatch.errors import InputError
from wirewatch.ingest.feeds import Follower, http_fetch, parse_feed
from wirewatch.types import Article, Failure

FIXTURES = Path(__file__).resolve().parents[1] / "data" / "feeds"


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture()
def site(tmp_path):
    """A local web server with the fixture pages and a feed that points at them."""
    server = HTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(tmp_path)))
    base = f"http://127.0.0.1:{server.server_port}"
    for page in ("story-1.html", "story-2.html"):
        (tmp_path / page).write_bytes((FIXTURES / page).read_bytes())
    (tmp_path / "feed.xml").write_text((FIXTURES / "rss.xml").read_text().replace("{base}", base))
    (tmp_path / "garbage.xml").write_text("this is not a feed at all")
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield base, tmp_path
    server.shutdown()


def test_feed_entries_and_page_articles(site):
    base, _ = site
    items = parse_feed(http_fetch(f"{base}/feed.xml"), f"{base}/feed.xml")
    assert [i.title for i in items] == ["Lukashenko rules out talks", "Lithuania recalls envoy", "A page that is gone"]
    seen: set[str] = set()
    follower = Follower([f"{base}/feed.xml"], seen=seen.__contains__)
    results = list(follower.round())
    articles = [r for r in results if isinstance(r, Article)]
    assert [a.url for a in articles] == [f"{base}/story-1.html", f"{base}/story-2.html"]
    first = articles[0]
    assert first.published.isoformat() == "2020-12-02"
    assert "would not step down" in first.text and "Home | World" not in first.text
    assert first.source == "Test Wire"
    (failure,) = [r for r in results if isinstance(r, Failure)]
    assert failure.origin.endswith("missing.html") and "cannot fetch" in failure.reason


def test_seen_items_are_not_fetched_again(site):
    base, _ = site
    seen = {f"{base}/story-1.html", f"{base}/story-2.html", f"{base}/missing.html"}
    fetched: list[str] = []

    def fetch(url: str) -> bytes:
        fetched.append(url)
        return http_fetch(url)

    assert list(Follower([f"{base}/feed.xml"], seen=seen.__contains__, fetch=fetch).round()) == []
    assert fetched == [f"{base}/feed.xml"]


def test_a_bad_feed_is_reported_backed_off_and_never_stops_the_others(site):
    base, _ = site
    follower = Follower([f"{base}/garbage.xml", f"{base}/nowhere.xml", f"{base}/feed.xml"], seen=lambda url: False)
    first = list(follower.round())
    reasons = {r.origin.rsplit("/", 1)[-1]: r.reason for r in first if isinstance(r, Failure)}
    assert "not an RSS or Atom feed" in reasons["garbage.xml"]
    assert "cannot fetch" in reasons["nowhere.xml"]
    assert len([r for r in first if isinstance(r, Article)]) == 2
    # After a first failure a feed is tried again next round; after a second, it waits a round.
    second = [r.origin for r in follower.round() if isinstance(r, Failure)]
    assert f"{base}/garbage.xml" in second
    third = [r.origin for r in follower.round() if isinstance(r, Failure)]
    assert f"{base}/garbage.xml" not in third


def test_unreachable_host_is_an_input_error():
    with pytest.raises(InputError, match="cannot fetch"):
        http_fetch("http://127.0.0.1:9/feed.xml", timeout=2)


@pytest.mark.model
def test_follow_ingests_new_articles_once_and_delivers_alerts(site, tmp_path):
    from wirewatch import api
    from wirewatch.config import Settings

    base, root = site
    rules = tmp_path / "rules.yaml"
    rules.write_text("rules:\n  - name: step-down\n    phrases: [step down]\n", encoding="utf-8")
    out = tmp_path / "alerts.jsonl"
    settings = Settings(db=str(tmp_path / "w.duckdb"), rule_files=(rules,))
    done = api.follow([f"{base}/feed.xml"], settings, sinks=[str(out)], rounds=2, sleep=lambda s: None)
    assert [r.ingest.stored for r in done] == [2, 0]
    assert len(done[0].ingest.failures) == 1  # the missing page, reported and retried next round
    assert done[0].alerts >= 1 and done[1].alerts == 0
    assert "step-down" in out.read_text()
    # The same story from another URL is the same article.
    (root / "copy.html").write_bytes((FIXTURES / "story-1.html").read_bytes())
    (root / "feed.xml").write_text(
        (FIXTURES / "rss.xml").read_text().replace("{base}/story-2.html", "{base}/copy.html").replace("{base}", base)
    )
    (again,) = api.follow([f"{base}/feed.xml"], settings, sinks=[], rounds=1, sleep=lambda s: None)
    assert again.ingest.stored == 0 and again.ingest.skipped == 1
