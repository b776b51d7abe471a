"""Engines: where the per-article work (text -> Extraction) runs.

The work is one pure function of the article and the settings, so engines only differ in
where they run it; all of them stream results back, in input order, to the one store
writer in the calling process.

- ``local``: in this process.
- ``process``: a pool of local processes, each loading the spaCy pipeline once.
- ``ray``: Ray Data ``map_batches`` over an actor pool, each actor loading the pipeline
  once; a local Ray, or a cluster at ``ray://host:10001`` (``pip install 'wirewatch[ray]'``).

Every engine has ``versions`` (of the pipeline its workers run), ``settings`` and
``extract_many(items)``, like :class:`~wirewatch.nlp.pipeline.Extractor`.
"""

from __future__ import annotations

import json
import logging
import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import replace
from itertools import islice
from typing import Any

from wirewatch.config import Settings
from wirewatch.errors import ConfigError
from wirewatch.types import Article, Extraction, Failure, Skipped, Versions

log = logging.getLogger(__name__)

ENGINES = ("local", "process", "ray")


def make_engine(name: str, settings: Settings, workers: int | None = None, address: str | None = None) -> Any:
    """The engine called ``name``; ``workers`` defaults to the machine's CPU count."""
    if name == "local":
        from wirewatch.nlp.pipeline import Extractor

        return Extractor(settings)
    if name == "process":
        return ProcessEngine(settings, workers or os.cpu_count() or 1)
    if name == "ray":
        return RayEngine(settings, workers or os.cpu_count() or 1, address)
    raise ConfigError(f"unknown engine {name!r}: choose one of {', '.join(ENGINES)}")


# ---------------------------------------------------------------------- process

_WORKER: Any = None


def _start_worker(settings: Settings) -> None:
    global _WORKER
    from wirewatch.nlp.pipeline import Extractor

    _WORKER = Extractor(settings)


def _worker_versions() -> Versions:
    return _WORKER.versions


def _worker_extract(items: list[Article | Failure]) -> list[Extraction | Failure]:
    return list(_WORKER.extract_many(items))


