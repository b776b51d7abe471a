"""CSV input: a header row, then one article per row."""

from __future__ import annotations

import csv
import sys
from collections.abc import Iterable, Iterator

from wirewatch.ingest.options import ReadOptions, record_to_article
from wirewatch.types import Article, Failure

# News bodies are long; the csv module's default cap (128 KiB) rejects some of them.
csv.field_size_limit(min(sys.maxsize, 2**31 - 1))


def read_csv_lines(lines: Iterable[str], name: str, options: ReadOptions) -> Iterator[Article | Failure]:
    """Read CSV rows; a bad row becomes a Failure and reading goes on."""
    fields = options.fields
    reader = csv.DictReader(lines)
    if reader.fieldnames is None:
        yield Failure(name, "the CSV file is empty; it needs a header row with a text column")
        return
    if fields.text not in reader.fieldnames:
        yield Failure(
            name,
            f"no {fields.text!r} column (columns: {', '.join(reader.fieldnames)}); map one with --field text=COLUMN",
        )
        return
    try:
        for row in reader:
            # The header is line 1; a quoted field may span lines, so use the reader's count.
            origin = f"{name}:{reader.line_num}"
            yield record_to_article(row, origin, options)
    except csv.Error as exc:
        yield Failure(f"{name}:{reader.line_num}", f"malformed CSV ({exc}); fix the quoting")
