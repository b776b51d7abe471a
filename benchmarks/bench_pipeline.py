"""Speed of the wirewatch pipeline against the bare spaCy pipeline on the same texts, the
engines' speed-up with two workers over one, memory, and how much a sentence pre-filter
could save.

Everything is a ratio measured in the same run (never an absolute timing as pass/fail).
The corpus is the Reuters-21578 sample from ../shared/eval when present (2,413 wire
stories), else the demo corpus repeated; either way at least ``--min-articles`` articles.

    python benchmarks/bench_pipeline.py
    python benchmarks/bench_pipeline.py --corpus news.jsonl --engine-articles 400 --no-ray
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import time
from pathlib import Path

from wirewatch.api import demo_corpus
from wirewatch.config import Settings
from wirewatch.ingest import read_paths
from wirewatch.nlp.pipeline import COMPONENTS, Extractor, load_model
from wirewatch.types import Article, Failure

ROOT = Path(__file__).resolve().parents[1]
REUTERS = ROOT.parent / "shared" / "eval" / "reuters21578-sample" / "dev.jsonl"
PRONOUNS = {"he", "she", "they", "we", "i", "it"}


def load_corpus(path: Path | None, minimum: int) -> tuple[list[Article], str]:
    source = path or (REUTERS if REUTERS.exists() else demo_corpus())
    articles = [a for a in read_paths([source]) if isinstance(a, Article)]
    copies = articles
    while len(copies) < minimum:
        copies = copies + articles
    return copies, str(source)


def words_of(articles: list[Article]) -> int:
    return sum(len(a.text.split()) for a in articles)


def time_bare(bare, articles: list[Article], batch_size: int) -> float:
    """The model as spaCy ships it, every pipe on, over the same texts."""
    texts = [a.text for a in articles]
    start = time.perf_counter()
    for _ in bare.pipe(texts, batch_size=batch_size):
        pass
    return time.perf_counter() - start


def same_token_attributes(bare, extractor: Extractor, articles: list[Article]) -> bool:
    """Whether wirewatch's pipeline leaves every token's tag, POS, morphology, lemma, head
    and dependency as the bare model does (it replaces the attribute ruler)."""
    texts = [a.text for a in articles]
    with extractor.nlp.select_pipes(disable=list(COMPONENTS)):
        ours = extractor.nlp.pipe(texts, batch_size=32)
        for a, b in zip(bare.pipe(texts, batch_size=32), ours, strict=True):
            left = [(t.tag, t.pos, t.morph.key, t.lemma, t.head.i, t.dep, t.ent_iob, t.ent_type) for t in a]
            right = [(t.tag, t.pos, t.morph.key, t.lemma, t.head.i, t.dep, t.ent_iob, t.ent_type) for t in b]
            if left != right:
                return False
    return True


def time_engine(engine, articles: list[Article]) -> tuple[float, int]:
    start = time.perf_counter()
    failed = sum(isinstance(r, Failure) for r in engine.extract_many(articles))
    return time.perf_counter() - start, failed


def component_shares(extractor: Extractor, articles: list[Article]) -> dict[str, float]:
    nlp = extractor.nlp
    totals = dict.fromkeys(nlp.pipe_names, 0.0)
    docs = [extractor._prepare(a) for a in articles]
    for name, proc in nlp.pipeline:
        start = time.perf_counter()
        docs = list(proc.pipe(docs, batch_size=32)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
        totals[name] += time.perf_counter() - start
    whole = sum(totals.values()) or 1.0
    return {name: round(100 * t / whole, 1) for name, t in totals.items()}


def prefilter_reach(extractor: Extractor, articles: list[Article]) -> dict[str, float]:
    """What a first pass that keeps only sentences with a trigger word (speech cue, event
    verb or noun, or a quotation mark) and an actor-like mention (a person, organisation,
    place or group entity, or a pronoun) would keep, and which of the records it would lose."""
    from wirewatch.nlp.convert import to_extraction

    nlp = extractor.nlp
    patterns = nlp.get_pipe("wirewatch_events").patterns
    triggers = set(patterns.events) | set(patterns.nouns) | set(patterns.cues)
    sentences = kept = records = covered = 0
    for article, doc in zip(articles, nlp.pipe(extractor._prepare(a) for a in articles), strict=True):
        chosen = set()
        for i, sent in enumerate(doc.sents):
            sentences += 1
            trigger = any(t.lemma_.lower() in triggers or t.lower_ in triggers for t in sent) or any(
                q in sent.text for q in '"“”'
            )
            actor = any(e.label_ in ("PERSON", "ORG", "GPE", "NORP") for e in sent.ents) or any(
                t.lower_ in PRONOUNS for t in sent
            )
            if trigger and actor:
                kept += 1
                chosen.add(i)
        x = to_extraction(doc, article, extractor.versions)
        for s in x.statements:
            records += 1
            covered += s.sentence in chosen
        for e in x.events:
            records += 1
            covered += e.evidence.sentence in chosen
    return {
        "sentences": sentences,
        "sentences_kept_percent": round(100 * kept / max(1, sentences), 1),
        "records": records,
        "records_kept_percent": round(100 * covered / max(1, records), 1),
    }


def engine_speedup(name: str, articles: list[Article], batch_size: int) -> dict[str, float]:
    from wirewatch.engines import make_engine

    out: dict[str, float] = {}
    words = words_of(articles)
    for workers in (1, 2):
        engine = make_engine(name, Settings(batch_size=batch_size), workers)
        try:
            warm = articles[: 2 * workers * batch_size]
            list(engine.extract_many(warm))  # every worker has loaded its pipeline
            seconds, failed = time_engine(engine, articles)
            if hasattr(engine, "peak_rss_mib"):
                out[f"{name}_{workers}_peak_rss_mib_per_worker"] = engine.peak_rss_mib()
        finally:
            engine.close()
        out[f"{name}_{workers}_words_per_s"] = round(words / seconds)
        out[f"{name}_{workers}_failed"] = failed
    out[f"{name}_speedup_2_over_1"] = round(out[f"{name}_2_words_per_s"] / out[f"{name}_1_words_per_s"], 2)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, help="JSONL/text corpus (default: the Reuters sample or the demo)")
    parser.add_argument("--min-articles", type=int, default=2000)
    # Large enough that starting Ray's actors and loading a model in each (paid once per
    # run, as in real use) does not dominate the timing.
    parser.add_argument("--engine-articles", type=int, default=1200, help="articles per engine run")
    parser.add_argument(
        "--engines-only", action="store_true", help="measure only the engines, updating the results file"
    )
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--no-ray", action="store_true", help="skip the Ray engine")
    parser.add_argument("--out", type=Path, default=Path("benchmarks/results/pipeline.json"))
    args = parser.parse_args()

    articles, source = load_corpus(args.corpus, args.min_articles)
    if args.engines_only:
        result = json.loads(args.out.read_text()) if args.out.exists() else {"corpus": source}
        engines(result, articles, args)
        return
    words = words_of(articles)
    settings = Settings(batch_size=args.batch_size)
    extractor = Extractor(settings)
    bare_nlp = load_model(settings.model)
    bare = time_bare(bare_nlp, articles, args.batch_size)
    full, failed = time_engine(extractor, articles)
    result: dict[str, object] = {
        "machine": f"{platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}",
        "corpus": source,
        "articles": len(articles),
        "words": words,
        "bare_spacy_articles_per_s": round(len(articles) / bare, 1),
        "bare_spacy_words_per_s": round(words / bare),
        "wirewatch_articles_per_s": round(len(articles) / full, 1),
        "wirewatch_words_per_s": round(words / full),
        "ratio_wirewatch_to_bare": round(bare / full, 3),
        "failed_articles": failed,
        "token_attributes_identical_to_bare": same_token_attributes(bare_nlp, extractor, articles[:300]),
        "component_share_percent": component_shares(extractor, articles[:300]),
        "prefilter": prefilter_reach(extractor, articles[:300]),
        # The local run holds the whole corpus and the bare and full passes' state.
        "peak_rss_mib_local": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }
    print(json.dumps(result, indent=2), flush=True)
    del extractor, bare_nlp
    engines(result, articles, args)


def engines(result: dict[str, object], articles: list[Article], args: argparse.Namespace) -> None:
    subset = articles[: args.engine_articles]
    result["engine_articles"] = len(subset)
    result.update(engine_speedup("process", subset, args.batch_size))
    if not args.no_ray:
        try:
            result.update(engine_speedup("ray", subset, args.batch_size))
        except Exception as exc:  # Ray missing or failing must not hide the rest
            result["ray"] = f"not measured: {exc}"
    print(json.dumps(result, indent=2))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n")
    print("\n| measure | value |\n|---|---|")
    for key, value in result.items():
        print(f"| {key} | {value} |")


if __name__ == "__main__":
    main()
