"""JSON Lines input: one article per line."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from wirewatch.ingest.options import ReadOptions, record_to_article
from wirewatch.types import Article, Failure


def read_jsonl_lines(lines: Iterable[str], name: str, options: ReadOptions) -> Iterator[Article | Failure]:
    """Read JSONL records; a bad line becomes a Failure and reading goes on.

    Args:
        lines: the lines of the file (or stdin).
        name: the file name used in messages (``-`` for stdin).
        options: field mapping and the default publication date.
    """
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        origin = f"{name}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Failure(origin, f"malformed JSON ({exc.msg} at column {exc.colno}); fix or remove the line")
            continue
        if not isinstance(record, dict):
            yield Failure(origin, "the line is JSON but not an object; each line must be {...}")
            continue
        yield record_to_article(record, origin, options)
