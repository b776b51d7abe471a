"""Options shared by every kind of input."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from wirewatch.errors import ConfigError

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
