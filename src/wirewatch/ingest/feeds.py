"""Live sources: RSS/Atom feeds and the article pages they link to.

Feeds are read with feedparser and pages with trafilatura (the text and the page's own
publication date); both are optional extras (``pip install 'wirewatch[feeds]'``). All
network access goes through a ``fetch`` function that can be replaced, so tests run
against a local server. A feed or page that fails is reported and retried later with
backoff; it never stops the others.
"""

from __future__ import annotations

import logging
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime

from wirewatch.errors import DependencyError, InputError
from wirewatch.ingest.article import make_article, parse_published
from wirewatch.types import Article, Failure

log = logging.getLogger(__name__)

Fetch = Callable[[str], bytes]
USER_AGENT = "wirewatch/0.1 (+https://github.com/wirewatch)"
MAX_BACKOFF_ROUNDS = 8


def http_fetch(url: str, timeout: float = 20.0) -> bytes:
    """GET a URL.

    Raises:
        InputError: the server cannot be reached or answers with an error.
    """
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.read()
    except (urllib.error.URLError, OSError, ValueError) as exc:
        raise InputError(url, f"cannot fetch ({exc}); it will be retried") from exc


@dataclass(frozen=True)
class FeedItem:
    """One entry of a feed."""

    url: str
    title: str | None
    published: str | None
    summary: str | None
    feed_title: str | None


def parse_feed(data: bytes, url: str) -> list[FeedItem]:
    """The entries of an RSS or Atom document.

    Raises:
        InputError: the document is not a feed.
        DependencyError: feedparser is not installed.
    """
    try:
        import feedparser
    except ImportError as exc:
        raise DependencyError("feedparser", "feeds", "Following feeds") from exc
    parsed = feedparser.parse(data)
    if not parsed.entries and (parsed.bozo or not parsed.feed):
        raise InputError(url, "not an RSS or Atom feed (no entries could be read); check the URL")
    feed_title = parsed.feed.get("title")
    items = []
    for entry in parsed.entries:
        link = entry.get("link")
        if not link:
            continue
        published = entry.get("published") or entry.get("updated")
        items.append(FeedItem(link, entry.get("title"), published, entry.get("summary"), feed_title))
    return items


def page_article(item: FeedItem, html: bytes) -> Article:
    """The article behind a feed entry: the page's text and, if it has one, its date.

    Raises:
        InputError: no article text could be found on the page.
    """
    try:
        import trafilatura
    except ImportError as exc:
        raise DependencyError("trafilatura", "feeds", "Reading article pages") from exc
    document = trafilatura.bare_extraction(html.decode("utf-8", errors="replace"), url=item.url, with_metadata=True)
    text = getattr(document, "text", None) if document is not None else None
    if not text or not text.strip():
        raise InputError(item.url, "no article text found on the page")
    published = getattr(document, "date", None) or _feed_date(item.published)
    return make_article(
        text,
        item.url,
        published=published,
        url=item.url,
        title=getattr(document, "title", None) or item.title,
        source=item.feed_title,
    )


def _feed_date(value: str | None) -> str | None:
    if not value:
        return None
    try:
        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError):
        try:
            return parse_published(value, "feed").isoformat()  # type: ignore[union-attr]
        except InputError:
            return None


@dataclass
class FeedState:
    """How a feed has fared: consecutive failures decide when it is tried again."""

    failures: int = 0
    wait_rounds: int = 0


@dataclass
class Follower:
    """Polls feeds round by round and yields the articles not seen before.

    Args:
        feeds: feed URLs.
        seen: a function telling whether an article URL is already stored.
        fetch: how to GET a URL (replaceable for tests).
    """

    feeds: list[str]
    seen: Callable[[str], bool]
    fetch: Fetch = http_fetch
    states: dict[str, FeedState] = field(default_factory=dict)

    def round(self) -> Iterator[Article | Failure]:
        """One pass over the feeds that are due; failures come out as Failures."""
        for url in self.feeds:
            state = self.states.setdefault(url, FeedState())
            if state.wait_rounds > 0:
                state.wait_rounds -= 1
                continue
            try:
                items = parse_feed(self.fetch(url), url)
            except InputError as exc:
                state.failures += 1
                # Exponential backoff in rounds: 1, 2, 4 ... rounds skipped after failures.
                state.wait_rounds = min(2 ** (state.failures - 1), MAX_BACKOFF_ROUNDS) - 1
                yield Failure(url, exc.reason)
                continue
            state.failures = 0
            for item in items:
                if self.seen(item.url):
                    continue
                try:
                    yield page_article(item, self.fetch(item.url))
                except InputError as exc:
                    yield Failure(item.url, exc.reason)