def _worker_peak_mib() -> float:
    """This worker's peak resident memory since it started its own program (VmHWM)."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return 0.0


class ProcessEngine:
    """Articles in batches over a pool of local processes (one pipeline per process).

    A worker that dies (out of memory, a crash in native code) fails only its batch: those
    articles are recorded as failures and a fresh pool takes the rest.
    """

    def __init__(self, settings: Settings, workers: int) -> None:
        import multiprocessing

        self.settings = settings
        self.workers = max(1, workers)
        self._context = multiprocessing.get_context("spawn")  # no fork of a loaded model
        self._pool = self._new_pool()
        self.versions: Versions = self._pool.submit(_worker_versions).result()

    def _new_pool(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(self.workers, mp_context=self._context, initializer=_start_worker,
                                   initargs=(self.settings,))  # fmt: skip

    def extract_many(self, items: Iterable[Article | Failure]) -> Iterator[Extraction | Failure]:
        iterator = iter(items)
        pending: deque[tuple[list[Article | Failure], Future]] = deque()
        size = self.settings.batch_size
        while True:
            while len(pending) < 2 * self.workers:
                batch = list(islice(iterator, size))
                if not batch:
                    break
                pending.append((batch, self._pool.submit(_worker_extract, batch)))
            if not pending:
                return
            batch, future = pending.popleft()
            try:
                yield from future.result()
            except BrokenProcessPool as exc:
                yield from self._crashed(batch, exc)
                for other, _ in pending:  # the pool is gone: its queued batches go again
                    iterator = _chain(other, iterator)
                pending.clear()
                self._pool = self._new_pool()

    def peak_rss_mib(self) -> float:
        """The largest peak memory among the workers (Linux), in MiB."""
        probes = [self._pool.submit(_worker_peak_mib) for _ in range(4 * self.workers)]
        return round(max(p.result() for p in probes), 1)

    def _crashed(self, batch: list[Article | Failure], exc: Exception) -> Iterator[Failure]:
        for item in batch:
            if isinstance(item, Failure):
                yield item
            else:
                reason = f"the worker processing it died ({exc}); report it with this article"
                yield Failure(item.origin or item.id, reason, item.id)

    def close(self) -> None:
        self._pool.shutdown(cancel_futures=True)

    def __enter__(self) -> ProcessEngine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _chain(first: list[Article | Failure], rest: Iterator[Article | Failure]) -> Iterator[Article | Failure]:
    yield from first
    yield from rest


# ---------------------------------------------------------------------- ray


def article_row(item: Article) -> dict[str, Any]:
    """An Article as a Ray Data row (plain strings)."""
    return {
        "id": item.id,
        "text": item.text,
        "published": item.published.isoformat() if item.published else None,
        "source": item.source,
        "url": item.url,
        "title": item.title,
        "origin": item.origin,
    }


class RayExtractor:
    """A Ray Data actor: loads the pipeline once, turns batches of rows into contract JSON."""

    def __init__(self, settings: Settings) -> None:
        from wirewatch.nlp.pipeline import Extractor

        self.extractor = Extractor(settings)

    def __call__(self, batch: dict[str, Any]) -> dict[str, list[Any]]:
        import datetime as dt

        from wirewatch.contract import extraction_to_dict

        articles = []
        for i in range(len(batch["id"])):
            published = _text(batch["published"][i])
            articles.append(
                Article(
                    id=str(batch["id"][i]),
                    text=str(batch["text"][i]),
                    published=dt.date.fromisoformat(published) if published else None,
                    source=_text(batch["source"][i]),
                    url=_text(batch["url"][i]),
                    title=_text(batch["title"][i]),
                    origin=_text(batch["origin"][i]),
                )
            )
        out: dict[str, list[Any]] = {"id": [], "contract": [], "error": []}
        for article, result in zip(articles, self.extractor.extract_many(articles), strict=True):
            out["id"].append(article.id)
            if isinstance(result, Failure):
                out["contract"].append("")
                out["error"].append(result.reason)
            else:
                out["contract"].append(json.dumps(extraction_to_dict(result), ensure_ascii=False))
                out["error"].append("")
        return out


class RayRecordExtractor:
    """A Ray Data actor for records read by Ray itself (JSONL or Parquet rows): maps each
    record to an Article with the run's field map, skips articles already stored, extracts
    the rest."""

    def __init__(self, settings: Settings, options: Any, stored: Any) -> None:
        from wirewatch.nlp.pipeline import Extractor

        self.extractor = Extractor(settings)
        self.options = options
        if not isinstance(stored, (set, frozenset)):
            import ray

            stored = ray.get(stored)  # the cluster-wide copy of the stored ids
        self.stored = stored

    def __call__(self, rows: Any) -> Any:
        from wirewatch.contract import extraction_to_dict
        from wirewatch.ingest.options import record_to_article

        out: dict[str, list[Any]] = {"status": [], "id": [], "origin": [], "text": [], "contract": [], "error": []}

        def emit(status: str, id: str | None, origin: str, text: str = "", contract: str = "", error: str = ""):
            for key, value in zip(out, (status, id or "", origin, text, contract, error), strict=True):
                out[key].append(value)

        articles = []
        for record in rows.to_dict("records"):
            origin = f"{record.pop('path', '?')} (record id {record.get(self.options.fields.id, '?')})"
            item = record_to_article({k: _plain(v) for k, v in record.items()}, origin, self.options)
            if isinstance(item, Failure):
                emit("failed", None, item.origin, error=item.reason)
            elif item.id in self.stored:
                emit("skipped", item.id, origin)
            else:
                articles.append(item)
        for article, result in zip(articles, self.extractor.extract_many(articles), strict=True):
            if isinstance(result, Failure):
                emit("failed", article.id, result.origin, error=result.reason)
            else:
                contract = json.dumps(extraction_to_dict(result), ensure_ascii=False)
                emit("done", article.id, article.origin or "", article.text, contract)
        import pandas as pd

        return pd.DataFrame(out)  # the same block type as the input, for every batch


def _same(batch: Any) -> Any:
    return batch


def _plain(value: Any) -> Any:
    """A pandas cell as a plain Python value (missing values as None, timestamps as dates)."""
    import pandas as pd

    if value is None or (isinstance(value, float) and value != value):
        return None
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    return value


def _text(value: Any) -> str | None:
    """A string cell as str, or None (a column of missing values may arrive as NaN floats)."""
    return str(value) if isinstance(value, str) and value else None


def _ray_versions(settings: Settings) -> Versions:
    from wirewatch.nlp.pipeline import Extractor

    return Extractor(settings).versions


class RayEngine:
    """Ray Data over an actor pool of ``workers`` pipelines (each actor loads the model once).

    ``address`` is a running cluster (``ray://head:10001`` or ``auto``); without it a local
    Ray is started for this process.
    """

    def __init__(self, settings: Settings, workers: int, address: str | None = None) -> None:
        try:
            import ray
        except ImportError:
            raise ConfigError("the ray engine needs Ray: pip install 'wirewatch[ray]'") from None
        self.settings = settings
        self.workers = max(1, workers)
        self._ray = ray
        self._started = False
        if not ray.is_initialized():
            options: dict[str, Any] = {"address": address, "log_to_driver": False, "include_dashboard": False}
            if address is None:
                # One CPU per actor, and one more for Ray's own read tasks: without it the
                # actors hold every CPU and the file reads never get scheduled.
                options.update(num_cpus=self.workers + 1, object_store_memory=512 * 1024 * 1024)
            ray.init(logging_level=logging.WARNING, **options)
            self._started = True
        context = ray.data.DataContext.get_current()
        context.enable_progress_bars = False
        logging.getLogger("ray.data").setLevel(logging.WARNING)
        # The versions of the pipeline the cluster runs, for skipping what is stored.
        self.versions: Versions = ray.get(ray.remote(_ray_versions).remote(settings))

    def extract_many(self, items: Iterable[Article | Failure]) -> Iterator[Extraction | Failure]:
        from wirewatch.contract import extraction_from_dict

        listed = list(items)
        articles = {item.id: item for item in listed if isinstance(item, Article)}
        results: dict[str, Extraction | Failure] = {}
        if articles:
            dataset = self._ray.data.from_items([article_row(a) for a in articles.values()])
            mapped = dataset.map_batches(
                RayExtractor,
                fn_constructor_args=(self.settings,),
                batch_size=self.settings.batch_size,
                batch_format="numpy",
                compute=self._ray.data.ActorPoolStrategy(size=self.workers),
                num_cpus=1,
            )
            for row in mapped.iter_rows():
                article = articles[str(row["id"])]
                if row["error"]:
                    results[article.id] = Failure(article.origin or article.id, str(row["error"]), article.id)
                else:
                    x = extraction_from_dict(json.loads(str(row["contract"])), article.text)
                    results[article.id] = replace(x, article=article)
        for item in listed:
            yield item if isinstance(item, Failure) else results[item.id]

    def extract_files(
        self, paths: list[str], options: Any, stored: set[str]
    ) -> Iterator[Extraction | Failure | Skipped]:
        """Read JSONL and Parquet files with Ray Data (in parallel, on the cluster), and
        extract every record whose article is not in ``stored``."""
        from wirewatch.contract import extraction_from_dict

        data = self._ray.data
        jsonl = [p for p in paths if p.lower().endswith(".jsonl")]
        parquet = [p for p in paths if p.lower().endswith(".parquet")]
        parts = []
        if jsonl:
            parts.append(data.read_json(jsonl, lines=True, include_paths=True))
        if parquet:
            parts.append(data.read_parquet(parquet, include_paths=True))
        if len(parts) > 1:
            # Blocks from different readers can differ in kind; one kind keeps them batchable.
            parts = [p.map_batches(_same, batch_format="pandas") for p in parts]
        dataset = parts[0] if len(parts) == 1 else parts[0].union(*parts[1:])
        mapped = dataset.map_batches(
            RayRecordExtractor,
            fn_constructor_args=(self.settings, options, self._ray.put(frozenset(stored))),
            batch_size=self.settings.batch_size,
            batch_format="pandas",
            compute=data.ActorPoolStrategy(size=self.workers),
            num_cpus=1,
        )
        for row in mapped.iter_rows():
            status, origin = str(row["status"]), str(row["origin"])
            if status == "skipped":
                yield Skipped(str(row["id"]))
            elif status == "failed":
                yield Failure(origin, str(row["error"]), str(row["id"]) or None)
            else:
                x = extraction_from_dict(json.loads(str(row["contract"])), str(row["text"]))
                yield replace(x, article=replace(x.article, origin=origin))

    def close(self) -> None:
        if self._started:
            self._ray.shutdown()

    def __enter__(self) -> RayEngine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
