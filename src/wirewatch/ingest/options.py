"""Options shared by every kind of input."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from wirewatch.errors import ConfigError, InputError
from wirewatch.types import Article, Failure

FIELD_NAMES = ("id", "url", "title", "text", "published", "source")


@dataclass(frozen=True)
class FieldMap:
    """Which input field holds which article attribute (JSONL and CSV)."""

    id: str = "id"
    url: str = "url"
    title: str = "title"
    text: str = "text"
    published: str = "published"
    source: str = "source"

    @classmethod
    def parse(cls, specs: tuple[str, ...] | list[str]) -> FieldMap:
        """Build a mapping from ``ATTRIBUTE=FIELD`` strings, e.g. ``text=body``.

        Raises:
            ConfigError: a spec without ``=`` or with an unknown attribute.
        """
        given: dict[str, str] = {}
        for spec in specs:
            name, sep, value = spec.partition("=")
            if not sep or not value or name not in FIELD_NAMES:
                raise ConfigError(
                    f"bad field mapping {spec!r}; write ATTRIBUTE=FIELD with ATTRIBUTE one of " + ", ".join(FIELD_NAMES)
                )
            given[name] = value
        return replace(cls(), **given)


@dataclass(frozen=True)
class ReadOptions:
    """How to read inputs.

    Attributes:
        published: date for articles whose input carries none.
        fields: field names in JSONL and CSV inputs.
    """

    published: dt.date | None = None
    fields: FieldMap = field(default_factory=FieldMap)


def record_to_article(record: Mapping[str, Any], origin: str, options: ReadOptions) -> Article | Failure:
    """One JSONL object or CSV row as an Article, or a Failure saying what is wrong with it."""
    from wirewatch.ingest.article import make_article

    fields = options.fields
    try:
        return make_article(
            record.get(fields.text),
            origin,
            id=record.get(fields.id),
            published=record.get(fields.published),
            default_published=options.published,
            source=record.get(fields.source),
            url=record.get(fields.url),
            title=record.get(fields.title),
        )
    except InputError as exc:
        return Failure(origin, exc.reason)
