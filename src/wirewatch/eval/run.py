"""Running an evaluation task: read gold records, extract, score."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from wirewatch.config import Settings
from wirewatch.errors import ConfigError
from wirewatch.eval import actors, events, quotes, timex, tone
from wirewatch.eval.scoring import PRF, read_records, rows
from wirewatch.types import Article, Extraction, Failure, Versions

TASKS: dict[str, Callable[..., list[tuple[str, PRF]]]] = {
    "actors": actors.score,
    "events": events.score,
    "quotes": quotes.score,
    "timex": timex.score,
    "tone": tone.score,
}


def evaluate(task: str, path: Path | str, settings: Settings, limit: int | None = None) -> dict[str, Any]:
    """Score one task on a gold file.

    Args:
        task: one of TASKS.
        path: a uniform-format gold file (e.g. ``shared/eval/polnear/dev.jsonl``).
        limit: score only the first N records.

    Returns:
        ``{"task", "file", "records", "model", "metrics": [rows]}``.

    Raises:
        ConfigError: an unknown task.
    """
    if task not in TASKS:
        raise ConfigError(f"unknown evaluation task {task!r}; available: {', '.join(sorted(TASKS))}")
    from wirewatch.nlp.pipeline import Extractor

    records = list(read_records(path, limit))
    extractor = Extractor(settings)
    if task == "tone":
        metrics = tone.score(records, extractor)
        failed = 0
        extra = {"macro_f1": round(100 * tone.macro_f1(metrics), 1)}
    else:
        articles = [_article(r, i) for i, r in enumerate(records)]
        results = list(extractor.extract_many(articles))
        metrics = TASKS[task](_pairs(records, articles, results, extractor.versions))
        failed = sum(isinstance(r, Failure) for r in results)
        extra = {}
    return {
        "task": task,
        "file": str(path),
        "records": len(records),
        "failed": failed,
        "model": f"{extractor.versions.model}-{extractor.versions.model_version}",
        "date": dt.date.today().isoformat(),
        "metrics": rows(metrics),
        **extra,
    }


def _article(record: dict[str, Any], index: int) -> Article:
    published = dt.date.fromisoformat(record["date"][:10]) if record.get("date") else None
    return Article(id=str(record.get("id", index)), text=record["text"], published=published, origin=f"record {index}")


def _pairs(
    records: list[dict[str, Any]], articles: list[Article], results: list[Extraction | Failure], versions: Versions
) -> Iterator[tuple[dict[str, Any], Extraction]]:
    # A record that failed to process still counts: its gold items are all missed.
    for record, article, result in zip(records, articles, results, strict=True):
        yield record, result if isinstance(result, Extraction) else Extraction(article, versions)
