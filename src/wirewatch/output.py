"""Rendering query results for a terminal: a table, JSON lines or CSV."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Sequence
from typing import Any

FORMATS = ("table", "json", "csv")


def _plain(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, float):
        return round(value, 4)
    return value


def to_json_lines(rows: Sequence[dict[str, Any]]) -> str:
    """One JSON object per line."""
    return "".join(json.dumps({k: _plain(v) for k, v in r.items()}, ensure_ascii=False) + "\n" for r in rows)


def to_csv(rows: Sequence[dict[str, Any]], columns: Sequence[str] | None = None) -> str:
    """CSV with a header row; lists are joined with ``|``."""
    if not rows:
        return ""
    columns = list(columns or rows[0].keys())
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    for r in rows:
        writer.writerow(
            ["|".join(map(str, v)) if isinstance(v, list) else _plain(v) for v in (r.get(c) for c in columns)]
        )
    return buffer.getvalue()


def to_table(
    rows: Sequence[dict[str, Any]], columns: Sequence[str] | None = None, widths: dict[str, int] | None = None
) -> str:
    """A fixed-width text table; long cells are cut with an ellipsis."""
    if not rows:
        return "(nothing found)\n"
    columns = list(columns or rows[0].keys())
    widths = widths or {}
    cells = [[_cell(r.get(c), widths.get(c, 40)) for c in columns] for r in rows]
    size = [max(len(c), *(len(row[i]) for row in cells)) for i, c in enumerate(columns)]
    lines = ["  ".join(c.ljust(size[i]) for i, c in enumerate(columns)).rstrip()]
    lines.append("  ".join("-" * size[i] for i in range(len(columns))))
    lines.extend("  ".join(row[i].ljust(size[i]) for i in range(len(columns))).rstrip() for row in cells)
    return "\n".join(lines) + "\n"


def _cell(value: Any, width: int) -> str:
    if value is None:
        text = ""
    elif isinstance(value, list):
        text = ",".join(map(str, value))
    else:
        text = str(_plain(value))
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def render(
    rows: Sequence[dict[str, Any]], fmt: str, columns: Sequence[str] | None = None, widths: dict[str, int] | None = None
) -> str:
    """Render rows in one of FORMATS (the table shows ``columns`` only)."""
    if fmt == "json":
        return to_json_lines(rows)
    if fmt == "csv":
        return to_csv(rows)
    return to_table(rows, columns, widths)
