"""Building Articles: content-hash ids and publication dates."""

from __future__ import annotations

import datetime as dt
import email.utils
import hashlib
import re
import unicodedata
from urllib.parse import urlsplit, urlunsplit

from wirewatch.errors import InputError
from wirewatch.types import Article

_SPACE = re.compile(r"\s+")


def content_hash(text: str, url: str | None = None) -> str:
    """The article id: a hash of the normalized text plus the normalized URL.

    Normalizing (Unicode NFC, collapsed whitespace) makes re-ingesting the same story,
    re-saved with other line breaks, give the same id.

    Example:
        >>> content_hash("A  b\\n") == content_hash("A b")
        True
    """
    norm = _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()
    key = norm + "\x00" + normalize_url(url) if url else norm
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def normalize_url(url: str) -> str:
    """Lower-case scheme and host, no fragment, no trailing slash."""
    parts = urlsplit(url.strip())
    path = parts.path.rstrip("/")
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, parts.query, ""))


def parse_published(value: object, origin: str) -> dt.date | None:
    """Read a publication date given as ISO date/datetime or an RFC 2822 feed date.

    Raises:
        InputError: when the value is present but not a date.
    """
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    raw = str(value).strip()
    try:
        return dt.date.fromisoformat(raw[:10])
    except ValueError:
        pass
    try:
        return dt.datetime.fromisoformat(raw).date()
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(raw).date()
    except (TypeError, ValueError):
        pass
    raise InputError(origin, f"cannot read the publication date {raw!r}; give it as YYYY-MM-DD")


def make_article(
    text: object,
    origin: str,
    *,
    id: object = None,
    published: object = None,
    default_published: dt.date | None = None,
    source: object = None,
    url: object = None,
    title: object = None,
) -> Article:
    """Check one input record and turn it into an Article.

    Args:
        text: the story text.
        origin: ``path`` or ``path:line``, used in error messages.
        id: the id the input gives, if any; else the content hash is the id.
        published: the record's own date; ``default_published`` applies when it has none.

    Raises:
        InputError: empty text, text that is not a string, or an unreadable date.
    """
    if not isinstance(text, str):
        raise InputError(origin, "the record has no text field; map it with --field text=NAME")
    if not text.strip():
        raise InputError(origin, "the article text is empty; remove the record or fill it")
    if "\x00" in text:
        raise InputError(origin, "the text contains NUL bytes; it looks like a binary file")
    url_s = str(url).strip() if url not in (None, "") else None
    date = parse_published(published, origin) or default_published
    return Article(
        id=str(id) if id not in (None, "") else content_hash(text, url_s),
        text=text,
        published=date,
        source=str(source).strip() if source not in (None, "") else None,
        url=url_s,
        title=str(title).strip() if title not in (None, "") else None,
        origin=origin,
    )
