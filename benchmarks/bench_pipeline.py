"""Speed of the wirewatch pipeline against the bare spaCy pipeline on the same texts.

Reports ratios measured in the same run (never absolute timings as pass/fail), the share
of each component, and peak RSS.

    python benchmarks/bench_pipeline.py                       # the demo corpus, repeated
    python benchmarks/bench_pipeline.py ../shared/eval/reuters21578-sample/dev.jsonl --limit 500
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import time
from pathlib import Path

from wirewatch.api import demo_corpus
from wirewatch.config import Settings
from wirewatch.ingest import read_paths
from wirewatch.nlp.pipeline import COMPONENTS, Extractor
from wirewatch.types import Article


def load_texts(path: Path | None, limit: int, repeat: int) -> list[Article]:
    articles = [a for a in read_paths([path or demo_corpus()]) if isinstance(a, Article)]
    articles = (articles * repeat)[:limit] if path is None else articles[:limit]
    return articles


def time_bare(extractor: Extractor, texts: list[str], batch_size: int) -> float:
    nlp = extractor.nlp
    start = time.perf_counter()
    with nlp.select_pipes(disable=list(COMPONENTS)):
        for _ in nlp.pipe(texts, batch_size=batch_size):
            pass
    return time.perf_counter() - start


def time_full(extractor: Extractor, articles: list[Article]) -> float:
    start = time.perf_counter()
    for _ in extractor.extract_many(articles):
        pass
    return time.perf_counter() - start


def component_shares(extractor: Extractor, articles: list[Article]) -> dict[str, float]:
    nlp = extractor.nlp
    totals = dict.fromkeys(nlp.pipe_names, 0.0)
    for article in articles[:200]:
        doc = extractor._prepare(article)
        for name, proc in nlp.pipeline:
            start = time.perf_counter()
            doc = proc(doc)
            totals[name] += time.perf_counter() - start
    whole = sum(totals.values()) or 1.0
    return {name: round(100 * t / whole, 1) for name, t in totals.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="?", type=Path, help="JSONL/text corpus (default: the demo corpus)")
    parser.add_argument("--limit", type=int, default=400)
    parser.add_argument("--repeat", type=int, default=10, help="repeat the demo corpus this many times")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--batch-size", type=int, default=32)
    args = parser.parse_args()

    extractor = Extractor(Settings(batch_size=args.batch_size))
    articles = load_texts(args.corpus, args.limit, args.repeat)
    texts = [a.text for a in articles]
    words = sum(len(t.split()) for t in texts)
    bare = statistics.median(time_bare(extractor, texts, args.batch_size) for _ in range(args.runs))
    full = statistics.median(time_full(extractor, articles) for _ in range(args.runs))
    result = {
        "articles": len(articles),
        "words": words,
        "bare_spacy_words_per_s": round(words / bare),
        "wirewatch_words_per_s": round(words / full),
        "ratio_wirewatch_to_bare": round(bare / full, 3),
        "component_share_percent": component_shares(extractor, articles),
        "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
